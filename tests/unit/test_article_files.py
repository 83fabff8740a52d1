"""Reading article files: folders in name order, unreadable files skipped by name with a reason."""

from __future__ import annotations

import shutil
from pathlib import Path

from streams.offline import run_extract
from streams.replay.files import ArticleFile, SkippedFile, load_articles, order_articles
from streams.replay.producer import plan_replay

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "004_211e76bec58d9872.txt", folder / "b_seed.txt")
    (folder / "a_binary.bin").write_bytes(bytes(range(256)) * 4)
    (folder / "c_empty.txt").write_bytes(b"")
    (folder / ".hidden").write_text("ignored")
    return folder


def test_folder_with_binary_and_empty_files_yields_one_article_and_two_reasons(tmp_path: Path) -> None:
    plan = plan_replay([_mixed_folder(tmp_path)])
    assert [f.path.name for f in plan.files] == ["b_seed.txt"]
    reasons = {s.path.name: s.reason for s in plan.skipped}
    assert set(reasons) == {"a_binary.bin", "c_empty.txt"}
    assert "binary" in reasons["a_binary.bin"] or "UTF-8" in reasons["a_binary.bin"]
    assert "empty" in reasons["c_empty.txt"]
    assert plan.files[0].article.origin == "b_seed.txt"


def test_missing_path_is_reported_not_raised(tmp_path: Path) -> None:
    items = list(load_articles([tmp_path / "nope.txt"]))
    assert isinstance(items[0], SkippedFile) and "no such file" in items[0].reason


def test_published_order_puts_dated_first_oldest_first_then_undated_in_given_order() -> None:
    files = [f for f in load_articles([SEEDS]) if isinstance(f, ArticleFile)]
    ordered = [f.path.name[:3] for f in order_articles(files, "published")]
    # 004 is 12 September 2025, 001 is 27 October 2025; 000, 002, 003 show no date (gold: null).
    assert ordered == ["004", "001", "000", "002", "003"]


def test_extract_reports_skips_on_stderr_and_exits_nonzero(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = run_extract([_mixed_folder(tmp_path)])
    captured = capsys.readouterr()
    assert code == 1
    assert len(captured.out.strip().splitlines()) == 1
    assert "a_binary.bin" in captured.err and "c_empty.txt" in captured.err


def test_same_text_gives_same_article_id(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_bytes((SEEDS / "000_764c2b54feedb626.txt").read_bytes())
    b.write_bytes((SEEDS / "000_764c2b54feedb626.txt").read_bytes())
    fa, fb = (f for f in load_articles([a, b]) if isinstance(f, ArticleFile))
    assert fa.article.article_id == fb.article.article_id
    assert fa.article.origin == "a.txt" and fb.article.origin == "b.txt"
