"""RabbitMQ destination (aio-pika): a durable topic exchange, publisher confirms.

What the receiver gets: on the exchange ``milestones.alerts`` (MILESTONES_BRIDGE_AMQP_EXCHANGE),
routing key ``alerts.<kind>.<index>``, a persistent message whose ``message_id`` is the alert_id,
``content_type`` application/json, ``type`` ``alert.<kind>``, and the Alert JSON as the body.
A queue bound with ``alerts.#`` gets everything; ``alerts.milestone.NIKKEI225`` one index's
milestones.

Acknowledged means RabbitMQ confirmed the publish (publisher confirms) after routing it to at
least one queue: the message is published ``mandatory``, so an alert that no queue would take is
returned and counts as a failed delivery, retried until the desk binds a queue, never dropped.
"""

from __future__ import annotations

import asyncio
import contextlib

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractConnection, AbstractExchange
from pamqp.commands import Basic

from schemas import Alert
from streams.bridges.settings import BridgeSettings
from streams.bridges.sink import DeliveryError, redact_url, subject_for

__all__ = ["RabbitMQSink"]


class RabbitMQSink:
    """Publishes each alert to a topic exchange and waits for the broker's confirm.

    Connects lazily and drops the connection after any failure, so a broker that was down
    or restarted is simply reconnected to on the next attempt.
    """

    def __init__(self, url: str, settings: BridgeSettings) -> None:
        self.url = url
        self.settings = settings
        self._connection: AbstractConnection | None = None
        self._channel: AbstractChannel | None = None
        self._exchange: AbstractExchange | None = None

    async def start(self) -> None:
        """Nothing to do up front: the broker may well be down when the bridge starts."""

    async def _ready_exchange(self) -> AbstractExchange:
        if self._exchange is not None and self._channel is not None and not self._channel.is_closed:
            return self._exchange
        await self.close()
        timeout = self.settings.delivery_timeout
        self._connection = await aio_pika.connect(self.url, timeout=timeout)
        self._channel = await self._connection.channel(publisher_confirms=True, on_return_raises=True)
        self._exchange = await self._channel.declare_exchange(
            self.settings.amqp_exchange, aio_pika.ExchangeType.TOPIC, durable=True, timeout=timeout
        )
        return self._exchange

    def message(self, alert: Alert) -> aio_pika.Message:
        """The AMQP message for one alert: persistent, message_id = alert_id."""
        return aio_pika.Message(
            alert.to_json_bytes(),
            content_type="application/json",
            delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
            message_id=alert.alert_id,
            type=f"alert.{alert.kind}",
            app_id="market-milestones",
            headers={"alert_id": alert.alert_id},
        )

    async def deliver(self, alert: Alert) -> None:
        routing_key = subject_for(alert, self.settings.subject_prefix)
        try:
            exchange = await self._ready_exchange()
            confirm = await exchange.publish(
                self.message(alert),
                routing_key=routing_key,
                mandatory=True,
                timeout=self.settings.delivery_timeout,
            )
        except aio_pika.exceptions.PublishError as error:
            await self.close()
            raise DeliveryError(
                f"RabbitMQ at {redact_url(self.url)} has no queue bound for routing key "
                f"{routing_key!r} on exchange {self.settings.amqp_exchange!r}: {error}"
            ) from error
        except BaseException:
            await self.close()
            raise
        if not isinstance(confirm, Basic.Ack):
            await self.close()
            raise DeliveryError(f"RabbitMQ at {redact_url(self.url)} did not confirm: {confirm!r}")

    async def close(self) -> None:
        connection, self._connection, self._channel, self._exchange = self._connection, None, None, None
        if connection is not None and not connection.is_closed:
            # Closing a connection to a dead server may fail; it is gone anyway.
            with contextlib.suppress(Exception):
                await asyncio.wait_for(connection.close(), timeout=5)
