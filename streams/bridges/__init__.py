"""Desk-bus bridges: the alerts topic forwarded to a webhook, RabbitMQ or NATS JetStream.

One small interface (:class:`AlertSink`) per destination, chosen by URL scheme
(:func:`sink_for_url`), and one loop (:class:`Bridge`) that delivers at-least-once: the Kafka
offset is committed only after the destination acknowledged, failures are retried with capped
exponential backoff, and every delivery carries the alert_id as its idempotency key.
"""

from streams.bridges.bridge import Bridge, BridgeStats
from streams.bridges.destinations import sink_for_url
from streams.bridges.settings import BridgeSettings
from streams.bridges.sink import AlertSink, BridgeError, DeliveryError, default_group

__all__ = [
    "AlertSink",
    "Bridge",
    "BridgeError",
    "BridgeSettings",
    "BridgeStats",
    "DeliveryError",
    "default_group",
    "sink_for_url",
]
