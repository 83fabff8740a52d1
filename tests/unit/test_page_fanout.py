"""The live page's fan-out: nothing before the window is loaded, each event once, slow pages ended.

No broker here: the feed is never started, events are published by hand.
"""

from __future__ import annotations

import orjson

from streams.page.live_page import MAX_QUEUE, LivePage
from streams.page.settings import PageSettings
from streams.settings import Settings


def _page() -> LivePage:
    return LivePage(Settings(kafka_bootstrap="127.0.0.1:1"), PageSettings())


async def test_pages_get_nothing_while_the_window_is_read_then_each_event_once() -> None:
    page = _page()
    queue = page.subscribe()
    page.publish("alert", {"n": 1})  # read from the window: part of the snapshot, not news
    assert queue.empty()
    page.mark_loaded()
    page.publish("alert", {"n": 2})
    assert queue.get_nowait() == ("alert", orjson.dumps({"n": 2}))
    assert queue.empty()


async def test_a_page_that_falls_behind_is_ended_and_close_ends_the_others() -> None:
    page = _page()
    page.mark_loaded()
    slow, live = page.subscribe(), page.subscribe()
    for n in range(MAX_QUEUE + 1):
        page.publish("move", {"n": n})
        if n % 100 == 0:
            while not live.empty():
                live.get_nowait()
    assert slow not in page.subscribers  # its browser reconnects and takes a fresh snapshot
    items = [slow.get_nowait() for _ in range(slow.qsize())]
    assert items[-1] is None
    while not live.empty():
        assert live.get_nowait() is not None  # the page that kept up was never ended
    await page.close()
    assert live.get_nowait() is None and not page.subscribers
