"""A failed metadata update waits before it is reported (streams/kafka/backoff.py), growing to a cap.

The waits are read from a recording ``sleep``, not timed. The last test pins the aiokafka seam
the back-off replaces: it fails when ``AIOKafkaClient._metadata_update`` changes shape.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from aiokafka.client import AIOKafkaClient

from streams.kafka import backoff as kafka_backoff
from streams.kafka.backoff import MAX_BACKOFF_S, install_metadata_backoff


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorded: list[float] = []

    async def sleep(seconds: float) -> None:
        recorded.append(round(seconds, 3))

    monkeypatch.setattr(kafka_backoff.asyncio, "sleep", sleep)
    return recorded


async def test_failed_updates_wait_longer_each_time_up_to_the_cap(waits: list[float]) -> None:
    install_metadata_backoff()
    client = AIOKafkaClient(bootstrap_servers="127.0.0.1:1")  # never started: no broker known
    for _ in range(7):
        assert await client._metadata_update(client.cluster, set()) is False
    assert waits == [0.1, 0.2, 0.4, 0.8, MAX_BACKOFF_S, MAX_BACKOFF_S, MAX_BACKOFF_S]


async def test_a_success_resets_the_wait(waits: list[float], monkeypatch: pytest.MonkeyPatch) -> None:
    install_metadata_backoff()
    client = AIOKafkaClient(bootstrap_servers="127.0.0.1:1")
    outcomes = iter([False, False, True, False])

    async def update(self: Any, cluster_metadata: Any, topics: Any) -> bool:
        return next(outcomes)

    monkeypatch.setattr(kafka_backoff, "_ORIGINAL", update)
    results = [await client._metadata_update(client.cluster, set()) for _ in range(4)]
    assert results == [False, False, True, False]
    assert waits == [0.1, 0.2, 0.1]  # no wait after the success, and the next failure starts over


def test_installing_twice_wraps_once() -> None:
    install_metadata_backoff()
    install_metadata_backoff()
    assert AIOKafkaClient._metadata_update is kafka_backoff._metadata_update_with_backoff


def test_the_aiokafka_seam_is_still_there() -> None:
    """aiokafka's synchronizer still goes through ``_metadata_update(cluster_metadata, topics)``."""
    assert list(inspect.signature(kafka_backoff._ORIGINAL).parameters) == [
        "self",
        "cluster_metadata",
        "topics",
    ]
    assert "await self._metadata_update(self.cluster, topics)" in inspect.getsource(
        AIOKafkaClient._md_synchronizer
    )
