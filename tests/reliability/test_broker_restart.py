"""The broker goes away mid-stream and comes back: worker and replay wait, resume, lose nothing.

A dedicated broker (not the session's) is stopped (SIGTERM: a clean stop) or killed (SIGKILL: a
crash), stays away ``MILESTONES_OUTAGE_SECONDS`` (20 in ``make test``, 60 in ``make soak``:
longer than the replay producer's 15-second batch timeout, so its batches expire and the
replay must find out what reached the topic), then starts again on the same port and data dir,
while the replay is sending and the worker is extracting and alerting. Nobody is restarted by
the test. Afterwards:

- the replay sent every article exactly once: the articles topic holds each id once;
- the worker is the same process, caught up, with exactly backtest's alerts;
- during the outage the worker used under a tenth of a core and logged a bounded number of
  lines (the Kafka client's repeated errors, once per kind per 30 s with a count).
"""

from __future__ import annotations

import asyncio
import os
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.broker import LocalKafka
from streams.kafka.admin import ensure_topics
from streams.kafka.lag import wait_for_worker
from tests.integration.helpers import read_topic, unique_settings
from tests.reliability.corpus import Corpus
from tests.reliability.harness import (
    articles_lost,
    collect_alerts,
    plan_of,
    start_generation,
    wait_committed,
    write_artifact,
)

pytestmark = pytest.mark.integration

ARTICLES = 600
RATE = 40.0
OUTAGE_SECONDS = float(os.environ.get("MILESTONES_OUTAGE_SECONDS", "20"))
MAX_CORES_DURING_OUTAGE = 0.1
MAX_LOG_LINES_PER_MINUTE = 40


@pytest.fixture
def own_broker() -> Iterator[LocalKafka]:
    kafka = LocalKafka()
    kafka.start()
    try:
        yield kafka
    finally:
        kafka.stop()


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _lines(path: Path) -> int:
    return len(path.read_text(errors="replace").splitlines())


@pytest.mark.parametrize("how", ["stop", "kill"])
async def test_broker_away_mid_stream_loses_nothing_and_sends_nothing_twice(
    how: str, own_broker: LocalKafka, tmp_path: Path, corpus: Corpus
) -> None:
    from streams.replay.producer import replay

    bootstrap = own_broker.bootstrap
    settings = unique_settings(bootstrap, tmp_path)
    t = settings.topics
    await ensure_topics(settings)
    worker = await start_generation(settings, tmp_path, "worker")
    assert worker.proc is not None
    pid, log = worker.proc.pid, tmp_path / "worker.log"
    notes: list[str] = []
    replaying = asyncio.get_running_loop().create_task(
        replay(settings, plan_of(corpus.files[:ARTICLES]), rate=RATE, on_status=notes.append)
    )
    try:
        await wait_committed(bootstrap, settings.app_id, t.articles, ARTICLES // 4)
        stopped_at = time.monotonic()
        if how == "kill":
            await asyncio.to_thread(own_broker.kill)
        else:
            await asyncio.to_thread(own_broker.stop, keep_data=True)
        cpu_before, lines_before, away_from = _cpu_seconds(pid), _lines(log), time.monotonic()
        await asyncio.sleep(OUTAGE_SECONDS)
        cores = (_cpu_seconds(pid) - cpu_before) / (time.monotonic() - away_from)
        lines_during = _lines(log) - lines_before
        await asyncio.to_thread(own_broker.start)
        back_at = time.monotonic()
        assert own_broker.bootstrap == bootstrap
        summary = await asyncio.wait_for(replaying, timeout=300)
        zero = await wait_for_worker(settings, timeout=240)
        caught_up_at = time.monotonic()
        same_worker = worker.running and worker.proc is not None and worker.proc.pid == pid
        articles = await read_topic(bootstrap, t.articles)
        lost = await articles_lost(settings)
        check = await collect_alerts(settings, corpus.alerts_of_first(ARTICLES))
    finally:
        if not replaying.done():
            replaying.cancel()
        worker.stop()
    copies = Counter(r.key for r in articles)
    figures = {
        "how": how,
        "articles_in": summary.sent,
        "articles_on_topic": len(articles),
        "articles_twice_on_topic": sum(1 for n in copies.values() if n > 1),
        "replay_outages_seconds": summary.delivery.outage_seconds,
        "replay_found_after_outage": summary.delivery.found_after_outage,
        "replay_sent_again": summary.delivery.sent_again,
        "replay_said": notes,
        "seconds_broker_down": round(back_at - stopped_at, 2),
        "seconds_broker_back_to_caught_up": round(caught_up_at - back_at, 2),
        "worker_cores_during_outage": round(cores, 3),
        "worker_log_lines_during_outage": lines_during,
        "same_worker_process": same_worker,
        "articles_lost": lost,
        "recovery_seconds": [round(caught_up_at - back_at, 2)],
        **check.figures(),
    }
    write_artifact(f"broker-{how}", figures)
    assert summary.sent == ARTICLES and len(articles) == ARTICLES and lost == 0, figures
    assert figures["articles_twice_on_topic"] == 0 and len(copies) == ARTICLES, figures
    assert any("is away" in n for n in notes) and any("is back" in n for n in notes), figures
    assert zero, f"the worker never caught up after the broker came back: {figures}"
    assert same_worker, f"the worker did not survive the broker outage: {figures}"
    assert cores < MAX_CORES_DURING_OUTAGE, figures
    assert lines_during <= MAX_LOG_LINES_PER_MINUTE * max(1.0, OUTAGE_SECONDS / 60), figures
    assert check.verify() == [], f"{check.problems}\n{figures}"
