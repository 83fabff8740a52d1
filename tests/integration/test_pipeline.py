"""The whole pipeline on a real broker: replay → worker → topics, checked against the gold."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import orjson
import pytest

from schemas import Alert, Article, IndexMove, Quote
from streams.replay.producer import plan_replay, replay
from streams.subscribe.api import subscribe_alerts
from streams.worker.deadletter import DeadLetter
from tests.gold import load_gold
from tests.integration.helpers import (
    SEEDS,
    produce_raw,
    read_topic,
    start_worker,
    unique_settings,
    wait_until_processed,
    worker_env,
)

pytestmark = pytest.mark.integration

GOLD = load_gold("seeds")
MOVE_FIELDS = (
    "index",
    "direction",
    "change_pct",
    "change_points",
    "level",
    "milestone",
    "record_high",
    "first_time",
    "futures",
    "approximate",
    "intraday",
)


def _alert_key(a: dict[str, object]) -> tuple[object, ...]:
    value = a.get("milestone") if a["kind"] == "milestone" else a.get("level")
    return (a["kind"], a["index"], a["direction"], float(value) if value is not None else None)


def _gold_stream(name: str) -> list[tuple[object, ...]]:
    stream = next(s for s in GOLD["streams"] if s["name"] == name)
    return [_alert_key(a) for a in stream["alerts"]]


async def test_replay_puts_five_articles_with_ids_origins_and_dates(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    plan = plan_replay([SEEDS])
    summary = await replay(settings, plan)
    assert summary.sent == 5 and summary.skipped == []
    records = await read_topic(kafka_bootstrap, settings.topics.articles)
    articles = [Article.from_json_bytes(r.value or b"") for r in records]
    assert [a.origin for a in articles] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert [r.key for r in records] == [a.article_id.encode() for a in articles]
    assert len({a.article_id for a in articles}) == 5
    # Dates as the texts show them (gold): 001 "date 2025-10-27", 004 "Published 12/09/2025" (day-first).
    assert {a.origin[:3]: a.published_at for a in articles} == {
        "000": None,
        "001": "2025-10-27",
        "002": None,
        "003": None,
        "004": "2025-09-12",
    }
    # Replaying the same text again gives the same ids.
    again = await replay(settings, plan)
    assert again.article_ids == summary.article_ids


def test_replay_command_skips_binary_and_empty_files_and_exits_nonzero(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEEDS / "002_24b7b0a85c059f52.txt", folder / "002.txt")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-m", "streams.cli", "replay", "--quiet", str(folder)],
        env={**os.environ, **worker_env(settings)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    skip_lines = [line for line in done.stderr.splitlines() if "milestones replay: skipped" in line]
    assert len(skip_lines) == 2
    assert any("image.png" in line and "binary" in line for line in skip_lines)
    assert any("empty.txt" in line and "empty" in line for line in skip_lines)
    assert "sent 1 article(s)" in done.stderr
    records = asyncio.run(read_topic(kafka_bootstrap, settings.topics.articles))
    assert [Article.from_json_bytes(r.value or b"").origin for r in records] == ["002.txt"]


async def test_seeds_through_a_worker_give_exactly_the_gold(kafka_bootstrap: str, tmp_path: Path) -> None:
    """3 partitions: the alerts topic holds exactly seeds-by-name's alerts; moves and quotes equal the gold."""
    settings = unique_settings(kafka_bootstrap, tmp_path, partitions=3)
    worker = start_worker(settings, tmp_path / "worker.log")
    try:
        plan = plan_replay([SEEDS])
        await replay(settings, plan)
        await wait_until_processed(settings)
        t = settings.topics
        alerts = [Alert.from_json_bytes(r.value or b"") for r in await read_topic(kafka_bootstrap, t.alerts)]
        moves = [
            IndexMove.from_json_bytes(r.value or b"")
            for r in await read_topic(kafka_bootstrap, t.index_moves)
        ]
        quotes = [Quote.from_json_bytes(r.value or b"") for r in await read_topic(kafka_bootstrap, t.quotes)]
        dlq = await read_topic(kafka_bootstrap, t.articles_dlq, idle_ms=500)
    finally:
        worker.stop()
    assert dlq == []
    # Alerts: exactly the gold, nothing extra, nothing twice (order across partitions is per index).
    assert Counter(_alert_key(a.to_dict()) for a in alerts) == Counter(_gold_stream("seeds-by-name"))
    assert len({a.alert_id for a in alerts}) == len(alerts)
    # Per index, alerts come in the gold order.
    gold = _gold_stream("seeds-by-name")
    for index in {a.index for a in alerts}:
        assert [_alert_key(a.to_dict()) for a in alerts if a.index == index] == [
            g for g in gold if g[1] == index
        ]
    # Moves and quotes: the gold of every seed.
    origin = {f.article.article_id: f.path.name for f in plan.files}
    got_moves = Counter((origin[m.article_id], *(getattr(m, f) for f in MOVE_FIELDS)) for m in moves)
    want_moves = Counter(
        (name, *(g[f] for f in MOVE_FIELDS)) for name, art in GOLD["articles"].items() for g in art["moves"]
    )
    assert got_moves == want_moves
    got_quotes = Counter((origin[q.article_id], " ".join(q.text.split()), q.speaker) for q in quotes)
    want_quotes = Counter(
        (name, " ".join(g["text"].split()), g["speaker"])
        for name, art in GOLD["articles"].items()
        for g in art["quotes"]
    )
    assert got_quotes == want_quotes


async def test_poison_records_go_to_the_dead_letter_topic_and_the_seeds_behind_them_flow(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    worker = start_worker(settings, tmp_path / "worker.log")
    try:
        from streams.kafka.admin import ensure_topics

        await ensure_topics(settings)
        await produce_raw(
            kafka_bootstrap,
            settings.topics.articles,
            [
                (b"bad-json", b'{"article_id": "x", "body": '),
                (b"wrong-shape", orjson.dumps({"id": 1, "text": "hi"})),
                # A key that is not UTF-8: Faust's str key decoding dropped such a record
                # before any agent saw it (streams/worker/raw_schema.py); it must be dead-lettered too.
                (b"\xff\xfe-key", b"{not json"),
            ],
        )
        await replay(settings, plan_replay([SEEDS]))
        await wait_until_processed(settings)
        dlq = await read_topic(kafka_bootstrap, settings.topics.articles_dlq)
        alerts = [
            Alert.from_json_bytes(r.value or b"")
            for r in await read_topic(kafka_bootstrap, settings.topics.alerts)
        ]
    finally:
        worker.stop()
    assert [r.key for r in dlq] == [b"bad-json", b"wrong-shape", b"\xff\xfe-key"]
    assert dlq[0].value == b'{"article_id": "x", "body": '
    letters = [DeadLetter.from_headers(r.headers) for r in dlq]
    assert all(
        letter.stage == "decode-article" and letter.topic == settings.topics.articles for letter in letters
    )
    assert "JSONDecodeError" in letters[0].error
    assert "article_id" in letters[1].error and "body" in letters[1].error
    assert [letter.offset for letter in letters] == [0, 1, 2]
    assert Counter(_alert_key(a.to_dict()) for a in alerts) == Counter(_gold_stream("seeds-by-name"))


async def test_worker_killed_midway_then_restarted_loses_no_alert(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    """SIGKILL during a replay; a fresh worker finishes. Every gold alert is there; repeats share an id."""
    settings = unique_settings(kafka_bootstrap, tmp_path)
    log = tmp_path / "worker.log"
    worker = start_worker(settings, log)
    plan = plan_replay([SEEDS])
    try:
        first = plan_replay([SEEDS])
        first.files = plan.files[:3]
        await replay(settings, first)
        worker.kill()
        rest = plan_replay([SEEDS])
        rest.files = plan.files[3:]
        await replay(settings, rest)
        worker = start_worker(settings, log)
        await wait_until_processed(settings)
        raw = [
            Alert.from_json_bytes(r.value or b"")
            for r in await read_topic(kafka_bootstrap, settings.topics.alerts)
        ]
        async with subscribe_alerts(settings) as subscription:
            seen = await subscription.drain(idle_ms=1500)
    finally:
        worker.stop()
    gold = Counter(_gold_stream("seeds-by-name"))
    assert set(_alert_key(a.to_dict()) for a in raw) == set(gold)
    ids_by_key: dict[tuple[object, ...], set[str]] = {}
    for a in raw:
        ids_by_key.setdefault(_alert_key(a.to_dict()), set()).add(a.alert_id)
    assert all(len(ids) == 1 for ids in ids_by_key.values()), "a repeated alert carries a different alert_id"
    assert Counter(_alert_key(a.to_dict()) for a in seen) == gold
