"""The bridge's loop over the shared alerts reader, with a stand-in consumer and sink: the order of
acknowledgement, commit and seek that makes it at-least-once (streams/bridges/bridge.py, steps 1-4).

The same loop against a real broker and real destinations is tests/integration/test_bridges_*.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from aiokafka import ConsumerRecord, TopicPartition

from schemas import Alert
from streams.bridges import Bridge, BridgeSettings
from streams.bridges.sink import DeliveryError
from streams.settings import Settings
from streams.subscribe.reader import AlertGate, AlertReader

TP = TopicPartition("alerts", 0)


def _alert(alert_id: str) -> Alert:
    return Alert(
        alert_id=alert_id,
        kind="milestone",
        index="NIKKEI225",
        direction="up",
        milestone=50000.0,
        level=50212.27,
        article_id="a1",
        sentence="The Nikkei topped 50,000.",
    )


@dataclass
class _Consumer:
    """One partition: fetches from its position, ``seek`` moves it back, commits are recorded."""

    values: list[bytes]
    events: list[tuple[str, object]]
    at: int = 0

    async def getmany(
        self, timeout_ms: int = 0, max_records: int | None = None
    ) -> dict[TopicPartition, list[ConsumerRecord]]:
        end = min(len(self.values), self.at + (max_records or len(self.values)))
        records = [
            ConsumerRecord("alerts", 0, i, 0, 0, None, self.values[i], None, 0, len(self.values[i]), ())
            for i in range(self.at, end)
        ]
        self.at = end
        return {TP: records} if records else {}

    def seek(self, tp: TopicPartition, offset: int) -> None:
        self.events.append(("seek", offset))
        self.at = offset

    async def commit(self, offsets: dict[TopicPartition, int]) -> None:
        self.events.append(("commit", offsets[TP]))

    async def stop(self) -> None:
        self.events.append(("stop", None))


@dataclass
class _Sink:
    """Refuses the first delivery of ``refuse_once``; stops the bridge once ``last`` is acknowledged."""

    events: list[tuple[str, object]]
    refuse_once: str
    last: str
    bridge: Bridge | None = None
    refused: set[str] = field(default_factory=set)

    async def start(self) -> None:
        self.events.append(("start", None))

    async def deliver(self, alert: Alert) -> None:
        if alert.alert_id == self.refuse_once and alert.alert_id not in self.refused:
            self.refused.add(alert.alert_id)
            self.events.append(("refused", alert.alert_id))
            raise DeliveryError("desk bus busy")
        self.events.append(("acknowledged", alert.alert_id))
        if alert.alert_id == self.last and self.bridge is not None:
            self.bridge.stop.set()

    async def close(self) -> None:
        self.events.append(("close", None))


async def test_commit_follows_acknowledgement_and_a_refused_alert_is_read_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    events: list[tuple[str, object]] = []
    values = [
        _alert("a").to_json_bytes(),
        b"not json",
        _alert("b").to_json_bytes(),
        _alert("b").to_json_bytes(),
    ]
    values.append(_alert("c").to_json_bytes())
    consumer = _Consumer(values, events)
    sink = _Sink(events, refuse_once="b", last="c")
    bsettings = BridgeSettings(backoff_initial=0.01, backoff_max=0.02)  # type: ignore[arg-type]
    bridge = Bridge(Settings(), bsettings, sink, group="g")
    sink.bridge = bridge

    async def open_reader() -> AlertReader:
        return AlertReader(consumer, AlertGate(dedupe=False))  # type: ignore[arg-type]

    monkeypatch.setattr(bridge, "_open_reader", open_reader)
    stats = await bridge.run()

    assert events == [
        ("start", None),
        ("acknowledged", "a"),
        ("commit", 1),
        ("commit", 2),  # the invalid record: committed, never delivered
        ("refused", "b"),
        ("seek", 2),  # back to b, nothing committed past it
        ("acknowledged", "b"),
        ("commit", 3),
        ("acknowledged", "b"),  # the repeat on the topic is forwarded (no dedupe in the bridge)
        ("commit", 4),
        ("acknowledged", "c"),
        ("commit", 5),
        ("close", None),
        ("stop", None),
    ]
    assert (stats.delivered, stats.failed_attempts, stats.invalid_skipped, stats.abandoned) == (4, 1, 1, 0)
