"""Figure reading: where a move's numbers are, what sign they carry and which column they fill.

Hand-written sentences (not dev sentences), each with the moves shared/contract.md and the dev
README's conventions expect, and near-misses that must not change.
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


# "with a loss of N", "with a gain of N", "up with +N%": the figures of the same subject, not
# another subject's clause ("with the Nikkei up 2%").
WITH_FIGURES = [
    (
        "The Nikkei 225 is trading at 38,120.50 with a loss of 0.85% or 326.10 points.",
        [M("NIKKEI225", "down", pct=-0.85, pts=-326.1, level=38120.5)],
    ),
    (
        "Germany's DAX ended the week at 18,402.20 with a gain of 1.2%.",
        [M("DAX", "up", pct=1.2, level=18402.2)],
    ),
    (
        "The Sensex finished March with a modest decline of 212 points.",
        [M("SENSEX", "down", pts=-212)],
    ),
    (
        "The FTSE 100 closed at 8,150.33 up with +0.31%  percent or +25.10  points.",
        [M("FTSE100", "up", pct=0.31, pts=25.1, level=8150.33)],
    ),
    (
        "The CAC 40 closed at 7,410.05 down with -0.4% on the day.",
        [M("CAC40", "down", pct=-0.4, level=7410.05)],
    ),
    # Near-misses: "with" that opens another subject's clause still ends the clause.
    (
        "Paris was down 0.8% with the CAC 40 at 7,402.11.",
        [M("CAC40", "down", level=7402.11)],
    ),
    (
        "The Nifty rose 0.6%, with 38 stocks advancing and 12 declining.",
        [M("NIFTY50", "up", pct=0.6)],
    ),
    (
        "The Hang Seng rose 1.1%, with a gain in tech shares offsetting losses in property.",
        [M("HSI", "up", pct=1.1)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), WITH_FIGURES, ids=[c[0][:50] for c in WITH_FIGURES])
def test_with_a_loss_of_is_the_subjects_own_figure(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A written sign gives the direction when no word does ("Stoxx 600 +0.5%" in a close list).
SIGNED = [
    ("- Stoxx 600 +0.5%", [M("STOXX600", "up", pct=0.5)]),
    ("Japan Nikkei 225 -1.24%", [M("NIKKEI225", "down", pct=-1.24)]),
    (
        "The year so far: Ibex 35 (+18.2%), DAX (-3.1%)",
        [M("IBEX35", "up", pct=18.2), M("DAX", "down", pct=-3.1)],
    ),
    ("Kospi -35.2 points", [M("KOSPI", "down", pts=-35.2)]),
    # A word still wins over a sign; a bare level gives no direction.
    ("The CAC 40 was down -0.72% yesterday.", [M("CAC40", "down", pct=-0.72)]),
    ("The Kospi closed at 2,611.3.", [M("KOSPI", None, level=2611.3)]),
]


@pytest.mark.parametrize(("sentence", "expected"), SIGNED, ids=[c[0][:50] for c in SIGNED])
def test_a_written_sign_gives_the_direction(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)
