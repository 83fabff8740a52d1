"""Articles onto the ``articles`` topic, in order, through broker outages: none twice, none skipped.

Why more than a producer: an idempotent producer keeps order and drops its own retries only
while its batches live (aiokafka: ``request_timeout_ms``). During a longer outage the batches
expire, and whether an expired batch reached the log is unknown: sending it again may write it
twice, not sending it may skip it. ``milestones replay`` lost 168-432 of 600 articles that way
in a 60-second outage (issue 13).

So the sender keeps every article until the broker has acknowledged it, and when a send fails:

1. it stops sending, says so (``on_status``), and drops the producer;
2. it waits for the broker, probing every few seconds, for at most ``outage_deadline`` seconds
   without an acknowledgement; past that it raises :class:`SenderGaveUp`, naming the first
   article not acknowledged (everything before it is on the topic);
3. once the broker answers, it reads the topic back from where the acknowledged articles end
   (per partition) and takes every unacknowledged article whose key (its ``article_id``) is
   found there as sent: that copy landed although its acknowledgement was lost;
4. it sends the others again, in their order, with a new idempotent producer, and goes on.

An article id that another producer wrote meanwhile also counts as found: the same id is the
same text, and the pipeline processes an article once (contract rule 9).

Resuming after giving up (``skip_recent``): the articles not acknowledged when the sender gave
up may have reached the topic all the same. A sender started with ``skip_recent=N`` reads the
keys of the topic's last ``N`` records per partition first and does not send an article found
among them again (counted in ``stats.already_there``).

Shared by ``milestones replay`` and anything else that puts articles on the topic.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from schemas import Article
from streams.admission import MAX_RECORD_BYTES
from streams.kafka.backoff import install_metadata_backoff
from streams.kafka.clients import client_options
from streams.settings import Settings

__all__ = ["ArticleSender", "SenderGaveUp", "SenderStats"]

PRODUCER_TIMEOUT_MS = 15_000  # a batch not acknowledged in 15 s counts as failed: the outage starts
PROBE_EVERY_S = 2.0
STILL_WAITING_EVERY_S = 30.0


class SenderGaveUp(RuntimeError):
    """The broker stayed away past the deadline; ``first_unsent`` is the first article not on the topic."""

    def __init__(self, message: str, first_unsent: str, position: int) -> None:
        super().__init__(message)
        self.first_unsent = first_unsent
        self.position = position


@dataclass
class SenderStats:
    """What the sender did: articles acknowledged, outages, and how each outage was made good."""

    acknowledged: int = 0
    found_after_outage: int = 0
    """Unacknowledged articles found on the topic after an outage (so not sent again)."""
    sent_again: int = 0
    already_there: int = 0
    """Articles not sent because a resumed sender found them among the topic's last records."""
    outage_seconds: list[float] = field(default_factory=list)


@dataclass
class _Pending:
    position: int  # 1-based, in the order given to send()
    label: str
    key: bytes
    value: bytes
    future: asyncio.Future[Any] | None = None


class ArticleSender:
    """Sends articles in order and keeps each until it is acknowledged (see the module docstring)."""

    def __init__(
        self,
        settings: Settings,
        *,
        outage_deadline: float,
        on_status: Callable[[str], None] | None = None,
        skip_recent: int = 0,
    ) -> None:
        self.settings = settings
        self.topic = settings.topics.articles
        self.outage_deadline = outage_deadline
        self.stats = SenderStats()
        self._say = on_status or (lambda _message: None)
        self._producer: AIOKafkaProducer | None = None
        self._pending: dict[int, _Pending] = {}  # unacknowledged, by position (insertion order)
        self._next_offset: dict[int, int] = {}  # partition -> just after our last acknowledged record
        self._failure: BaseException | None = None
        self._positions = 0
        self._skip_recent = skip_recent
        self._recent: Counter[bytes] = Counter()

    async def __aenter__(self) -> ArticleSender:
        install_metadata_backoff()
        ends = await self._end_offsets()
        if self._skip_recent:
            self._next_offset = {p: max(0, end - self._skip_recent) for p, end in ends.items()}
            self._recent = await self._read_back_now(ends)
        self._next_offset = ends
        self._producer = await self._new_producer()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._drop_producer()

    async def send(self, article: Article, label: str) -> None:
        """Hand one article to the producer (no wait for the broker), after mending any outage."""
        if self._failure is not None:
            await self._mend_outage()
        self._positions += 1
        key = article.article_id.encode()
        if self._recent[key] > 0:  # a resumed replay: it reached the topic before the give-up
            self._recent[key] -= 1
            self.stats.already_there += 1
            return
        item = _Pending(self._positions, label, key, article.to_json_bytes())
        self._pending[item.position] = item
        await self._hand_over(item)

    async def flush(self) -> None:
        """Return once every article given so far is on the topic (outages mended on the way)."""
        while self._pending:
            if self._failure is None:
                futures = [p.future for p in self._pending.values() if p.future is not None]
                if futures:
                    await asyncio.wait(futures)
            if self._failure is not None:
                await self._mend_outage()

    # -- sending ------------------------------------------------------------------------------

    async def _new_producer(self) -> AIOKafkaProducer:
        producer = AIOKafkaProducer(
            **client_options(self.settings),
            enable_idempotence=True,
            acks="all",
            linger_ms=5,
            max_request_size=MAX_RECORD_BYTES,
            request_timeout_ms=PRODUCER_TIMEOUT_MS,
        )
        await producer.start()
        return producer

    async def _drop_producer(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            with contextlib.suppress(Exception):
                await producer.stop()

    async def _hand_over(self, item: _Pending) -> None:
        assert self._producer is not None
        try:
            item.future = await self._producer.send(self.topic, key=item.key, value=item.value)
        except Exception as exc:  # the producer refused at once (metadata wait, buffer full)
            self._failed(exc)
            return
        item.future.add_done_callback(partial(self._settled, item))

    def _settled(self, item: _Pending, future: asyncio.Future[Any]) -> None:
        if item.future is not future:  # an earlier attempt of an article sent again
            return
        if future.cancelled() or future.exception() is not None:
            self._failed(future.exception() or asyncio.CancelledError())
            return
        meta = future.result()
        self._pending.pop(item.position, None)
        self.stats.acknowledged += 1
        self._next_offset[meta.partition] = max(self._next_offset.get(meta.partition, 0), meta.offset + 1)

    def _failed(self, exc: BaseException) -> None:
        if self._failure is None:
            self._failure = exc

    # -- outages ------------------------------------------------------------------------------

    async def _mend_outage(self) -> None:
        """Wait for the broker, keep what landed, send the rest again (or give up at the deadline)."""
        started = time.monotonic()
        reason = f"{type(self._failure).__name__}: {self._failure}".rstrip(": ")
        first = next(iter(self._pending.values()), None)
        self._say(
            f"broker {self.settings.kafka_bootstrap} is away ({reason}); "
            f"{len(self._pending)} article(s) not acknowledged yet, from {first.label if first else '-'}; "
            f"waiting for it (giving up after {self.outage_deadline:.0f} s)"
        )
        # The old producer must be gone before the read-back: it stops once each batch it holds
        # is delivered or has failed, which may be when the broker is back (it goes on retrying
        # a broker it still knows as the leader). Left running, it could deliver a batch after
        # the read-back had decided to send it again: a duplicate (seen with a SIGKILLed broker).
        stopping = asyncio.ensure_future(self._drop_producer())
        next_note = started + STILL_WAITING_EVERY_S
        while not stopping.done() or (found := await self._read_back()) is None:
            now = time.monotonic()
            if now - started > self.outage_deadline:
                self._give_up(now - started)
            if now >= next_note:
                self._say(f"still waiting for broker {self.settings.kafka_bootstrap} ({now - started:.0f} s)")
                next_note = now + STILL_WAITING_EVERY_S
            if not stopping.done():
                await asyncio.wait({stopping}, timeout=PROBE_EVERY_S)
            else:
                await asyncio.sleep(PROBE_EVERY_S)
        again = []
        waiting = len(self._pending)
        for item in list(self._pending.values()):
            if found[item.key] > 0:
                found[item.key] -= 1
                self._pending.pop(item.position)
                self.stats.found_after_outage += 1
                self.stats.acknowledged += 1
            else:
                again.append(item)
        down = time.monotonic() - started
        self.stats.outage_seconds.append(round(down, 2))
        self._say(
            f"broker {self.settings.kafka_bootstrap} is back after {down:.0f} s; "
            f"{waiting - len(again)} of the {waiting} article(s) not acknowledged had reached the topic, "
            f"sending {len(again)} again" + (f" from {again[0].label}" if again else "")
        )
        self._failure = None
        self._producer = await self._new_producer()
        for item in again:
            self.stats.sent_again += 1
            await self._hand_over(item)

    async def _read_back_now(self, ends: dict[int, int]) -> Counter[bytes]:
        consumer = self._consumer()
        try:
            await consumer.start()
            return await self._keys_on_topic(consumer, ends)
        finally:
            await _stop_quietly(consumer)

    async def _read_back(self) -> Counter[bytes] | None:
        """Keys of the records after our last acknowledged ones, or None while the broker is away."""
        consumer = self._consumer()
        try:
            await consumer.start()
            return await self._keys_on_topic(consumer, await self._end_offsets_with(consumer))
        except Exception:
            return None
        finally:
            await _stop_quietly(consumer)

    def _give_up(self, waited: float) -> None:
        first = next(iter(self._pending.values()))
        raise SenderGaveUp(
            f"gave up after {waited:.0f} s without broker {self.settings.kafka_bootstrap}; "
            f"the first article not on the topic is {first.label} (#{first.position}); "
            f"{first.position - 1} before it are",
            first.label,
            first.position,
        )

    def _consumer(self) -> AIOKafkaConsumer:
        return AIOKafkaConsumer(
            **client_options(self.settings),
            enable_auto_commit=False,
            request_timeout_ms=10_000,
            fetch_max_bytes=MAX_RECORD_BYTES,
            max_partition_fetch_bytes=MAX_RECORD_BYTES,
        )

    async def _end_offsets(self) -> dict[int, int]:
        consumer = self._consumer()
        try:
            await consumer.start()
            return await self._end_offsets_with(consumer)
        finally:
            await _stop_quietly(consumer)

    async def _end_offsets_with(self, consumer: AIOKafkaConsumer) -> dict[int, int]:
        partitions = consumer.partitions_for_topic(self.topic)
        if not partitions:
            # A new consumer knows no topic's partitions yet. ``consumer.topics()`` would not help:
            # it fetches metadata without keeping it, so this stayed empty and the read-backs
            # (after an outage, and for skip_recent) read nothing. The client's own update keeps it.
            await consumer._client.force_metadata_update()
            partitions = consumer.partitions_for_topic(self.topic) or set()
        tps = [TopicPartition(self.topic, p) for p in sorted(partitions)]
        return {tp.partition: offset for tp, offset in (await consumer.end_offsets(tps)).items()}

    async def _keys_on_topic(self, consumer: AIOKafkaConsumer, ends: dict[int, int]) -> Counter[bytes]:
        """Keys of the records after our last acknowledged one, per partition, up to ``ends``."""
        keys: Counter[bytes] = Counter()
        wanted = {p: (self._next_offset.get(p, 0), end) for p, end in ends.items()}
        wanted = {p: span for p, span in wanted.items() if span[0] < span[1]}
        if not wanted:
            return keys
        tps = {p: TopicPartition(self.topic, p) for p in wanted}
        consumer.assign(list(tps.values()))
        for p, (start, _) in wanted.items():
            consumer.seek(tps[p], start)
        remaining = dict(wanted)
        while remaining:
            batches = await consumer.getmany(*[tps[p] for p in remaining], timeout_ms=2000)
            for tp, records in batches.items():
                end = wanted[tp.partition][1]
                keys.update(r.key for r in records if r.offset < end and r.key is not None)
                if records and records[-1].offset >= end - 1:
                    remaining.pop(tp.partition, None)
            if not batches:  # nothing more to read within the span (compacted or deleted)
                break
        return keys


async def _stop_quietly(consumer: AIOKafkaConsumer) -> None:
    """Stop a consumer that may not have started; only a cancel of our own task goes through.

    aiokafka's ``stop()`` right after ``start()`` can raise the CancelledError of a task of its
    own that it cancelled before it ran; that one is not ours to pass on.
    """
    try:
        await consumer.stop()
    except asyncio.CancelledError:
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            raise
    except Exception:
        pass
