"""``milestones replay`` when the broker does not come back in time: exit 3, then resume, none twice.

The replay (the real command, in a subprocess) is given a short outage deadline and its broker is
stopped for good mid-way. It must exit with status 3, naming the first article not on the topic
and the command that resumes from it; once the broker is back, that command must leave every
article on the topic exactly once, whatever reached it just before the outage.
"""

from __future__ import annotations

import asyncio
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.broker import LocalKafka
from streams.kafka.admin import ensure_topics
from tests.integration.helpers import read_topic, unique_settings
from tests.reliability.corpus import Corpus
from tests.reliability.harness import write_artifact

pytestmark = pytest.mark.integration

ARTICLES = 200


@pytest.fixture
def own_broker() -> Iterator[LocalKafka]:
    kafka = LocalKafka()
    kafka.start()
    try:
        yield kafka
    finally:
        kafka.stop()


def _milestones(argv: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "streams.cli", *argv],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


async def test_replay_gives_up_naming_the_first_article_not_sent_and_resumes_without_repeats(
    own_broker: LocalKafka, tmp_path: Path, corpus: Corpus
) -> None:
    settings = unique_settings(own_broker.bootstrap, tmp_path)
    await ensure_topics(settings)
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in corpus.files[:ARTICLES]:
        shutil.copy(path, folder / path.name)
    env = {
        "MILESTONES_KAFKA_BOOTSTRAP": settings.kafka_bootstrap,
        "MILESTONES_TOPIC_PREFIX": settings.topic_prefix,
        "MILESTONES_REPLAY_OUTAGE_SECONDS": "8",
    }
    replay = _milestones(["replay", str(folder), "--rate", "20", "--quiet"], env)
    await asyncio.sleep(4)  # about 80 articles sent
    await asyncio.to_thread(own_broker.stop, keep_data=True)
    started = time.monotonic()
    _, err = await asyncio.to_thread(replay.communicate, timeout=120)
    gave_up_after = time.monotonic() - started
    assert replay.returncode == 3, err
    first = re.search(r"the first article not on the topic is (\S+) \(#(\d+)\)", err)
    resume = re.search(r"to resume: (milestones replay .*)$", err, re.MULTILINE)
    assert first and resume, err
    assert resume.group(1) == f"milestones replay {folder} --from {first.group(1)} --rate 20"

    await asyncio.to_thread(own_broker.start)
    again = _milestones([*shlex.split(resume.group(1))[1:], "--quiet"], env)
    _, err_again = await asyncio.to_thread(again.communicate, timeout=120)
    assert again.returncode == 0, err_again
    records = await read_topic(settings.kafka_bootstrap, settings.topics.articles)
    copies = Counter(r.key for r in records)
    figures = {
        "articles": ARTICLES,
        "first_not_sent": first.group(1),
        "first_not_sent_position": int(first.group(2)),
        "seconds_broker_stop_to_exit": round(gave_up_after, 1),
        "on_topic": len(records),
        "distinct_on_topic": len(copies),
        "resume_said": err_again.strip().splitlines()[-3:],
    }
    write_artifact("replay-gives-up", figures)
    assert 1 < int(first.group(2)) < ARTICLES, figures
    assert len(copies) == ARTICLES and len(records) == ARTICLES, figures
