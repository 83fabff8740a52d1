"""Reading the page's topics: the window first, then live, feeding the history and the open pages.

    alerts ──────subscribe_alerts(since)──┐
                                          ├──▶ PageHistory ──▶ LivePage.publish ──SSE──▶ pages
    index-moves ─open_consumer(since)─────┘        ▲
    articles ────ArticleLookup (by position)───────┘  (the source of each alert's article)

Both topics are read through the project's one reader (``streams.kafka.consume.open_consumer``; alerts
through ``streams.subscribe.api``, which validates them and drops a repeated ``alert_id``), without a
consumer group (read-only: nothing committed, nobody's offsets moved), from the first record
stored at or after *now minus the window*. Every page, worker or ``milestones page`` process,
therefore shows the same thing, and a restart shows what was there before.

The page is *loaded* once both consumers reach the end offsets their topics had when the feed
started, and the sources of the alerts read so far are fetched. Until then no page gets the
data: they would otherwise take the whole window for new alerts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from aiokafka import AIOKafkaConsumer
from pydantic import ValidationError

from schemas import IndexMove
from streams.alerting.positions import MovePosition
from streams.kafka.consume import open_consumer
from streams.page.articles import ArticleLookup
from streams.subscribe.api import AlertSubscription, subscribe_alerts

if TYPE_CHECKING:
    from streams.page.history import PageHistory
    from streams.page.settings import PageSettings
    from streams.settings import Settings

__all__ = ["FollowingPage", "follow_topics"]


class FollowingPage(Protocol):
    """What following the topics needs of a page (``LivePage`` is one).

    A protocol, not the class: ``live_page.py`` starts the feed, so the feed importing it back
    would be a cycle.
    """

    settings: Settings
    page_settings: PageSettings
    history: PageHistory

    def mark_loaded(self) -> None:
        """The window has been read: the page may show it."""

    def publish(self, event: str, data: object) -> None:
        """Send one server-sent event to every open page."""


log = logging.getLogger("milestones.page.feed")

FETCH_MS = 500


async def follow_topics(page: FollowingPage) -> None:
    """Read the window into ``page``, mark it loaded, then follow both topics until cancelled.

    Raises ``streams.kafka.consume.TopicMissing`` while a topic does not exist yet, and
    ``streams.kafka.clients.KafkaConnectFailed`` when the cluster cannot be reached.
    """
    settings = page.settings
    since = datetime.now(UTC) - timedelta(days=page.page_settings.window_days)
    page.history.window = {
        "days": page.page_settings.window_days,
        "since": int(since.timestamp() * 1000),
        "levels_per_index": page.page_settings.levels_per_index,
        "max_alerts": page.page_settings.max_alerts,
    }
    lookup = ArticleLookup(settings)
    tasks: list[asyncio.Future[None]]
    async with subscribe_alerts(settings, since=since) as alerts:
        moves = await open_consumer(settings, settings.topics.index_moves, since=since)
        alerts_at_end, moves_at_end = asyncio.Event(), asyncio.Event()
        tasks = [
            asyncio.ensure_future(
                _read(alerts.consumer, partial(_alert, page, alerts, lookup), alerts_at_end)
            ),
            asyncio.ensure_future(_read(moves, partial(_move, page, lookup), moves_at_end)),
        ]
        try:
            await _until_set([alerts_at_end, moves_at_end], tasks)
            for article_id, info in (await lookup.fetch_ready()).items():
                page.history.add_article(article_id, info)
            page.mark_loaded()
            tasks.append(asyncio.ensure_future(_sources(page, lookup)))
            await asyncio.gather(*tasks)  # runs until cancelled, or raises the first error
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await moves.stop()
            await lookup.close()


async def _until_set(events: Sequence[asyncio.Event], tasks: Sequence[asyncio.Future[None]]) -> None:
    """Wait until every event is set; raise at once if one of ``tasks`` fails first."""
    waiting: asyncio.Future[Any] = asyncio.ensure_future(asyncio.gather(*(e.wait() for e in events)))
    try:
        done, _ = await asyncio.wait([waiting, *tasks], return_when=asyncio.FIRST_COMPLETED)
    finally:
        if not waiting.done():
            waiting.cancel()
    for task in done:
        task.result()


async def _read(consumer: AIOKafkaConsumer, handle: Callable[[Any], None], reached: asyncio.Event) -> None:
    """Hand every record to ``handle``; set ``reached`` once the end offsets of the start are reached."""
    parts = sorted(consumer.assignment())
    ends = await consumer.end_offsets(parts) if parts else {}
    while True:
        if not reached.is_set() and all([await consumer.position(tp) >= end for tp, end in ends.items()]):
            reached.set()
        batch = await consumer.getmany(timeout_ms=FETCH_MS)
        for records in batch.values():
            for record in records:
                handle(record)


def _alert(page: FollowingPage, alerts: AlertSubscription, lookup: ArticleLookup, record: Any) -> None:
    alert = alerts.accept(record.value)  # validated; None for a repeated alert_id or an invalid record
    if alert is None:
        return
    row = page.history.add_alert(alert, record.timestamp)
    if alert.article_id not in page.history.articles:
        lookup.want(alert.article_id)
    page.publish("alert", {"alert": row, "info": page.history.index_info(alert.index)})


def _move(page: FollowingPage, lookup: ArticleLookup, record: Any) -> None:
    try:
        move = IndexMove.from_json_bytes(record.value or b"")
    except (ValueError, ValidationError) as exc:
        log.warning("skipping an index-moves record that is not a valid IndexMove: %s", exc)
        return
    lookup.learn(move.article_id, MovePosition.from_headers(record.headers))
    event = page.history.add_move(move, record.timestamp)
    if event is not None:
        page.publish("move", event)


async def _sources(page: FollowingPage, lookup: ArticleLookup) -> None:
    """Once loaded, fetch each new alert's article as soon as its position is known."""
    while True:
        await lookup.work.wait()
        for article_id, info in (await lookup.fetch_ready()).items():
            page.publish("article", page.history.add_article(article_id, info))
