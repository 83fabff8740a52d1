"""The poller's control flow, with a local news site and stand-ins for Kafka (the real path: tests/integration).

A poll that fails in an unexpected way (here the sent-items memory cannot be written) is reported
as the feed's failure and the feed goes on being polled; it never ends the poller silently.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp

from schemas import Article
from streams.ingest.delivery import Delivered
from streams.ingest.events import IngestEvents
from streams.ingest.feed_poller import FeedPoller
from streams.ingest.feeds_file import FeedSource
from streams.ingest.http_fetch import Fetcher
from streams.ingest.sent_items import SentItem
from tests.integration.news_site import NewsSite
from tests.news_pages import FeedEntry, news_page, rss_feed

DEV = Path(__file__).resolve().parents[1] / "data" / "dev" / "articles"


class _Delivery:
    def __init__(self) -> None:
        self.articles: list[Article] = []

    async def deliver(self, article: Article, label: str) -> Delivered:
        self.articles.append(article)
        return Delivered(article.article_id, already_there=False)


class _BrokenMemory:
    """Knows nothing and cannot remember: as when the items topic cannot be written."""

    def get(self, key: str) -> SentItem | None:
        return None

    async def remember(self, item: SentItem) -> None:
        raise RuntimeError("KafkaTimeoutError while writing ingest-items")


async def test_an_unexpected_failure_is_reported_and_the_feed_polled_again() -> None:
    site = await NewsSite().start()
    try:
        text = (DEV / "101_scottishfinancialnews-ftse-9000.txt").read_text(encoding="utf-8")
        page = site.put("/news/a.html", news_page(text))
        feed = site.put("/feeds/a.rss", rss_feed("A", site.base, [FeedEntry("urn:a", "A", page)]))
        lines: list[str] = []
        delivery = _Delivery()
        async with aiohttp.ClientSession() as session:
            poller = FeedPoller(
                FeedSource(url=feed),
                0.01,
                fetcher=Fetcher(session, timeout=5, max_bytes=1_000_000),
                delivery=delivery,  # type: ignore[arg-type]
                memory=_BrokenMemory(),  # type: ignore[arg-type]
                events=IngestEvents(say=lines.append),
            )
            stop: asyncio.Event = asyncio.Event()
            await asyncio.wait_for(poller.run(stop, polls=2), timeout=60)
    finally:
        await site.stop()
    failures = [
        line for line in lines if line.startswith(f"feed {feed} failed: RuntimeError: KafkaTimeoutError")
    ]
    assert len(failures) == 2, lines  # both polls ran, each reported
    assert (
        len(delivery.articles) == 2
    )  # not remembered, so delivered again: the worker drops the repeat (rule 9)
    assert len({a.article_id for a in delivery.articles}) == 1
