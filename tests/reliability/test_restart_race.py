"""A restarted worker with a backlog waiting loses nothing, even when its seek answers late.

The race (issue 13): a worker restarts while articles wait on ``articles``. It reads its table's
changelog, then seeks the stream partitions to their committed offsets and only then starts them.
A batch the Kafka client hands over while the stream partitions are not started yet must stay
with the client, not be taken and dropped: a dropped batch was never processed, yet the client's
position had moved past it, so the worker carried on after it and the group's lag read zero.
Whether the batch landed inside that window was a matter of milliseconds (1 restart in 4);
``race_worker.py`` delays the fetch and the seek so that it lands there every time.

Checked as a user would: every article's moves are on ``index-moves`` exactly once, and the
alerts topic holds exactly what ``backtest`` gives for the articles in replay order.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import pytest

from streams.alerting.positions import MovePosition
from streams.kafka.admin import ensure_topics
from streams.kafka.lag import wait_for_worker
from streams.replay.producer import replay
from tests.integration.helpers import read_topic, start_worker, unique_settings
from tests.reliability.corpus import Corpus
from tests.reliability.harness import articles_lost, collect_alerts, plan_of, write_artifact

pytestmark = pytest.mark.integration

FIRST, BACKLOG = 60, 240  # articles before the restart, and waiting for the restarted worker
RACE_WORKER = Path(__file__).with_name("race_worker.py")


async def test_a_batch_fetched_while_the_streams_wait_for_their_seek_is_not_lost(
    kafka_bootstrap: str, tmp_path: Path, corpus: Corpus
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    await ensure_topics(settings)
    first = await asyncio.to_thread(start_worker, settings, tmp_path / "worker-1.log")
    try:
        await replay(settings, plan_of(corpus.files[:FIRST]))
        assert await wait_for_worker(settings, timeout=120), "the first worker never caught up"
    finally:
        assert first.stop() == 0
    # The backlog arrives while no worker runs; the restarted worker's table has a changelog to read.
    await replay(settings, plan_of(corpus.files[FIRST : FIRST + BACKLOG]))
    second = await asyncio.to_thread(
        start_worker,
        settings,
        tmp_path / "worker-2.log",
        program=(str(RACE_WORKER),),
    )
    try:
        caught_up = await wait_for_worker(settings, timeout=90)
        moves = await read_topic(kafka_bootstrap, settings.topics.index_moves)
        lost = await articles_lost(settings)
        check = await collect_alerts(settings, corpus.alerts_of_first(FIRST + BACKLOG))
    finally:
        second.stop()
    per_article = Counter(MovePosition.from_headers(r.headers) for r in moves)
    figures = {
        "moves_expected": sum(corpus.move_counts[: FIRST + BACKLOG]),
        "moves_on_topic": len(moves),
        "moves_repeated": sum(n - 1 for n in per_article.values() if n > 1),
        "articles_lost": lost,
        **check.figures(),
    }
    write_artifact("restart-race", figures)
    assert caught_up, figures
    assert figures["moves_on_topic"] == figures["moves_expected"] and lost == 0, figures
    assert check.verify() == [], f"{check.problems}\n{figures}"
