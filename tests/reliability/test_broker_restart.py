"""The broker stops and comes back mid-stream: worker and replay recover by themselves, nothing lost.

A dedicated broker (not the session's), stopped with SIGTERM and started again on the same port
and data dir while the replay is sending and the worker is extracting and alerting. Nobody is
restarted by the test: the worker process must be the same one at the end.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.broker import LocalKafka
from streams.kafka_admin import ensure_topics
from streams.lag import wait_for_worker
from tests.integration.helpers import unique_settings
from tests.reliability.corpus import Corpus
from tests.reliability.harness import (
    collect_alerts,
    plan_of,
    start_generation,
    start_replay,
    wait_committed,
    write_artifact,
)

pytestmark = pytest.mark.integration

ARTICLES = 600
RATE = 40.0


@pytest.fixture
def own_broker() -> Iterator[LocalKafka]:
    kafka = LocalKafka()
    kafka.start()
    try:
        yield kafka
    finally:
        kafka.stop()


async def test_broker_restart_mid_stream_loses_nothing(
    own_broker: LocalKafka, tmp_path: Path, corpus: Corpus
) -> None:
    bootstrap = own_broker.bootstrap
    settings = unique_settings(bootstrap, tmp_path)
    t = settings.topics
    await ensure_topics(settings)
    worker = await start_generation(settings, tmp_path, "worker")
    pid = worker.proc.pid if worker.proc else None
    replaying = start_replay(settings, plan_of(corpus.files[:ARTICLES]), RATE)
    try:
        await wait_committed(bootstrap, settings.app_id, t.articles, ARTICLES // 4)
        stopped_at = time.monotonic()
        await asyncio.to_thread(own_broker.stop, keep_data=True)
        await asyncio.sleep(3.0)  # the broker stays away a while: clients must wait, not give up
        await asyncio.to_thread(own_broker.start)
        back_at = time.monotonic()
        assert own_broker.bootstrap == bootstrap
        summary = await asyncio.wait_for(replaying, timeout=300)
        zero = await wait_for_worker(settings, timeout=240)
        caught_up_at = time.monotonic()
        same_worker = worker.running and worker.proc is not None and worker.proc.pid == pid
        check = await collect_alerts(settings, corpus.alerts_of_first(ARTICLES))
    finally:
        if not replaying.done():
            replaying.cancel()
        worker.stop()
    figures = {
        "articles_in": summary.sent,
        "seconds_broker_down": round(back_at - stopped_at, 2),
        "seconds_broker_back_to_caught_up": round(caught_up_at - back_at, 2),
        "same_worker_process": same_worker,
        **check.figures(),
    }
    write_artifact("broker-restart", figures)
    assert summary.sent == ARTICLES, figures
    assert zero, f"the worker never caught up after the broker came back: {figures}"
    assert same_worker, f"the worker did not survive the broker restart: {figures}"
    assert check.verify() == [], f"{check.problems}\n{figures}"
