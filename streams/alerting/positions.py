"""Where an index move came from, so that the alert agent applies each move exactly once.

Why: both agents are at-least-once. A worker killed after sending an article's moves but before
committing the article's offset extracts that article again on restart and sends the same moves
again; and the alert agent re-reads moves whose offsets it had not committed although its table
(whose changelog Faust writes before committing offsets) already holds their effect. Applying a
move again to a state that is already past it is not harmless: a Nikkei "down to 49,000" applied
again after "up to 51,000" crosses 50,000 down, then the next repeat crosses it up, and both fire
alerts that never happened.

So every move carries, as record headers, the position of its article on ``articles``
(partition, offset) and its ordinal inside the article. The alert agent keeps the last position
it applied per articles partition *inside the same table value as the index state* (one
changelog record, so a restart restores both together) and skips any move at or before it.
Positions only grow on an articles partition: the extract agent reads a partition in offset
order (concurrency 1) and sends one article's moves in order, and moves are keyed by index, so
one index's moves from one articles partition stay in that order on ``index-moves``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["APPLIED_KEY", "MovePosition", "already_applied", "with_applied"]

APPLIED_KEY = "applied"  # in the table value: {"<articles partition>": [offset, ordinal]}

_PARTITION, _OFFSET, _ORDINAL = "article-partition", "article-offset", "move-ordinal"


@dataclass(frozen=True, order=True)
class MovePosition:
    """A move's place in the input: its article's partition and offset, then its ordinal."""

    partition: int
    offset: int
    ordinal: int

    def headers(self) -> list[tuple[str, bytes]]:
        return [
            (_PARTITION, str(self.partition).encode()),
            (_OFFSET, str(self.offset).encode()),
            (_ORDINAL, str(self.ordinal).encode()),
        ]

    @classmethod
    def from_headers(
        cls, headers: Iterable[tuple[str, bytes]] | Mapping[str, bytes] | None
    ) -> MovePosition | None:
        """The position, or None for a move that came without one (sent by another producer)."""
        h = dict(headers.items() if isinstance(headers, Mapping) else headers or ())
        try:
            return cls(int(h[_PARTITION]), int(h[_OFFSET]), int(h[_ORDINAL]))
        except (KeyError, ValueError):
            return None


def _last(stored: Mapping[str, Any] | None, partition: int) -> tuple[int, int] | None:
    applied = (stored or {}).get(APPLIED_KEY) or {}
    last = applied.get(str(partition))
    return (int(last[0]), int(last[1])) if last else None


def already_applied(stored: Mapping[str, Any] | None, position: MovePosition | None) -> bool:
    """True when the stored value says this move (or a later one of its partition) was applied."""
    if position is None:
        return False
    last = _last(stored, position.partition)
    return last is not None and (position.offset, position.ordinal) <= last


def with_applied(
    state: dict[str, Any], stored: Mapping[str, Any] | None, position: MovePosition | None
) -> dict[str, Any]:
    """The table value to store: the state's dict plus the applied positions, this one recorded."""
    applied = dict((stored or {}).get(APPLIED_KEY) or {})
    if position is not None:
        applied[str(position.partition)] = [position.offset, position.ordinal]
    return {**state, APPLIED_KEY: applied} if applied else state
