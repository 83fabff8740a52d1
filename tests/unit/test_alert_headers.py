"""Every alert carries CloudEvents 1.0 binary-mode headers that cloudevents' own binding reads back."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson
from cloudevents.core.bindings.kafka import KafkaMessage, from_binary
from cloudevents.core.formats.json import JSONFormat

from schemas import Alert
from streams.worker.alert_headers import alert_headers


def _alert(kind: str = "milestone") -> Alert:
    return Alert(
        alert_id=f"NIKKEI225-{kind}-50000-up-1",
        kind=kind,  # type: ignore[arg-type]
        index="NIKKEI225",
        direction="up",
        milestone=50000.0 if kind == "milestone" else None,
        level=50212.27,
        first_time=True,
        article_id="a1",
        published_at="2025-10-27",
        sentence="Japan's Nikkei topped 50,000 for the first time.",
    )


def test_headers_are_the_cloudevents_kafka_binary_binding_plus_alert_id() -> None:
    alert = _alert()
    raised = datetime(2025, 10, 27, 6, 30, 1, tzinfo=UTC)
    headers = dict(alert_headers(alert, raised_at=raised))
    assert headers == {
        "ce_specversion": b"1.0",
        "ce_id": alert.alert_id.encode(),
        "ce_source": b"market-milestones",
        "ce_type": b"com.market-milestones.alert.milestone",
        "ce_subject": b"NIKKEI225",
        "ce_time": b"2025-10-27T06:30:01Z",
        "content-type": b"application/json",
        "alert_id": alert.alert_id.encode(),
    }


def test_a_cloudevents_consumer_reads_the_record_without_our_code() -> None:
    for kind in ("milestone", "record"):
        alert = _alert(kind)
        value = alert.to_json_bytes()
        event = from_binary(
            KafkaMessage(headers=dict(alert_headers(alert)), key=b"NIKKEI225", value=value), JSONFormat()
        )
        assert event.get_specversion() == "1.0"
        assert event.get_id() == alert.alert_id
        assert event.get_type() == f"com.market-milestones.alert.{kind}"
        assert event.get_source() == "market-milestones"
        assert event.get_datacontenttype() == "application/json"
        time = event.get_time()
        assert time is not None and time.tzinfo is not None
        # The data is the Alert JSON, unchanged: the contract's schema still describes the value.
        assert event.get_data() == orjson.loads(value)
        assert Alert.model_validate(event.get_data()) == alert
