"""``milestones replay --from``: where a resumed replay starts, and the command a give-up prints."""

from __future__ import annotations

import argparse
from pathlib import Path

from schemas import Article
from streams.replay.cli import _resume_command, _start_index
from streams.replay.files import ArticleFile
from streams.replay.producer import ReplayPlan
from streams.replay.sender import SenderGaveUp


def _plan(*names: str) -> ReplayPlan:
    files = [ArticleFile(Path("in") / n, Article(article_id=n, body="x"), size=1) for n in names]
    return ReplayPlan(files, [])


def _args(**kw: object) -> argparse.Namespace:
    values: dict[str, object] = {"paths": ["in"], "order": "name", "rate": None, "speed": None, "loop": 1}
    values.update(kw)
    return argparse.Namespace(**values)


def test_from_starts_at_the_named_file_by_name_or_path() -> None:
    plan = _plan("a.txt", "b.txt", "c.txt")
    assert _start_index(plan, None) == 0
    assert _start_index(plan, "b.txt") == 1
    assert _start_index(plan, "in/c.txt") == 2
    assert _start_index(plan, "z.txt") is None


def test_the_resume_command_names_the_first_file_not_sent_and_keeps_the_pace() -> None:
    gave_up = SenderGaveUp("gave up", "b.txt", position=2)
    assert _resume_command(_args(rate=20.0), gave_up, files=3, start_at=0) == (
        "milestones replay in --from b.txt --rate 20"
    )


def test_the_resume_command_counts_the_passes_still_to_do() -> None:
    # 3 files, 3 passes: positions 1-3 are pass 1, 4-6 pass 2, 7-9 pass 3.
    assert _resume_command(_args(loop=3), SenderGaveUp("", "b.txt", 2), 3, 0).endswith(
        "--from b.txt --loop 3"
    )
    assert _resume_command(_args(loop=3), SenderGaveUp("", "a.txt", 4), 3, 0).endswith(
        "--from a.txt --loop 2"
    )
    assert _resume_command(_args(loop=3), SenderGaveUp("", "c.txt", 9), 3, 0).endswith("--from c.txt")
    # A resumed run that starts at the 2nd file: its first pass has 2 files.
    assert _resume_command(_args(loop=2), SenderGaveUp("", "a.txt", 3), 3, 1).endswith("--from a.txt")
