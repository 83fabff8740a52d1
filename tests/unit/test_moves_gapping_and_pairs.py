"""Clauses that share one verb between two names: gapping ("The Nifty rose to 24,400 and the
Sensex to 80,390"), an intraday high and low written as slashed pairs ("the high/low at
3,309/3,277"), and parallel lists without "respectively" ("The Sensex and the Nifty touched
49,500 and 14,600"). Hand-written sentences; expectations from shared/contract.md.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.sentence_cases import M, check_sentence


def _cases(cases: list[tuple[str, list[tuple[Any, ...]]]]) -> Any:
    return pytest.mark.parametrize(("sentence", "expected"), cases, ids=[c[0][:60] for c in cases])


GAPPING = [
    (
        "The Nifty rose to 24,400 and the Sensex to 80,390 during intraday trading.",
        [M("NIFTY50", "up", level=24400, intra=True), M("SENSEX", "up", level=80390, intra=True)],
    ),
    (
        "The Nifty climbed to 24,400, and the Sensex to 80,390, in intraday deals.",
        [M("NIFTY50", "up", level=24400, intra=True), M("SENSEX", "up", level=80390, intra=True)],
    ),
    (
        "The Kospi fell to 2,450 and the Kosdaq to 700 intraday.",
        [M("KOSPI", "down", level=2450, intra=True), M("KOSDAQ", "down", level=700, intra=True)],
    ),
    (
        "The Nifty fell by 0.5% and the Sensex by 0.4%.",
        [M("NIFTY50", "down", pct=-0.5), M("SENSEX", "down", pct=-0.4)],
    ),
    (
        "The Dow rose to 38,100 and the Nasdaq to 16,000.",
        [M("DJIA", "up", level=38100), M("IXIC", "up", level=16000)],
    ),
    # near misses: an adverbial inside the first clause only is that clause's; a later close is
    # not a shared session adverbial; a verb without a figure shares its figures out instead
    (
        "The Nifty rose to 24,400 in intraday trade and the Sensex to 80,390.",
        [M("NIFTY50", "up", level=24400, intra=True), M("SENSEX", "up", level=80390)],
    ),
    (
        "The Nikkei and the Topix rose, the former by 1.2% and the latter by 0.8%.",
        [M("NIKKEI225", "up", pct=1.2), M("TOPIX", "up", pct=0.8)],
    ),
    (
        "The Nifty rose 0.5% to 24,400 while the Sensex is expected to reach 82,000.",
        [M("NIFTY50", "up", pct=0.5, level=24400)],
    ),
]


@_cases(GAPPING)
def test_a_gapped_second_clause_takes_the_first_verb(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    check_sentence(sentence, expected)


SLASHED = [
    (
        "The Nifty hit the high/low at 24,309/24,177 and closed at 24,286, down 0.5%.",
        [
            M("NIFTY50", None, level=24309, intra=True),
            M("NIFTY50", None, level=24177, intra=True),
            M("NIFTY50", "down", pct=-0.5, level=24286),
        ],
    ),
    (
        "The Nifty touched its session low/high of 24,100/24,400 before settling at 24,300.",
        [
            M("NIFTY50", None, level=24100, intra=True),
            M("NIFTY50", None, level=24400, intra=True),
            M("NIFTY50", None, level=24300),
        ],
    ),
    (
        "The Shanghai Composite hit the high / low at 3,309 / 3,277 before closing at 3,286.",
        [
            M("SSEC", None, level=3309, intra=True),
            M("SSEC", None, level=3277, intra=True),
            M("SSEC", None, level=3286),
        ],
    ),
    # near misses: a 52-week statistic, a ratio
    ("The Nifty's 52-week high/low is 26,277/21,281.", []),
    ("The Nifty's advance/decline ratio was 2/1.", []),
]


@_cases(SLASHED)
def test_a_slashed_high_and_low_are_two_intraday_levels(
    sentence: str, expected: list[tuple[Any, ...]]
) -> None:
    check_sentence(sentence, expected)


PARALLEL = [
    (
        "The Sensex and the Nifty touched 79,500 and 24,100 in intraday trade.",
        [M("SENSEX", None, level=79500, intra=True), M("NIFTY50", None, level=24100, intra=True)],
    ),
    (
        "The Sensex and the Nifty closed at 79,500 and 24,100.",
        [M("SENSEX", None, level=79500), M("NIFTY50", None, level=24100)],
    ),
    (
        "The Sensex and the Nifty rose 0.5% and 0.6%.",
        [M("SENSEX", "up", pct=0.5), M("NIFTY50", "up", pct=0.6)],
    ),
    (
        "The Dow and the S&P 500 lost 120 and 15 points.",
        [M("DJIA", "down", pts=-120), M("SPX", "down", pts=-15)],
    ),
    (
        "The Kospi, the Nikkei and the Hang Seng fell 1%, 0.8% and 0.3%.",
        [M("KOSPI", "down", pct=-1), M("NIKKEI225", "down", pct=-0.8), M("HSI", "down", pct=-0.3)],
    ),
    # near misses: a range is not a list; more figures than names; a level implausible for the
    # name it would pair with (the Nifty has no level of 5)
    (
        "The Sensex and the Nifty traded between 79,500 and 80,000.",
        [
            M("SENSEX", None, level=79500, intra=True),
            M("SENSEX", None, level=80000, intra=True),
            M("NIFTY50", None, level=79500, intra=True),
            M("NIFTY50", None, level=80000, intra=True),
        ],
    ),
    (
        "The Sensex and the Nifty rose 0.5%, 0.6% and 0.7%.",
        [M("SENSEX", "up", pct=0.5), M("NIFTY50", "up", pct=0.5)],
    ),
    (
        "The Sensex and the Nifty closed at 79,500 and 5.",
        [M("SENSEX", None, level=79500), M("NIFTY50", None, level=79500)],
    ),
]


@_cases(PARALLEL)
def test_a_list_of_figures_pairs_with_the_names_in_order(
    sentence: str, expected: list[tuple[Any, ...]]
) -> None:
    check_sentence(sentence, expected)


def test_pairs_check_each_level_against_its_own_index() -> None:
    from streams.extract.moves_clauses import Reading
    from streams.extract.moves_pairs import respective

    reading = [Reading(level=79500.0, motion=True)]
    clause = "closed at 79,500 and 24,100"
    fits = {"SENSEX": (2000.0, 1e6), "NIFTY50": (1000.0, 2e5), "TINY": (1.0, 100.0)}

    def plausible(index_id: str, value: float) -> bool:
        lo, hi = fits[index_id]
        return lo <= value <= hi

    paired = respective(reading, clause, clause, 2, ["SENSEX", "NIFTY50"], plausible)
    assert paired is not None and [p[0].level for p in paired] == [79500.0, 24100.0]
    assert respective(reading, clause, clause, 2, ["SENSEX", "TINY"], plausible) is None
    assert respective(reading, clause, clause, 2) is None  # no indices given: only "respectively"
