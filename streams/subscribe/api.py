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

The subscription is the project's one alerts reader (:class:`streams.subscribe.reader.AlertReader`,
which ``milestones tail`` and the bridges use too); this module only gives it the API's defaults
and its documented name.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from datetime import datetime

from streams.settings import Settings
from streams.subscribe.reader import AlertFilter, AlertReader

__all__ = ["AlertFilter", "AlertSubscription", "subscribe_alerts"]

AlertSubscription = AlertReader
"""What ``subscribe_alerts`` yields: ``async for``, ``drain()``, ``repeats_dropped``, ``accept()``."""


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
    reader = await AlertReader.open(
        settings,
        group_id=group_id,
        from_beginning=from_beginning,
        since=since,
        wanted=AlertFilter(_as_set(index), _as_set(kind)),
    )
    async with reader:
        yield reader
