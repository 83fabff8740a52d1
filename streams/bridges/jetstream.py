"""NATS JetStream destination (nats-py): subject ``alerts.<kind>.<index>``, de-duplicated by id.

What the receiver gets: messages in the stream ``MILESTONES_ALERTS``
(MILESTONES_BRIDGE_NATS_STREAM, created over ``alerts.>`` when missing), subject
``alerts.<kind>.<index>``, header ``Nats-Msg-Id: <alert_id>``, the Alert JSON as the body.

Acknowledged means JetStream answered the publish with a PubAck: the message is stored.
Because ``Nats-Msg-Id`` is the alert_id, JetStream itself drops a repeat that arrives within
the stream's duplicate window (two minutes by default), so a re-sent alert is stored once.
"""

from __future__ import annotations

import asyncio
import contextlib

import nats
from nats.aio.client import Client
from nats.js import JetStreamContext
from nats.js.errors import NotFoundError

from schemas import Alert
from streams.bridges.settings import BridgeSettings
from streams.bridges.sink import subject_for

__all__ = ["MSG_ID_HEADER", "JetStreamSink"]

MSG_ID_HEADER = "Nats-Msg-Id"


async def _quiet(_error: Exception) -> None:
    """nats-py logs every connection error itself; the bridge logs failed deliveries once."""


class JetStreamSink:
    """Publishes each alert to JetStream and waits for its PubAck.

    Connects lazily, without nats-py's own reconnect loop (the bridge's retry with backoff
    does that), and drops the connection after any failure.
    """

    def __init__(self, url: str, settings: BridgeSettings) -> None:
        self.url = url
        self.settings = settings
        self._nc: Client | None = None
        self._js: JetStreamContext | None = None

    async def start(self) -> None:
        """Nothing to do up front: the server may well be down when the bridge starts."""

    async def _ready(self) -> JetStreamContext:
        if self._js is not None and self._nc is not None and self._nc.is_connected:
            return self._js
        await self.close()
        timeout = self.settings.delivery_timeout
        self._nc = await nats.connect(
            servers=[self.url],
            connect_timeout=timeout,
            allow_reconnect=False,
            # nats-py reads 0 as "retry this server forever" inside connect(); 1 means one retry
            # shortly after, then NoServersError, so a server that is down fails fast.
            max_reconnect_attempts=1,
            reconnect_time_wait=0.2,
            error_cb=_quiet,
        )
        js = self._nc.jetstream(timeout=timeout)
        name = self.settings.nats_stream
        try:
            await js.stream_info(name)
        except NotFoundError:
            await js.add_stream(name=name, subjects=[f"{self.settings.subject_prefix}.>"])
        self._js = js
        return js

    async def deliver(self, alert: Alert) -> None:
        try:
            js = await self._ready()
            await js.publish(
                subject_for(alert, self.settings.subject_prefix),
                alert.to_json_bytes(),
                timeout=self.settings.delivery_timeout,
                headers={MSG_ID_HEADER: alert.alert_id, "Content-Type": "application/json"},
            )
        except BaseException:
            await self.close()
            raise

    async def close(self) -> None:
        nc, self._nc, self._js = self._nc, None, None
        if nc is not None and not nc.is_closed:
            # Closing a connection to a dead server may fail; it is gone anyway.
            with contextlib.suppress(Exception):
                await asyncio.wait_for(nc.close(), timeout=5)
