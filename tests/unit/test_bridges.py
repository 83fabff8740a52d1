"""The bridge's pure parts: backoff, destination URLs, consumer group names, settings."""

from __future__ import annotations

import random

import pytest
from pydantic import ValidationError

from schemas import Alert
from streams.bridges import BridgeError, BridgeSettings, default_group, sink_for_url
from streams.bridges.backoff import Backoff
from streams.bridges.sink import redact_url
from streams.bridges.webhook import WebhookSink


def test_backoff_doubles_up_to_the_cap_and_resets() -> None:
    backoff = Backoff(initial=0.5, maximum=4.0, jitter=0.0)
    assert [backoff.next_delay() for _ in range(6)] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    backoff.reset()
    assert backoff.next_delay() == 0.5


def test_backoff_jitter_stays_within_its_spread_and_the_cap() -> None:
    backoff = Backoff(initial=1.0, maximum=8.0, jitter=0.2, _random=random.Random(7))
    delays = [backoff.next_delay() for _ in range(200)]
    assert all(0.8 <= d <= 8.0 for d in delays)
    assert all(6.4 <= d <= 8.0 for d in delays[10:]), "past the cap, delays stay near it"


def test_default_group_is_one_per_destination_and_names_the_scheme() -> None:
    a, b = default_group("amqp://rabbit:5672/"), default_group("amqp://rabbit:5673/")
    assert a.startswith("milestones-bridge-amqp-") and a != b
    assert default_group("amqp://rabbit:5672/") == a


def test_urls_are_logged_without_their_password() -> None:
    assert redact_url("amqp://desk:s3cret@rabbit:5672/v") == "amqp://desk:***@rabbit:5672/v"
    assert redact_url("nats://127.0.0.1:4222") == "nats://127.0.0.1:4222"


@pytest.mark.parametrize("url", ["ftp://host/x", "rabbit:5672", "http:///path"])
def test_a_destination_that_cannot_work_is_rejected_by_name(url: str) -> None:
    with pytest.raises(BridgeError, match="bridge destination"):
        sink_for_url(url)


def test_each_scheme_gets_its_sink() -> None:
    assert isinstance(sink_for_url("https://desk.example/hook"), WebhookSink)
    assert type(sink_for_url("amqp://guest:guest@localhost/")).__name__ == "RabbitMQSink"
    assert type(sink_for_url("nats://localhost:4222")).__name__ == "JetStreamSink"


def test_bad_bridge_settings_name_the_variable() -> None:
    with pytest.raises(ValidationError, match="MILESTONES_BRIDGE_BACKOFF_MAX"):
        BridgeSettings(backoff_initial=5, backoff_max=1)
    with pytest.raises(ValidationError, match="MILESTONES_BRIDGE_SUBJECT_PREFIX"):
        BridgeSettings(subject_prefix="alerts.>")


def test_the_webhook_secret_signs_the_exact_body() -> None:
    import hashlib
    import hmac

    alert = Alert(
        alert_id="a1",
        kind="milestone",
        index="NIKKEI225",
        direction="up",
        milestone=50000.0,
        level=50012.5,
        article_id="art1",
        sentence="The Nikkei topped 50,000 for the first time.",
    )
    body = alert.to_json_bytes()
    sink = WebhookSink("http://x/", BridgeSettings(webhook_secret="s3cr3t-value"))  # type: ignore[arg-type]
    headers = sink.headers(alert, body)
    assert headers["Idempotency-Key"] == headers["X-Alert-Id"] == alert.alert_id
    assert headers["X-Signature"] == "sha256=" + hmac.new(b"s3cr3t-value", body, hashlib.sha256).hexdigest()
    assert "X-Signature" not in WebhookSink("http://x/", BridgeSettings()).headers(alert, body)
    assert "s3cr3t-value" not in repr(BridgeSettings(webhook_secret="s3cr3t-value"))  # type: ignore[arg-type]
