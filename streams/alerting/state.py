"""The alert state machine of shared/contract.md ("When an alert fires", rules 1-8).

State as initialise / fold one event / read result::

    IndexState(index)  ──advance(state, move, rules)──▶  (new IndexState, [Alert])

``IndexState`` is immutable and JSON-serialisable (``to_dict`` / ``from_dict``), because the
streaming shell keeps it as the value of a Faust Table keyed by index and a Table only writes its
changelog on assignment. ``advance`` never mutates its input; it returns the same object when a
move changes nothing.

Readings of the contract made here (see also the module docstrings of the tests):

* A *crossing* of M is a move with direction up (down) whose level went from P to L with
  P < M <= L (L < M <= P), or a textual milestone M with that direction. Only step multiples and
  configured milestones fire by rule 2, but any crossing re-arms the opposite direction of M
  (rule 4), so a textual milestone that is not a step multiple also re-arms when a level move
  passes it the other way.
* ``flat`` moves cross nothing and fire no milestone; with a level they are not stale by
  direction, so they set P (rule 6) and may fire a record. A ``flat`` move with no level changes
  nothing (rule 6 defines "stands at M" only after going up or down).
* "Just under M" is the largest float below M (``math.nextafter``), so any later rise to M crosses.
* ``published_at`` is compared by its date part (the first ten characters, ISO 8601); a value
  that is not an ISO date counts as absent.
* ``alert_id`` is sha256 of ``index|kind|value|direction|episode`` (first 20 hex digits). For a
  milestone the episode is how many times (index, M, direction) has fired so far, this one
  included (1 for the first); a record fires at most once per level (the next one must be above
  it), so its episode is always 1. Values are formatted canonically: 50000 and 50000.0 agree.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, cast

from schemas import Alert, AlertDirection, IndexMove
from streams.alerting.rules import AlertRules

__all__ = ["STATE_VERSION", "IndexState", "advance", "alert_id", "canonical_number"]

STATE_VERSION = 1
"""Bumped whenever the stored shape of ``IndexState`` changes."""

_ID_HEX_DIGITS = 20

Pair = tuple[float, AlertDirection]


def canonical_number(value: float) -> float:
    """``value`` as an int when it is integral (50000.0 -> 50000), else as a float."""
    number = float(value)
    if number.is_integer():
        return int(number)
    return number


def _format_number(value: float) -> str:
    return repr(canonical_number(value))


def alert_id(index: str, kind: str, value: float, direction: str, episode: int) -> str:
    """The deterministic id of an alert: the same (index, kind, value, direction, episode) gives the same id."""
    key = f"{index}|{kind}|{_format_number(value)}|{direction}|{episode}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:_ID_HEX_DIGITS]


def _opposite(direction: AlertDirection) -> AlertDirection:
    return "down" if direction == "up" else "up"


def _as_direction(value: object, where: str) -> AlertDirection:
    if value not in ("up", "down"):
        raise ValueError(f"{where}: direction must be 'up' or 'down', got {value!r}")
    return value


def _as_number(value: object, where: str) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise ValueError(f"{where}: expected a number, got {value!r}")
    return float(value)


def _as_optional_number(value: object, where: str) -> float | None:
    return None if value is None else _as_number(value, where)


def _as_optional_str(value: object, where: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{where}: expected a string or null, got {value!r}")
    return value


@dataclass(frozen=True, slots=True)
class IndexState:
    """What the alert rules remember about one index.

    ``last_level`` (P) is the last known level, set by the move of ``last_article_id`` published
    ``last_published_at``, an intraday figure when ``last_intraday``. ``high`` (H) is the highest
    known level. ``fired`` holds the (milestone, direction) pairs fired in their current episode;
    ``episodes`` counts, per (milestone, direction), how many times it has fired in all.
    """

    index: str
    last_level: float | None = None
    last_article_id: str | None = None
    last_published_at: str | None = None
    last_intraday: bool = False
    high: float | None = None
    fired: frozenset[Pair] = frozenset()
    episodes: tuple[tuple[float, AlertDirection, int], ...] = ()
    version: int = STATE_VERSION

    def episode_count(self, milestone: float, direction: AlertDirection) -> int:
        """How many times (index, milestone, direction) has fired so far."""
        for m, d, n in self.episodes:
            if m == milestone and d == direction:
                return n
        return 0

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-compatible data, deterministic (sorted) so equal states serialise equally."""
        return {
            "version": self.version,
            "index": self.index,
            "last_level": self.last_level,
            "last_article_id": self.last_article_id,
            "last_published_at": self.last_published_at,
            "last_intraday": self.last_intraday,
            "high": self.high,
            "fired": [{"milestone": canonical_number(m), "direction": d} for m, d in sorted(self.fired)],
            "episodes": [
                {"milestone": canonical_number(m), "direction": d, "count": n}
                for m, d, n in sorted(self.episodes)
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IndexState:
        """Rebuild a state from ``to_dict`` output; raises ``ValueError`` on a wrong shape or version."""
        version = data.get("version")
        if version != STATE_VERSION:
            raise ValueError(f"IndexState version {version!r} is not supported (expected {STATE_VERSION})")
        index = data.get("index")
        if not isinstance(index, str) or not index:
            raise ValueError(f"IndexState: index must be a non-empty string, got {index!r}")
        intraday = data.get("last_intraday", False)
        if not isinstance(intraday, bool):
            raise ValueError(f"IndexState: last_intraday must be a boolean, got {intraday!r}")
        fired: set[Pair] = set()
        for entry in data.get("fired", []):
            fired.add(
                (
                    _as_number(entry.get("milestone"), "IndexState.fired"),
                    _as_direction(entry.get("direction"), "IndexState.fired"),
                )
            )
        episodes: list[tuple[float, AlertDirection, int]] = []
        for entry in data.get("episodes", []):
            count = entry.get("count")
            if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                raise ValueError(f"IndexState.episodes: count must be a non-negative integer, got {count!r}")
            episodes.append(
                (
                    _as_number(entry.get("milestone"), "IndexState.episodes"),
                    _as_direction(entry.get("direction"), "IndexState.episodes"),
                    count,
                )
            )
        return cls(
            index=index,
            last_level=_as_optional_number(data.get("last_level"), "IndexState.last_level"),
            last_article_id=_as_optional_str(data.get("last_article_id"), "IndexState.last_article_id"),
            last_published_at=_as_optional_str(data.get("last_published_at"), "IndexState.last_published_at"),
            last_intraday=intraday,
            high=_as_optional_number(data.get("high"), "IndexState.high"),
            fired=frozenset(fired),
            episodes=tuple(sorted(episodes)),
        )


def published_day(published_at: str | None) -> date | None:
    """The day of an ISO ``published_at``; None when absent or not ISO (it then counts as undated)."""
    if not published_at:
        return None
    try:
        return date.fromisoformat(published_at[:10])
    except ValueError:
        return None


def _is_stale(state: IndexState, move: IndexMove, value: float, rules: AlertRules) -> bool:
    """Rule 3: judged against the move that set P, by dates first, else by direction."""
    last = state.last_level
    if last is None:
        return False
    if rules.stale_by_date:
        move_day, last_day = published_day(move.published_at), published_day(state.last_published_at)
        if move_day is not None and last_day is not None and move_day != last_day:
            return move_day < last_day
    if not rules.stale_by_direction:
        return False
    if rules.same_article_intraday and state.last_intraday and state.last_article_id == move.article_id:
        return False
    if move.direction == "up":
        return value < last
    if move.direction == "down":
        return value > last
    return False


def _multiples_in(step: float, low: float, high: float) -> list[float]:
    """The multiples M of ``step`` with low < M <= high."""
    first = math.floor(low / step)
    last = math.floor(high / step) + 1
    found = []
    for k in range(first, last + 1):
        m = canonical_number(k * step)
        if low < m <= high:
            found.append(m)
    return found


def _between(levels: Iterable[float], low: float, high: float) -> list[float]:
    return [canonical_number(m) for m in levels if low < m <= high]


def implausible_figures(move: IndexMove, rules: AlertRules) -> tuple[str, ...]:
    """Rule 8, the bad-tick filter: the move's figures (``level``, ``milestone``) outside its
    index's plausible range, which the rules then ignore as if absent (the worker counts them)."""
    return tuple(
        name
        for name, value in (("level", move.level), ("milestone", move.milestone))
        if rules.implausible(move.index, value)
    )


def advance(
    state: IndexState | None, move: IndexMove, rules: AlertRules
) -> tuple[IndexState | None, list[Alert]]:
    """Fold one move into its index's state; return the new state and the alerts it fires.

    ``state`` is ``None`` for an index seen for the first time. Milestone alerts come first
    (ascending going up, descending going down), then the record. The returned state is the
    input object itself when the move changes nothing.
    """
    if state is not None and state.index != move.index:
        raise ValueError(f"state of index {state.index!r} given a move of index {move.index!r}")
    bad = implausible_figures(move, rules)
    if bad:  # rule 8: one misread figure must not fire false crossings nor become the last level
        move = move.model_copy(update=dict.fromkeys(bad))
    if move.futures and rules.skip_futures:  # rule 7
        return state, []
    direction = move.direction
    if direction is None:  # rule 3: a move with no direction changes no state
        return state, []
    current = state if state is not None else IndexState(index=move.index)

    level = move.level
    textual = move.milestone if rules.textual_milestones else None
    if level is None and (textual is None or direction == "flat"):
        # Nothing to remember: a percentage alone, a record claim without a level (rule 5),
        # or a flat "milestone" that says neither above nor below.
        return state, []
    value = level if level is not None else cast(float, textual)
    if _is_stale(current, move, value, rules):  # rule 3
        return state, []

    alerts: list[Alert] = []
    fired = set(current.fired)
    counts: dict[Pair, int] = {(m, d): n for m, d, n in current.episodes}
    last = current.last_level

    if direction in ("up", "down"):
        way: AlertDirection = direction
        crossing: set[float] = set()
        passed: tuple[float, float] | None = None  # the (low, high] range a level move went through
        if level is not None and last is not None:
            low, top = (last, level) if way == "up" else (level, last)
            passed = (low, top)
            if rules.level_crossings:  # rule 2
                step = rules.step(move.index)
                if step is not None:
                    span = (top - low) / step
                    if not math.isfinite(span) or span > rules.max_steps_per_move:
                        # A misread figure (a trillion for a Dow at 47,000), not a market move:
                        # enumerating its crossings would hang, and every one would be false.
                        return state, []
                    crossing.update(_multiples_in(step, low, top))
                crossing.update(_between(rules.extra_milestones(move.index), low, top))
        if textual is not None:  # rule 1
            crossing.add(canonical_number(textual))
        if passed is not None:  # rule 4: any opposite pair the level move passed is re-armed
            fired.difference_update({(m, d) for m, d in fired if d != way and passed[0] < m <= passed[1]})
        for m in sorted(crossing, reverse=way == "down"):
            fired.discard((m, _opposite(way)))
            if rules.once_per_episode and (m, way) in fired:
                continue
            episode = counts.get((m, way), 0) + 1
            counts[(m, way)] = episode
            fired.add((m, way))
            alerts.append(
                Alert(
                    alert_id=alert_id(move.index, "milestone", m, way, episode),
                    kind="milestone",
                    index=move.index,
                    direction=way,
                    milestone=float(m),
                    level=move.level,
                    first_time=move.first_time,
                    article_id=move.article_id,
                    published_at=move.published_at,
                    sentence=move.sentence,
                )
            )

    high = current.high
    if rules.records and move.record_high and level is not None and (high is None or level > high):  # rule 5
        alerts.append(
            Alert(
                alert_id=alert_id(move.index, "record", level, "up", 1),
                kind="record",
                index=move.index,
                direction="up",
                milestone=None,
                level=level,
                first_time=move.first_time,
                article_id=move.article_id,
                published_at=move.published_at,
                sentence=move.sentence,
            )
        )

    # Rule 6: the move's level, or for a textual milestone M: M going up, just under M going down.
    if level is not None:
        new_level = level
    elif direction == "up":
        new_level = float(value)
    else:
        new_level = math.nextafter(float(value), -math.inf)
    new_state = replace(
        current,
        last_level=new_level,
        last_article_id=move.article_id,
        last_published_at=move.published_at,
        last_intraday=move.intraday,
        high=new_level if high is None else max(high, new_level),
        fired=frozenset(fired),
        episodes=tuple(sorted((m, d, n) for (m, d), n in counts.items())),
    )
    return new_state, alerts
