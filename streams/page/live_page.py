"""The live page's server side: its history, the open pages' event queues, and the feed filling both.

    follow_topics ──▶ PageHistory ──snapshot──▶ a page opening
                          └──publish(event)──▶ the queues of the pages already open ──SSE──▶

One ``LivePage`` per process: the worker makes one (``streams.worker.ops``) and so does
``milestones page``. The feed starts on demand (``start()``, called when a page is first
asked for), so a worker that nobody watches reads nothing more than its agents do. If the feed
fails (a topic not created yet, the cluster unreachable) it says why on the page and tries again
from a fresh history; the open pages reconnect and load it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import orjson

from streams.alerting import AlertRules, load_alert_rules
from streams.kafka.clients import KafkaConnectFailed
from streams.kafka.consume import TopicMissing
from streams.page.feed import follow_topics
from streams.page.history import PageHistory
from streams.page.settings import PageSettings
from streams.settings import Settings

__all__ = ["LivePage"]

log = logging.getLogger("milestones.page")

RETRY_SECONDS = 5.0
MAX_QUEUE = 1000
"""Events queued for one page; a page that falls this far behind is dropped (its browser reconnects)."""

Event = tuple[str, bytes] | None
"""An SSE event (name, JSON data) for one page; None ends that page's stream."""


class LivePage:
    """History, fan-out and feed of the live page, on one event loop."""

    def __init__(
        self, settings: Settings, page_settings: PageSettings | None = None, rules: AlertRules | None = None
    ) -> None:
        self.settings = settings
        self.page_settings = page_settings or PageSettings()
        self.rules = rules or load_alert_rules(settings.alert_rules_path)
        self.history = self._new_history()
        self.loaded = asyncio.Event()
        self.status = "starting"
        self.closed = False
        self.subscribers: set[asyncio.Queue[Event]] = set()
        self._task: asyncio.Task[None] | None = None

    def _new_history(self) -> PageHistory:
        return PageHistory(
            self.rules,
            levels_per_index=self.page_settings.levels_per_index,
            max_alerts=self.page_settings.max_alerts,
        )

    # --- the feed ----------------------------------------------------------------------------

    def start(self) -> None:
        """Start reading the topics (once; later calls do nothing)."""
        if self._task is None and not self.closed:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="live-page-feed")

    async def _run(self) -> None:
        days = self.page_settings.window_days
        while not self.closed:
            self.status = f"reading the last {days:g} days of alerts and index moves"
            try:
                await follow_topics(self)
            except (TopicMissing, KafkaConnectFailed) as exc:
                self.status = f"waiting: {exc}"
            except Exception as exc:  # the page must never take its worker down
                log.warning("live page feed failed, starting again: %r", exc)
                self.status = f"restarting after an error: {exc!r}"
            self._reset()
            await asyncio.sleep(RETRY_SECONDS)

    def mark_loaded(self) -> None:
        """The window is read: pages waiting get the snapshot, and events flow from now on."""
        self.status = "live"
        self.loaded.set()

    def _reset(self) -> None:
        """Start over with an empty history; open pages reconnect and wait for it."""
        self.history = self._new_history()
        self.loaded.clear()
        self._end_streams()

    # --- fan-out -----------------------------------------------------------------------------

    def subscribe(self) -> asyncio.Queue[Event]:
        queue: asyncio.Queue[Event] = asyncio.Queue(maxsize=MAX_QUEUE)
        self.subscribers.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[Event]) -> None:
        self.subscribers.discard(queue)

    def publish(self, event: str, data: object) -> None:
        """Queue an event for every open page (none before the window is loaded)."""
        if not self.subscribers or not self.loaded.is_set():
            return
        payload = orjson.dumps(data)
        for queue in list(self.subscribers):
            try:
                queue.put_nowait((event, payload))
            except asyncio.QueueFull:  # too slow: end it; its browser reconnects and reloads
                self.subscribers.discard(queue)
                _end(queue)

    def _end_streams(self) -> None:
        for queue in self.subscribers:
            _end(queue)
        self.subscribers.clear()

    async def close(self) -> None:
        """Stop the feed (its consumers stop) and end every page's stream."""
        self.closed = True
        self._end_streams()
        self.loaded.set()  # wake pages waiting for the load: they see ``closed`` and end
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task


def _end(queue: asyncio.Queue[Event]) -> None:
    """Put the end mark on a page's queue, making room for it if the queue is full."""
    if queue.full():
        queue.get_nowait()
    queue.put_nowait(None)
