"""One feed, polled: new items fetched, read and sent once; failures reported, retried with backoff.

Each poll:

1. GET the feed, conditionally (ETag / Last-Modified of the last answer): a 304 costs nothing.
2. Its items, oldest first. An item already sent whose entry is unchanged is skipped at once. A
   new item, or one whose entry changed, has its page fetched and read (``page_story``); an
   entry edited without changing the story's text is remembered and not sent; a changed text
   is a new Article (new content id) whose ``updates`` names the article it replaces.
3. Each article goes through the one delivery path and, once acknowledged, the item is
   remembered in Kafka (``SentItems``).

A feed that fails (timeout, HTTP error, not a feed, too large) is reported with its URL and the
reason and polled again after a backoff: 2 s, doubling, at most the feed's interval (or 30 s
when the interval is shorter), so a feed that is down is not hammered and one that is back is
soon read again. A page that fails is reported the same way and its item tried again on a later poll,
with its own backoff, even when the feed itself answers 304. Neither stops the other items or
the other feeds.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from dataclasses import dataclass

from streams.extract.sources import detect_source
from streams.ingest.delivery import ArticleDelivery
from streams.ingest.events import Failure, IngestEvents
from streams.ingest.feed_items import FeedItem, NotAFeed, in_publication_order, parse_feed
from streams.ingest.feeds_file import FeedSource
from streams.ingest.http_fetch import Fetcher, FetchFailed
from streams.ingest.page_text import NoStoryText, page_story
from streams.ingest.sent_items import SentItem, SentItems
from streams.ingest.story_article import story_article
from streams.replay.sender import SenderGaveUp

__all__ = ["FeedPoller", "backoff_seconds"]

FIRST_RETRY_S = 2.0


def backoff_seconds(failures: int, interval: float) -> float:
    """Wait before try number ``failures + 1``: 2 s doubling, capped at the interval (at least 30 s), ±10%."""
    cap = max(interval, 30.0)
    base = min(cap, FIRST_RETRY_S * 2 ** max(0, failures - 1))
    return float(base * random.uniform(0.9, 1.1))


@dataclass
class _Retry:
    """A page that failed: the item, how often, and when to try it next."""

    item: FeedItem
    failures: int
    due: float


class FeedPoller:
    """Polls one feed; ``poll()`` once, or ``run()`` until stopped."""

    def __init__(
        self,
        feed: FeedSource,
        interval: float,
        *,
        fetcher: Fetcher,
        delivery: ArticleDelivery,
        memory: SentItems,
        events: IngestEvents,
    ) -> None:
        self.feed = feed
        self.interval = interval
        self.fetcher = fetcher
        self.delivery = delivery
        self.memory = memory
        self.events = events
        self.failures = 0  # consecutive failed polls of the feed itself
        self._etag: str | None = None
        self._last_modified: str | None = None
        self._retries: dict[str, _Retry] = {}
        self._last_poll = False  # no poll after this one (--once): no "trying again in" promised

    @property
    def url(self) -> str:
        return self.feed.url

    async def run(self, stop: asyncio.Event, polls: int | None = None) -> None:
        """Poll, wait the interval (or the backoff after a failure), and again: until ``stop`` is set,
        or ``polls`` times."""
        done = 0
        while not stop.is_set():
            self._last_poll = polls is not None and done + 1 >= polls
            try:
                ok = await self.poll()
            except SenderGaveUp:
                return  # Kafka stayed away: run_ingest stops everything and says so
            except Exception as error:  # e.g. the sent-items memory could not be written: go on
                self.failures += 1
                ok = False
                reason = f"{type(error).__name__}: {error}".rstrip(": ")
                retry_in = None if self._last_poll else backoff_seconds(self.failures, self.interval)
                self.events.failed(self.url, Failure(self.url, "feed", reason, retry_in), "error")
            done += 1
            if polls is not None and done >= polls:
                return
            wait = self.interval if ok else backoff_seconds(self.failures, self.interval)
            if self._retries:
                wait = min(wait, max(0.0, min(r.due for r in self._retries.values()) - time.monotonic()))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=wait)

    async def poll(self) -> bool:
        """One poll of the feed and of the pages due for another try; False when the feed failed."""
        items = await self._read_feed()
        seen: set[str] = set()
        for item in items or []:
            seen.add(item.key)
            await self._take(item)
        if items:  # the feed answered with its items: a failed page no longer listed is let go
            for key in set(self._retries) - seen:
                del self._retries[key]
        now = time.monotonic()
        for key, retry in list(self._retries.items()):
            if key not in seen and retry.due <= now:
                await self._take(retry.item)
        return items is not None

    async def _read_feed(self) -> list[FeedItem] | None:
        """The feed's items oldest first ([] when unchanged), or None when the poll failed."""
        try:
            fetched = await self.fetcher.feed(self.url, etag=self._etag, last_modified=self._last_modified)
            if fetched is None:
                self.events.feed_polled(self.url, None, None)
                self._feed_worked()
                return []
            parsed = await asyncio.to_thread(
                parse_feed, fetched.body, fetched.content_type or None, fetched.url
            )
        except (FetchFailed, NotAFeed) as error:
            self.failures += 1
            kind = error.kind if isinstance(error, FetchFailed) else "not_a_feed"
            reason = error.reason if isinstance(error, FetchFailed) else str(error)
            retry_in = None if self._last_poll else backoff_seconds(self.failures, self.interval)
            self.events.failed(self.url, Failure(self.url, "feed", reason, retry_in), kind)
            return None
        self._etag, self._last_modified = fetched.etag, fetched.last_modified
        self.events.feed_polled(self.url, fetched.seconds, len(parsed.items))
        self._feed_worked()
        return in_publication_order(parsed.items)

    def _feed_worked(self) -> None:
        self.failures = 0
        self.events.recovered(self.url)

    async def _take(self, item: FeedItem) -> None:
        """Send the item if it is new or its story changed; otherwise count why not."""
        known = self.memory.get(item.key)
        if known is not None and known.fingerprint == item.fingerprint:
            self.events.item_skipped(self.url, "already_sent")
            return
        retry = self._retries.get(item.key)
        if retry is not None and retry.due > time.monotonic():
            return  # its page failed lately: tried again once its backoff is over
        if item.link is None:
            self.events.item_skipped(self.url, "no_link")
            return
        try:
            fetched = await self.fetcher.page(item.link)
            self.events.page_fetched(fetched.seconds)
            text = await asyncio.to_thread(page_story, fetched.body, fetched.url)
        except (FetchFailed, NoStoryText) as error:
            self._page_failed(item, error)
            return
        if self._retries.pop(item.key, None) is not None:
            self.events.recovered(item.link)
        source = self.feed.source or detect_source(text, item.link)
        article = story_article(
            text,
            origin=item.link,
            url=item.link,
            source=source,
            published_at=item.published_at,
            updates=known.article_id if known is not None else None,
        )
        if known is not None and known.article_id == article.article_id:
            self.events.item_skipped(self.url, "unchanged")
        else:
            delivered = await self.delivery.deliver(article, item.link)
            if delivered.already_there:
                self.events.item_skipped(self.url, "already_on_topic")
            else:
                self.events.item_sent(self.url, article, update=known is not None)
        await self.memory.remember(
            SentItem(item.key, article.article_id, item.fingerprint, item.link, self.url)
        )

    def _page_failed(self, item: FeedItem, error: FetchFailed | NoStoryText) -> None:
        assert item.link is not None
        previous = self._retries.get(item.key)
        failures = (previous.failures if previous else 0) + 1
        wait = backoff_seconds(failures, self.interval)
        self._retries[item.key] = _Retry(item, failures, time.monotonic() + wait)
        kind = error.kind if isinstance(error, FetchFailed) else "no_text"
        reason = error.reason if isinstance(error, FetchFailed) else str(error)
        retry_in = None if self._last_poll else wait
        self.events.failed(self.url, Failure(item.link, "page", reason, retry_in), kind)
