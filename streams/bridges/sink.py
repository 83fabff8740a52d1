"""The one interface every desk-bus destination implements (``sink_for_url`` picks one by URL).

    sink = sink_for_url("amqp://guest:guest@rabbit:5672/", BridgeSettings())
    await sink.start()
    await sink.deliver(alert)   # returns only once the destination acknowledged; raises otherwise
    await sink.close()

Errors::

    BridgeError               a bridge cannot be set up: bad URL, unknown scheme (not retried)
    DeliveryError             one delivery was not acknowledged (the bridge retries it)

Any other exception out of ``deliver`` (a refused connection, a timeout) also counts as a failed
delivery and is retried: the bridge never skips an alert because its destination is away.
"""

from __future__ import annotations

import hashlib
from typing import Protocol
from urllib.parse import urlsplit, urlunsplit

from schemas import Alert
from streams.failures import CommandFailed

__all__ = [
    "AlertSink",
    "BridgeError",
    "DeliveryError",
    "default_group",
    "redact_url",
    "subject_for",
]


class BridgeError(CommandFailed):
    """The bridge cannot run as configured (bad destination URL); retrying would not help."""


class DeliveryError(Exception):
    """The destination did not acknowledge one alert; the bridge retries it."""


class AlertSink(Protocol):
    """A destination on a desk's bus. ``deliver`` carries ``alert.alert_id`` as its idempotency key."""

    async def start(self) -> None:
        """Prepare (sessions, clients). Must not fail just because the destination is down."""

    async def deliver(self, alert: Alert) -> None:
        """Return only when the destination acknowledged ``alert``; raise on any failure."""

    async def close(self) -> None:
        """Release connections; safe to call more than once."""


def subject_for(alert: Alert, prefix: str = "alerts") -> str:
    """``alerts.<kind>.<index>``: the AMQP routing key and the NATS subject of an alert."""
    return f"{prefix}.{alert.kind}.{alert.index}"


def redact_url(url: str) -> str:
    """The URL without its password, for logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def default_group(url: str) -> str:
    """A consumer group of the destination's own: ``milestones-bridge-<scheme>-<sha256 of url>``.

    One group per destination is what lets two bridges (say a webhook and RabbitMQ) each get
    every alert, and a restarted bridge resume after the last alert its destination acknowledged.
    """
    scheme = urlsplit(url).scheme.lower() or "none"
    return f"milestones-bridge-{scheme}-{hashlib.sha256(url.encode()).hexdigest()[:12]}"
