"""`milestones tail` as a real process against the real broker: filters, repeats, --since, Ctrl-C."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest

from schemas import Alert, Quote
from streams.kafka.admin import ensure_topics
from streams.settings import Settings
from tests.builders import index_move
from tests.integration.helpers import produce_raw, unique_settings, worker_env

pytestmark = pytest.mark.integration


def _alert(alert_id: str, index: str, kind: str = "milestone", **kw: object) -> Alert:
    values: dict[str, object] = {
        "alert_id": alert_id,
        "kind": kind,
        "index": index,
        "direction": "up",
        "milestone": 50000.0 if kind == "milestone" else None,
        "level": 50212.27,
        "first_time": kind == "milestone",
        "article_id": "a1",
        "published_at": "2025-10-27",
        "sentence": f"{index} topped the mark for the first time.",
    }
    values.update(kw)
    return Alert.model_validate(values)


NIKKEI = _alert("nikkei-50000-up-1", "NIKKEI225")
KOSPI = _alert("kospi-record-4100-1", "KOSPI", kind="record", level=4100.5)
DOW = _alert("dow-47000-up-1", "DJIA", milestone=47000.0, level=47010.0)


async def _put_alerts(settings: Settings, alerts: list[Alert]) -> None:
    await ensure_topics(settings)
    await produce_raw(
        settings.kafka_bootstrap,
        settings.topics.alerts,
        [(a.index.encode(), a.to_json_bytes()) for a in alerts],
    )


def _tail(settings: Settings, *args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "streams.cli", "tail", *args],
        env={**os.environ, **worker_env(settings)},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _ids(done: subprocess.CompletedProcess[str]) -> Counter[str]:
    assert done.returncode == 0, done.stderr
    return Counter(orjson.loads(line)["alert_id"] for line in done.stdout.splitlines())


def test_tail_json_shows_each_alert_once_and_filters(kafka_bootstrap: str, tmp_path: Path) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    asyncio.run(_put_alerts(settings, [NIKKEI, KOSPI, NIKKEI, DOW]))  # NIKKEI repeated (at-least-once)
    every = _tail(settings, "--from-beginning", "--json", "--idle-timeout", "2")
    assert _ids(every) == Counter([NIKKEI.alert_id, KOSPI.alert_id, DOW.alert_id])
    # --json prints the record's value as it is on the topic.
    assert sorted(every.stdout.splitlines()) == sorted(
        a.to_json_bytes().decode() for a in (NIKKEI, KOSPI, DOW)
    )
    some = _tail(
        settings,
        "--from-beginning",
        "--json",
        "--idle-timeout",
        "2",
        "--index",
        "NIKKEI225",
        "--index",
        "DJIA",
    )
    assert _ids(some) == Counter([NIKKEI.alert_id, DOW.alert_id])
    records = _tail(settings, "--from-beginning", "--json", "--idle-timeout", "2", "--kind", "record")
    assert _ids(records) == Counter([KOSPI.alert_id])
    two = _tail(settings, "--from-beginning", "--json", "--max", "2")
    assert sum(_ids(two).values()) == 2


def test_tail_since_starts_at_that_time_and_prints_readable_lines(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    asyncio.run(_put_alerts(settings, [KOSPI]))
    time.sleep(1.0)  # record timestamps are milliseconds: keep the two batches well apart
    since = datetime.now(UTC)
    time.sleep(0.2)
    asyncio.run(_put_alerts(settings, [NIKKEI, DOW]))
    later = _tail(settings, "--since", since.isoformat(), "--json", "--idle-timeout", "2")
    assert _ids(later) == Counter([NIKKEI.alert_id, DOW.alert_id])
    readable = _tail(settings, "--since", since.isoformat(), "--index", "NIKKEI225", "--idle-timeout", "2")
    assert readable.returncode == 0, readable.stderr
    [line] = readable.stdout.splitlines()
    for part in ("NIKKEI225", "milestone 50,000", "up", "level 50,212.27", "FIRST TIME", "2025-10-27"):
        assert part in line
    assert NIKKEI.sentence in line
    bad = _tail(settings, "--since", "last tuesday")
    assert bad.returncode == 2 and "--since 'last tuesday' is not an ISO date" in bad.stderr


def test_tail_reads_quotes_and_index_moves(kafka_bootstrap: str, tmp_path: Path) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    quote = Quote(article_id="a1", text="Markets are euphoric", speaker="Kyle Rodda", speaker_title="analyst")
    move = index_move("KOSPI", "up", 4100.0, change_pct=1.2, sentence="The Kospi rose 1.2% to 4,100.")
    other = move.model_copy(update={"index": "TOPIX", "sentence": "Topix slipped."})

    async def put() -> None:
        await ensure_topics(settings)
        await produce_raw(kafka_bootstrap, settings.topics.quotes, [(b"a1", quote.to_json_bytes())])
        await produce_raw(
            kafka_bootstrap,
            settings.topics.index_moves,
            [(b"KOSPI", move.to_json_bytes()), (b"TOPIX", other.to_json_bytes())],
        )

    asyncio.run(put())
    quotes = _tail(settings, "quotes", "--from-beginning", "--idle-timeout", "2")
    assert quotes.returncode == 0, quotes.stderr
    assert quotes.stdout.splitlines() == ['Kyle Rodda (analyst): "Markets are euphoric"']
    moves = _tail(settings, "index-moves", "--from-beginning", "--idle-timeout", "2", "--index", "KOSPI")
    assert moves.returncode == 0, moves.stderr
    assert moves.stdout.splitlines() == ["KOSPI up +1.2% at 4,100  The Kospi rose 1.2% to 4,100."]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_tail_ends_cleanly_on_ctrl_c(kafka_bootstrap: str, tmp_path: Path, sig: signal.Signals) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    asyncio.run(_put_alerts(settings, [NIKKEI]))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streams.cli", "tail", "--from-beginning"],
        env={**os.environ, **worker_env(settings)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(120, proc.kill)  # bounds the blocking readline below
    watchdog.start()
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()  # the alert: the consumer is up and following
        assert "NIKKEI225" in first
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert out == ""
