"""One index move applied to its index's stored value: what the alert agent does per move, pure.

    stored value ──apply_move(stored, move, position, rules)──▶ Applied(stored, state, alerts, repeat)

The alert agent keeps, per index, one table value: the index's state (``IndexState.to_dict()``)
and the position of the last move applied from each articles partition
(``streams.alerting.positions``). Applying a move is: skip it if its position says it was
applied already (a repeat after a crash), else fold it into the state (``advance``, the
contract's rules) and record its position with the new state, in one value, so a restart
restores both together. The agent only reads the stored value, calls this, sends the alerts and
puts the value; everything that decides lives here and is unit-tested without Faust.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from schemas import Alert, IndexMove
from streams.alerting.positions import MovePosition, already_applied, with_applied
from streams.alerting.rules import AlertRules
from streams.alerting.state import IndexState, advance

__all__ = ["Applied", "apply_move"]


@dataclass(frozen=True, slots=True)
class Applied:
    """What one move did to its index's stored value."""

    stored: dict[str, Any] | None
    """The value to store, or None when nothing is to be stored."""
    state: IndexState | None
    """The state ``stored`` holds (so the next move of the index need not parse it again)."""
    alerts: list[Alert] = field(default_factory=list)
    repeat: bool = False
    """The move's position says it was applied before: nothing happened."""


def apply_move(
    stored: Mapping[str, Any] | None,
    move: IndexMove,
    position: MovePosition | None,
    rules: AlertRules,
    *,
    state: IndexState | None = None,
) -> Applied:
    """Apply ``move`` (read at ``position``, None for a move sent without one) to ``stored``.

    ``state``: the ``IndexState`` that ``stored`` holds, when the caller has it parsed already.
    """
    if already_applied(stored, position):
        return Applied(stored=None, state=None, repeat=True)
    if state is None and stored is not None:
        state = IndexState.from_dict(stored)
    new_state, alerts = advance(state, move, rules)
    if position is None and (new_state is None or new_state is state):
        return Applied(stored=None, state=state, alerts=alerts)
    kept = new_state if new_state is not None else IndexState(index=move.index)
    return Applied(stored=with_applied(kept.to_dict(), stored, position), state=kept, alerts=alerts)
