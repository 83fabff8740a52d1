"""Round 3 wordings (r2): a fronted place before the name, verbs of climbing over a mark, a peak set
off by dashes or by "after" before a close, records stated by beating earlier highs, and the
session named by a weekday's or yesterday's trade.

Hand-written sentences (not dev or fresh sentences), each with the moves shared/contract.md and
the dev README's conventions expect, and near-misses that must not change.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.sentence_cases import M
from tests.sentence_cases import check_sentence as _check

# Climbing, clearing or scaling "the N mark/level/barrier" crosses a mark (direction up); a climb
# by N points is a change, and nearing or approaching a mark crosses nothing.
MARKS_CLIMBED = [
    ("DAX finally climbs the 16,000 mark", [M("DAX", "up", ms=16000)]),
    ("The Nikkei cleared the 40,000 level on Monday.", [M("NIKKEI225", "up", ms=40000)]),
    ("The S&P 500 scaled the 5,000 barrier.", [M("SPX", "up", ms=5000)]),
    ("Dow Clears The 30,000 Mark", [M("DJIA", "up", ms=30000)]),
    ("Nikkei clears 40,000 for first time", [M("NIKKEI225", "up", ms=40000, first=True)]),
    ("The Nikkei cleared 40,000 on Thursday.", [M("NIKKEI225", "up", ms=40000)]),
    ("The Dow Jones climbed the 30,000-point mark.", [M("DJIA", "up", ms=30000)]),
    ("The Dow climbed 1,000 points.", [M("DJIA", "up", pts=1000)]),
    ("The Nasdaq climbed 300 points to 15,000.", [M("IXIC", "up", pts=300, level=15000)]),
    ("The FTSE 100 climbed the 200 points it lost on Monday.", [M("FTSE100", "up", pts=200)]),
    ("The Nikkei nears the 40,000 mark.", []),
    ("The S&P 500 approached the 5,000 level.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), MARKS_CLIMBED)
def test_marks_climbed(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# Beating the previous highs, however many qualifiers name them, is a record; staying below them
# is not.
RECORDS_BEATEN = [
    (
        "The Dow rose 1.2% to 38,500, topping the previous all-time closing and intraday highs.",
        [M("DJIA", "up", pct=1.2, level=38500, rec=True, intra=True)],
    ),
    (
        "The Nikkei rose 2%, surpassing its previous closing, intraday records.",
        [M("NIKKEI225", "up", pct=2, rec=True, intra=True)],
    ),
    ("The Hang Seng gained 1%, eclipsing its previous closing high.", [M("HSI", "up", pct=1, rec=True)]),
    ("The Dow rose 1% but stayed below its previous closing and intraday highs.", [M("DJIA", "up", pct=1)]),
    (
        "The Nikkei rose 2%, breaking the previous intraday and closing records.",
        [M("NIKKEI225", "up", pct=2, rec=True, intra=True)],
    ),
    # passing a record level named as such
    (
        "The Nikkei closed at 39,098, crossing the record close of 38,915.87.",
        [M("NIKKEI225", "up", level=39098, rec=True)],
    ),
    (
        "The Nikkei ended at 39,098, eclipsing its all-time closing high.",
        [M("NIKKEI225", "up", level=39098, rec=True)],
    ),
    ("The Nikkei closed at 39,098, nearing the record close of 38,915.", [M("NIKKEI225", None, level=39098)]),
]


@pytest.mark.parametrize(("sentence", "expected"), RECORDS_BEATEN)
def test_records_beaten(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# "during yesterday’s trade", "during Tuesday’s session" (either apostrophe) name the session.
SESSION_NAMED = [
    (
        "The Nikkei climbed above the 40,000 mark during yesterday’s trade.",
        [M("NIKKEI225", "up", ms=40000, intra=True)],
    ),
    ("The Kospi rose 2% during Tuesday’s session.", [M("KOSPI", "up", pct=2, intra=True)]),
    ("The Kospi rose 2% during Tuesday's trading.", [M("KOSPI", "up", pct=2, intra=True)]),
    ("The Kospi rose 2% on Tuesday.", [M("KOSPI", "up", pct=2)]),
]


@pytest.mark.parametrize(("sentence", "expected"), SESSION_NAMED)
def test_session_named(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A capitalised place the sentence opens with ("In London", "In Hong Kong", "Elsewhere in
# Europe"), with or without a comma, is the setting: the name after it is the subject. A noun
# governing the name ("Stocks in the Nikkei", "a boost for the FTSE 100") still makes it an object.
PLACES_FRONTED = [
    ("In London the FTSE 100 pushed ahead, closing up 1.5 percent.", [M("FTSE100", "up", pct=1.5)]),
    ("In Tokyo, the Nikkei fell 1%.", [M("NIKKEI225", "down", pct=-1)]),
    ("In Frankfurt the DAX rose 0.4 percent to 15,800.", [M("DAX", "up", pct=0.4, level=15800)]),
    ("In Hong Kong the Hang Seng Index dropped 2.1 percent.", [M("HSI", "down", pct=-2.1)]),
    ("In the U.S. the S&P 500 rose 1%.", [M("SPX", "up", pct=1)]),
    ("Elsewhere in Europe the CAC 40 rose 0.3%.", [M("CAC40", "up", pct=0.3)]),
    ("Stocks in the Nikkei rose 2%.", []),
    ("Shares in the FTSE 100 fell 1%.", []),
    ("In shares the FTSE 100 fell 1%.", []),
    ("In a boost for the FTSE 100, miners rose 2%.", []),
    ("Traders in Tokyo sold shares in the Nikkei as it fell 2%.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), PLACES_FRONTED)
def test_places_fronted(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A peak of the session, then the close as a level of its own: a peak set off by an aside between
# dashes ("– its highest since April –") before "before closing"; a record peak stated with a
# level after the close ("after recording a new all-time high of N": the close is no record); "a
# high above N" (the peak's level, about N: no mark crossed).
PEAKS_BEFORE_CLOSE = [
    (
        "The VIX hit 19.5 on Thursday – its highest since April – before closing at 18.6.",
        [M("VIX", None, level=19.5, intra=True), M("VIX", None, level=18.6)],
    ),
    (
        "The VIX hit 19.5 on Thursday - its highest level in two months - before closing at 18.6.",
        [M("VIX", None, level=19.5, intra=True), M("VIX", None, level=18.6)],
    ),
    (
        "The Nikkei jumped 2% – its biggest gain since March – to close at 39,000.",
        [M("NIKKEI225", "up", pct=2, level=39000)],
    ),
    (
        "The Nasdaq closed at 13,400.2, up 0.5%, after recording a new all-time high of 13,489.51.",
        [M("IXIC", "up", level=13489.51, rec=True, intra=True), M("IXIC", "up", pct=0.5, level=13400.2)],
    ),
    (
        "The Nasdaq closed at 13,400.2, up 0.5%, after hitting a record high of 13,489.51 on Friday.",
        [M("IXIC", "up", pct=0.5, level=13400.2)],
    ),
    (
        "The Nasdaq closed up 0.5%, after recording its best week since May.",
        [M("IXIC", "up", pct=0.5)],
    ),
    (
        "The ASX 200 failed to hold onto a late intraday high above 7,900.",
        [M("ASX200", None, level=7900, approx=True, intra=True)],
    ),
    (
        "The ASX 200 rose to a high above 7,900 before closing at 7,880.",
        [M("ASX200", "up", level=7900, approx=True, intra=True), M("ASX200", "up", level=7880)],
    ),
    ("The ASX 200 closed above 7,900.", [M("ASX200", None, ms=7900)]),
    # holding a peak negated: the peak happened ("could not", like "failed to"); an early or late
    # high is the session's
    (
        "The ASX 200 could not hold on to a late intraday high above 7,900.",
        [M("ASX200", None, level=7900, approx=True, intra=True)],
    ),
    (
        "The ASX 200 could not hold onto its intraday high of 7,912.",
        [M("ASX200", None, level=7912, intra=True)],
    ),
    (
        "The ASX 200 failed to hold onto an early high above 7,900.",
        [M("ASX200", None, level=7900, approx=True, intra=True)],
    ),
    ("The ASX 200 could not hold its gains and closed 0.4% lower.", [M("ASX200", "down", pct=-0.4)]),
    ("The ASX 200 could not hold above 7,900.", []),
    ("The ASX 200 could hit a high of 8,000 next year.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), PEAKS_BEFORE_CLOSE)
def test_peaks_before_close(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)
