"""Faust's Kafka consumer, changed so that no record is fetched for a partition that is not started.

Two changes, one promise: a record the Kafka client hands to Faust is a record an agent gets.

1. **Stream partitions start only after the seek to their committed offsets.** At the end of
   table recovery Faust (faust-streaming 0.15.3, ``Recovery.on_recovery_completed``) *first*
   resumes the stream partitions and *then* awaits ``Consumer.perform_seek()``, which asks the
   broker for each partition's committed offset (tens of milliseconds). Records of a backlog
   fetched in between reached the agents and were then read again or dropped as already read
   when the seek rewound the position, and some were never handed to an agent at all: the
   committed offset stuck below them. So ``resume_partitions`` resumes changelog partitions at
   once (recovery reads them) and holds stream partitions until ``perform_seek`` has moved them
   to their committed offsets. Faust calls ``perform_seek`` right after resuming stream
   partitions (both places in ``faust/tables/recovery.py``), so nothing waits longer than the seek.

2. **A fetch never reads an empty set of active partitions as "every partition".** Faust passes
   its live set of active partitions to the Kafka client's fetch, which runs in the consumer's
   thread, and aiokafka reads that set as a filter only when it is not empty
   (``Fetcher.fetched_records``: ``if partitions and tp not in partitions``). A fetch asked for
   while recovery read the changelog could run, or go on waiting, after recovery had paused the
   changelog and while the stream partitions were still held for the seek: the set was empty
   by then, aiokafka handed over the whole batch of the held partitions and moved its position
   past it, Faust's ``getmany`` dropped every record of a partition that was not active, and its
   gap filling later acknowledged the hole, so the group's lag read zero. A restart lost one
   contiguous block of articles, from the committed offset on, in about one run of four
   (issue 13; driven every time by tests/reliability/race_worker.py). Now the set goes to the
   client wrapped in :class:`ActiveOnly`, which is never empty to a truth test: an empty set
   lets nothing through, so the held records stay with the client, at its position, until
   their partition starts.

Both rest on Faust's and aiokafka's internals (``Consumer._getmany``, how ``fetched_records``
reads its filter), pinned by the upper bounds in pyproject.toml and checked by
tests/unit/test_seek_first.py, which fails when either changes shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from typing import Any, cast

from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP

__all__ = ["ActiveOnly", "SeekFirstConsumer", "SeekFirstTransport"]


class ActiveOnly(Set[TP]):
    """A live view of Faust's active partitions as a fetch filter: true even when empty.

    Membership, iteration and size follow the set Faust keeps changing (so a partition paused
    or started while a fetch waits is honoured at once, as before); only ``bool()`` differs, so
    that the Kafka client never takes "no active partition" for "no filter".
    """

    __slots__ = ("_live",)

    def __init__(self, live: Set[TP]) -> None:
        self._live = live

    def __contains__(self, tp: object) -> bool:
        return tp in self._live

    def __iter__(self) -> Iterator[TP]:
        return iter(list(self._live))

    def __len__(self) -> int:
        return len(self._live)

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return f"ActiveOnly({set(self._live)!r})"


class SeekFirstConsumer(faust_aiokafka.Consumer):
    """Resumes stream partitions only after the seek, and fetches only for active partitions."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_until_seek: set[TP] = set()

    def resume_partitions(self, tps: Iterable[TP]) -> None:
        tpset = set(tps)
        held = {tp for tp in tpset if not self._is_changelog_tp(tp)}
        self._held_until_seek |= held
        super().resume_partitions(tpset - held)

    async def perform_seek(self) -> None:
        await super().perform_seek()
        held, self._held_until_seek = self._held_until_seek, set()
        # Only what is still ours: a rebalance during the seek assigns anew and seeks again.
        super().resume_partitions(held & set(self.assignment()))

    async def _getmany(self, active_partitions: Set[TP] | None, timeout: float) -> Any:
        if active_partitions is None:  # a client-only app: no filter meant
            return await super()._getmany(active_partitions, timeout)
        return await super()._getmany(cast(Any, ActiveOnly(active_partitions)), timeout)


class SeekFirstTransport(faust_aiokafka.Transport):
    """The aiokafka transport with :class:`SeekFirstConsumer` as its consumer."""

    Consumer = SeekFirstConsumer
