"""Clause reading met on real articles annotated blind (tests/data/fresh/README.md conventions).

Hand-written sentences, several phrasings per rule with near-misses that must not match: what
is not a move (a market value, a support level, a forecast, a component's rise); flat
statements without the word "flat" ("hardly moved", "held its ground", "moving sideways") and
a spaced dash that ends a label before the index's name.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.sentence_cases import M
from tests.sentence_cases import check_sentence as _check


def _cases(cases: list[tuple[str, list[tuple[Any, ...]]]]) -> Any:
    return pytest.mark.parametrize(("sentence", "expected"), cases, ids=[c[0][:60] for c in cases])


# --- what is not a move, and flat statements
NOT_MOVES = [
    # a support or resistance band is a forecast; its "10,800-10,900" is no 900-point change
    ("The Taiex, which is expected to find technical support at 10,800-10,900 points", []),
    (
        "Dealers said the Hang Seng, which may meet resistance at 26,500-26,800 points, will stay volatile.",
        [],
    ),
    # the index's market value, volume or components are not the index
    ("The KOSPI's market capitalization also reached a record 2,472 trillion won.", []),
    ("The Nikkei's trading volume hit its highest level since March.", []),
    ("DBS was the STI's top gainer of the day, rising 3.1 per cent.", []),
    ("Rio Tinto was among the FTSE 100's biggest fallers, down 4%.", []),
    # forecasts: a hedged verb, also a few words into a relative clause, or a trailing "in line for"
    ("U.S. stocks were steady, with the S&P 500 readying for its largest yearly rise in 16 years.", []),
    ("The Nikkei is in line for its best quarter since 2020.", []),
    (
        "The pound fell, hurting the FTSE, which just a week ago was being tipped by investors to hit a record.",
        [],
    ),
    ("Traders watched the Sensex, which brokers now expect to reach 90,000 by March.", []),
    (
        "The Nasdaq was up 26.1 points at 8,972.6, in line for a gain of about 35 per cent for the year.",
        [M("IXIC", "up", pts=26.1, level=8972.6)],
    ),
    (
        "The Nikkei rose 1.2% to 40,100.5, on track for its best week since March.",
        [M("NIKKEI225", "up", pct=1.2, level=40100.5)],
    ),
    # a forecaster who "sees" the index somewhere; a statistic over many sessions
    ("Strategists see the Sensex at 90,000 by December.", []),
    ("Citi sees the FTSE 100 ending the year at 9,000.", []),
    ("The Dow has averaged a 0.5% gain in December over the past decade.", []),
    ("The Nikkei averages a 1% rise in the week before Christmas.", []),
    ("The Nikkei has been averaging gains of 0.5% a day this month.", []),
    # near misses: what someone saw happen, a day that "sees" a move
    ("We saw the Nikkei fall 2% on Friday.", [M("NIKKEI225", "down", pct=-2)]),
    ("Monday sees the Nikkei rise 1% to 40,100.5.", [M("NIKKEI225", "up", pct=1, level=40100.5)]),
    # a record named by its month or year is the reference of a distance, not a new record
    (
        "The S&P 500 is now down 10% from its February record, putting it in correction territory.",
        [M("SPX", "down", pct=-10)],
    ),
    ("The Nikkei stands 5% below its 1989 record.", []),
    ("The Nikkei hit a February record.", [M("NIKKEI225", "up", rec=True)]),
    # a compound adjective makes the name a modifier
    ("Nikkei-linked funds fell 1%.", []),
    ("Nasdaq-listed shares of Alibaba rose 2%.", []),
    ("Sensex-based options expired lower.", []),
    ("The Nikkei-225 rose 1%.", [M("NIKKEI225", "up", pct=1)]),
    # near misses: the index's own record or figure, and a hedge after the move
    ("The Dow's record close was its 20th this year.", [M("DJIA", "up", rec=True)]),
    ("The FTSE 100's 1.2% rise was led by miners.", [M("FTSE100", "up", pct=1.2)]),
    ("The Nikkei, which analysts expected to fall, rose 1%.", [M("NIKKEI225", "up", pct=1)]),
    ("The Kospi rose 1% to a record, as economists had expected.", [M("KOSPI", "up", pct=1, rec=True)]),
]
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


@_cases(NOT_MOVES)
def test_what_is_not_a_move(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


@_cases(FLAT)
def test_flat_statements(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)
