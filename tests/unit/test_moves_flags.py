"""Flags of a move: intraday, direction of a lone peak, records and their qualifiers, first times.

Hand-written sentences (not dev sentences), each with the moves shared/contract.md and the dev
README's conventions expect, and near-misses that must not change.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.sentence_cases import M
from tests.sentence_cases import check_sentence as _check

# A lone peak or trough of the session, without a verb of direction, states no direction; a
# record, a milestone, a first time or a verb of motion does.
LONE_PEAKS = [
    ("The Kospi touched its highest since 2007.", [M("KOSPI", None, intra=True)]),
    ("The Hang Seng at one point reached 21,480.3 on Monday.", [M("HSI", None, level=21480.3, intra=True)]),
    (
        "The Nifty 50 hit 25,010.5 shortly after the market opened.",
        [M("NIFTY50", None, level=25010.5, intra=True)],
    ),
    (
        "The ASX 200 closed at 8,310.2, up 0.4%, after reaching an intraday low of 8,250.7.",
        [M("ASX200", None, level=8250.7, intra=True), M("ASX200", "up", pct=0.4, level=8310.2)],
    ),
    # Near-misses: a verb of motion, a record or a milestone gives the direction.
    ("The Kospi fell as low as 2,402.3 at one point.", [M("KOSPI", "down", level=2402.3, intra=True)]),
    ("The DAX briefly topped 24,000 on Tuesday.", [M("DAX", "up", ms=24000, intra=True)]),
    (
        "The CAC 40 touched a record 8,150.2 during the session.",
        [M("CAC40", "up", level=8150.2, rec=True, intra=True)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), LONE_PEAKS, ids=[c[0][:50] for c in LONE_PEAKS])
def test_a_lone_peak_states_no_direction(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# Records: "intraday high" alone is the session's high; beating the previous high, "highest
# ever" are records; a record of a period ("year-end") is not an all-time record.
RECORDS = [
    (
        "The Nikkei spiked to an intraday high of 42,100.5 on Monday.",
        [M("NIKKEI225", "up", level=42100.5, intra=True)],
    ),
    (
        "The Nasdaq reached an intraday high of 21,350.2, topping its previous intraday high of 21,200.1.",
        [M("IXIC", "up", level=21350.2, rec=True, intra=True)],
    ),
    ("The FTSE 100 closed at its highest ever level on Friday.", [M("FTSE100", "up", rec=True)]),
    (
        "The Topix rose 0.4% to 2,950.1, a record year-end high.",
        [M("TOPIX", "up", pct=0.4, level=2950.1)],
    ),
    (
        "The Sensex ended at 78,139.01, its highest quarter-end close on record.",
        [M("SENSEX", None, level=78139.01)],
    ),
    ("The Sensex ended at a record 85,100.3.", [M("SENSEX", "up", level=85100.3, rec=True)]),
]


@pytest.mark.parametrize(("sentence", "expected"), RECORDS, ids=[c[0][:50] for c in RECORDS])
def test_records_and_qualified_records(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# "Closed above M" states where the index stands: a direction only from the rest of the
# sentence or from a first time (which says it crossed).
STANDING = [
    ("The Nikkei closed above 40,000 on Tuesday.", [M("NIKKEI225", None, ms=40000)]),
    (
        "The Nikkei closed above 40,000 for the first time on Tuesday.",
        [M("NIKKEI225", "up", ms=40000, first=True)],
    ),
    ("Nifty Bank closes above 52,000 for the first time in a month", [M("NIFTYBANK", "up", ms=52000)]),
    ("The DAX rose 1% to close above 20,000.", [M("DAX", "up", pct=1, ms=20000)]),
    ("The Kospi topped 3,000 on Friday.", [M("KOSPI", "up", ms=3000)]),
    ("The S&P 500 reached 6,000 for the first time.", [M("SPX", "up", level=6000, first=True)]),
]


@pytest.mark.parametrize(("sentence", "expected"), STANDING, ids=[c[0][:50] for c in STANDING])
def test_closed_above_a_mark(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# Peaks and troughs inside the session, and what is only a mid-session reading.
INTRADAY = [
    (
        "At its low of the session, the Nasdaq had lost more than 3%.",
        [M("IXIC", "down", pct=-3, approx=True, intra=True)],
    ),
    (
        "The Nikkei reached 45,000 for the first time on Monday, but then pulled back.",
        [M("NIKKEI225", "up", level=45000, first=True, intra=True)],
    ),
    ("The Kospi broke the 3,000 mark on Tuesday morning.", [M("KOSPI", "up", ms=3000, intra=True)]),
    ("The Hang Seng topped 20,000 upon opening.", [M("HSI", "up", ms=20000, intra=True)]),
    ("The DAX hit a new session record.", [M("DAX", "up", rec=True, intra=True)]),
    (
        "The Sensex touched a high of 80,110 and a low of 79,020 before ending at 79,800, up 0.2%.",
        [
            M("SENSEX", None, level=80110, intra=True),
            M("SENSEX", None, level=79020, intra=True),
            M("SENSEX", "up", pct=0.2, level=79800),
        ],
    ),
    (
        "The CAC 40 closed at 8,010.5, a closing record after also hitting a record during the session at 8,040.2.",
        [M("CAC40", "up", level=8040.2, rec=True, intra=True), M("CAC40", "up", level=8010.5, rec=True)],
    ),
    (
        "The Bovespa rose 0.5% to 140,100 points, according to preliminary data, having reached "
        "140,500 points at its highest, a new intraday high, and 139,020 points at its lowest point of the session.",
        [
            M("IBOV", "up", level=140500, rec=True, intra=True),
            M("IBOV", None, level=139020, intra=True),
            M("IBOV", "up", pct=0.5, level=140100),
        ],
    ),
    # Mid-session readings and openings are not intraday.
    ("The Nikkei rose 1.2% in morning trade on Tuesday.", [M("NIKKEI225", "up", pct=1.2)]),
    ("The Kospi was up 0.8% in early trading.", [M("KOSPI", "up", pct=0.8)]),
    ("The STI opened at 3,991.7 points.", [M("STI", None, level=3991.7)]),
    ("The FTSE 100 rose 1% to its highest in six years.", [M("FTSE100", "up", pct=1)]),
    (
        "In Tokyo, the Nikkei fell 0.5%, but the Topix rose 0.2%.",
        [M("NIKKEI225", "down", pct=-0.5), M("TOPIX", "up", pct=0.2)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), INTRADAY, ids=[c[0][:50] for c in INTRADAY])
def test_intraday_peaks_and_mid_session_readings(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# First times: unqualified only; stated before the name too ("the first time the STI had ...").
FIRST_TIMES = [
    (
        "It was the first time the Kospi had closed above the 3,000 mark.",
        [M("KOSPI", "up", ms=3000, first=True)],
    ),
    (
        "It was the first time the Nikkei had topped 40,000 since 1989.",
        [M("NIKKEI225", "up", ms=40000)],
    ),
    ("It was not the first time the Dow had topped 40,000.", [M("DJIA", "up", ms=40000)]),
    (
        "The Bovespa closed above 140,000 points for the first time after three failed attempts.",
        [M("IBOV", "up", ms=140000, first=True)],
    ),
    (
        "The IBEX 35 broke the 15,000-point barrier for only the second time in its history.",
        [M("IBEX35", "up", ms=15000)],
    ),
    ("The Dow topped 45,000 for the first time in four years.", [M("DJIA", "up", ms=45000)]),
]


@pytest.mark.parametrize(("sentence", "expected"), FIRST_TIMES, ids=[c[0][:50] for c in FIRST_TIMES])
def test_first_times(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


def test_up_to_a_date_is_no_intraday_bound() -> None:
    _check("The FTSE 100 rose 20% in the five years up to 2024.", [M("FTSE100", "up", pct=20)])
    _check("The Nikkei dropped up to 5% in the afternoon.", [M("NIKKEI225", "down", pct=-5, intra=True)])


# ", extending its losses ... to N%" with a change of its own is its own move, in the phase of
# the piece before it; the base a change is measured from ("from the peak of N") is no level.
EXTENSIONS = [
    (
        "The Nikkei fell 1.2%, extending its losses for the week to 3.5%.",
        [M("NIKKEI225", "down", pct=-1.2), M("NIKKEI225", "down", pct=-3.5)],
    ),
    (
        "The Hang Seng was down as much as 4.1% at 16,020.5 points, extending its losses from the peak of 22,700.1 to 29.4%.",
        [
            M("HSI", "down", pct=-4.1, level=16020.5, intra=True),
            M("HSI", "down", pct=-29.4, intra=True),
        ],
    ),
    # No figure of its own: part of the move.
    ("The Kospi fell 0.8%, extending its losing streak.", [M("KOSPI", "down", pct=-0.8)]),
    (
        "The VIX jumped to an intraday high of 38.2, from a close of 21.9 on Friday.",
        [M("VIX", "up", level=38.2, intra=True)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), EXTENSIONS, ids=[c[0][:50] for c in EXTENSIONS])
def test_an_extension_with_its_own_figure(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# Phrases of direction: "closed on a positive note", "a 5-session losing streak".
PHRASES = [
    ("The Nifty Bank index closed on a positive note on Tuesday.", [M("NIFTYBANK", "up")]),
    ("The FTSE 100 ended the week on a negative note.", [M("FTSE100", "down")]),
    ("The Kospi has been on a 9-session winning streak.", [M("KOSPI", "up")]),
    ("The Hang Seng snapped a three-day losing streak, rising 1.2%.", [M("HSI", "up", pct=1.2)]),
]


@pytest.mark.parametrize(("sentence", "expected"), PHRASES, ids=[c[0][:50] for c in PHRASES])
def test_phrases_of_direction(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


def test_a_streak_extended() -> None:
    _check("The Nikkei extended its losing streak to five sessions.", [M("NIKKEI225", "down")])
    _check("The Sensex extended its winning streak.", [M("SENSEX", "up")])


# Where the clause's words of direction disagree, the close states the day's direction.
CLOSES = [
    ("The Bovespa abandoned its early decline and closed higher on Wednesday.", [M("IBOV", "up")]),
    ("The Nikkei erased early gains to end lower.", [M("NIKKEI225", "down")]),
    ("The Sensex fell 0.5% after gains in the morning.", [M("SENSEX", "down", pct=-0.5)]),
    # A mid-session reading before the close: the close gives the day's direction, not the first word.
    ("The CAC 40 dipped in early trading and closed higher.", [M("CAC40", "up")]),
    ("The FTSE 100 rose early on and ended lower.", [M("FTSE100", "down")]),
    # One direction only: nothing to settle.
    ("The DAX slipped and closed lower.", [M("DAX", "down")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CLOSES, ids=[c[0][:50] for c in CLOSES])
def test_the_close_states_the_days_direction(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A new high of a period ("for the year", "since 2021") is a rise, not a record; counted
# records ("17th record close of 2025") are records.
PERIOD_HIGHS = [
    ("The Nikkei hit a new high for the year on Monday.", [M("NIKKEI225", "up")]),
    ("The Kospi set a new high since 2021.", [M("KOSPI", "up")]),
    ("The Dow posted its 17th record close of 2025.", [M("DJIA", "up", rec=True)]),
    ("Nifty Hits First Record High of 2026", [M("NIFTY50", "up", rec=True)]),
    ("The Sensex closed at its highest close on record.", [M("SENSEX", "up", rec=True)]),
]


@pytest.mark.parametrize(("sentence", "expected"), PERIOD_HIGHS, ids=[c[0][:50] for c in PERIOD_HIGHS])
def test_highs_of_a_period_and_counted_records(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A negated crossing is no milestone and no first time (and, with nothing else, no move).
NEGATED = [
    ("The S&P 500 failed to finish above the 7,000 threshold for the first time ever.", []),
    ("The Dow did not close above 50,000 on Friday.", []),
    (
        "The Nikkei fell 0.4%, failing to close above 40,000 for the first time.",
        [M("NIKKEI225", "down", pct=-0.4)],
    ),
    # Not negations of the crossing.
    (
        "The Nikkei closed above 40,000 for the first time, not far from its record.",
        [M("NIKKEI225", "up", ms=40000, first=True)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), NEGATED, ids=[c[0][:50] for c in NEGATED])
def test_negated_crossings(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


def test_a_mark_passed_in_the_morning_then_the_close_is_one_move() -> None:
    _check(
        "The Kospi passed the 3,000 mark on Tuesday morning and ended the day up 1.2%.",
        [M("KOSPI", "up", pct=1.2, ms=3000)],
    )


# "Record" before a noun of a move's size is a record-sized move, not a record level.
RECORD_SIZED = [
    ("The Nasdaq posted a record gain of 12% on Tuesday.", [M("IXIC", "up", pct=12)]),
    ("The Dow's record run came to an end on Friday.", []),
    ("The Nikkei's record rally stalled as the yen firmed.", []),
    ("The Sensex logged a record weekly jump of 6%.", [M("SENSEX", "up", pct=6)]),
    # near-misses: record levels
    ("The Dow closed at a record on Friday, extending its winning streak.", [M("DJIA", "up", rec=True)]),
    ("The S&P 500 notched its 20th record close of the year.", [M("SPX", "up", rec=True)]),
    ("The Nikkei hit records for a third day.", [M("NIKKEI225", "up", rec=True)]),
]


@pytest.mark.parametrize(("sentence", "expected"), RECORD_SIZED, ids=[c[0][:50] for c in RECORD_SIZED])
def test_a_record_sized_move_is_no_record(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A peak or trough of the session, then "but closed ...": the same subject's close, its own move
# (with a figure of its own), keeping only the direction it states.
BUT_CLOSED = [
    (
        "The DAX dipped below 18,000 during the session but closed above it at 18,050.3.",
        [M("DAX", "down", ms=18000, intra=True), M("DAX", None, level=18050.3)],
    ),
    (
        "The Nikkei rose as much as 1.2% but ended 0.3% lower at 38,100.2.",
        [M("NIKKEI225", "up", pct=1.2, intra=True), M("NIKKEI225", "down", pct=-0.3, level=38100.2)],
    ),
    (
        "The Dow fell as much as 500 points but then closed up 0.2%.",
        [M("DJIA", "down", pts=-500, intra=True), M("DJIA", "up", pct=0.2)],
    ),
    # near-misses: another subject after "but"; a close without a figure after a peak
    (
        "The Nikkei rose 1%, but the Topix closed lower.",
        [M("NIKKEI225", "up", pct=1), M("TOPIX", "down")],
    ),
    # (a close that turns from the peak is a move of its own: tests/data/fresh/README.md, 265's
    # "rose at the opening, but soon lost strength ... before closing lower")
    (
        "The Hang Seng rose as much as 2% but closed lower.",
        [M("HSI", "up", pct=2, intra=True), M("HSI", "down")],
    ),
    ("The Dow rose 1% but investors stayed cautious.", [M("DJIA", "up", pct=1)]),
]


@pytest.mark.parametrize(("sentence", "expected"), BUT_CLOSED, ids=[c[0][:50] for c in BUT_CLOSED])
def test_but_closed_after_a_peak(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A first time qualified by a length of time after "after" ("for the first time after 14 months")
# is no first time; after other words ("after three failed attempts") it is. A fronted "For the
# first time," before the name gives it too.
FIRST_TIMES_MORE = [
    (
        "The Nifty 50 crossed the 26,000 mark for the first time after 14 months.",
        [M("NIFTY50", "up", ms=26000)],
    ),
    ("The Kospi topped 3,000 for the first time after a year.", [M("KOSPI", "up", ms=3000)]),
    (
        "The Bovespa closed above 140,000 points for the first time after three failed attempts.",
        [M("IBOV", "up", ms=140000, first=True)],
    ),
    ("For the first time, the Nasdaq closed above 20,000.", [M("IXIC", "up", ms=20000, first=True)]),
    ("For the first time ever, Japan's Nikkei topped 50,000.", [M("NIKKEI225", "up", ms=50000, first=True)]),
    # near-misses: a qualified fronted first time; a record "after" a week is not a length of time
    ("For the first time in a decade, the FTSE 100 fell 5% in a week.", [M("FTSE100", "down", pct=-5)]),
    ("London's FTSE 100 holds onto gains after record-breaking week", [M("FTSE100", "up")]),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), FIRST_TIMES_MORE, ids=[c[0][:50] for c in FIRST_TIMES_MORE]
)
def test_first_times_qualified_or_fronted(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# Intraday ranges: "in a range of A to B" and a high and a low "during the day" are two intraday
# levels; the width of the session's range ("in a narrow range of 300 points") is no change.
RANGES = [
    (
        "The S&P 500 traded in a range of 5,900 to 5,950.",
        [M("SPX", None, level=5900, intra=True), M("SPX", None, level=5950, intra=True)],
    ),
    (
        "The Nifty hit a high of 24,500 and a low of 24,200 during the day.",
        [M("NIFTY50", None, level=24500, intra=True), M("NIFTY50", None, level=24200, intra=True)],
    ),
    ("The Sensex moved in a narrow range of 300 points during the session.", []),
    ("The Sensex traded in a range of 300 points before closing 0.2% higher.", [M("SENSEX", "up", pct=0.2)]),
    # near-miss: a target range is a prediction
    ("Her 12-month target for the STI ranges around 4,060 to 4,280 points.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), RANGES, ids=[c[0][:50] for c in RANGES])
def test_intraday_ranges_and_widths(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A piece of the session without a figure, record or mark before the close states no peak or
# trough: the close is read as the move ("swung between gains and losses before closing flat").
WAYS_TO_THE_CLOSE = [
    ("The Dow swung between gains and losses before closing flat.", [M("DJIA", "flat")]),
    ("The Nikkei fell in the morning before rebounding to close up 0.5%.", [M("NIKKEI225", "up", pct=0.5)]),
    # near-misses: a peak with a figure or a mark; a lone peak without a close
    ("The Kospi plunged 8% before rebounding.", [M("KOSPI", "down", pct=-8, intra=True)]),
    (
        "The TSX surpassed 30,000 at some points during the day but ended lower.",
        [M("TSX", "up", ms=30000, intra=True), M("TSX", "down")],
    ),
    (
        "The TSX surpassed 30,000 at some points during the day but ended higher.",
        [M("TSX", "up", ms=30000, intra=True)],
    ),
    ("Italy's FTSE MIB index touched its highest since 2001.", [M("FTSEMIB", None, intra=True)]),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), WAYS_TO_THE_CLOSE, ids=[c[0][:50] for c in WAYS_TO_THE_CLOSE]
)
def test_a_session_piece_without_a_figure_is_no_peak(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# "for the first time, after climbing 3%": the first time is qualified only by a length of time
# after "after", not by any "after" piece of the same session.
def test_a_first_time_before_an_after_piece() -> None:
    _check(
        "The Kospi closed above 5,000 for the first time, after climbing nearly 3%.",
        [M("KOSPI", "up", pct=3, ms=5000, first=True, approx=True)],
    )
    _check(
        "The Dow closed above 40,000 for the first time after a strong rally.",
        [M("DJIA", "up", ms=40000, first=True)],
    )
    _check(
        "The Nifty 50 crossed the 26,000 mark for the first time after 14 months.",
        [M("NIFTY50", "up", ms=26000)],
    )
