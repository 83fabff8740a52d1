"""The one reader of the alerts topic: ``milestones tail``, the Python API and the bridges share it.

    reader = await AlertReader.open(settings, group_id=None, from_beginning=True,
                                    wanted=AlertFilter(frozenset({"NIKKEI225"})))
    async for alert in reader: ...             # validated, each alert_id once, filtered (the API)
    batch = await reader.fetch(timeout_ms=500)  # raw records by partition (tail, the bridges)
    alert = reader.accept(record.value)         # one record: validated, deduped, filtered
    await reader.close()

Why one: the topic used to be read three ways (the API's subscription, a borrowed subscription
without a consumer in tail, and the bridge's own consumer), each deciding on its own what an
invalid record is and what it logs. Now the reader owns the consumer (opened by
:func:`streams.kafka.consume.open_consumer`: security options, starting point, group) and the
:class:`AlertGate` decides, per record, what passes: valid Alert JSON, an alert_id not seen
before, an index and kind the caller wants.

What differs between its users is how it is opened, not code:

- the API and tail: read-only by default (no group), or a group that commits as it reads;
  repeats dropped (the topic is at-least-once, a subscriber sees each alert once);
- the bridges: a group of their own with ``auto_commit=False`` and ``dedupe=False``. They commit
  an offset only after their destination acknowledged it, and on a failed delivery seek back and
  read the same record again, so they need every record with its position (``fetch``) and only
  the validation (``decode``); a repeated alert_id is forwarded, and the destination drops it by
  the alert_id every delivery carries (at-least-once, as the README promises).

The live page reads through the API; the demo, which counts four topics on one consumer, passes
its alerts records through an :class:`AlertGate` of its own.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition

from schemas import Alert
from streams.kafka.consume import open_consumer
from streams.settings import Settings

__all__ = ["AlertFilter", "AlertGate", "AlertReader", "position"]

log = logging.getLogger("milestones.subscribe")


@dataclass(frozen=True)
class AlertFilter:
    """Which alerts a subscriber wants: any of these indices and kinds (empty means all)."""

    indices: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()

    def accepts(self, alert: Alert) -> bool:
        return (not self.indices or alert.index in self.indices) and (
            not self.kinds or alert.kind in self.kinds
        )


def position(record: ConsumerRecord) -> str:
    """``topic[partition]@offset``: where a record is, for a log line."""
    return f"{record.topic}[{record.partition}]@{record.offset}"


@dataclass
class AlertGate:
    """What passes from a record's value to the reader's caller; pure, no consumer.

    ``decode`` validates (an invalid record is counted and logged once, never raised: holding it
    would stop every alert behind it); ``accept`` also drops a repeated alert_id (with
    ``dedupe``; the ids seen are kept in memory for the reader's life) and what ``wanted`` leaves out.
    """

    wanted: AlertFilter = field(default_factory=AlertFilter)
    dedupe: bool = True
    seen: set[str] = field(default_factory=set)
    repeats_dropped: int = 0
    invalid_skipped: int = 0

    def decode(self, value: bytes | None, where: str = "an alerts record") -> Alert | None:
        """The Alert in ``value``, or None (counted, logged) when it is not valid Alert JSON."""
        try:
            return Alert.from_json_bytes(value or b"")
        except ValueError as error:  # pydantic's ValidationError is a ValueError
            self.invalid_skipped += 1
            log.warning("skipping %s: not a valid Alert (%s)", where, str(error).replace("\n", " ")[:300])
            return None

    def accept(self, value: bytes | None, where: str = "an alerts record") -> Alert | None:
        """The Alert to hand on, or None: invalid, a repeated alert_id, or not wanted."""
        alert = self.decode(value, where)
        if alert is None:
            return None
        if self.dedupe:
            if alert.alert_id in self.seen:
                self.repeats_dropped += 1
                return None
            self.seen.add(alert.alert_id)
        return alert if self.wanted.accepts(alert) else None


class AlertReader:
    """A consumer on the alerts topic, owned, with the :class:`AlertGate` its records pass through.

    ``async for`` takes one record at a time (so a group's auto-commit never runs past the alert
    the caller stopped at); ``drain`` and ``fetch`` take batches. ``consumer`` is open for what
    only the caller knows how to do: the bridges' commit and seek, the live page's end offsets.
    """

    def __init__(self, consumer: AIOKafkaConsumer, gate: AlertGate | None = None) -> None:
        self.consumer = consumer
        self.gate = gate or AlertGate()

    @classmethod
    async def open(
        cls,
        settings: Settings,
        *,
        group_id: str | None = None,
        auto_commit: bool = True,
        from_beginning: bool = False,
        since: datetime | None = None,
        wanted: AlertFilter | None = None,
        dedupe: bool = True,
    ) -> AlertReader:
        """A started reader; the caller closes it. Raises ``KafkaConnectFailed`` saying why it could not."""
        consumer = await open_consumer(
            settings,
            settings.topics.alerts,
            group_id=group_id,
            auto_commit=auto_commit,
            from_beginning=from_beginning,
            since=since,
        )
        return cls(consumer, AlertGate(wanted or AlertFilter(), dedupe))

    async def close(self) -> None:
        """Stop the consumer (a group with auto-commit commits once more first)."""
        await self.consumer.stop()

    async def __aenter__(self) -> AlertReader:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    @property
    def repeats_dropped(self) -> int:
        return self.gate.repeats_dropped

    @property
    def invalid_skipped(self) -> int:
        return self.gate.invalid_skipped

    def decode(self, value: bytes | None, where: str = "an alerts record") -> Alert | None:
        return self.gate.decode(value, where)

    def accept(self, value: bytes | None, where: str = "an alerts record") -> Alert | None:
        return self.gate.accept(value, where)

    def __aiter__(self) -> AsyncIterator[Alert]:
        return self._iterate()

    async def _iterate(self) -> AsyncIterator[Alert]:
        async for record in self.consumer:
            alert = self.gate.accept(record.value, position(record))
            if alert is not None:
                yield alert

    async def fetch(
        self, timeout_ms: int, max_records: int | None = None
    ) -> dict[TopicPartition, list[ConsumerRecord]]:
        """One fetch of raw records by partition, in partition order; pass each through ``accept``
        or ``decode``. Returns empty after ``timeout_ms`` with nothing new."""
        batch: dict[TopicPartition, list[ConsumerRecord]] = await self.consumer.getmany(
            timeout_ms=timeout_ms, max_records=max_records
        )
        return batch

    async def drain(self, idle_ms: int = 1000) -> list[Alert]:
        """Every alert available now, stopping when a fetch brings nothing for ``idle_ms``."""
        out: list[Alert] = []
        while True:
            batch = await self.fetch(idle_ms)
            if not batch:
                return out
            for records in batch.values():
                for record in records:
                    alert = self.gate.accept(record.value, position(record))
                    if alert is not None:
                        out.append(alert)
