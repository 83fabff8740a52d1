"""``milestones ingest`` put together: feeds polled, pushes taken, all onto ``articles`` by one path.

:func:`run_ingest` opens, in order: the contract topics, the sent-items memory (read back from
Kafka), the ArticleSender (which first looks at the last records of ``articles``, to find what a
previous run sent without remembering it), the delivery queue, the HTTP client, the pollers and
the web server; it runs until ``stop`` is set (or, with ``once``, until every feed was polled once),
then closes them in reverse order, delivering what was in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web
from pydantic import SecretStr

from streams.failures import CommandFailed
from streams.ingest.delivery import ArticleDelivery
from streams.ingest.events import IngestEvents, IngestSummary
from streams.ingest.feed_poller import FeedPoller
from streams.ingest.feeds_file import FeedsConfig
from streams.ingest.http_fetch import USER_AGENT, Fetcher
from streams.ingest.push_endpoint import ingest_web_app
from streams.ingest.sent_items import SentItems
from streams.kafka.admin import ensure_topics
from streams.replay.sender import ArticleSender
from streams.settings import Settings

__all__ = ["IngestPlan", "run_ingest"]

#: Records of ``articles`` looked at on start per feed (at least 100): enough to hold whatever a
#: previous run had acknowledged there but not yet remembered as sent when it stopped.
RECENT_PER_FEED = 20


@dataclass(frozen=True)
class IngestPlan:
    """What to run: feeds (may be none), a push endpoint (host, port, token), a metrics-only server.

    ``polls``: poll each feed that many times and stop (``--once`` is 1); None runs until stopped.
    """

    feeds: FeedsConfig
    listen: tuple[str, int] | None = None
    token: SecretStr | None = None
    metrics_at: tuple[str, int] | None = None
    polls: int | None = None


async def run_ingest(
    settings: Settings,
    plan: IngestPlan,
    events: IngestEvents,
    *,
    stop: asyncio.Event | None = None,
    on_status: Callable[[str], None] | None = None,
    on_ready: Callable[[list[str]], None] | None = None,
) -> IngestSummary:
    """Run until ``stop`` (or until each feed was polled ``plan.polls`` times); return the summary.

    ``on_ready`` hears the web server's URLs once everything is open. Raises
    :class:`streams.replay.sender.SenderGaveUp` when the broker stayed away past the deadline.
    """
    stop = stop or asyncio.Event()
    feeds = plan.feeds
    await ensure_topics(settings)
    recent = max(100, RECENT_PER_FEED * len(feeds.feed))
    sender = ArticleSender(
        settings, outage_deadline=settings.replay_outage_seconds, on_status=on_status, skip_recent=recent
    )
    async with contextlib.AsyncExitStack() as stack:
        memory = await stack.enter_async_context(SentItems(settings))
        await stack.enter_async_context(sender)
        delivery = await stack.enter_async_context(ArticleDelivery(sender))
        session = await stack.enter_async_context(aiohttp.ClientSession())
        fetcher = Fetcher(
            session,
            timeout=feeds.timeout,
            max_bytes=feeds.max_page_bytes,
            user_agent=feeds.user_agent or USER_AGENT,
        )
        pollers = [
            FeedPoller(
                feed,
                feeds.interval_of(feed),
                fetcher=fetcher,
                delivery=delivery,
                memory=memory,
                events=events,
            )
            for feed in feeds.feed
        ]
        urls = await _start_web(stack, plan, events, delivery)
        if on_status is not None and plan.feeds.feed:
            on_status(f"{len(memory)} feed item(s) already sent, remembered in {memory.topic}")
        if on_ready is not None:
            on_ready(urls)
        tasks = [asyncio.create_task(p.run(stop, plan.polls), name=f"poll {p.url}") for p in pollers]
        polled = asyncio.gather(*tasks) if plan.polls is not None else asyncio.create_task(stop.wait())
        ends: list[asyncio.Future[Any]] = [
            polled,
            asyncio.create_task(stop.wait()),
            asyncio.create_task(delivery.wait_stopped()),
        ]
        try:
            await asyncio.wait(ends, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stop.set()
            for future in (*tasks, *ends):
                future.cancel()
            await asyncio.gather(*tasks, *ends, return_exceptions=True)
        if delivery.failure is not None:
            raise delivery.failure
    return events.summary


async def _start_web(
    stack: contextlib.AsyncExitStack, plan: IngestPlan, events: IngestEvents, delivery: ArticleDelivery
) -> list[str]:
    """Start the push endpoint (with /metrics) or the metrics-only server; their URLs."""
    where = plan.listen or plan.metrics_at
    if where is None:
        return []
    push = None
    if plan.listen is not None:
        assert plan.token is not None, "the push endpoint needs a token"
        push = (plan.token, delivery)
    runner = web.AppRunner(ingest_web_app(events, push=push), access_log=None)
    await runner.setup()
    stack.push_async_callback(runner.cleanup)
    host, port = where
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except OSError as error:  # the port is taken, or the host is not this machine's
        raise CommandFailed(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    return [f"http://{_host_for_url(address[0])}:{address[1]}" for address in runner.addresses]


def _host_for_url(host: str) -> str:
    return f"[{host}]" if ":" in host else host
