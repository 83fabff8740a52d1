"""SIGTERM during a replay: offsets committed, sends flushed; the next start neither skips nor repeats.

After a SIGTERM and a restart, the alerts topic holds backtest's alerts with no repeat at all
(a repeat would mean the stopped worker's last alerts were sent but not recorded), and
``index-moves`` holds exactly one pass of moves: each (article offset, ordinal) once, as many
as extraction gives (a repeat would mean an article extracted twice, a gap one skipped).
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from streams.alerting.positions import MovePosition
from streams.kafka.admin import ensure_topics
from streams.kafka.lag import wait_for_worker
from tests.integration.helpers import read_topic, unique_settings
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

ARTICLES = 600
RATE = 40.0


async def test_sigterm_mid_replay_then_restart_neither_skips_nor_repeats(
    kafka_bootstrap: str, tmp_path: Path, corpus: Corpus
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    t = settings.topics
    await ensure_topics(settings)
    worker = await start_generation(settings, tmp_path, "worker-1")
    replaying = start_replay(settings, plan_of(corpus.files[:ARTICLES]), RATE)
    try:
        await wait_committed(kafka_bootstrap, settings.app_id, t.articles, ARTICLES // 3)
        _, on_topic_at_sigterm = await committed_and_end(kafka_bootstrap, settings.app_id, t.articles)
        asked = time.monotonic()
        code = worker.stop()
        stop_seconds = time.monotonic() - asked
        still_sending = not replaying.done()
        worker = await start_generation(settings, tmp_path, "worker-2")
        await wait_committed(kafka_bootstrap, settings.app_id, t.articles, on_topic_at_sigterm)
        recovered = time.monotonic() - asked
        summary = await replaying
        zero = await wait_for_worker(settings, timeout=240)
        moves = await read_topic(kafka_bootstrap, t.index_moves)
        lost = await articles_lost(settings)
        check = await collect_alerts(settings, corpus.alerts_of_first(ARTICLES))
    finally:
        if not replaying.done():
            replaying.cancel()
        worker.stop()
    positions = Counter(MovePosition.from_headers(r.headers) for r in moves)
    first_log = (tmp_path / "worker-1.log").read_text(errors="replace")
    figures = {
        "articles_in": summary.sent,
        "sigterm_exit_code": code,
        "seconds_sigterm_to_exit": round(stop_seconds, 2),
        "replay_still_sending_at_sigterm": still_sending,
        "moves_expected": sum(corpus.move_counts[:ARTICLES]),
        "moves_on_topic": len(moves),
        "moves_repeated": sum(n - 1 for n in positions.values() if n > 1),
        "articles_lost": lost,
        "recovery_seconds": [round(recovered, 2)],
        **check.figures(),
    }
    write_artifact("graceful-shutdown", figures)
    assert zero and figures["articles_lost"] == 0, figures
    assert code == 0 and "Traceback" not in first_log, f"unclean stop: {first_log[-3000:]}"
    assert None not in positions, "a move without its article position"
    assert figures["moves_repeated"] == 0 and len(moves) == figures["moves_expected"], figures
    assert check.verify() == [] and check.raw_repeats == 0, f"{check.problems}\n{figures}"
