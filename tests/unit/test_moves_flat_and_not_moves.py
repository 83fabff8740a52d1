"""Clause reading met on real articles annotated blind (tests/data/fresh/README.md conventions).

Hand-written sentences, several phrasings per rule with near-misses that must not match: flat
statements without the word "flat" ("hardly moved", "held its ground", "moving sideways") and
a spaced dash that ends a label before the index's name.
"""

from __future__ import annotations

from typing import Any

import pytest

from streams.extract.indices import default_registry
from streams.extract.moves import sentence_moves


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
    return (index, direction, pct, pts, level, ms, rec, first, fut, approx, intra)


def _key(move: Any) -> tuple[Any, ...]:
    r = move.reading
    return (
        move.index_id, r.direction, r.change_pct, r.change_points, r.level, r.milestone,
        r.record_high, r.first_time, move.futures, r.approximate, r.intraday,
    )  # fmt: skip


def _norm(item: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(
        round(float(v), 4) if isinstance(v, int | float) and not isinstance(v, bool) else v for v in item
    )


def _check(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    got = [_norm(_key(m)) for m in sentence_moves(sentence, default_registry())]
    assert got == [_norm(e) for e in expected]


def _cases(cases: list[tuple[str, list[tuple[Any, ...]]]]) -> Any:
    return pytest.mark.parametrize(("sentence", "expected"), cases, ids=[c[0][:60] for c in cases])


FLAT = [
    ("Dax little moved below record high", [M("DAX", "flat")]),
    ("The Nikkei hardly moved at all on Monday, with exporters mixed.", [M("NIKKEI225", "flat")]),
    ("The Kospi barely budged in thin holiday trade.", [M("KOSPI", "flat")]),
    ("The JCI was still moving sideways by the lunch break.", [M("JCI", "flat")]),
    ("The FTSE 100 showed little movement on Tuesday.", [M("FTSE100", "flat")]),
    ("The Nikkei held its ground at 47,950.88.", [M("NIKKEI225", "flat", level=47950.88)]),
    # a spaced dash ends a label: the name after it is a subject, not the object of "in"
    ("Stock exchange in Frankfurt - Dax little moved below record high", [M("DAX", "flat")]),
    # near misses: a figure makes the change its own, and a move somewhere else stays unattached
    ("The Hang Seng barely moved, edging up 0.1%.", [M("HSI", "up", pct=0.1)]),
    ("Trading in shares tracking the Nikkei hardly moved.", []),
]


@_cases(FLAT)
def test_flat_statements(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)
