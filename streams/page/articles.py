"""Where an alert's article came from (source, title, url), read from ``articles`` at its position.

Why: an Alert carries its article's id, date and sentence but not the publisher, and a desk weighs
"Reuters" and an unknown blog differently. Reading the ``articles`` topic for a few alerts would
read every article body of the window (gigabytes on a busy day); but every index move carries
its article's partition and offset (``streams.alerting.positions``), and an alert's article is the
article of one of its index's moves, so the page fetches exactly those records: one per alert.

An article gone from the topic (retention) or read from a record that is not an Article gives
an empty answer (all None): the page then says "source unknown" instead of waiting forever.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict

from aiokafka import AIOKafkaConsumer, TopicPartition
from pydantic import ValidationError

from schemas import Article
from streams.alerting.positions import MovePosition
from streams.kafka.clients import client_options, explain_connect_errors
from streams.page.history import ArticleInfo
from streams.settings import Settings

__all__ = ["UNKNOWN_ARTICLE", "ArticleLookup"]

log = logging.getLogger("milestones.page.articles")

UNKNOWN_ARTICLE: ArticleInfo = {"source": None, "title": None, "url": None}
FETCH_TIMEOUT_MS = 5000
MAX_POSITIONS = 50_000
"""Article positions remembered (about 100 bytes each); the oldest are forgotten first."""


class ArticleLookup:
    """Learns article positions from index moves; fetches the articles that alerts ask for."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.positions: OrderedDict[str, tuple[int, int]] = OrderedDict()
        self.wanted: set[str] = set()
        self.work = asyncio.Event()
        """Set when a wanted article's position is known: there is something to fetch."""
        self._consumer: AIOKafkaConsumer | None = None

    def learn(self, article_id: str, position: MovePosition | None) -> None:
        """A move of ``article_id`` was read at ``position`` (None: sent by another producer)."""
        if position is None or article_id in self.positions:
            return
        self.positions[article_id] = (position.partition, position.offset)
        while len(self.positions) > MAX_POSITIONS:
            self.positions.popitem(last=False)
        if article_id in self.wanted:
            self.work.set()

    def want(self, article_id: str) -> None:
        """An alert cites ``article_id``; fetch it once its position is known."""
        self.wanted.add(article_id)
        if article_id in self.positions:
            self.work.set()

    async def fetch_ready(self) -> dict[str, ArticleInfo]:
        """Fetch every wanted article whose position is known; the others stay wanted."""
        self.work.clear()
        ready = sorted((self.positions[a], a) for a in self.wanted if a in self.positions)
        if not ready:
            return {}
        self.wanted.difference_update(a for _, a in ready)
        consumer = await self._open()
        topic = self.settings.topics.articles
        partitions = {TopicPartition(topic, partition) for (partition, _), _ in ready}
        consumer.assign(sorted(partitions))
        found: dict[str, ArticleInfo] = {}
        for (partition, offset), article_id in ready:
            tp = TopicPartition(topic, partition)
            consumer.seek(tp, offset)
            batch = await consumer.getmany(tp, timeout_ms=FETCH_TIMEOUT_MS, max_records=1)
            records = batch.get(tp, [])
            found[article_id] = _info(article_id, records[0].value) if records else dict(UNKNOWN_ARTICLE)
        return found

    async def _open(self) -> AIOKafkaConsumer:
        if self._consumer is None:
            consumer = AIOKafkaConsumer(
                **client_options(self.settings),
                group_id=None,
                enable_auto_commit=False,
                max_partition_fetch_bytes=64 * 1024,  # one record is wanted; a larger one still comes whole
            )
            try:
                with explain_connect_errors(self.settings):
                    await consumer.start()
            except BaseException:
                await consumer.stop()
                raise
            self._consumer = consumer
        return self._consumer

    async def close(self) -> None:
        if self._consumer is not None:
            await self._consumer.stop()
            self._consumer = None


def _info(article_id: str, value: bytes | None) -> ArticleInfo:
    """Source, title and url of the record, if it is that article (else unknown)."""
    try:
        article = Article.from_json_bytes(value or b"")
    except (ValueError, ValidationError) as exc:
        log.warning("article %s not read from its position: %s", article_id, exc)
        return dict(UNKNOWN_ARTICLE)
    if article.article_id != article_id:  # compacted or deleted: the next record is another article
        return dict(UNKNOWN_ARTICLE)
    return {"source": article.source, "title": article.title, "url": article.url}
