"""Two workers in one group over 6 partitions, one killed midway: the alerts are one worker's (backtest's).

The survivor takes over the dead worker's partitions (articles and index-moves) and restores
their alert state from the table's changelog; moves repeated by the takeover are skipped by
their article position, so no alert is invented or lost.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from streams.kafka.admin import ensure_topics
from streams.kafka.lag import wait_for_worker
from streams.worker.process import free_port
from tests.integration.helpers import unique_settings
from tests.reliability.corpus import Corpus
from tests.reliability.harness import (
    articles_lost,
    collect_alerts,
    committed_and_end,
    plan_of,
    start_generation,
    start_replay,
    wait_committed,
    write_artifact,
)

pytestmark = pytest.mark.integration

ARTICLES = 800
RATE = 50.0


async def test_two_workers_six_partitions_one_killed_midway(
    kafka_bootstrap: str, tmp_path: Path, corpus: Corpus
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path, partitions=6)
    t = settings.topics
    await ensure_topics(settings)
    first = await start_generation(settings, tmp_path, "worker-a")
    second = await start_generation(settings, tmp_path, "worker-b", web_port=free_port(), own_data_dir=True)
    replaying = start_replay(settings, plan_of(corpus.files[:ARTICLES]), RATE)
    try:
        await wait_committed(kafka_bootstrap, settings.app_id, t.articles, ARTICLES // 2)
        moves_done, moves_end = await committed_and_end(kafka_bootstrap, settings.app_id, t.index_moves)
        killed_at = time.monotonic()
        first.kill()
        summary = await replaying
        zero = await wait_for_worker(settings, timeout=240)
        recovered = time.monotonic() - killed_at
        survivor_alive = second.running
        lost = await articles_lost(settings)
        check = await collect_alerts(settings, corpus.alerts_of_first(ARTICLES))
    finally:
        if not replaying.done():
            replaying.cancel()
        first.kill()
        second.stop()
    figures = {
        "articles_in": summary.sent,
        "index_moves_committed_at_kill": moves_done,
        "index_moves_on_topic_at_kill": moves_end,
        "seconds_kill_to_caught_up": round(recovered, 2),
        "survivor_alive": survivor_alive,
        "articles_lost": lost,
        "recovery_seconds": [round(recovered, 2)],
        **check.figures(),
    }
    write_artifact("scale-out", figures)
    assert zero and survivor_alive, f"the surviving worker did not finish the job: {figures}"
    assert figures["articles_lost"] == 0, figures
    assert check.verify() == [], f"{check.problems}\n{figures}"
