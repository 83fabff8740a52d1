"""aiokafka's clients wait between failed metadata updates, so a broker outage costs no CPU.

Why: with records waiting to be sent and the broker away, aiokafka's sender asks for a metadata
update, the update fails at once (connection refused), the sender asks again at once, and so
on: a busy loop. Measured here during a 30-second clean broker stop with the worker holding
records to send: 0.79 of a core and 226,000 log lines ("Unable connect to node", "Unable to
update metadata"), 113,000 of each. aiokafka 0.14's ``_md_synchronizer`` resolves a failed
update without waiting, and the sender's "wait backoff time" (its comment) never waits.

So a failed update now waits before it is reported, growing from the client's
``retry_backoff_ms`` (100 ms) to ``MAX_BACKOFF_S`` after consecutive failures and back to
nothing after a success: a few connection attempts per second at most during an outage, and
an update at most a second after the broker is back. Every waiter of the update (producer,
consumer fetcher, group coordinator) is paced by it, since they all wait on the same future.

It replaces one private method of ``aiokafka.AIOKafkaClient``; the version is pinned below 0.15
in pyproject.toml and tests/unit/test_kafka_backoff.py fails when the method changes shape.
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiokafka.client import AIOKafkaClient

__all__ = ["MAX_BACKOFF_S", "install_metadata_backoff"]

MAX_BACKOFF_S = 1.0
_ORIGINAL = AIOKafkaClient._metadata_update


async def _metadata_update_with_backoff(self: Any, cluster_metadata: Any, topics: Any) -> bool:
    updated: bool = await _ORIGINAL(self, cluster_metadata, topics)
    if updated:
        self._milestones_failed_updates = 0
        return updated
    failures = getattr(self, "_milestones_failed_updates", 0) + 1
    self._milestones_failed_updates = failures
    base = max(float(getattr(self, "_retry_backoff", 0.1)), 0.01)
    await asyncio.sleep(min(MAX_BACKOFF_S, base * 2 ** (failures - 1)))
    return updated


def install_metadata_backoff() -> None:
    """Make every aiokafka client in this process wait after a failed metadata update (idempotent)."""
    if AIOKafkaClient._metadata_update is not _metadata_update_with_backoff:
        AIOKafkaClient._metadata_update = _metadata_update_with_backoff
