"""Kafka headers carried by every alert record.

Why headers at all: a consumer can route or de-duplicate on ``alert_id`` without parsing the
JSON body.
"""

from __future__ import annotations

from schemas import Alert

__all__ = ["alert_headers"]


def alert_headers(alert: Alert) -> list[tuple[str, bytes]]:
    """``alert_id`` and the body's content type."""
    return [("alert_id", alert.alert_id.encode()), ("content-type", b"application/json")]
