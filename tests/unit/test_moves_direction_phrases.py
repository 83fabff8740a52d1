"""Phrases that state a direction without a verb of motion (tests/data/fresh/README.md conventions).

Hand-written sentences with near-misses: "closes with a loss", "ended with a small gain on
Friday" (not "with a gain in SoftBank", another subject's figure); "N-year highs/lows" in the
plural; an aggregate's with-clause that names the index ("markets rose, with the Kospi hitting
two-year highs"); a session's peak or trough keeps a null direction when the phrase states how
the index closed.
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


PHRASES = [
    ("Toronto's S&P/TSX index closes with a loss after a strong year", [M("TSX", "down")]),
    ("The Nikkei ended with a small gain on Friday.", [M("NIKKEI225", "up")]),
    ("The FTSE 100 finished with a modest decline.", [M("FTSE100", "down")]),
    ("The Kospi closed with a loss of 0.6% at 2,500.1.", [M("KOSPI", "down", pct=-0.6, level=2500.1)]),
    ("The Hang Seng hit two-year highs on Monday.", [M("HSI", "up")]),
    ("The Nikkei slid to three-month lows.", [M("NIKKEI225", "down")]),
    (
        "Asia markets mostly rise with Korea's Kospi hitting 2-year highs as investors digest data",
        [M("KOSPI", "up")],
    ),
    (
        "Most Asia-Pacific markets rose Tuesday, with South Korea's benchmark Kospi hitting two-year highs.",
        [M("KOSPI", "up")],
    ),
    # near misses: the gain is a component's; the peak and trough keep their null direction
    ("The Nikkei ended higher, with a gain in SoftBank.", [M("NIKKEI225", "up")]),
    ("The Nikkei ended, with a gain in SoftBank offsetting losses.", []),
    (
        "The Sensex touched a high of 61,209 and a low of 58,793 before ending at 61,112, with a gain of 3.35 per cent over the month.",
        [
            M("SENSEX", None, level=61209, intra=True),
            M("SENSEX", None, level=58793, intra=True),
            M("SENSEX", "up", pct=3.35, level=61112),
        ],
    ),
]


@_cases(PHRASES)
def test_phrases_of_direction(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)
