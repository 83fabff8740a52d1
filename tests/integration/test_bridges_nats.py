"""`milestones bridge --to nats://...` against a real nats-server (JetStream) and the real broker."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import nats
import pytest

from schemas import Alert
from streams.bridges.jetstream import MSG_ID_HEADER
from tests.integration.bridge_helpers import (
    RunningBridge,
    bridge_settings,
    make_alerts,
    new_settings,
    produce_alerts,
    wait_until,
)
from tests.integration.bridge_servers import NatsServer

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]


@pytest.fixture(scope="module")
def nats_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NatsServer]:
    server = NatsServer(tmp_path_factory.mktemp("nats"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


def names() -> tuple[str, str]:
    """A stream and subject prefix of the test's own (streams on one server may not overlap)."""
    tag = uuid.uuid4().hex[:8]
    return f"MILESTONES_ALERTS_{tag}", f"t{tag}.alerts"


async def stored(url: str, stream: str) -> list[tuple[str, dict[str, str], bytes]]:
    """Every message the stream holds: (subject, headers, body); empty if it does not exist yet."""
    nc = await nats.connect(servers=[url], allow_reconnect=False, max_reconnect_attempts=1)
    try:
        js = nc.jetstream()
        try:
            state = (await js.stream_info(stream)).state
        except nats.js.errors.NotFoundError:
            return []
        out = []
        for seq in range(state.first_seq, state.last_seq + 1) if state.messages else ():
            msg = await js.get_msg(stream, seq)
            out.append((msg.subject or "", dict(msg.headers or {}), msg.data or b""))
        return out
    finally:
        await nc.close()


async def test_jetstream_gets_each_alert_with_its_msg_id_and_drops_repeats(
    kafka_bootstrap: str, tmp_path: Path, nats_server: NatsServer
) -> None:
    settings = await new_settings(kafka_bootstrap, tmp_path)
    stream, prefix = names()
    bsettings = bridge_settings(nats_stream=stream, subject_prefix=prefix)
    alerts = make_alerts(10)
    await produce_alerts(settings, alerts)
    by_id = {a.alert_id: a for a in alerts}

    bridge = RunningBridge(nats_server.url, settings, bsettings, group=f"bridge-{settings.app_id}")
    await wait_until(lambda: bridge.stats.delivered == len(alerts), "every alert acknowledged by JetStream")
    await bridge.stop()
    assert await bridge.lag() == 0
    messages = await stored(nats_server.url, stream)
    assert len(messages) == len(alerts)
    for subject, headers, body in messages:
        alert = Alert.from_json_bytes(body)
        assert alert == by_id[alert.alert_id]
        assert headers[MSG_ID_HEADER] == alert.alert_id
        assert subject == f"{prefix}.{alert.kind}.{alert.index}"

    # A second bridge (another group, from the beginning) sends every alert again: JetStream
    # acknowledges each and stores none of them twice.
    again = RunningBridge(nats_server.url, settings, bsettings, group=f"bridge-again-{settings.app_id}")
    await wait_until(lambda: again.stats.delivered == len(alerts), "the repeats acknowledged")
    await again.stop()
    assert len(await stored(nats_server.url, stream)) == len(alerts)


async def test_nats_down_for_a_while_then_back_loses_nothing(
    kafka_bootstrap: str, tmp_path: Path, nats_server: NatsServer
) -> None:
    settings = await new_settings(kafka_bootstrap, tmp_path)
    stream, prefix = names()
    bsettings = bridge_settings(nats_stream=stream, subject_prefix=prefix)
    alerts = make_alerts(8)
    nats_server.stop()
    bridge = RunningBridge(nats_server.url, settings, bsettings, group=f"bridge-{settings.app_id}")
    try:
        await produce_alerts(settings, alerts)
        await wait_until(lambda: bridge.stats.failed_attempts >= 3, "failed attempts while NATS is down")
        assert bridge.stats.delivered == 0
        nats_server.start()
        await wait_until(lambda: bridge.stats.delivered >= len(alerts), "every alert after NATS came back")
    finally:
        if not nats_server.proc:
            nats_server.start()
        await bridge.stop()
    assert await bridge.lag() == 0
    ids = [Alert.from_json_bytes(body).alert_id for _, _, body in await stored(nats_server.url, stream)]
    assert sorted(ids) == sorted(a.alert_id for a in alerts), "each alert stored exactly once"
