"""The same files replayed twice, with a worker restart between: the second pass adds nothing.

Contract rule 9 under load: 600 generated articles are replayed while a worker processes them;
the worker is stopped (SIGTERM) and a new one started on the same group and data directory;
the same 600 files are replayed again. Afterwards ``index-moves``, ``quotes`` and ``alerts``
hold exactly what they held after the first pass (no new alert id above all), the alerts are
backtest's, and a subscriber sees each once.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from streams.kafka.admin import ensure_topics
from streams.kafka.lag import wait_for_worker
from tests.integration.helpers import read_topic, unique_settings
from tests.reliability.corpus import Corpus
from tests.reliability.harness import (
    articles_lost,
    collect_alerts,
    plan_of,
    start_generation,
    start_replay,
    write_artifact,
)

pytestmark = pytest.mark.integration

ARTICLES = 600
RATE = 80.0


async def _counts(settings: object) -> tuple[int, int, set[str]]:
    from schemas import Alert

    t = settings.topics  # type: ignore[attr-defined]
    bootstrap = settings.kafka_bootstrap  # type: ignore[attr-defined]
    moves = await read_topic(bootstrap, t.index_moves, idle_ms=2000)
    quotes = await read_topic(bootstrap, t.quotes, idle_ms=2000)
    alerts = {Alert.from_json_bytes(r.value or b"").alert_id for r in await read_topic(bootstrap, t.alerts)}
    return len(moves), len(quotes), alerts


async def test_the_same_files_replayed_twice_across_a_restart_publish_nothing_new(
    kafka_bootstrap: str, tmp_path: Path, corpus: Corpus
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    await ensure_topics(settings)
    plan = plan_of(corpus.files[:ARTICLES])
    worker = await start_generation(settings, tmp_path, "worker-1")
    try:
        first = await start_replay(settings, plan, RATE)
        assert await wait_for_worker(settings, timeout=240)
        moves_1, quotes_1, alerts_1 = await _counts(settings)
    finally:
        assert worker.stop() == 0
    worker = await start_generation(settings, tmp_path, "worker-2")
    try:
        second = await start_replay(settings, plan, RATE)
        started = time.monotonic()
        assert await wait_for_worker(settings, timeout=240)
        caught_up = time.monotonic() - started
        moves_2, quotes_2, alerts_2 = await _counts(settings)
        lost = await articles_lost(settings)
        check = await collect_alerts(settings, corpus.alerts_of_first(ARTICLES))
    finally:
        worker.stop()
    figures = {
        "articles_in": first.sent + second.sent,
        "moves_after_first_pass": moves_1,
        "moves_after_second_pass": moves_2,
        "quotes_after_first_pass": quotes_1,
        "quotes_after_second_pass": quotes_2,
        "new_alert_ids_on_second_pass": len(alerts_2 - alerts_1),
        "articles_lost": lost,
        "recovery_seconds": [round(caught_up, 2)],
        **check.figures(),
    }
    write_artifact("replay-twice", figures)
    assert first.sent == second.sent == ARTICLES, figures
    assert (moves_2, quotes_2, alerts_2) == (moves_1, quotes_1, alerts_1), figures
    assert lost == 0 and check.verify() == [], f"{check.problems}\n{figures}"
