"""The alerts reader's own logic (streams/subscribe/reader.py), without a broker.

The gate (validation, one alert_id once, filters) is pure; the reader's iteration, batches and
close are checked against a stand-in consumer that hands out records as aiokafka would.
The reader on a real broker is tests/integration/test_subscribe.py and test_tail.py.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from aiokafka import ConsumerRecord, TopicPartition

from schemas import Alert
from streams.subscribe.api import AlertSubscription
from streams.subscribe.reader import AlertFilter, AlertGate, AlertReader, position

TOPIC = "alerts"


def _alert(alert_id: str, index: str = "NIKKEI225", kind: str = "milestone") -> Alert:
    return Alert(
        alert_id=alert_id,
        kind=kind,  # type: ignore[arg-type]
        index=index,
        direction="up",
        milestone=50000.0 if kind == "milestone" else None,
        level=50212.27,
        article_id="a1",
        sentence=f"{index} topped the mark.",
    )


NIKKEI, KOSPI_RECORD, DOW = _alert("n1"), _alert("k1", "KOSPI", "record"), _alert("d1", "DJIA")


def _record(value: bytes | None, offset: int, partition: int = 0) -> ConsumerRecord:
    return ConsumerRecord(
        topic=TOPIC,
        partition=partition,
        offset=offset,
        timestamp=0,
        timestamp_type=0,
        key=None,
        value=value,
        checksum=None,
        serialized_key_size=0,
        serialized_value_size=len(value or b""),
        headers=(),
    )


def test_the_filter_wants_any_of_its_indices_and_kinds_and_everything_when_empty() -> None:
    assert AlertFilter().accepts(NIKKEI) and AlertFilter().accepts(KOSPI_RECORD)
    some = AlertFilter(frozenset({"KOSPI", "DJIA"}), frozenset({"milestone"}))
    assert [some.accepts(a) for a in (NIKKEI, KOSPI_RECORD, DOW)] == [False, False, True]
    assert AlertFilter(kinds=frozenset({"record"})).accepts(KOSPI_RECORD)


def test_the_gate_passes_each_alert_id_once() -> None:
    gate = AlertGate()
    assert gate.accept(NIKKEI.to_json_bytes()) == NIKKEI
    assert gate.accept(NIKKEI.to_json_bytes()) is None
    assert gate.accept(KOSPI_RECORD.to_json_bytes()) == KOSPI_RECORD
    assert (gate.repeats_dropped, gate.invalid_skipped) == (1, 0)


def test_a_filtered_out_alert_is_still_remembered_so_its_repeat_counts_as_one() -> None:
    gate = AlertGate(AlertFilter(indices=frozenset({"KOSPI"})))
    assert gate.accept(NIKKEI.to_json_bytes()) is None
    assert gate.accept(NIKKEI.to_json_bytes()) is None
    assert gate.repeats_dropped == 1
    assert gate.accept(KOSPI_RECORD.to_json_bytes()) == KOSPI_RECORD


def test_without_dedupe_a_repeat_passes_and_nothing_is_remembered() -> None:
    """The bridges' gate: a repeat is forwarded (at-least-once), the destination drops it by id."""
    gate = AlertGate(dedupe=False)
    assert gate.accept(NIKKEI.to_json_bytes()) == NIKKEI
    assert gate.accept(NIKKEI.to_json_bytes()) == NIKKEI
    assert (gate.repeats_dropped, gate.seen) == (0, set())


@pytest.mark.parametrize("value", [None, b"", b"not json", b'{"alert_id": "x"}'])
def test_an_invalid_record_is_counted_and_logged_on_one_line_with_where_it_is(
    value: bytes | None, caplog: pytest.LogCaptureFixture
) -> None:
    gate = AlertGate()
    with caplog.at_level(logging.WARNING, logger="milestones.subscribe"):
        assert gate.accept(value, position(_record(value, 7, partition=2))) is None
    assert gate.invalid_skipped == 1 and gate.seen == set()
    [message] = caplog.messages
    assert message.startswith("skipping alerts[2]@7: not a valid Alert (")
    assert "\n" not in message and len(message) < 400


@dataclass
class _Consumer:
    """Hands out ``records`` as aiokafka does: one at a time (``async for``) or in batches."""

    records: list[ConsumerRecord]
    batch_size: int = 2
    stopped: bool = False
    fetches: list[int | None] = field(default_factory=list)

    def __aiter__(self) -> AsyncIterator[ConsumerRecord]:
        return self._each()

    async def _each(self) -> AsyncIterator[ConsumerRecord]:
        while self.records:
            yield self.records.pop(0)

    async def getmany(
        self, timeout_ms: int = 0, max_records: int | None = None
    ) -> dict[TopicPartition, list[ConsumerRecord]]:
        self.fetches.append(max_records)
        taken = self.records[: min(self.batch_size, max_records or self.batch_size)]
        del self.records[: len(taken)]
        return {TopicPartition(TOPIC, 0): taken} if taken else {}

    async def stop(self) -> None:
        self.stopped = True


def _values() -> list[ConsumerRecord]:
    values = [NIKKEI, NIKKEI, KOSPI_RECORD, None, DOW]
    return [_record(None if a is None else a.to_json_bytes(), i) for i, a in enumerate(values)]


async def test_iterating_yields_valid_alerts_once_one_record_at_a_time() -> None:
    consumer = _Consumer(_values())
    reader = AlertReader(consumer)  # type: ignore[arg-type]
    got = []
    async for alert in reader:
        got.append(alert)
        if alert == KOSPI_RECORD:
            break
    assert got == [NIKKEI, KOSPI_RECORD]
    assert len(consumer.records) == 2, "stopping after an alert leaves the records behind it unread"
    assert reader.repeats_dropped == 1


async def test_drain_reads_batches_until_a_fetch_brings_nothing() -> None:
    consumer = _Consumer(_values())
    async with AlertReader(consumer, AlertGate(AlertFilter(kinds=frozenset({"milestone"})))) as reader:  # type: ignore[arg-type]
        assert await reader.drain(idle_ms=10) == [NIKKEI, DOW]
        assert (reader.repeats_dropped, reader.invalid_skipped) == (1, 1)
    assert consumer.stopped, "leaving the reader stops its consumer"


async def test_fetch_hands_over_the_raw_records_with_their_positions() -> None:
    consumer = _Consumer(_values(), batch_size=10)
    reader = AlertReader(consumer)  # type: ignore[arg-type]
    batch = await reader.fetch(timeout_ms=10, max_records=3)
    assert [r.offset for r in batch[TopicPartition(TOPIC, 0)]] == [0, 1, 2]
    assert consumer.fetches == [3]
    assert reader.repeats_dropped == 0, "fetch leaves each record to accept() or decode()"


def test_the_api_subscription_is_the_reader() -> None:
    assert AlertSubscription is AlertReader
