"""The alert agent's view of the index-state table: reads are current, writes wait for the acks.

Why: the table value for an index says which alerts have fired. Writing it before those alerts
are acknowledged could lose an alert for good (a crash between the two: the restored state says
"fired", the move is skipped as already applied). The agent used to await each alert's ack
before writing, which held the one alert agent for a produce round trip (linger + acks=all)
per alert, about 100 alerts a second at most, and it wrote a changelog record for every move.

Now the agent keeps the latest value of each index here (``put``), where the next move of that
index reads it (``get``), and the table is written at the commit (``streams.worker.outbox``): the
outbox takes the values put so far in the same step as the records sent so far, waits for all
those records' acks, then writes the values. So a value reaches the table only after the alerts
it records; one changelog record per index and commit replaces one per move; and an index's
value is never older than the offsets committed, because the values are taken after Faust
chose the offsets to commit and before it commits them. A value ahead of the committed
offsets is harmless: the moves read again are skipped by their positions
(``streams.alerting.positions``).

After a rebalance the values kept here may belong to partitions now owned by another worker,
so they are dropped (``forget``) and reads go to the table again, which Faust has recovered.

``keep_written=False`` drops a value from this view once it is written, for tables with many
keys (the processed article ids of rule 9): the view then holds only what a commit has not
written yet, and reads of older keys go to the table.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

__all__ = ["WriteBehindTable"]


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
