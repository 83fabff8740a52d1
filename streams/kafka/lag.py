"""Consumer-group lag: how far a worker is behind on its input topics.

The demo and the integration tests use it to know, rather than guess with sleeps, when the
worker has processed everything that was replayed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping, Sequence
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from streams.kafka.clients import client_options
from streams.settings import Settings

__all__ = ["group_lag", "wait_for_worker", "wait_for_zero_lag"]


async def group_lag(
    bootstrap: str, group_id: str, topics: Sequence[str], *, options: Mapping[str, Any] | None = None
) -> int:
    """Messages not yet committed by ``group_id`` on ``topics`` (a missing commit counts all).

    ``options``: security options from ``streams.kafka.clients.client_options`` (its
    ``bootstrap_servers`` wins over ``bootstrap``).
    """
    opts = {"bootstrap_servers": bootstrap, **(options or {})}
    admin = AIOKafkaAdminClient(**opts)
    consumer = AIOKafkaConsumer(**opts, enable_auto_commit=False)
    await admin.start()
    await consumer.start()
    try:
        tps = []
        for topic in topics:
            parts = consumer.partitions_for_topic(topic)
            if parts is None:
                await consumer._client.force_metadata_update()
                parts = consumer.partitions_for_topic(topic) or set()
            tps += [TopicPartition(topic, p) for p in sorted(parts)]
        if not tps:
            return 0
        ends = await consumer.end_offsets(tps)
        committed = await admin.list_consumer_group_offsets(group_id)
        lag = 0
        for tp in tps:
            meta = committed.get(tp)
            done = meta.offset if meta is not None and meta.offset >= 0 else 0
            lag += max(0, ends[tp] - done)
        return lag
    finally:
        await consumer.stop()
        await admin.close()


async def wait_for_zero_lag(
    bootstrap: str,
    group_id: str,
    topics: Sequence[str],
    *,
    timeout: float = 120.0,
    poll: float = 0.5,
    options: Mapping[str, Any] | None = None,
) -> bool:
    """Poll until the group has committed everything on ``topics``; False on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await group_lag(bootstrap, group_id, topics, options=options) == 0:
            return True
        await asyncio.sleep(poll)
    return False


async def wait_for_worker(settings: Settings, *, timeout: float = 120.0) -> bool:
    """Poll until the pipeline's worker group has committed everything on its input topics.

    The input topics are ``articles`` and ``index-moves``: once both are committed, every article
    replayed so far has been extracted and every move run through the alert rules.
    """
    t = settings.topics
    return await wait_for_zero_lag(
        settings.kafka_bootstrap,
        settings.app_id,
        [t.articles, t.index_moves],
        timeout=timeout,
        options=client_options(settings),
    )
