"""Contract rule 9 on a real broker: an article already processed publishes nothing again.

The seeds are replayed three times: once, again into the same worker, and again into a worker
started after the first stopped, with an empty data directory of its own (a restart on another
machine: it knows the processed ids only from the table's changelog). After the first pass the
topics must not grow: no index move, no quote and no alert is published again, and the alerts
are the seeds' gold ones (shared/gold/seeds.json, "seeds-by-name").
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from schemas import Alert
from streams.kafka.lag import wait_for_worker
from streams.replay.producer import plan_replay, replay
from streams.settings import Settings
from tests.gold import gold_stream
from tests.integration.helpers import SEEDS, read_topic, start_worker, unique_settings

pytestmark = pytest.mark.integration


async def _published(settings: Settings) -> tuple[int, int, list[Alert]]:
    """How many moves and quotes are on their topics, and the alerts (sorted: 3 partitions)."""
    t, bootstrap = settings.topics, settings.kafka_bootstrap
    moves = await read_topic(bootstrap, t.index_moves)
    quotes = await read_topic(bootstrap, t.quotes)
    alerts = [Alert.from_json_bytes(r.value or b"") for r in await read_topic(bootstrap, t.alerts)]
    return len(moves), len(quotes), sorted(alerts, key=lambda a: a.alert_id)


async def test_a_replayed_article_publishes_nothing_again_across_a_restart(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    plan = plan_replay([SEEDS])
    gold_alerts = gold_stream("seeds", "seeds-by-name")["alerts"]

    worker = await asyncio.to_thread(start_worker, settings, tmp_path / "worker-1.log")
    try:
        await replay(settings, plan)
        assert await wait_for_worker(settings, timeout=120)
        first = await _published(settings)
        await replay(settings, plan)  # the same five texts, the same five ids
        assert await wait_for_worker(settings, timeout=120)
        second = await _published(settings)
    finally:
        assert worker.stop() == 0

    fresh = settings.model_copy(update={"data_dir": tmp_path / "elsewhere"})
    worker = await asyncio.to_thread(start_worker, fresh, tmp_path / "worker-2.log")
    try:
        await replay(fresh, plan)
        assert await wait_for_worker(fresh, timeout=120)
        third = await _published(fresh)
    finally:
        assert worker.stop() == 0

    moves, quotes, alerts = first
    assert moves > 0 and quotes > 0
    assert sorted((a.kind, a.index, a.direction) for a in alerts) == sorted(
        (a["kind"], a["index"], a["direction"]) for a in gold_alerts
    )
    assert second == first, "the second replay into the same worker published again"
    assert third == first, "the replay after a restart elsewhere published again"
    articles = await read_topic(kafka_bootstrap, settings.topics.articles)
    assert len(articles) == 15  # all three passes reached the worker; it dropped the repeats
