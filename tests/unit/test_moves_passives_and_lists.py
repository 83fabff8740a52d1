"""Passives with a figure and lists that elide their verb (hand-written sentences).

A figure between a passive verb and its particle or "by" is the index's change ("was dragged 0.8%
lower by miners", "was hit 2% by chip stocks"); a figure inside the passive's agent belongs to the
agent ("was hit by a 2% drop in SoftBank"); a list after a comma elides the first verb ("The Kospi
fell 1.2%, the Nikkei 0.8% and the Hang Seng 0.3%"); "the former" and "the latter" after two
named indices are the first and the second, and a bare figure after them completes that index's
move ("rose, the former by 1.2% and the latter by 0.8%"); a second mark after "and" takes the
first mark's verb ("breached the 78,000 level on June 25 and 79,000 for the first time on June
27", "The Sensex crossed 80,000 and the Nifty 24,000"); after a causative's object with a
clause of its own, a name with a finite verb of motion is a subject ("helped lift the Nikkei by
0.5% and the Kospi fell 0.3%").
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.sentence_cases import M
from tests.sentence_cases import check_sentence as _check


def _cases(cases: list[tuple[str, list[tuple[Any, ...]]]]) -> Any:
    return pytest.mark.parametrize(("sentence", "expected"), cases, ids=[c[0][:60] for c in cases])


PASSIVES = [
    ("The FTSE 100 was dragged 0.8% lower by miners.", [M("FTSE100", "down", pct=-0.8)]),
    ("The Nikkei was pushed 1.5 per cent higher by exporters.", [M("NIKKEI225", "up", pct=1.5)]),
    ("The Dow was sent 300 points lower by bank shares.", [M("DJIA", "down", pts=-300)]),
    ("The Kospi was hit 2% by chip stocks.", [M("KOSPI", "down", pct=-2)]),
    ("The Nikkei was lifted by 1.1%.", [M("NIKKEI225", "up", pct=1.1)]),
    # the agent's figure is not the index's
    ("The Nikkei was hit by a 2% drop in SoftBank.", [M("NIKKEI225", "down")]),
    (
        "The Nikkei was weighed down by a 2% drop in SoftBank, closing 0.5% lower.",
        [M("NIKKEI225", "down", pct=-0.5)],
    ),
    ("The FTSE 100 was pressured by the 5% slide at Rio Tinto.", [M("FTSE100", "down")]),
]
LISTS = [
    (
        "The Kospi fell 1.2%, the Nikkei 0.8% and the Hang Seng 0.3%.",
        [M("KOSPI", "down", pct=-1.2), M("NIKKEI225", "down", pct=-0.8), M("HSI", "down", pct=-0.3)],
    ),
    (
        "The Hang Seng gained 1.1%, Japan's Nikkei 0.8%, and the Kospi 0.5%.",
        [M("HSI", "up", pct=1.1), M("NIKKEI225", "up", pct=0.8), M("KOSPI", "up", pct=0.5)],
    ),
    (
        "The Kospi fell 1.2% to 2,600.1, the Kosdaq 0.8% to 850.2.",
        [M("KOSPI", "down", pct=-1.2, level=2600.1), M("KOSDAQ", "down", pct=-0.8, level=850.2)],
    ),
    # near miss: a verb of its own keeps its own direction
    (
        "The Kospi fell 1.2%, the Nikkei rose 0.8%.",
        [M("KOSPI", "down", pct=-1.2), M("NIKKEI225", "up", pct=0.8)],
    ),
]


FORMER_LATTER = [
    (
        "The Shanghai Composite and the Shenzhen Component diverged, with the former closing down 0.5% at 3,286.1 and the latter gaining 0.2% to 11,556.3.",
        [M("SSEC", "down", pct=-0.5, level=3286.1), M("SZCOMP", "up", pct=0.2, level=11556.3)],
    ),
    (
        "The Nikkei and the Topix rose, the former by 1.2% and the latter by 0.8%.",
        [M("NIKKEI225", "up", pct=1.2), M("TOPIX", "up", pct=0.8)],
    ),
    (
        "The Sensex and the Nifty ended mixed: the latter slipped 0.1% to 24,400.2.",
        [M("NIFTY50", "down", pct=-0.1, level=24400.2)],
    ),
    # near misses: three names make "the latter" ambiguous; "the former" in another sense
    ("The Nikkei, the Kospi and the Hang Seng were mixed, the latter falling 2%.", []),
    ("The Nikkei rose 1%, said the former central banker.", [M("NIKKEI225", "up", pct=1)]),
]


@_cases(FORMER_LATTER)
def test_the_former_and_the_latter(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


ELIDED_MARKS = [
    (
        "The BSE Sensex breached the 78,000 level on June 25 and 79,000 for the first time on June 27.",
        [M("SENSEX", "up", ms=78000), M("SENSEX", "up", ms=79000, first=True)],
    ),
    (
        "The Dow crossed 30,000 in November 2020 and 35,000 in August 2021.",
        [M("DJIA", "up", ms=30000), M("DJIA", "up", ms=35000)],
    ),
    (
        "The Sensex crossed 80,000 and the Nifty 24,000.",
        [M("SENSEX", "up", ms=80000), M("NIFTY50", "up", ms=24000)],
    ),
    # near misses: a close after the crossing, a change after "and", a figure without a crossing
    (
        "The Nikkei topped 40,000 and closed at 40,100.5.",
        [M("NIKKEI225", "up", level=40100.5, ms=40000)],
    ),
    ("The Dow topped 30,000 and 1% on the day.", [M("DJIA", "up", pct=1, ms=30000)]),
    ("The Sensex rose 1% and the Nifty 24,000.", [M("SENSEX", "up", pct=1)]),
]


@_cases(ELIDED_MARKS)
def test_a_second_mark_takes_the_crossing(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


AFTER_A_CAUSATIVE = [
    (
        "Strong earnings helped lift the Nikkei by 0.5% and the Kospi fell 0.3%.",
        [M("KOSPI", "down", pct=-0.3)],
    ),
    ("Tech gains lifted the Nasdaq 1% and the S&P 500 added 0.5%.", [M("SPX", "up", pct=0.5)]),
    ("Banks dragged the FTSE 100 down 0.4% and the DAX slipped 0.2%.", [M("DAX", "down", pct=-0.2)]),
    # near misses: one group of objects; objects joined to an object
    ("Stocks in the Nikkei and Topix rose.", []),
    ("Investors sold shares in the Nikkei and the Kospi ended lower.", []),
    ("Exporters dragged the Nikkei and the Topix lower.", []),
]


@_cases(AFTER_A_CAUSATIVE)
def test_a_subject_after_a_causatives_object(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


@_cases(PASSIVES)
def test_passives_with_a_figure(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


@_cases(LISTS)
def test_lists_that_elide_the_verb(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)
