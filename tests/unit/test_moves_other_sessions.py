"""Several sessions or periods in one sentence (tests/data/fresh/README.md conventions).

Hand-written sentences, several phrasings per rule with near-misses: a peak or trough followed
by "before drifting/sliding/climbing back ... closing" is the intraday reading and the close; a
"having"/"after" piece about another session ("yesterday", "the day before", "the previous
session") with a change of its own is its own move; a head with a change over a period of its
own ("gained 26% in 2013, and hit a record on Monday") is split from the session's statement, and
so is ", capping a year when/in which it rose 29%"; a
peak without a figure ("after hitting its highest level since 2022 earlier in the day", ",
touching a two-year high") is a move of the session beside the close, direction null; a close
verb after a comma that follows a figure starts the close ("after shuttling between 10,600 and
10,491 points, ended ..."; "rose as much as 2%, closed up 1%"); a plain high or low of the day
beside another phase is the peak or trough ("hit a low of 2,480.5 and closed 0.5% lower",
"opened higher at ... and continued its climb to hit a high of ..."); a mark crossed on the way
to an intraday record is one move with both (dev 128), not when the crossing is the close.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.sentence_cases import M
from tests.sentence_cases import check_sentence as _check


def _cases(cases: list[tuple[str, list[tuple[Any, ...]]]]) -> Any:
    return pytest.mark.parametrize(("sentence", "expected"), cases, ids=[c[0][:60] for c in cases])


# --- a peak or trough, then a turn before the close
BEFORE_CLOSE = [
    (
        "The DAX hit a record high of 9,594.35 points in early trade, before drifting lower and closing 0.4 percent down.",
        [M("DAX", "up", level=9594.35, rec=True, intra=True), M("DAX", "down", pct=-0.4)],
    ),
    (
        "The Hang Seng rose to 26,100 in early trade, before slipping to close 0.3% lower at 25,800.",
        [M("HSI", "up", level=26100, intra=True), M("HSI", "down", pct=-0.3, level=25800)],
    ),
    (
        "The Kospi touched 2,600 before sliding to end 1% lower at 2,540.1.",
        [M("KOSPI", None, level=2600, intra=True), M("KOSPI", "down", pct=-1, level=2540.1)],
    ),
    (
        "The Nikkei fell to 38,100 before climbing back to close up 0.2% at 38,900.",
        [M("NIKKEI225", "down", level=38100, intra=True), M("NIKKEI225", "up", pct=0.2, level=38900)],
    ),
    # near miss: "before" + a noun is no turn of the index
    ("The FTSE 100 rose 1% before losses elsewhere.", [M("FTSE100", "up", pct=1)]),
]
# --- another session's move with a figure of its own
OTHER_SESSION = [
    (
        "The FTSE 100 was up 0.5% in early trading - having fallen more than 3% yesterday.",
        [M("FTSE100", "up", pct=0.5), M("FTSE100", "down", pct=-3, approx=True)],
    ),
    (
        "The FTSE 100 rose 0.4 per cent, having fallen 0.2 per cent in the previous session.",
        [M("FTSE100", "up", pct=0.4), M("FTSE100", "down", pct=-0.2)],
    ),
    (
        "The Sensex gained 1.1%, after losing 2% the day before.",
        [M("SENSEX", "up", pct=1.1), M("SENSEX", "down", pct=-2)],
    ),
    (
        "The Kospi jumped 3% to 2,650.3, having slumped 4% in the prior session.",
        [M("KOSPI", "up", pct=3, level=2650.3), M("KOSPI", "down", pct=-4)],
    ),
    # near misses: the same session, or another session's piece without a figure
    (
        "The Nikkei rose 1%, having gained 2% earlier in the session.",
        [M("NIKKEI225", "up", pct=2, intra=True), M("NIKKEI225", "up", pct=1)],
    ),
    ("The Dax fell 1%, having hit a record yesterday.", [M("DAX", "down", pct=-1)]),
]
# --- a change over a period of its own, then the session's statement
HEAD_PERIOD = [
    (
        "The Nikkei has gained 12% this year and closed at a record 42,100.5 on Friday.",
        [M("NIKKEI225", "up", pct=12), M("NIKKEI225", "up", level=42100.5, rec=True)],
    ),
    (
        "The DAX has beaten its peers in 2013 with a gain of 26 percent, and hit a record high of 9,594.35 on Monday.",
        [M("DAX", "up", pct=26), M("DAX", "up", level=9594.35, rec=True)],
    ),
    (
        "The S&P 500 gained 9.49 points at 3,230.78, capping a year when it rose about 29 per cent.",
        [M("SPX", "up", pts=9.49, level=3230.78), M("SPX", "up", pct=29, approx=True)],
    ),
    (
        "The FTSE 100 fell 0.2% to 7,500.1, capping a week in which it lost 3%.",
        [M("FTSE100", "down", pct=-0.2, level=7500.1), M("FTSE100", "down", pct=-3)],
    ),
    # near misses: "capping" a superlative, "when" after a day, a period that qualifies a superlative, one period only
    ("The Nikkei rose 1%, capping its best year since 2013.", [M("NIKKEI225", "up", pct=1)]),
    ("The Nikkei rose 1% on Monday, when it hit a record.", [M("NIKKEI225", "up", pct=1)]),
    (
        "The FTSE 100 increased by 21.5%, its largest rise since 2009, and closed at record highs.",
        [M("FTSE100", "up", pct=21.5, rec=True)],
    ),
    (
        "The Nikkei rose 1.2% to 40,100 and hit a record.",
        [M("NIKKEI225", "up", pct=1.2, level=40100, rec=True)],
    ),
]


PEAK_WITHOUT_FIGURE = [
    (
        "The Kospi was up 0.7% at 2,757.09, after hitting its highest level since February 2022 earlier in the day.",
        [M("KOSPI", None, intra=True), M("KOSPI", "up", pct=0.7, level=2757.09)],
    ),
    (
        "The Kosdaq closed 0.3% higher at 916.09, touching its highest level since September.",
        [M("KOSDAQ", None, intra=True), M("KOSDAQ", "up", pct=0.3, level=916.09)],
    ),
    (
        "The Hang Seng ended down 1% at 25,100.5, after touching a three-month low in the afternoon.",
        [M("HSI", None, intra=True), M("HSI", "down", pct=-1, level=25100.5)],
    ),
    (
        "The Nikkei closed at 40,100.2, touching a record high of 40,300.5 in the afternoon.",
        [M("NIKKEI225", "up", level=40300.5, rec=True, intra=True), M("NIKKEI225", "up", level=40100.2)],
    ),
    # near misses: the way to the close is no peak; an earlier day's high is dropped
    ("The Nikkei swung between gains and losses before closing flat.", [M("NIKKEI225", "flat")]),
    (
        "The Kospi rose 1% to 2,600.1, a day after hitting its highest level since 2022.",
        [M("KOSPI", "up", pct=1, level=2600.1)],
    ),
]


@_cases(PEAK_WITHOUT_FIGURE)
def test_a_peak_without_a_figure(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


COMMA_CLOSE_AND_PLAIN_PEAKS = [
    (
        "The Nifty, after shuttling between 10,600.25 and 10,491.45 points, ended the session 0.06% higher.",
        [
            M("NIFTY50", None, level=10600.25, intra=True),
            M("NIFTY50", None, level=10491.45, intra=True),
            M("NIFTY50", "up", pct=0.06),
        ],
    ),
    (
        "The Kospi, after swinging between 2,500.5 and 2,550.2, closed 0.3% higher.",
        [
            M("KOSPI", None, level=2500.5, intra=True),
            M("KOSPI", None, level=2550.2, intra=True),
            M("KOSPI", "up", pct=0.3),
        ],
    ),
    (
        "The Nikkei rose as much as 2%, then closed up 1% at 40,100.2.",
        [M("NIKKEI225", "up", pct=2, intra=True), M("NIKKEI225", "up", pct=1, level=40100.2)],
    ),
    (
        "The Kospi hit a low of 2,480.5 and closed 0.5% lower at 2,500.1.",
        [M("KOSPI", None, level=2480.5, intra=True), M("KOSPI", "down", pct=-0.5, level=2500.1)],
    ),
    (
        "The Sensex opened higher at 35,076.24 and continued its climb to hit a high of 35,196.03.",
        [M("SENSEX", "up", level=35196.03, intra=True), M("SENSEX", "up", level=35076.24)],
    ),
    # near miss: a comma after a figure without a close verb after it
    (
        "The Nikkei closed 1% higher at 40,100.2, its best finish this month.",
        [M("NIKKEI225", "up", pct=1, level=40100.2)],
    ),
]


@_cases(COMMA_CLOSE_AND_PLAIN_PEAKS)
def test_close_after_a_comma_and_plain_peaks(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


CROSSING_TO_RECORD = [
    (
        "The Nikkei topped the 40,000 line soon after the opening and hit a fresh intraday record of 40,314.64.",
        [M("NIKKEI225", "up", level=40314.64, ms=40000, rec=True, intra=True)],
    ),
    (
        "The Nikkei topped 40,000 for the first time and hit a record intraday high of 40,314.6.",
        [M("NIKKEI225", "up", level=40314.6, ms=40000, rec=True, first=True, intra=True)],
    ),
    # near misses: a close above the mark is its own move; a peak without a record is no merge
    (
        "The Dow closed above 30,000 for the first time and hit an intraday record of 30,100.5.",
        [M("DJIA", "up", level=30100.5, rec=True, intra=True), M("DJIA", "up", ms=30000, first=True)],
    ),
]


@_cases(CROSSING_TO_RECORD)
def test_a_crossing_on_the_way_to_a_record(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


TURN_AT_THE_CLOSE = [
    (
        "The Kospi rose as much as 1% before closing lower.",
        [M("KOSPI", "up", pct=1, intra=True), M("KOSPI", "down")],
    ),
    (
        "The Nikkei fell as much as 2% in the morning but closed higher.",
        [M("NIKKEI225", "down", pct=-2, intra=True), M("NIKKEI225", "up")],
    ),
    ("The Hang Seng gave up 1.1% on Tuesday.", [M("HSI", "down", pct=-1.1)]),
    # near misses: the close in the peak's direction adds nothing; a turn that is no close
    ("The Kospi rose as much as 1% before closing higher.", [M("KOSPI", "up", pct=1, intra=True)]),
    (
        "The TSX surpassed 30,000 at some points in early trading, before dipping back down.",
        [M("TSX", "up", ms=30000, intra=True)],
    ),
]


RELATIVE_EARLIER = [
    (
        "The Hang Seng, which had risen 2% on Monday, gave up 1.1% on Tuesday.",
        [M("HSI", "up", pct=2), M("HSI", "down", pct=-1.1)],
    ),
    (
        "The Nikkei, which fell 1.5% last week, rebounded 0.8% to 38,500.2.",
        [M("NIKKEI225", "down", pct=-1.5), M("NIKKEI225", "up", pct=0.8, level=38500.2)],
    ),
    # near misses: a relative clause without a figure, or without a verb of motion
    ("The Kospi, which had fallen for five sessions, rose 1%.", [M("KOSPI", "up", pct=1)]),
    ("The Nikkei, which tracks 225 stocks, rose 1%.", [M("NIKKEI225", "up", pct=1)]),
]


EARLIER_NOUN = [
    (
        "The Kospi rebounded from a 1.2 percent plunge the previous session to close at 2,600.1.",
        [M("KOSPI", "up", level=2600.1), M("KOSPI", "down", pct=-1.2)],
    ),
    (
        "The Nikkei recovered from a 2% drop on Monday, rising 0.5%.",
        [M("NIKKEI225", "up", pct=0.5), M("NIKKEI225", "down", pct=-2)],
    ),
    (
        "The FTSE 100 extended Monday's 1.1% decline, falling 0.3%.",
        [M("FTSE100", "down", pct=-0.3), M("FTSE100", "down", pct=-1.1)],
    ),
    (
        "The Sensex rose 0.4% after a 300-point slump yesterday.",
        [M("SENSEX", "up", pct=0.4), M("SENSEX", "down", pts=-300)],
    ),
    # near misses: the same session's trough is neither the close's figure nor a move of its own
    ("The Dow rebounded from a 500-point drop to close 0.2% higher.", [M("DJIA", "up", pct=0.2)]),
    ("The Nikkei closed up 0.5% after a 2% drop in early trade.", [M("NIKKEI225", "up", pct=0.5)]),
]


@_cases(EARLIER_NOUN)
def test_a_noun_of_another_sessions_move(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


@_cases(RELATIVE_EARLIER)
def test_a_relative_clause_with_an_earlier_move(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


@_cases(TURN_AT_THE_CLOSE)
def test_a_close_that_turns_from_the_peak(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


@_cases(BEFORE_CLOSE)
def test_a_peak_before_the_close(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


@_cases(OTHER_SESSION)
def test_another_sessions_move(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


@_cases(HEAD_PERIOD)
def test_a_change_over_a_period_of_its_own(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)
