"""The destination a bridge URL names: its scheme picks the sink.

Why apart from ``sink.py``: the concrete sinks import the interface and its helpers from
``sink.py``; the factory imports the sinks. Here, nothing imports back. Each sink's client
library (aiohttp, aio-pika, nats-py) is imported only when its scheme is asked for.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from streams.bridges.settings import BridgeSettings
from streams.bridges.sink import AlertSink, BridgeError, redact_url

__all__ = ["SCHEMES", "sink_for_url"]

SCHEMES = ("http", "https", "amqp", "amqps", "nats", "tls")


def sink_for_url(url: str, settings: BridgeSettings | None = None) -> AlertSink:
    """The sink for ``url``'s scheme: http(s) webhook, amqp(s) RabbitMQ, nats JetStream."""
    settings = settings or BridgeSettings()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise BridgeError(
            f"bridge destination {redact_url(url)!r}: unknown scheme {scheme or '(none)'!r}; "
            "use http://, https://, amqp://, amqps:// or nats://"
        )
    if not parts.hostname:
        raise BridgeError(f"bridge destination {redact_url(url)!r} has no host")
    if scheme in ("http", "https"):
        from streams.bridges.webhook import WebhookSink

        return WebhookSink(url, settings)
    if scheme in ("amqp", "amqps"):
        from streams.bridges.rabbitmq import RabbitMQSink

        return RabbitMQSink(url, settings)
    from streams.bridges.jetstream import JetStreamSink

    return JetStreamSink(url, settings)
