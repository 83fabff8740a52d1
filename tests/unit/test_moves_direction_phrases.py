"""Phrases that state a direction without a verb of motion (tests/data/fresh/README.md conventions).

Hand-written sentences with near-misses: "closes with a loss", "ended with a small gain on
Friday" (not "with a gain in SoftBank", another subject's figure); "N-year highs/lows" in the
plural; an aggregate's with-clause that names the index ("markets rose, with the Kospi hitting
two-year highs"); a session's peak or trough keeps a null direction when the phrase states how
the index closed. Relative clauses and parentheses that only describe the name: a flat
predicate after them, a name that is itself the parenthesis ("Index (JCI), which recorded ..."),
"the highest closing level in history" as a record, "finished with record numbers, closing at". A record noun with the index as its complement
("the record high of the DAX", "the record highs set by the DAX").
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.sentence_cases import M
from tests.sentence_cases import check_sentence as _check


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


DESCRIBED = [
    (
        "The Eurostoxx 50, which represents 50 of Europe's largest companies, also showed little movement.",
        [M("SX5E", "flat")],
    ),
    ("The DAX, which tracks 40 German blue chips, was little changed on Friday.", [M("DAX", "flat")]),
    # (a relative clause before the predicate describes the name)
    (
        "Jakarta's main gauge (JCI), which tracks 900 stocks, fell 1.2% to 7,100.5.",
        [M("JCI", "down", pct=-1.2, level=7100.5)],
    ),
    (
        "One of the indicators is the Jakarta index (JCI), which recorded the highest closing level in history.",
        [M("JCI", "up", rec=True)],
    ),
    ("The Nikkei reached its highest level in its history.", [M("NIKKEI225", "up", rec=True)]),
    (
        "The Nasdaq also finished with record numbers, closing at 7,298.28, a rise of 1 percent.",
        [M("IXIC", "up", pct=1, level=7298.28, rec=True)],
    ),
    # near misses: a record count is no record level; another subject's record after "with"
    ("The Nasdaq saw record numbers of shares change hands.", []),
    ("The Nasdaq ended higher, with record highs in Apple and Nvidia.", [M("IXIC", "up")]),
    ("The Taiex, which hit its highest level in history in 2021, fell 1%.", [M("TAIEX", "down", pct=-1)]),
]


RECORD_OF = [
    ("Despite the record high of the DAX, the MDAX fell.", [M("DAX", "up", rec=True)]),
    ("Other markets could not keep up with the record highs set by the DAX.", [M("DAX", "up", rec=True)]),
    ("Investors cheered the all-time high of the Nasdaq.", [M("IXIC", "up", rec=True)]),
    ("Traders watched the record close posted by the Sensex.", [M("SENSEX", "up", rec=True)]),
    # near misses: a track record, a record of something else
    ("The track record of the Nikkei is mixed.", []),
    ("Volumes hit a record on the back of the Nikkei's rally.", []),
]


AHEAD = [
    ("The broader Topix was ahead 0.39% in Tokyo.", [M("TOPIX", "up", pct=0.39)]),
    ("The Dow was ahead by 455 points.", [M("DJIA", "up", pts=455)]),
    (
        "The FTSE 100 was ahead some 20 points at 8,100.4.",
        [M("FTSE100", "up", pts=20, level=8100.4, approx=True)],
    ),
    # near misses: ahead of something, not a change
    ("The Nikkei is ahead of its peers this year.", []),
    ("The Nikkei was ahead of the 40,000 mark.", []),
]


AS_CLAUSE = [
    (
        "Shares in Taiwan closed up 75.52 points yesterday as the TAIEX ended the year at 10,642.86.",
        [M("TAIEX", "up", level=10642.86)],
    ),
    (
        "Japanese stocks fell on Friday as the Nikkei closed at 38,100.5.",
        [M("NIKKEI225", "down", level=38100.5)],
    ),
    # near misses: not a market as a whole; a direction of the index's own
    ("The yen rose as the Nikkei ended at 38,100.5.", [M("NIKKEI225", None, level=38100.5)]),
    ("Shares in Tokyo fell as the Nikkei ended 1% higher.", [M("NIKKEI225", "up", pct=1)]),
]


WHICH_IT = [
    (
        "The Nikkei rose 1%, which took it to a record high of 40,100.5.",
        [M("NIKKEI225", "up", pct=1, level=40100.5, rec=True)],
    ),
    (
        "The Ibex 35 closed with a rise of 1.31%, which allowed it to end the session above 9,400 points.",
        [M("IBEX35", "up", pct=1.31, ms=9400)],
    ),
    (
        "The Sensex gained 0.4%, which brought it to 80,100.5.",
        [M("SENSEX", "up", pct=0.4, level=80100.5)],
    ),
    # near miss: a relative clause about something else ends the clause
    ("The Nikkei rose 1%, which helped the yen weaken to 150.", [M("NIKKEI225", "up", pct=1)]),
]


@_cases(WHICH_IT)
def test_which_took_it_to(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


@_cases(AS_CLAUSE)
def test_an_as_clause_after_the_market(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


@_cases(AHEAD)
def test_ahead_before_a_change(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


@_cases(RECORD_OF)
def test_a_record_of_the_index(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


@_cases(DESCRIBED)
def test_what_describes_the_name(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


@_cases(PHRASES)
def test_phrases_of_direction(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)
