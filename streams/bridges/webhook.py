"""Webhook destination: one HTTP POST per alert, 2xx means acknowledged.

What the receiver gets::

    POST <url>
    Content-Type: application/json
    Idempotency-Key: <alert_id>          (also as X-Alert-Id)
    X-Signature: sha256=<hex>            (only with MILESTONES_BRIDGE_WEBHOOK_SECRET set)

    <the Alert as JSON>

The signature is HMAC-SHA256 of the exact body bytes with the shared secret, so the receiver
can check the alert came from us and was not altered. Any other status, a refused connection
or a timeout is a failed delivery, and the bridge retries it.
"""

from __future__ import annotations

import hashlib
import hmac

import aiohttp

from schemas import Alert
from streams.bridges.settings import BridgeSettings
from streams.bridges.sink import DeliveryError, redact_url

__all__ = ["WebhookSink", "sign"]


def sign(body: bytes, secret: str) -> str:
    """The ``X-Signature`` value for ``body``: ``sha256=`` and the HMAC-SHA256 in hex."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class WebhookSink:
    """POSTs each alert as JSON with its alert_id as the idempotency key."""

    def __init__(self, url: str, settings: BridgeSettings) -> None:
        self.url = url
        self.settings = settings
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        timeout = aiohttp.ClientTimeout(total=self.settings.delivery_timeout)
        self._session = aiohttp.ClientSession(timeout=timeout)

    def headers(self, alert: Alert, body: bytes) -> dict[str, str]:
        """The request headers for one alert (with the signature when a secret is configured)."""
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": alert.alert_id,
            "X-Alert-Id": alert.alert_id,
        }
        secret = self.settings.webhook_secret
        if secret is not None:
            headers["X-Signature"] = sign(body, secret.get_secret_value())
        return headers

    async def deliver(self, alert: Alert) -> None:
        if self._session is None:
            await self.start()
        assert self._session is not None
        body = alert.to_json_bytes()
        async with self._session.post(self.url, data=body, headers=self.headers(alert, body)) as response:
            if not 200 <= response.status < 300:
                text = (await response.text(errors="replace"))[:200]
                raise DeliveryError(f"webhook {redact_url(self.url)} answered {response.status}: {text}")

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
