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

The records come from the project's one alerts reader (:class:`streams.subscribe.reader.AlertReader`,
shared with ``milestones tail`` and the Python API), opened with the bridge's own group, manual
commits (``auto_commit=False``: only step 3 commits) and no dedupe (a repeated alert_id on the
topic is forwarded, as at-least-once promises; the destination drops it by its alert_id). Step 1
is the reader's ``decode``; the commits and seeks above stay here, on the reader's consumer.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass

from aiokafka import ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError, IllegalStateError, KafkaError

from schemas import Alert
from streams.bridges.backoff import Backoff
from streams.bridges.settings import BridgeSettings
from streams.bridges.sink import AlertSink, redact_url
from streams.settings import Settings
from streams.subscribe.reader import AlertReader, position

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

    async def _open_reader(self) -> AlertReader:
        """The alerts under the bridge's group. Cannot connect: one line, exit 2 (streams/failures.py)."""
        return await AlertReader.open(
            self.settings,
            group_id=self.group,
            auto_commit=False,  # committed in _commit, once the destination acknowledged
            from_beginning=self.from_beginning,
            dedupe=False,
        )

    async def run(self) -> BridgeStats:
        """Run until ``stop`` is set; returns the counts."""
        reader = await self._open_reader()
        await self.sink.start()
        log.info(
            "bridge: %s -> %s (group %s)", self.settings.topics.alerts, self.destination or "sink", self.group
        )
        try:
            while not self.stop.is_set():
                batch = await reader.fetch(timeout_ms=500, max_records=100)
                for tp, records in batch.items():
                    await self._handle_partition(reader, tp, records)
                    if self.stop.is_set():
                        break
        except _Stopped:
            pass
        finally:
            await self.sink.close()
            await reader.close()
            log.info("bridge stopped: %s", self.stats)
        return self.stats

    async def _handle_partition(
        self, reader: AlertReader, tp: TopicPartition, records: list[ConsumerRecord]
    ) -> None:
        for record in records:
            alert = self._validate(reader, record)
            if alert is not None:
                ok = await self._attempt(alert)
                if not ok:
                    self._seek_back(reader, tp, record.offset)
                    await self._sleep(self.backoff.next_delay())
                    return
                self.backoff.reset()
                self.stats.delivered += 1
            await self._commit(reader, tp, record.offset + 1)

    def _validate(self, reader: AlertReader, record: ConsumerRecord) -> Alert | None:
        alert = reader.decode(record.value, position(record))  # logs an invalid record once
        if alert is None:
            self.stats.invalid_skipped += 1
        return alert

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

    def _seek_back(self, reader: AlertReader, tp: TopicPartition, offset: int) -> None:
        # IllegalStateError: revoked in a rebalance meanwhile; its new owner starts at the last commit.
        with contextlib.suppress(IllegalStateError):
            reader.consumer.seek(tp, offset)

    async def _sleep(self, delay: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stop.wait(), timeout=delay)
        if self.stop.is_set():
            raise _Stopped

    async def _commit(self, reader: AlertReader, tp: TopicPartition, offset: int) -> None:
        try:
            await reader.consumer.commit({tp: offset})
        except CommitFailedError as error:
            # A rebalance took the partition: its new owner re-sends from the last commit
            # (a repeat the receiver drops by alert_id). Nothing is lost.
            log.warning("commit of %s@%d failed after a rebalance: %s", tp, offset, error)
        except KafkaError as error:
            # The next successful commit on this partition covers this offset too.
            log.warning("commit of %s@%d failed: %s", tp, offset, error)
