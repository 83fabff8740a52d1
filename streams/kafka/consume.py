"""Opening a consumer on one of our topics, positioned where a reader asked: new, beginning or a time.

Why its own module: the alerts reader (:mod:`streams.subscribe.reader`, which the subscriber API,
``milestones tail`` and the bridges share), tail's other topics and the live page's index moves are
read the same way, with the same security options and the same three starting points:

- only new records (the default of ``tail``), or from the beginning;
- from a point in time (``since``): each partition is sought to the first record at or after it
  (Kafka's ``offsets_for_times``), which needs the topic to exist, so it is read-only (no group);
- with a consumer group (``group_id``): the group's committed offsets win, so a restart resumes
  after what was committed; without one nothing is ever committed (read-only). A group commits as
  it reads (aiokafka auto-commit), unless ``auto_commit=False``: then only the caller commits
  (the desk-bus bridges, which commit an offset once their destination acknowledged the alert).
"""

from __future__ import annotations

from datetime import datetime

from aiokafka import AIOKafkaConsumer, TopicPartition

from streams.failures import CommandFailed
from streams.kafka.clients import client_options, explain_connect_errors
from streams.settings import Settings

__all__ = ["TopicMissing", "open_consumer"]


class TopicMissing(CommandFailed, LookupError):
    """The topic to read from a point in time does not exist on the cluster."""


async def open_consumer(
    settings: Settings,
    topic: str,
    *,
    group_id: str | None = None,
    auto_commit: bool = True,
    from_beginning: bool = False,
    since: datetime | None = None,
) -> AIOKafkaConsumer:
    """A started consumer on ``topic``; the caller stops it. Raises ``KafkaConnectFailed`` clearly."""
    if since is not None and group_id is not None:
        raise ValueError("reading from a point in time (since) is read-only: do not give a consumer group")
    consumer = AIOKafkaConsumer(
        **client_options(settings),
        group_id=group_id,
        enable_auto_commit=group_id is not None and auto_commit,
        auto_offset_reset="earliest" if from_beginning else "latest",
    )
    try:
        with explain_connect_errors(settings):
            await consumer.start()
    except BaseException:
        await consumer.stop()  # a failed start leaves connections to close (aiokafka warns otherwise)
        raise
    try:
        if since is None:
            consumer.subscribe([topic])
        else:
            await _assign_since(consumer, topic, since)
    except BaseException:
        await consumer.stop()
        raise
    return consumer


async def _assign_since(consumer: AIOKafkaConsumer, topic: str, since: datetime) -> None:
    """Assign every partition of ``topic`` and seek each to the first record at or after ``since``."""
    parts = consumer.partitions_for_topic(topic)
    if not parts:
        await consumer._client.force_metadata_update()
        parts = consumer.partitions_for_topic(topic)
    if not parts:
        raise TopicMissing(f"topic {topic!r} does not exist (yet) on the cluster")
    tps = [TopicPartition(topic, p) for p in sorted(parts)]
    consumer.assign(tps)
    millis = int(since.timestamp() * 1000)
    found = await consumer.offsets_for_times(dict.fromkeys(tps, millis))
    ends = await consumer.end_offsets(tps)
    for tp in tps:
        hit = found.get(tp)
        consumer.seek(tp, hit.offset if hit is not None else ends[tp])  # no record since: the end
