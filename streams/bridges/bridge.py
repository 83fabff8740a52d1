"""The bridge loop: alerts topic → one desk-bus sink, at-least-once, nothing skipped.

For each record, in partition order:

1. validate it as an Alert; an invalid record is logged and committed (it can never be
   delivered, and holding it would stop every alert behind it);
2. deliver it, bounded by the delivery timeout;
3. on acknowledgement commit ``offset + 1`` for its partition, so a restart resumes after it;
4. on failure seek the partition back to the record, wait (exponential backoff, capped,
   interruptible) and fetch again: the same alert is retried until its destination takes it.

Why seek back rather than retry in place: the consumer keeps calling ``getmany`` while the
destination is down, so Kafka never thinks the bridge hung (``max.poll.interval.ms``) and a
rebalance in between hands the partition over cleanly at the last acknowledged offset.

Stopping (``stop`` event, set by SIGTERM/SIGINT) abandons an in-flight delivery without
committing it: the alert is delivered again next time, and the receiver drops the repeat by its
alert_id.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError, IllegalStateError, KafkaError

from schemas import Alert
from streams.bridges.backoff import Backoff
from streams.bridges.settings import BridgeSettings
from streams.bridges.sink import AlertSink, redact_url
from streams.kafka.clients import client_options, explain_connect_errors
from streams.settings import Settings

__all__ = ["Bridge", "BridgeStats"]

log = logging.getLogger("milestones.bridge")


@dataclass
class BridgeStats:
    """What the bridge did so far (logged at the end; read by tests)."""

    delivered: int = 0
    failed_attempts: int = 0
    invalid_skipped: int = 0
    abandoned: int = 0


class _Stopped(Exception):
    """The stop event was set while waiting."""


class Bridge:
    """Forwards the alerts topic to ``sink`` under consumer group ``group``."""

    def __init__(
        self,
        settings: Settings,
        bridge_settings: BridgeSettings,
        sink: AlertSink,
        *,
        group: str,
        destination: str = "",
        from_beginning: bool = False,
    ) -> None:
        self.settings = settings
        self.bridge_settings = bridge_settings
        self.sink = sink
        self.group = group
        self.destination = redact_url(destination)
        self.from_beginning = from_beginning
        self.stats = BridgeStats()
        self.backoff = Backoff(bridge_settings.backoff_initial, bridge_settings.backoff_max)
        self.stop = asyncio.Event()
        self._consumer: AIOKafkaConsumer | None = None

    def _new_consumer(self) -> AIOKafkaConsumer:
        return AIOKafkaConsumer(
            self.settings.topics.alerts,
            group_id=self.group,
            enable_auto_commit=False,
            auto_offset_reset="earliest" if self.from_beginning else "latest",
            **client_options(self.settings),
        )

    async def run(self) -> BridgeStats:
        """Run until ``stop`` is set; returns the counts."""
        consumer = self._consumer = self._new_consumer()
        try:
            with explain_connect_errors(self.settings):  # one line, exit 2: streams/failures.py
                await consumer.start()
        except BaseException:
            await consumer.stop()
            raise
        await self.sink.start()
        log.info(
            "bridge: %s -> %s (group %s)", self.settings.topics.alerts, self.destination or "sink", self.group
        )
        try:
            while not self.stop.is_set():
                batch = await consumer.getmany(timeout_ms=500, max_records=100)
                for tp, records in batch.items():
                    await self._handle_partition(consumer, tp, records)
                    if self.stop.is_set():
                        break
        except _Stopped:
            pass
        finally:
            await self.sink.close()
            await consumer.stop()
            log.info("bridge stopped: %s", self.stats)
        return self.stats

    async def _handle_partition(
        self, consumer: AIOKafkaConsumer, tp: TopicPartition, records: list[ConsumerRecord]
    ) -> None:
        for record in records:
            alert = self._validate(record)
            if alert is not None:
                ok = await self._attempt(alert)
                if not ok:
                    self._seek_back(consumer, tp, record.offset)
                    await self._sleep(self.backoff.next_delay())
                    return
                self.backoff.reset()
                self.stats.delivered += 1
            await self._commit(consumer, tp, record.offset + 1)

    def _validate(self, record: ConsumerRecord) -> Alert | None:
        try:
            return Alert.from_json_bytes(record.value or b"")
        except ValueError as error:
            self.stats.invalid_skipped += 1
            log.warning(
                "skipping %s[%d]@%d: not a valid Alert (%s)",
                record.topic,
                record.partition,
                record.offset,
                str(error).replace("\n", " ")[:300],
            )
            return None

    async def _attempt(self, alert: Alert) -> bool:
        """One delivery; True once acknowledged. Raises ``_Stopped`` if stopped meanwhile."""
        delivery = asyncio.ensure_future(
            asyncio.wait_for(self.sink.deliver(alert), timeout=self.bridge_settings.delivery_timeout)
        )
        stopped = asyncio.ensure_future(self.stop.wait())
        try:
            await asyncio.wait({delivery, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopped.cancel()
        if not delivery.done():
            delivery.cancel()
            with contextlib.suppress(BaseException):
                await delivery
            self.stats.abandoned += 1
            log.info("stopping: abandoned the delivery of %s (not committed)", alert.alert_id)
            raise _Stopped
        error = delivery.exception()
        if error is None:
            return True
        self.stats.failed_attempts += 1
        log.warning(
            "delivery of %s to %s failed (attempt %d): %s: %s",
            alert.alert_id,
            self.destination or "sink",
            self.backoff.failures + 1,
            type(error).__name__,
            error,
        )
        return False

    def _seek_back(self, consumer: AIOKafkaConsumer, tp: TopicPartition, offset: int) -> None:
        # IllegalStateError: revoked in a rebalance meanwhile; its new owner starts at the last commit.
        with contextlib.suppress(IllegalStateError):
            consumer.seek(tp, offset)

    async def _sleep(self, delay: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stop.wait(), timeout=delay)
        if self.stop.is_set():
            raise _Stopped

    async def _commit(self, consumer: AIOKafkaConsumer, tp: TopicPartition, offset: int) -> None:
        try:
            await consumer.commit({tp: offset})
        except CommitFailedError as error:
            # A rebalance took the partition: its new owner re-sends from the last commit
            # (a repeat the receiver drops by alert_id). Nothing is lost.
            log.warning("commit of %s@%d failed after a rebalance: %s", tp, offset, error)
        except KafkaError as error:
            # The next successful commit on this partition covers this offset too.
            log.warning("commit of %s@%d failed: %s", tp, offset, error)
