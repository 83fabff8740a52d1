"""Kafka headers carried by every alert record: CloudEvents 1.0 in binary mode, plus ``alert_id``.

Why CloudEvents: a desk's tooling that speaks CloudEvents (Knative, Dapr, Azure Event Grid, any
SDK's Kafka binding) reads our alerts without our code. In binary content mode the record value
stays exactly the Alert JSON (the contract, published as ``schemas/alert.schema.json``) and the
event attributes ride in headers, built by the ``cloudevents`` package's own Kafka binding:

- ``ce_specversion`` ``1.0``; ``ce_id`` the alert_id (so CloudEvents de-duplication by
  source+id drops the repeats an at-least-once topic may carry);
- ``ce_source`` ``market-milestones`` (or the caller's); ``ce_type``
  ``com.market-milestones.alert.milestone`` or ``...alert.record``;
- ``ce_subject`` the index; ``ce_time`` when the alert was raised (RFC 3339, UTC);
- ``content-type`` ``application/json``.

Our own ``alert_id`` header stays too, for consumers that route on it without CloudEvents.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cloudevents.core.bindings.kafka import to_binary
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent

from schemas import Alert

__all__ = ["ALERT_EVENT_SOURCE", "alert_event_type", "alert_headers"]

ALERT_EVENT_SOURCE = "market-milestones"
_TYPE_PREFIX = "com.market-milestones.alert."
_FORMAT = JSONFormat()


def alert_event_type(kind: str) -> str:
    """The CloudEvents ``type`` of an alert of this kind."""
    return f"{_TYPE_PREFIX}{kind}"


def alert_headers(
    alert: Alert, *, source: str = ALERT_EVENT_SOURCE, raised_at: datetime | None = None
) -> list[tuple[str, bytes]]:
    """The CloudEvents binary-mode headers of ``alert`` and its ``alert_id`` header.

    ``raised_at`` defaults to now: the moment the alert agent raises it.
    """
    event = CloudEvent(
        attributes={
            "specversion": "1.0",
            "id": alert.alert_id,
            "source": source,
            "type": alert_event_type(alert.kind),
            "subject": alert.index,
            "time": raised_at or datetime.now(UTC),
            "datacontenttype": "application/json",
        },
        data=alert.to_json_bytes(),
    )
    message = to_binary(event, _FORMAT)
    return [*message.headers.items(), ("alert_id", alert.alert_id.encode())]
