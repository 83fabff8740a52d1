"""Creating the contract's topics with the configured partition counts.

Why not rely on broker auto-creation: an auto-created topic gets the broker's default partition
count, and the per-index ordering guarantee depends on ``articles`` having exactly the
configured number (1 by default). Creating them up front also lets the replay producer run
before the first worker has started.
"""

from __future__ import annotations

import contextlib

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from streams.admission import MAX_RECORD_BYTES
from streams.kafka_clients import client_options
from streams.settings import Settings

__all__ = ["ensure_topics", "topic_partitions"]


def topic_partitions(settings: Settings) -> dict[str, int]:
    """Every contract topic with the partition count it must have."""
    t = settings.topics
    return {
        t.articles: settings.articles_partitions,
        t.articles_dlq: settings.articles_partitions,
        t.index_moves: settings.partitions,
        t.quotes: settings.partitions,
        t.alerts: settings.partitions,
    }


async def ensure_topics(settings: Settings) -> None:
    """Create whichever contract topics do not exist yet; existing ones are left as they are."""
    admin = AIOKafkaAdminClient(**client_options(settings), request_timeout_ms=15000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        # articles and its dead-letter topic take records up to MAX_RECORD_BYTES, so an oversized
        # article arrives and is dead-lettered with its reason rather than refused by the broker.
        large = {settings.topics.articles, settings.topics.articles_dlq}
        wanted = [
            NewTopic(
                name,
                num_partitions=n,
                replication_factor=settings.replication_factor,
                topic_configs={"max.message.bytes": str(MAX_RECORD_BYTES)} if name in large else {},
            )
            for name, n in topic_partitions(settings).items()
            if name not in existing
        ]
        if wanted:
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics(wanted)
    finally:
        await admin.close()
