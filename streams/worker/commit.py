"""The commit protocol: what a worker does so that a committed offset never passes a lost record.

Every record the agents send (index moves, quotes, alerts) and every table value that records
what they did (an index's state, an article processed) must be on the broker before the input
offset that caused them is committed; the records may repeat after a crash, never be missing.
One commit, in order (``ConfirmingConsumer._handle_attached`` runs steps 3-6 inside Faust's
pre-commit step, so no commit starts before they end):

1. **Send.** The agents hand their records straight to the producer through the ``Outbox``
   (aiokafka's ``send``: appended to a batch, a future back), not through Faust's per-message
   ``Topic.send``; the futures are kept.
2. **Put.** The alert agent puts each index's new state (with the position of the move applied,
   ``streams.alerting.positions``), and the extract agent each processed article id (contract
   rule 9), into a ``WriteBehindTable``: the next event reads them there, the tables do not see
   them yet.
3. **Take.** Faust has chosen the offsets to commit (those of the events acknowledged so far).
   The outbox takes the futures sent so far and, in the same step, the table values put so far:
   both belong to events at or before those offsets.
4. **Confirm.** It waits for every taken future. One not delivered (the broker away longer than
   the producer's timeout) fails this commit and every later one with ``ProducerSendError``: the
   worker stops instead of committing past the loss, and a restart resumes from the last commit.
5. **Learn.** Before its table writes, the outbox makes sure the producer knows the tables'
   changelog topics, waiting for their metadata if not (a table written at commit time picks its
   partition from it).
6. **Write.** It writes the taken table values: their changelog records follow the records they
   account for.
7. **Commit.** Faust commits the offsets.

A crash between 4 and 7 re-reads events whose results are on the broker: their moves are skipped
by position, their articles by id, and an alert re-sent has the same deterministic ``alert_id``
(subscribers drop the repeat). A value written ahead of the committed offsets is harmless for the
same reasons. After a rebalance the values kept in a ``WriteBehindTable`` are dropped and reads go
to the table, which Faust has recovered.

Why straight to the producer (step 1): an article gives about a dozen records, and Faust's
send path (FutureMessage, channel, buffer, every sensor's hooks) cost about as much as extracting
the article (bench/README.md). Why write-behind (steps 2, 6): awaiting each alert's ack before
writing the state held the one alert agent for a produce round trip per alert, and wrote one
changelog record per move instead of one per index and commit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, MutableMapping
from functools import partial
from typing import Any

from faust.exceptions import ProducerSendError
from faust.types import TP

from streams.worker.seek_first import SeekFirstConsumer, SeekFirstTransport

__all__ = ["ConfirmingConsumer", "ConfirmingTransport", "Outbox", "WriteBehindTable"]

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
        its first confirmation the outbox waits for the producer's metadata of these topics, and
        checks it again at every confirmation: a later metadata refresh can drop a topic (the
        broker reporting an error for it), and a write at the shutdown commit then crashed the
        stop and left the process hanging. Known metadata costs a dict lookup per topic.
        """
        self._topics_to_learn.add(topic_name)

    async def learn_topic(self, name: str) -> None:
        """Wait until the producer knows topic ``name``'s partitions."""
        await self._app.producer._ensure_producer().partitions_for(name)  # aiokafka's producer

    async def _learn_topics(self) -> None:
        for name in sorted(self._topics_to_learn):
            await self.learn_topic(name)  # returns at once while the producer knows the topic

    def on_confirmed(self, take: Callable[[], Callable[[], None]]) -> None:
        """Run something once the records sent before it are acknowledged.

        ``take`` is called at the start of each confirmation, in the same step that takes the
        records to wait for, and returns the action to run after their acks (the alert agent's
        table writes: ``streams.worker.commit``).
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


class WriteBehindTable:
    """Latest values by key over a Faust table, written to the table only when asked."""

    def __init__(self, table: MutableMapping[str, Any], *, keep_written: bool = True) -> None:
        self._table = table
        self._keep_written = keep_written
        self._latest: dict[str, Any] = {}
        self._unwritten: dict[str, Any] = {}

    def get(self, key: str) -> Any:
        """The latest value put for ``key``, else the table's."""
        if key in self._latest:
            return self._latest[key]
        return self._table.get(key)

    def put(self, key: str, value: Any) -> None:
        """Make ``value`` the current one for ``key``; the table gets it at the next ``take``."""
        self._latest[key] = value
        self._unwritten[key] = value

    @property
    def unwritten(self) -> int:
        """Keys whose latest value is not in the table yet."""
        return len(self._unwritten)

    def take(self) -> Callable[[], None]:
        """Take the values not yet written; return what writes them (call it once their records are acknowledged)."""
        taken, self._unwritten = self._unwritten, {}

        def write() -> None:
            for key, value in taken.items():
                self._table[key] = value
                if not self._keep_written and self._latest.get(key) is value:
                    del self._latest[key]

        return write

    def forget(self) -> None:
        """Drop everything kept (after a rebalance): reads go to the table again."""
        self._latest.clear()
        self._unwritten.clear()
