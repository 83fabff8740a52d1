"""Faust's Kafka consumer, changed so that stream partitions start only after the seek to their committed offsets.

Why: at the end of table recovery Faust (faust-streaming 0.15.3, ``Recovery.on_recovery_completed``)
*first* resumes the stream partitions and *then* awaits ``Consumer.perform_seek()``, which asks
the broker for each partition's committed offset, one partition after another (tens of
milliseconds). The fetcher is already running then, so records of a backlog (a worker started
while the replay goes on) reach the agents during the seek. When the seek lands it rewinds the
position and resets Faust's read offset while the fetcher still holds the batch it took before;
that batch moves the read offset ahead again, the records fetched anew after the rewind are
dropped as already read ("DROPPED MESSAGE ROFF" in Faust's dev log), and some records in between
are never handed to an agent at all. They are never acknowledged, so Faust can never commit past
them: the group's committed offset stops at the first of them, the lag never reaches zero, and a
later restart extracts everything after it again (index moves sent twice). It showed as the
worker started after a SIGTERM "stalling" a few seconds after "Worker ready"
(tests/reliability/test_graceful_shutdown.py); the agents were in fact idle, the records lost.

The fix keeps Faust's order of events but holds the stream partitions back: ``resume_partitions``
resumes changelog partitions at once (recovery reads them) and remembers stream partitions;
``perform_seek`` resumes them once the positions and read offsets are at the committed offsets.
Faust calls ``perform_seek`` right after resuming stream partitions (both places in
``faust/tables/recovery.py``), so nothing waits longer than the seek itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP

__all__ = ["SeekFirstConsumer", "SeekFirstTransport"]


class SeekFirstConsumer(faust_aiokafka.Consumer):
    """Resumes stream partitions only after they were sought back to their committed offsets."""

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


class SeekFirstTransport(faust_aiokafka.Transport):
    """The aiokafka transport with :class:`SeekFirstConsumer` as its consumer."""

    Consumer = SeekFirstConsumer
