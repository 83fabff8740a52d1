"""A stop that fails or hangs still ends the worker, says why, and loses nothing.

Faust's worker awaits its stop before it cancels the running start-up: when the stop raised
(one CI run), the process never exited. ``stop_fault_worker.py`` makes the worker's stop raise,
the app's stop raise (its Kafka client thread then never ends), or the app's stop never finish,
on purpose. SIGTERM mid-replay must end the process with status 1 (a failed stop) or 70 (hung
past ``MILESTONES_SHUTDOWN_TIMEOUT_SECONDS``) and one critical log line saying so, rather
than the SIGKILL that ``WorkerProcess.stop`` sends after 60 s (status -9). The next worker then
finishes the replay: no article lost, backtest's alerts each seen once by subscribers.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from streams.kafka.admin import ensure_topics
from streams.kafka.lag import wait_for_worker
from streams.worker.stopping import EXIT_STOP_TIMED_OUT
from tests.integration.helpers import start_worker, unique_settings
from tests.reliability.corpus import Corpus
from tests.reliability.harness import (
    articles_lost,
    collect_alerts,
    plan_of,
    start_generation,
    start_replay,
    wait_committed,
    write_artifact,
)

pytestmark = pytest.mark.integration

STOP_FAULT_WORKER = Path(__file__).with_name("stop_fault_worker.py")
ARTICLES = 200
RATE = 40.0


@pytest.mark.parametrize(
    ("fault", "timeout", "status", "says"),
    [
        ("raise", "20", 1, "stopping after SIGTERM failed (RuntimeError: induced stop failure)"),
        ("child", "20", 1, "the stop left 1 thread(s) running"),
        ("hang", "5", EXIT_STOP_TIMED_OUT, "the worker did not stop within 5 s of SIGTERM"),
    ],
)
async def test_a_failed_stop_ends_the_worker_and_loses_nothing(
    kafka_bootstrap: str, tmp_path: Path, corpus: Corpus, fault: str, timeout: str, status: int, says: str
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    await ensure_topics(settings)
    worker = await asyncio.to_thread(
        start_worker,
        settings,
        tmp_path / "worker-1.log",
        program=(str(STOP_FAULT_WORKER),),
        env={"STOP_FAULT": fault, "MILESTONES_SHUTDOWN_TIMEOUT_SECONDS": timeout},
    )
    replaying = start_replay(settings, plan_of(corpus.files[:ARTICLES]), RATE)
    try:
        await wait_committed(kafka_bootstrap, settings.app_id, settings.topics.articles, ARTICLES // 3)
        code = await asyncio.to_thread(worker.stop)
        worker = await start_generation(settings, tmp_path, "worker-2")
        summary = await replaying
        zero = await wait_for_worker(settings, timeout=240)
        lost = await articles_lost(settings)
        check = await collect_alerts(settings, corpus.alerts_of_first(ARTICLES))
    finally:
        if not replaying.done():
            replaying.cancel()
        worker.stop()
    first_log = (tmp_path / "worker-1.log").read_text(errors="replace")
    figures = {
        "fault": fault,
        "exit_code": code,
        "articles_in": summary.sent,
        "articles_lost": lost,
        **check.figures(),
    }
    write_artifact(f"stop-fault-{fault}", figures)
    assert code == status, f"exit status {code}, expected {status}:\n{first_log[-3000:]}"
    assert says in first_log, first_log[-3000:]
    if status != EXIT_STOP_TIMED_OUT:
        assert "did not stop within" not in first_log, "ended by the watchdog, not by the stop"
    assert zero and lost == 0 and summary.sent == ARTICLES, figures
    assert check.verify() == [], f"{check.problems}\n{figures}"
