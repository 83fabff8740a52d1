"""What ingest has sent, remembered in Kafka itself: a compacted topic keyed by feed item.

Why Kafka and not a local file: ingest then restarts anywhere (another host, a new container)
without sending again what it sent before, and the memory lives as long and as safely as the
articles it describes. Compaction keeps the latest record per item, so the topic stays the size
of the set of items ever seen, and an updated item's record replaces the old one.

Each record: key = the item's key (its guid, else its link), value = JSON ``{"article_id",
"fingerprint", "link", "feed"}``. It is written after the article was acknowledged on
``articles``; a crash between the two leaves an item sent but not remembered, which the next
start finds among the last records of ``articles`` (``ArticleSender(skip_recent=...)``) and does
not send again.
"""

from __future__ import annotations

import contextlib
from dataclasses import asdict, dataclass

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from streams.kafka.clients import client_options
from streams.settings import Settings

__all__ = ["SentItem", "SentItems", "sent_items_topic"]


@dataclass(frozen=True)
class SentItem:
    """The last version of a feed item that was sent: its article id and the entry's fingerprint."""

    key: str
    article_id: str
    fingerprint: str
    link: str | None
    feed: str


def sent_items_topic(settings: Settings) -> str:
    """``MILESTONES_INGEST_ITEMS_TOPIC`` as given, else ``<prefix>ingest-items``."""
    return settings.ingest_items_topic or f"{settings.topic_prefix}ingest-items"


class SentItems:
    """The compacted topic read at start into a dict, and written through on every item sent."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.topic = sent_items_topic(settings)
        self._items: dict[str, SentItem] = {}
        self._producer: AIOKafkaProducer | None = None

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: str) -> SentItem | None:
        """The item's last sent version, or None if it was never sent."""
        return self._items.get(key)

    async def __aenter__(self) -> SentItems:
        await self._ensure_topic()
        self._items = await self._read_all()
        producer = AIOKafkaProducer(**client_options(self.settings), enable_idempotence=True, acks="all")
        await producer.start()
        self._producer = producer
        return self

    async def __aexit__(self, *exc: object) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            with contextlib.suppress(Exception):
                await producer.stop()

    async def remember(self, item: SentItem) -> None:
        """Write the item's record and wait for the broker's acknowledgement."""
        assert self._producer is not None, "SentItems used outside its context"
        value = {k: v for k, v in asdict(item).items() if k != "key"}
        await self._producer.send_and_wait(self.topic, key=item.key.encode(), value=orjson.dumps(value))
        self._items[item.key] = item

    async def _ensure_topic(self) -> None:
        admin = AIOKafkaAdminClient(**client_options(self.settings), request_timeout_ms=15000)
        await admin.start()
        try:
            if self.topic in set(await admin.list_topics()):
                return
            topic = NewTopic(
                self.topic,
                num_partitions=1,
                replication_factor=self.settings.replication_factor,
                topic_configs={"cleanup.policy": "compact"},
            )
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics([topic])
        finally:
            await admin.close()

    async def _read_all(self) -> dict[str, SentItem]:
        """Every item record from the start of the topic to its current end; the latest per key wins."""
        consumer = AIOKafkaConsumer(**client_options(self.settings), enable_auto_commit=False)
        await consumer.start()
        items: dict[str, SentItem] = {}
        try:
            partitions = consumer.partitions_for_topic(self.topic)
            if not partitions:  # a new consumer knows no partitions yet; consumer.topics() keeps none
                await consumer._client.force_metadata_update()
                partitions = consumer.partitions_for_topic(self.topic) or set()
            tps = [TopicPartition(self.topic, p) for p in sorted(partitions)]
            if not tps:
                return items
            ends = await consumer.end_offsets(tps)
            consumer.assign(tps)
            await consumer.seek_to_beginning(*tps)
            remaining = {tp for tp in tps if ends[tp] > await consumer.position(tp)}
            while remaining:
                batches = await consumer.getmany(*remaining, timeout_ms=2000)
                if not batches:  # nothing more within the span (compacted away)
                    break
                for records in batches.values():
                    for record in records:
                        if record.key is None:
                            continue
                        key = record.key.decode("utf-8", "replace")
                        if record.value is None:  # a tombstone: the item is forgotten
                            items.pop(key, None)
                            continue
                        with contextlib.suppress(ValueError, TypeError, KeyError):  # not ours: skip it
                            data = orjson.loads(record.value)
                            items[key] = SentItem(
                                key, data["article_id"], data["fingerprint"], data.get("link"), data["feed"]
                            )
                for tp in list(remaining):
                    if await consumer.position(tp) >= ends[tp]:
                        remaining.discard(tp)
        finally:
            with contextlib.suppress(Exception):
                await consumer.stop()
        return items
