"""One sentence's moves as comparable tuples: the case tables of the move-reading unit tests.

Why one module: ten test files wrote the same builder and check; a case is written
``(sentence, [M(index, direction, pct=..., level=..., ...)])`` in all of them.
"""

from __future__ import annotations

from typing import Any

from streams.extract.indices import default_registry
from streams.extract.moves import sentence_moves

__all__ = ["M", "check_sentence"]


def M(
    index: str,
    direction: str | None,
    pct: float | None = None,
    pts: float | None = None,
    level: float | None = None,
    ms: float | None = None,
    rec: bool = False,
    first: bool = False,
    fut: bool = False,
    approx: bool = False,
    intra: bool = False,
) -> tuple[Any, ...]:
    """An expected move: index id, direction, then the figures and flags that differ from none."""
    return (index, direction, pct, pts, level, ms, rec, first, fut, approx, intra)


def move_key(move: Any) -> tuple[Any, ...]:
    """The fields a case compares, in M's order."""
    r = move.reading
    return (
        move.index_id, r.direction, r.change_pct, r.change_points, r.level, r.milestone,
        r.record_high, r.first_time, move.futures, r.approximate, r.intraday,
    )  # fmt: skip


def norm(item: tuple[Any, ...]) -> tuple[Any, ...]:
    """Figures rounded to 4 places, so 0.1 + 0.2 compares with 0.3."""
    return tuple(
        round(float(v), 4) if isinstance(v, int | float) and not isinstance(v, bool) else v for v in item
    )


def check_sentence(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    """The sentence gives exactly the expected moves, in order."""
    got = [norm(move_key(m)) for m in sentence_moves(sentence, default_registry())]
    assert got == [norm(e) for e in expected]
