"""`milestones bridge --to http://...` against a real HTTP server and the real Kafka broker."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web

from schemas import Alert
from streams.worker.process import free_port
from tests.integration.bridge_helpers import (
    RunningBridge,
    bridge_settings,
    make_alerts,
    new_settings,
    produce_alerts,
    wait_until,
)
from tests.integration.helpers import worker_env

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]

SECRET = "desk-shared-secret"


@dataclass
class Delivery:
    idempotency_key: str | None
    alert_id_header: str | None
    signature: str | None
    body: bytes


@dataclass
class Receiver:
    """A desk's webhook endpoint: records every POST; answers 503 to the first ``refuse`` ones."""

    port: int = field(default_factory=free_port)
    refuse: int = 0
    deliveries: list[Delivery] = field(default_factory=list)
    refused: int = 0
    runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/alerts"

    def ids(self) -> set[str]:
        return {Alert.from_json_bytes(d.body).alert_id for d in self.deliveries}

    async def _handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        if self.refused < self.refuse:
            self.refused += 1
            return web.Response(status=503, text="desk bus busy")
        h = request.headers
        self.deliveries.append(
            Delivery(h.get("Idempotency-Key"), h.get("X-Alert-Id"), h.get("X-Signature"), body)
        )
        return web.Response(status=204)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/hooks/alerts", self._handle)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()


async def test_webhook_delivers_each_alert_signed_once_and_resumes_after_restart(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = await new_settings(kafka_bootstrap, tmp_path)
    first, later = make_alerts(12), make_alerts(5)
    await produce_alerts(settings, first, raw=[b"not json", b'{"alert_id": "x"}'])
    receiver = Receiver()
    await receiver.start()
    group = f"bridge-{settings.app_id}"
    bsettings = bridge_settings(webhook_secret=SECRET)
    try:
        bridge = RunningBridge(receiver.url, settings, bsettings, group=group)
        await wait_until(lambda: len(receiver.deliveries) >= len(first), "the first alerts at the webhook")
        stats = await bridge.stop()
        assert stats.invalid_skipped == 2
        assert await bridge.lag() == 0, "every acknowledged alert (and the skipped invalid ones) is committed"

        by_id = {a.alert_id: a for a in first}
        assert receiver.ids() == set(by_id)
        for d in receiver.deliveries:
            alert = Alert.from_json_bytes(d.body)
            assert alert == by_id[alert.alert_id]
            assert d.idempotency_key == d.alert_id_header == alert.alert_id
            expected = "sha256=" + hmac.new(SECRET.encode(), d.body, hashlib.sha256).hexdigest()
            assert d.signature is not None and hmac.compare_digest(d.signature, expected)

        # Restart with the same group: only the alerts produced since are sent.
        await produce_alerts(settings, later)
        seen_before = len(receiver.deliveries)
        bridge = RunningBridge(receiver.url, settings, bsettings, group=group)
        await wait_until(lambda: receiver.ids() >= {a.alert_id for a in later}, "the later alerts")
        await bridge.stop()
        resent = [Alert.from_json_bytes(d.body).alert_id for d in receiver.deliveries[seen_before:]]
        assert sorted(resent) == sorted(a.alert_id for a in later), "acknowledged alerts were sent again"
    finally:
        await receiver.stop()


async def test_webhook_down_for_a_while_then_back_loses_nothing(kafka_bootstrap: str, tmp_path: Path) -> None:
    settings = await new_settings(kafka_bootstrap, tmp_path)
    alerts = make_alerts(10)
    receiver = Receiver(refuse=3)  # nobody listens at first; then three 503s before it accepts
    bridge = RunningBridge(receiver.url, settings, bridge_settings(), group=f"bridge-{settings.app_id}")
    try:
        await produce_alerts(settings, alerts)
        await wait_until(
            lambda: bridge.stats.failed_attempts >= 3, "failed attempts while the webhook is down"
        )
        assert bridge.stats.delivered == 0
        await receiver.start()
        await wait_until(lambda: receiver.ids() == {a.alert_id for a in alerts}, "every alert after recovery")
        stats = await bridge.stop()
        assert receiver.refused == 3
        assert stats.failed_attempts >= 6
        assert await bridge.lag() == 0
    finally:
        if not bridge.task.done():
            await bridge.stop()
        await receiver.stop()


async def test_stopping_abandons_the_in_flight_delivery_without_committing_it(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = await new_settings(kafka_bootstrap, tmp_path)
    await produce_alerts(settings, make_alerts(3))
    answered, release = asyncio.Event(), asyncio.Event()

    async def never_answers(request: web.Request) -> web.Response:
        answered.set()
        await release.wait()  # until the test ends: the bridge stops while waiting for this answer
        return web.Response(status=503)

    app = web.Application()
    app.router.add_post("/hooks/alerts", never_answers)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    url = f"http://127.0.0.1:{port}/hooks/alerts"
    bridge = RunningBridge(url, settings, bridge_settings(delivery_timeout=600), group=f"b-{settings.app_id}")
    try:
        await asyncio.wait_for(answered.wait(), 90)
        stats = await bridge.stop()
        assert (stats.abandoned, stats.delivered) == (1, 0)
        assert await bridge.lag() == 3, "an unacknowledged alert was committed"
    finally:
        if not bridge.task.done():
            await bridge.stop()
        release.set()
        await runner.cleanup()


async def test_bridge_command_runs_as_a_process_and_stops_cleanly_on_sigterm(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = await new_settings(kafka_bootstrap, tmp_path)
    alerts = make_alerts(4)
    await produce_alerts(settings, alerts)
    receiver = Receiver()
    await receiver.start()
    group = f"bridge-{settings.app_id}"
    env = {**os.environ, **worker_env(settings), "MILESTONES_BRIDGE_WEBHOOK_SECRET": SECRET}
    command = [sys.executable, "-m", "streams.cli", "bridge", "--to", receiver.url, "--group", group]
    log_path = tmp_path / "bridge.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen([*command, "--from-beginning"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        await wait_until(
            lambda: receiver.ids() == {a.alert_id for a in alerts}, "alerts from the bridge process"
        )
        assert all(d.signature and d.signature.startswith("sha256=") for d in receiver.deliveries)
        proc.send_signal(signal.SIGTERM)
        code = await asyncio.to_thread(proc.wait, 60)
        assert code == 0, log_path.read_text()
        assert "bridge stopped" in log_path.read_text()
    finally:
        if proc.poll() is None:
            proc.kill()
        await receiver.stop()


def test_bridge_command_rejects_an_unknown_destination() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "streams.cli", "bridge", "--to", "ftp://desk.example/alerts"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "ftp://desk.example/alerts" in done.stderr and "unknown scheme 'ftp'" in done.stderr
