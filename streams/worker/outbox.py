"""Index moves, quotes and alerts handed straight to the Kafka producer, confirmed before each commit.

Why: an article gives about a dozen records (its moves and quotes). Sent through Faust's
``Topic.send`` each one builds a FutureMessage, goes through the channel, the producer buffer
and every sensor's send hooks, which cost about as much as extracting the article
(bench/README.md). The records are already bytes, keyed and stamped by the agent, so they go
to ``app.producer.send`` (aiokafka's ``send``: append to the batch, get a future) instead.

What must not change is at-least-once: an articles offset may be committed only once every
record sent for the articles before it is acknowledged by the broker. Faust gives that for its
own sends (``_handle_attached`` then ``producer.flush()`` before each commit); for these, every
future is watched, and :class:`ConfirmingConsumer` waits for the outbox before Faust's commit.
A record the producer could not deliver (the broker away for longer than the request timeout)
makes the commit fail with :class:`ProducerSendError`, which Faust treats as it treats its own
failed sends: the consumer crashes, so the worker stops instead of committing past the loss,
and on restart it resumes from the last commit (repeated moves are skipped by their positions,
``streams.alerting.positions``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from faust.exceptions import ProducerSendError
from faust.types import TP

from streams.worker.seek_first import SeekFirstConsumer, SeekFirstTransport

__all__ = ["ConfirmingConsumer", "ConfirmingTransport", "Outbox"]

Headers = list[tuple[str, bytes]]


class Outbox:
    """Sends through ``app.producer`` and keeps the futures until a commit confirms them."""

    def __init__(self, app: Any) -> None:
        self._app = app
        self._sent: list[asyncio.Future[Any]] = []
        self._failure: BaseException | None = None
        self._on_confirmed: list[Callable[[], Callable[[], None]]] = []
        # (topic, key) -> the partition the producer chose for it, learnt from the ack of a
        # record sent with no partition. aiokafka's partitioner is murmur2 in Python, ~2% of
        # the worker's time when run for every record, and index moves and alerts have few keys
        # (the index names). Emptied at each confirmation, so a topic given more partitions is
        # seen within a commit interval.
        self._partitions: dict[tuple[str, str], int] = {}
        self._topics_to_learn: set[str] = set()

    def writes_to(self, topic_name: str) -> None:
        """Declare a topic that the confirmation's actions write to through Faust's key partitioner.

        Why: a table with ``use_partitioner`` (written at commit time, outside any event) asks
        Faust's ``key_partition``, which reads the producer's metadata without waiting for it
        (aiokafka's ``_partition``): for a changelog topic the producer has not sent to yet it
        raised ``TypeError: 'NoneType' object is not iterable`` and crashed the consumer. Before
        its first confirmation the outbox waits for the producer's metadata of these topics.
        """
        self._topics_to_learn.add(topic_name)

    async def learn_topic(self, name: str) -> None:
        """Wait until the producer knows topic ``name``'s partitions."""
        await self._app.producer._ensure_producer().partitions_for(name)  # aiokafka's producer

    async def _learn_topics(self) -> None:
        for name in sorted(self._topics_to_learn):
            await self.learn_topic(name)
            self._topics_to_learn.discard(name)

    def on_confirmed(self, take: Callable[[], Callable[[], None]]) -> None:
        """Run something once the records sent before it are acknowledged.

        ``take`` is called at the start of each confirmation, in the same step that takes the
        records to wait for, and returns the action to run after their acks (the alert agent's
        table writes: ``streams.worker.write_behind``).
        """
        self._on_confirmed.append(take)

    async def send(
        self,
        topic: Any,
        *,
        key: str,
        value: bytes,
        headers: Headers | None = None,
        timestamp: float | None = None,
    ) -> asyncio.Future[Any]:
        """Hand the record for Faust topic ``topic`` to the producer (batched: no wait for the broker).

        The partition is aiokafka's default for the key, as for ``topic.send``. The future
        returned resolves when the broker acknowledges the record.
        """
        name = topic.get_topic_name()
        partition = self._partitions.get((name, key))
        future: asyncio.Future[Any] = await self._app.producer.send(
            name, key.encode(), value, partition, timestamp, headers
        )
        if partition is None:
            future.add_done_callback(partial(self._learn_partition, (name, key)))
        self._sent.append(future)
        return future

    def _learn_partition(self, topic_key: tuple[str, str], future: asyncio.Future[Any]) -> None:
        if not future.cancelled() and future.exception() is None:
            self._partitions[topic_key] = future.result().partition

    @property
    def unconfirmed(self) -> int:
        """Records sent since the last confirmation."""
        return len(self._sent)

    async def confirm(self) -> None:
        """Wait for the broker's answer on everything sent so far; raise if a record was not delivered.

        Only what was sent before the call is waited for: records the agent sends meanwhile
        belong to events after the offsets being committed. A failure stays raised: those
        records are gone from the producer, so no later commit may pass them either (the worker
        must restart from its last commit).
        """
        sent, self._sent = self._sent, []
        self._partitions.clear()
        then = [take() for take in self._on_confirmed]
        if sent and self._failure is None:
            results = await asyncio.gather(*sent, return_exceptions=True)
            self._failure = next((r for r in results if isinstance(r, BaseException)), None)
        if self._failure is not None:
            raise ProducerSendError(f"a record sent by the pipeline was not delivered: {self._failure!r}")
        if self._topics_to_learn:
            await self._learn_topics()
        for action in then:
            action()


class ConfirmingConsumer(SeekFirstConsumer):
    """Faust's consumer (with the seek fix) that confirms the app's outbox before each commit."""

    async def _handle_attached(self, commit_offsets: Mapping[TP, int]) -> None:
        await super()._handle_attached(commit_offsets)
        outbox: Outbox | None = getattr(self.app, "outbox", None)
        if outbox is not None:
            await outbox.confirm()


class ConfirmingTransport(SeekFirstTransport):
    """The aiokafka transport with :class:`ConfirmingConsumer` as its consumer."""

    Consumer = ConfirmingConsumer
