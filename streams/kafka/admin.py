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
from streams.failures import CommandFailed
from streams.kafka.clients import client_options, explain_connect_errors
from streams.settings import Settings

__all__ = ["ClusterMismatch", "check_cluster", "ensure_topics", "replication_warning", "topic_partitions"]


class ClusterMismatch(CommandFailed, RuntimeError):
    """The settings cannot work on this cluster (e.g. more copies asked than it has brokers)."""


def replication_warning(settings: Settings, brokers: int) -> str | None:
    """Why the replication factor is wrong for a cluster of ``brokers``: raise, warn (a str) or None.

    A factor of 1 on a multi-broker cluster (a desk's) keeps a single copy of every topic, the
    alert state's changelog included: one broker lost, data lost. Kafka accepts it silently, so we
    say it. A factor above the broker count cannot be created at all: refused up front.
    """
    factor = settings.replication_factor
    if factor > brokers:
        raise ClusterMismatch(
            f"MILESTONES_REPLICATION_FACTOR={factor} but the cluster at {settings.kafka_bootstrap} has "
            f"{brokers} broker(s): set it to {brokers} or fewer"
        )
    if factor == 1 and brokers > 1:
        return (
            f"MILESTONES_REPLICATION_FACTOR=1 on a cluster of {brokers} brokers: every topic this worker "
            f"creates keeps a single copy and is lost with one broker; set it to {min(3, brokers)}"
        )
    return None


async def check_cluster(settings: Settings) -> str | None:
    """Connect once, as the worker will, and check the settings against the cluster.

    Raises ``KafkaConnectFailed`` (unreachable, credentials refused) or :class:`ClusterMismatch`
    with one line; returns a warning to show, or None. Why before Faust starts: a failed
    connection inside Faust's worker is a traceback and a crash after seconds, not a reason.
    """
    admin = AIOKafkaAdminClient(**client_options(settings), request_timeout_ms=15000)
    try:
        with explain_connect_errors(settings):
            await admin.start()
        cluster = await admin.describe_cluster()
    finally:
        await admin.close()
    return replication_warning(settings, len(cluster.get("brokers") or []))


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
