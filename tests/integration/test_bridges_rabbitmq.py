"""`milestones bridge --to amqp://...` against a real RabbitMQ node and the real Kafka broker."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import aio_pika
import pytest
from aio_pika.abc import AbstractIncomingMessage

from schemas import Alert
from tests.integration.bridge_helpers import (
    RunningBridge,
    bridge_settings,
    make_alerts,
    new_settings,
    produce_alerts,
    wait_until,
)
from tests.integration.bridge_servers import RabbitMQServer

pytestmark = [pytest.mark.integration, pytest.mark.timeout(400)]


@pytest.fixture(scope="module")
def rabbitmq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RabbitMQServer]:
    server = RabbitMQServer(tmp_path_factory.mktemp("rabbitmq"))
    server.start()
    try:
        yield server
    finally:
        server.close()


async def bind_queue(url: str, exchange: str, binding: str = "alerts.#") -> str:
    """A durable queue of the test's own on the bridge's exchange, as a desk would declare it."""
    name = f"desk-{uuid.uuid4().hex[:8]}"
    connection = await aio_pika.connect(url)
    async with connection:
        channel = await connection.channel()
        ex = await channel.declare_exchange(exchange, aio_pika.ExchangeType.TOPIC, durable=True)
        queue = await channel.declare_queue(name, durable=True)
        await queue.bind(ex, binding)
    return name


async def drain(url: str, queue_name: str, want: int, timeout: float = 90.0) -> list[AbstractIncomingMessage]:
    """Take messages off the queue until ``want`` distinct message ids were seen."""
    out: list[AbstractIncomingMessage] = []
    connection = await aio_pika.connect(url)
    async with connection:
        queue = await (await connection.channel()).declare_queue(queue_name, durable=True, passive=True)
        deadline = time.monotonic() + timeout
        while len({m.message_id for m in out}) < want and time.monotonic() < deadline:
            message = await queue.get(no_ack=True, fail=False)
            if message is None:
                await asyncio.sleep(0.2)
            else:
                out.append(message)
    return out


async def test_rabbitmq_gets_each_alert_with_routing_key_and_message_id(
    kafka_bootstrap: str, tmp_path: Path, rabbitmq: RabbitMQServer
) -> None:
    settings = await new_settings(kafka_bootstrap, tmp_path)
    exchange = f"milestones.alerts.{uuid.uuid4().hex[:8]}"
    bsettings = bridge_settings(amqp_exchange=exchange)
    alerts = make_alerts(10)
    by_id = {a.alert_id: a for a in alerts}
    await produce_alerts(settings, alerts)

    # No queue bound yet: RabbitMQ returns the (mandatory) messages, so nothing is acknowledged.
    bridge = RunningBridge(rabbitmq.url, settings, bsettings, group=f"bridge-{settings.app_id}")
    try:
        await wait_until(lambda: bridge.stats.failed_attempts >= 2, "returned (unroutable) publishes")
        assert bridge.stats.delivered == 0
        queue = await bind_queue(rabbitmq.url, exchange)
        nikkei = await bind_queue(rabbitmq.url, exchange, "alerts.milestone.NIKKEI225")
        await wait_until(lambda: bridge.stats.delivered == len(alerts), "every alert confirmed")
    finally:
        await bridge.stop()
    assert await bridge.lag() == 0

    messages = await drain(rabbitmq.url, queue, len(alerts))
    assert {m.message_id for m in messages} == set(by_id)
    for m in messages:
        alert = Alert.from_json_bytes(m.body)
        assert alert == by_id[m.message_id]
        assert m.routing_key == f"alerts.{alert.kind}.{alert.index}"
        assert m.delivery_mode == aio_pika.DeliveryMode.PERSISTENT
        assert m.content_type == "application/json"
    expected_nikkei = {a.alert_id for a in alerts if a.kind == "milestone" and a.index == "NIKKEI225"}
    assert expected_nikkei
    assert {m.message_id for m in await drain(rabbitmq.url, nikkei, len(expected_nikkei))} == expected_nikkei


async def test_rabbitmq_down_for_a_while_then_back_loses_nothing(
    kafka_bootstrap: str, tmp_path: Path, rabbitmq: RabbitMQServer
) -> None:
    settings = await new_settings(kafka_bootstrap, tmp_path)
    exchange = f"milestones.alerts.{uuid.uuid4().hex[:8]}"
    bsettings = bridge_settings(amqp_exchange=exchange)
    queue = await bind_queue(rabbitmq.url, exchange)
    first, during = make_alerts(5), make_alerts(8)
    await produce_alerts(settings, first)

    bridge = RunningBridge(rabbitmq.url, settings, bsettings, group=f"bridge-{settings.app_id}")
    try:
        await wait_until(lambda: bridge.stats.delivered == len(first), "the alerts sent before the outage")
        await asyncio.to_thread(rabbitmq.stop)
        await produce_alerts(settings, during)
        await wait_until(lambda: bridge.stats.failed_attempts >= 3, "failed attempts while RabbitMQ is down")
        await asyncio.to_thread(rabbitmq.start)
        total = len(first) + len(during)
        await wait_until(lambda: bridge.stats.delivered >= total, "every alert after RabbitMQ came back", 120)
    finally:
        if rabbitmq.proc is None:
            await asyncio.to_thread(rabbitmq.start)
        await bridge.stop()
    assert await bridge.lag() == 0
    messages = await drain(rabbitmq.url, queue, len(first) + len(during))
    assert {m.message_id for m in messages} == {a.alert_id for a in first + during}, "an alert was lost"
