"""``milestones worker`` with three delays that make the restart race land every time (a test aid only).

The race (issue 13): when a restarted worker has read its table's changelog, Faust stops
fetching the changelog, seeks the stream partitions to their committed offsets and starts them.
A fetch asked for while only changelog partitions were read may still be waiting for records in
the Kafka client's thread when no partition is active at all; a worker whose fetch then takes
the records of the partitions that wait for their start, and drops them, has moved the client's
position past records it never processed. In a plain run it hangs on milliseconds; here:

- each changelog record takes ``RACE_CHANGELOG_DELAY`` seconds to apply, so the worker asks for
  its next fetch while recovery is still going on (only changelog partitions active);
- a fetch waits up to ``RACE_FETCH_WAIT`` seconds for records (Faust asks for 1), so that fetch
  is still waiting when recovery ends, the seek moves the positions and the client's fresh batch
  of the stream partitions arrives;
- every seek to the committed offsets holds ``RACE_SEEK_SECONDS`` after it has moved the positions
  (as a slow broker answer would), so that batch arrives before the stream partitions start.

Used by tests/reliability/test_restart_race.py; never shipped in the package.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Mapping
from typing import Any

from faust.tables.base import Collection
from faust.transport.drivers import aiokafka as faust_aiokafka

from streams.cli import main

CHANGELOG_DELAY = float(os.environ.get("RACE_CHANGELOG_DELAY", "0.05"))
FETCH_WAIT = float(os.environ.get("RACE_FETCH_WAIT", "4"))
SEEK_SECONDS = float(os.environ.get("RACE_SEEK_SECONDS", "5"))

_on_changelog_event = Collection.on_changelog_event
_fetch_records = faust_aiokafka.AIOKafkaConsumerThread._fetch_records
_seek_to_committed = faust_aiokafka.Consumer.seek_to_committed


async def _slow_changelog_event(self: Any, event: Any) -> None:
    await asyncio.sleep(CHANGELOG_DELAY)
    await _on_changelog_event(self, event)


async def _patient_fetch_records(
    self: Any, consumer: Any, active_partitions: Any, timeout: float | None = None, max_records: Any = None
) -> Any:
    return await _fetch_records(
        self, consumer, active_partitions, timeout=FETCH_WAIT, max_records=max_records
    )


async def _slow_seek_to_committed(self: Any) -> Mapping[Any, int]:
    offsets = await _seek_to_committed(self)
    await asyncio.sleep(SEEK_SECONDS)
    return offsets


Collection.on_changelog_event = _slow_changelog_event  # type: ignore[method-assign]
faust_aiokafka.AIOKafkaConsumerThread._fetch_records = _patient_fetch_records  # type: ignore[method-assign]
faust_aiokafka.Consumer.seek_to_committed = _slow_seek_to_committed  # type: ignore[method-assign]

if __name__ == "__main__":
    sys.exit(main(["worker", *sys.argv[1:]]))
