"""The live page's hub: bounded history, snapshot newest first, one event per change, clean close."""

from __future__ import annotations

import asyncio
import json

from schemas import Alert, Article, IndexMove
from streams.alerting import load_alert_rules
from streams.extract import Extraction
from streams.ops.live import LiveHub, LiveObserver


def _extraction(n: int, level: float, *, futures: bool = False) -> Extraction:
    article = Article(article_id=f"art{n}", origin=f"{n}.txt", source="CNBC", body="x")
    move = IndexMove(
        article_id=f"art{n}",
        sentence=f"The Nikkei rose to {level}.",
        index="NIKKEI225",
        direction="up",
        level=level,
        futures=futures,
    )
    return Extraction(article=article, moves=[move], quotes=[])


def _alert(n: int) -> Alert:
    return Alert(
        alert_id=f"id{n}",
        kind="milestone",
        index="NIKKEI225",
        direction="up",
        milestone=50000,
        level=50100,
        first_time=False,
        article_id=f"art{n}",
        sentence="s",
    )


async def test_levels_and_alerts_are_bounded_and_the_snapshot_is_newest_first() -> None:
    hub = LiveHub(load_alert_rules(None), max_alerts=3, max_levels=4)
    observer = LiveObserver(hub)
    for n in range(10):
        observer.article_processed(_extraction(n, 40000 + n), 0.001)
        observer.alert_sent(_alert(n), 0.5)
    observer.article_processed(_extraction(99, 1.0, futures=True), 0.001)  # futures: not a level
    snap = hub.snapshot()
    assert [a["alert_id"] for a in snap["alerts"]] == ["id9", "id8", "id7"]
    assert snap["alerts"][0]["source"] == "CNBC"
    nikkei = snap["indices"]["NIKKEI225"]
    assert [p["level"] for p in nikkei["levels"]] == [40006, 40007, 40008, 40009]
    assert nikkei["step"] == 5000


async def test_subscribers_get_each_event_once_and_a_repeated_alert_id_is_dropped() -> None:
    hub = LiveHub(load_alert_rules(None))
    observer = LiveObserver(hub)
    queue = hub.subscribe()
    observer.article_processed(_extraction(1, 49000), 0.001)
    observer.alert_sent(_alert(1), None)
    observer.alert_sent(_alert(1), None)  # a re-send after a crash carries the same id
    events = []
    while not queue.empty():
        item = queue.get_nowait()
        assert item is not None
        events.append((item[0], json.loads(item[1])))
    assert [e for e, _ in events] == ["levels", "alert"]
    assert events[1][1]["alert"]["alert_id"] == "id1"
    hub.close()
    assert await asyncio.wait_for(queue.get(), 1) is None
