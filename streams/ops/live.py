"""The live page: alerts as they arrive and each index's levels, pushed by server-sent events.

    agents ──observer──▶ LiveHub (bounded history) ──SSE──▶ /live/events ──▶ the page (/live)

``LiveObserver`` turns what the agents report into page events: every index move with a level
(not futures) becomes a point on its index's chart, every acknowledged alert a row and a mark.
``LiveHub`` keeps a bounded history (the last 500 alerts, the last 2,000 levels per index) so a
page opened late, or reconnecting, starts from a snapshot and then follows the stream.

Why server-sent events: one direction (worker to page), plain HTTP, and the browser's
``EventSource`` reconnects by itself; no websocket library, no build step, nothing fetched from
the internet. Everything runs on the worker's event loop, so subscribing and taking the
snapshot happen without a gap or a duplicate in between.

A worker sees only what its own agents process: with several workers, each page shows the
articles and index partitions of that worker (a single worker sees everything).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections import OrderedDict, deque
from importlib import resources
from typing import Any

from schemas import Alert
from streams.alerting import AlertRules
from streams.extract import Extraction
from streams.observe import PipelineCounts, PipelineObserver

__all__ = ["LiveHub", "LiveObserver", "register_live_views"]

log = logging.getLogger("milestones.ops.live")

MAX_ALERTS = 500
MAX_LEVELS_PER_INDEX = 2000
MAX_ARTICLES = 2000
MAX_QUEUE = 1000
KEEPALIVE_SECONDS = 15.0


class LiveHub:
    """Bounded history of levels and alerts, and the queues of the pages that follow it."""

    def __init__(
        self,
        rules: AlertRules,
        counts: PipelineCounts | None = None,
        *,
        max_alerts: int = MAX_ALERTS,
        max_levels: int = MAX_LEVELS_PER_INDEX,
    ) -> None:
        self.rules = rules
        self.counts = counts
        self.max_levels = max_levels
        self.alerts: deque[dict[str, Any]] = deque(maxlen=max_alerts)
        self.alert_ids: OrderedDict[str, None] = OrderedDict()
        self.levels: dict[str, deque[dict[str, Any]]] = {}
        self.articles: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self.subscribers: set[asyncio.Queue[tuple[str, str] | None]] = set()
        self.seq = 0
        self.closed = False

    # --- history -----------------------------------------------------------------------------

    def index_info(self, index: str) -> dict[str, Any]:
        """What the chart of ``index`` needs besides its points: step and extra milestones."""
        return {"step": self.rules.step(index), "milestones": list(self.rules.extra_milestones(index))}

    def add_article(self, extraction: Extraction) -> list[dict[str, Any]]:
        """Remember the article's source for alert rows; return the new level points."""
        article = extraction.article
        self.articles[article.article_id] = {
            "source": article.source,
            "title": article.title,
            "url": article.url,
            "origin": article.origin,
            "published_at": article.published_at,
        }
        while len(self.articles) > MAX_ARTICLES:
            self.articles.popitem(last=False)
        points = []
        for move in extraction.moves:
            if move.level is None or move.futures:
                continue
            self.seq += 1
            point = {
                "seq": self.seq,
                "t": time.time(),
                "index": move.index,
                "level": move.level,
                "direction": move.direction,
                "intraday": move.intraday,
                "article_id": move.article_id,
                "source": article.source,
                "published_at": article.published_at,
                "sentence": move.sentence,
            }
            self.levels.setdefault(move.index, deque(maxlen=self.max_levels)).append(point)
            points.append(point)
        return points

    def add_alert(self, alert: Alert, lag_seconds: float | None) -> dict[str, Any] | None:
        """Record an alert once per ``alert_id``; None for a repeat."""
        if alert.alert_id in self.alert_ids:
            return None
        self.alert_ids[alert.alert_id] = None
        while len(self.alert_ids) > 4 * (self.alerts.maxlen or MAX_ALERTS):
            self.alert_ids.popitem(last=False)
        article = self.articles.get(alert.article_id, {})
        self.seq += 1
        row = {
            **alert.to_dict(),
            "seq": self.seq,
            "received_at": time.time(),
            "lag_seconds": lag_seconds,
            "source": article.get("source"),
            "title": article.get("title"),
            "url": article.get("url"),
            "origin": article.get("origin"),
        }
        self.alerts.append(row)
        return row

    def snapshot(self) -> dict[str, Any]:
        """Everything a freshly opened page needs: alerts newest first, levels and lines per index."""
        indices = sorted(set(self.levels) | {a["index"] for a in self.alerts})
        return {
            "alerts": list(reversed(self.alerts)),
            "indices": {i: {**self.index_info(i), "levels": list(self.levels.get(i, ()))} for i in indices},
            "counts": self.counts_dict(),
        }

    def counts_dict(self) -> dict[str, Any] | None:
        c = self.counts
        if c is None:
            return None
        return {
            "articles_in": c.articles_in,
            "articles_processed": c.articles_processed,
            "moves": c.moves_out,
            "quotes": c.quotes_out,
            "alerts": c.alerts_out,
            "dead_lettered": sum(c.dead_lettered.values()),
        }

    # --- fan-out -----------------------------------------------------------------------------

    def subscribe(self) -> asyncio.Queue[tuple[str, str] | None]:
        queue: asyncio.Queue[tuple[str, str] | None] = asyncio.Queue(maxsize=MAX_QUEUE)
        self.subscribers.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[tuple[str, str] | None]) -> None:
        self.subscribers.discard(queue)

    def publish(self, event: str, data: object) -> None:
        """Queue an event for every page; a page too slow to keep up is dropped (it reconnects)."""
        if not self.subscribers:  # no page open: skip the encoding (it ran for every article)
            return
        payload = json.dumps(data, default=str)
        for queue in list(self.subscribers):
            try:
                queue.put_nowait((event, payload))
            except asyncio.QueueFull:
                self.subscribers.discard(queue)
                with contextlib.suppress(asyncio.QueueFull):
                    queue.get_nowait()
                    queue.put_nowait(None)

    def close(self) -> None:
        """End every page's stream (the worker is stopping; the web server waits for handlers)."""
        self.closed = True
        for queue in list(self.subscribers):
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(None)


class LiveObserver(PipelineObserver):
    """Feeds the hub from the agents' hooks."""

    def __init__(self, hub: LiveHub) -> None:
        self.hub = hub

    def article_processed(self, extraction: Extraction, seconds: float) -> None:
        points = self.hub.add_article(extraction)
        if points:
            self.hub.publish(
                "levels",
                {
                    "points": points,
                    "info": {p["index"]: self.hub.index_info(p["index"]) for p in points},
                    "counts": self.hub.counts_dict(),
                },
            )
        else:
            self.hub.publish("counts", self.hub.counts_dict())

    def alert_sent(self, alert: Alert, lag_seconds: float | None) -> None:
        row = self.hub.add_alert(alert, lag_seconds)
        if row is not None:
            self.hub.publish(
                "alert",
                {"alert": row, "info": self.hub.index_info(alert.index), "counts": self.hub.counts_dict()},
            )

    def dead_lettered(self, letter: Any) -> None:
        self.hub.publish("counts", self.hub.counts_dict())


def _static(name: str) -> bytes:
    return resources.files("streams.ops").joinpath("static", name).read_bytes()


def _sse(event: str, data: str) -> bytes:
    return f"event: {event}\ndata: {data}\n\n".encode()


def register_live_views(app: Any, hub: LiveHub) -> None:
    """``/live`` (the page), ``/live/live.js``, ``/live/state`` (JSON) and ``/live/events`` (SSE)."""
    from aiohttp import web as aiohttp_web

    page = _static("live.html").decode()
    script = _static("live.js")
    no_cache = {"Cache-Control": "no-cache"}

    async def live_page(self: Any, request: Any) -> Any:
        return self.html(page, headers=dict(no_cache))

    async def live_script(self: Any, request: Any) -> Any:
        return self.bytes(script, content_type="text/javascript", headers=dict(no_cache))

    async def live_state(self: Any, request: Any) -> Any:
        return self.json(hub.snapshot())

    async def live_events(self: Any, request: Any) -> Any:
        response = aiohttp_web.StreamResponse(
            headers={
                "Content-Type": "text/event-stream",
                "Cache-Control": "no-cache",
                "X-Accel-Buffering": "no",
            }
        )
        await response.prepare(request)
        queue = hub.subscribe()  # subscribe and snapshot with no await between: no gap, no repeat
        try:
            await response.write(b"retry: 2000\n" + _sse("snapshot", json.dumps(hub.snapshot(), default=str)))
            while not hub.closed:
                try:
                    item = await asyncio.wait_for(queue.get(), timeout=KEEPALIVE_SECONDS)
                except TimeoutError:
                    await response.write(b": keepalive\n\n")
                    continue
                if item is None:
                    break
                await response.write(_sse(*item))
        except ConnectionResetError:
            pass  # the page went away
        finally:
            hub.unsubscribe(queue)
        return response

    app.page("/live")(live_page)
    app.page("/live/live.js")(live_script)
    app.page("/live/state")(live_state)
    app.page("/live/events")(live_events)
