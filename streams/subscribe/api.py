"""Subscribing to alerts from Python: validated Alert objects, each alert_id once.

    async with subscribe_alerts(settings, index="NIKKEI225") as alerts:
        async for alert in alerts:
            print(alert.index, alert.kind, alert.milestone or alert.level)

The alerts topic is at-least-once (a worker that crashes between sending an alert and recording
it re-sends it with the same alert_id), so this path drops repeated ids: what a subscriber sees
is exactly once (within one subscription: the ids seen are kept in memory).

Read-only (``group_id=None``, the default) commits nothing and starts from the beginning or from
a point in time; with a ``group_id`` of its own a subscriber's offsets are committed as it reads
(aiokafka auto-commit, and once more on exit), so a restart with the same group resumes after the
alerts already read.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime

from aiokafka import AIOKafkaConsumer

from schemas import Alert
from streams.kafka.consume import open_consumer
from streams.settings import Settings

__all__ = ["AlertFilter", "AlertSubscription", "subscribe_alerts"]

log = logging.getLogger("milestones.subscribe")


@dataclass(frozen=True)
class AlertFilter:
    """Which alerts a subscriber wants: any of these indices and kinds (empty means all)."""

    indices: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()

    def accepts(self, alert: Alert) -> bool:
        return (not self.indices or alert.index in self.indices) and (
            not self.kinds or alert.kind in self.kinds
        )


@dataclass
class AlertSubscription:
    """An async iterator of Alerts from one consumer; repeats (same alert_id) are dropped."""

    consumer: AIOKafkaConsumer
    wanted: AlertFilter
    seen: set[str] = field(default_factory=set)
    repeats_dropped: int = 0
    invalid_skipped: int = 0

    def __aiter__(self) -> AsyncIterator[Alert]:
        return self._iterate()

    async def _iterate(self) -> AsyncIterator[Alert]:
        async for message in self.consumer:
            alert = self.accept(message.value)
            if alert is not None:
                yield alert

    def accept(self, value: bytes | None) -> Alert | None:
        """Validate one record; None for an invalid record, a repeat, or a filtered-out alert."""
        try:
            alert = Alert.from_json_bytes(value or b"")
        except ValueError as exc:
            self.invalid_skipped += 1
            log.warning("skipping an alerts record that is not a valid Alert: %s", exc)
            return None
        if alert.alert_id in self.seen:
            self.repeats_dropped += 1
            return None
        self.seen.add(alert.alert_id)
        return alert if self.wanted.accepts(alert) else None

    async def drain(self, idle_ms: int = 1000) -> list[Alert]:
        """Every alert available now, stopping when a fetch brings nothing for ``idle_ms``."""
        out: list[Alert] = []
        while True:
            batch = await self.consumer.getmany(timeout_ms=idle_ms)
            if not batch:
                return out
            for records in batch.values():
                for record in records:
                    alert = self.accept(record.value)
                    if alert is not None:
                        out.append(alert)


def _as_set(value: str | Iterable[str] | None) -> frozenset[str]:
    if value is None:
        return frozenset()
    return frozenset([value]) if isinstance(value, str) else frozenset(value)


@asynccontextmanager
async def subscribe_alerts(
    settings: Settings | None = None,
    *,
    index: str | Iterable[str] | None = None,
    kind: str | Iterable[str] | None = None,
    group_id: str | None = None,
    from_beginning: bool = True,
    since: datetime | None = None,
) -> AsyncIterator[AlertSubscription]:
    """Consume the alerts topic as validated Alerts.

    ``group_id=None`` reads without a consumer group (nothing committed: read-only); with a
    group id, offsets are committed as usual and a restart resumes where it was.
    ``from_beginning=False`` reads only alerts raised from now on; ``since`` (read-only) starts
    at the first alert stored at or after that time. Wrong credentials or an unreachable
    cluster raise ``streams.kafka.clients.KafkaConnectFailed`` saying which.
    """
    settings = settings or Settings()
    consumer = await open_consumer(
        settings,
        settings.topics.alerts,
        group_id=group_id,
        from_beginning=from_beginning,
        since=since,
    )
    try:
        yield AlertSubscription(consumer, AlertFilter(_as_set(index), _as_set(kind)))
    finally:
        await consumer.stop()
