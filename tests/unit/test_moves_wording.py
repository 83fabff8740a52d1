"""Wordings of moves and their flags met on unseen wire copy (round 3): "for 1st time", first times
qualified by a long period, "ahead 0.4%", flat wordings, a recent record-breaking run, a market
that closed earlier, the session's "high of N", a range fronted before the close.

Hand-written sentences (not dev or fresh sentences), each with the moves shared/contract.md and
the dev README's conventions expect, and near-misses that must not change.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.sentence_cases import M
from tests.sentence_cases import check_sentence as _check

# "1st" is "first"; a first time "in three and a half years" (or "in a mth", "in 2 yrs") is
# qualified by its period.
FIRST_TIMES = [
    ("Hang Seng tops 30,000 for 1st time", [M("HSI", "up", ms=30000, first=True)]),
    ("The Topix closed above 3,000 for the 1st time ever.", [M("TOPIX", "up", ms=3000, first=True)]),
    (
        "The Kospi broke through the 2,800 level for the first time in two and a half years.",
        [M("KOSPI", "up", ms=2800)],
    ),
    ("The Nasdaq topped 20,000 for the first time in 3-1/2 years.", [M("IXIC", "up", ms=20000)]),
    ("Nifty Closes Above 24,100 For The 1st Time In A Mth", [M("NIFTY50", "up", ms=24100)]),
    ("Sensex tops 70,000 for 1st time in 2 yrs", [M("SENSEX", "up", ms=70000)]),
    # near-miss: an ordinal that is not a first time
    ("The Nikkei rose 1% in the 1st session of the week.", [M("NIKKEI225", "up", pct=1)]),
]


@pytest.mark.parametrize(("sentence", "expected"), FIRST_TIMES, ids=[c[0][:50] for c in FIRST_TIMES])
def test_first_times_written_short_or_qualified_by_a_long_period(
    sentence: str, expected: list[tuple[Any, ...]]
) -> None:
    _check(sentence, expected)


# "ahead" before a change figure is a rise, as "off" before one is a fall; flat wordings.
DIRECTIONS = [
    ("The Topix was ahead 0.4% at the close.", [M("TOPIX", "up", pct=0.4)]),
    ("The Dow was ahead by 152 points at 35,100.", [M("DJIA", "up", pts=152, level=35100)]),
    ("The Hang Seng held its ground at 19,820.5.", [M("HSI", "flat", level=19820.5)]),
    ("DAX little moved on Tuesday", [M("DAX", "flat")]),
    ("The CAC 40 hardly moved at all in thin trading.", [M("CAC40", "flat")]),
    ("The Jakarta Composite was still moving sideways by midday.", [M("JCI", "flat")]),
    ("The FTSE 100 traded sideways for most of the session.", [M("FTSE100", "flat")]),
    ("The FTSE 100 stepped back on Monday.", [M("FTSE100", "down")]),
    # near-misses: "ahead of" a name or an event states no move; a figure makes "little changed" no flat
    ("The Nikkei stayed ahead of the Kospi this year.", []),
    ("The Kospi moved ahead of the central bank decision.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), DIRECTIONS, ids=[c[0][:50] for c in DIRECTIONS])
def test_ahead_and_flat_wordings(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A run of records is not a record of the day; "from its recent record" denies the record.
RECORD_RUNS = [
    (
        "The FTSE 100 stepped back from its recent record-breaking spell, finishing lower.",
        [M("FTSE100", "down")],
    ),
    ("The S&P 500 fell 0.5% from its recent record high.", [M("SPX", "down", pct=-0.5)]),
    # near-miss: a record-breaking level is a record
    ("The DAX closed at a record-breaking high of 18,500.2.", [M("DAX", "up", level=18500.2, rec=True)]),
]


@pytest.mark.parametrize(("sentence", "expected"), RECORD_RUNS, ids=[c[0][:50] for c in RECORD_RUNS])
def test_a_run_of_records_is_no_record(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# "closing earlier 2% down" is a market that closed earlier in the day, not a peak; "a high of N"
# after a verb of reaching or of motion "to" is the session's peak (not "closed at a high of").
SESSION_HIGHS = [
    ("Tokyo's Nikkei index closed earlier 1.8% down.", [M("NIKKEI225", "down", pct=-1.8)]),
    (
        "The Kospi rose to a high of 2,650.12 before trimming gains.",
        [M("KOSPI", "up", level=2650.12, intra=True)],
    ),
    ("The Sensex hit a low of 61,020.5.", [M("SENSEX", None, level=61020.5, intra=True)]),
    (
        "The Nifty hit a low of 19,410.2 and settled at 19,480.5, up 12 points.",
        [M("NIFTY50", None, level=19410.2, intra=True), M("NIFTY50", "up", pts=12, level=19480.5)],
    ),
    (
        "The Sensex opened higher at 60,100.5 and continued to climb to a high of 60,400.2.",
        [M("SENSEX", "up", level=60400.2, intra=True), M("SENSEX", "up", level=60100.5)],
    ),
    # near-misses: the close at a high, a record high, the earlier peak found by "earlier"
    ("The Dow closed at a high of 36,010.5.", [M("DJIA", None, level=36010.5)]),
    ("The Kospi hit a record high of 3,305.2.", [M("KOSPI", "up", level=3305.2, rec=True)]),
    ("The Nikkei hit 40,100 earlier in the day.", [M("NIKKEI225", None, level=40100, intra=True)]),
]


@pytest.mark.parametrize(("sentence", "expected"), SESSION_HIGHS, ids=[c[0][:50] for c in SESSION_HIGHS])
def test_the_sessions_high_and_a_close_earlier(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A range fronted between commas, then the close: the two ends (intraday) and the close.
FRONTED_RANGES = [
    (
        "The Nifty, after shuttling between 22,600.5 and 22,410.2 points, ended with a rise of 8 points.",
        [
            M("NIFTY50", None, level=22600.5, intra=True),
            M("NIFTY50", None, level=22410.2, intra=True),
            M("NIFTY50", "up", pts=8),
        ],
    ),
    (
        "The Kospi, after moving between 2,510 and 2,560, closed at 2,548.3.",
        [
            M("KOSPI", None, level=2510, intra=True),
            M("KOSPI", None, level=2560, intra=True),
            M("KOSPI", None, level=2548.3),
        ],
    ),
    # near-miss: a fronted phrase without a peak stays out of the move
    ("The Nifty, after a weak start, ended up 0.5%.", [M("NIFTY50", "up", pct=0.5)]),
]


@pytest.mark.parametrize(("sentence", "expected"), FRONTED_RANGES, ids=[c[0][:50] for c in FRONTED_RANGES])
def test_a_fronted_range_then_the_close(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# Figures and results read in more wordings: a unit glued to its figure ("300pts"), "closes with
# a loss" (the subject's own result, not another subject's "with" clause), "hit the historic N
# mark" (a level; "breached the historic N level" a milestone), "the highest closing level in
# history" (a record; not a period's best).
MORE_FIGURES = [
    ("Dow ends up more than 250pts", [M("DJIA", "up", pts=250, approx=True)]),
    ("The Nikkei fell 120points on Friday.", [M("NIKKEI225", "down", pts=-120)]),
    ("S&P/TSX index closes with a loss after a record year", [M("TSX", "down")]),
    (
        "The Kospi ended with a gain, while the Kosdaq fell 1%.",
        [M("KOSPI", "up"), M("KOSDAQ", "down", pct=-1)],
    ),
    (
        "The Sensex breached the historic 70,000 level for the first time.",
        [M("SENSEX", "up", ms=70000, first=True)],
    ),
    ("The Nifty hit the historic 20,000 mark on Monday.", [M("NIFTY50", None, level=20000)]),
    ("The Kospi reached the 3,000 level on Tuesday.", [M("KOSPI", None, level=3000)]),
    ("The JCI closed at the highest closing level in history.", [M("JCI", "up", rec=True)]),
    ("The Kospi closed at 3,305.2, the highest in its history.", [M("KOSPI", "up", level=3305.2, rec=True)]),
    # near-misses: a gain of something else; a period's best; a mark that is not reached
    ("The FTSE 100 closed with a gain in banks offsetting losses.", []),
    ("The Kospi closed with a 2% gain in Samsung.", []),
    ("The Nikkei posted its highest year-end close in history.", []),
    ("The Dow hit the 100-day moving average.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), MORE_FIGURES, ids=[c[0][:50] for c in MORE_FIGURES])
def test_more_figure_and_result_wordings(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# Names: the Indonesian "Composite Stock Price Index (JCI)"; the Nasdaq exchange is not the index.
NAMES = [
    (
        "The Composite Stock Price Index (JCI) closed up 0.5% at 7,120.3.",
        [M("JCI", "up", pct=0.5, level=7120.3)],
    ),
    ("The Indeks Harga Saham Gabungan fell 1.2%.", [M("JCI", "down", pct=-1.2)]),
    (
        "The Nasdaq composite, an index of stocks listed on the Nasdaq exchange, closed at 15,298.3.",
        [M("IXIC", None, level=15298.3)],
    ),
    ("Shares listed on the Nasdaq Stock Market rose 2%.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), NAMES, ids=[c[0][:50] for c in NAMES])
def test_name_forms(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A period's best reached during the session is a peak of its own even without a figure
# ("after hitting its highest level since 2022 earlier in the day", ", touching a two-year
# high"): intraday, direction null, before the close. N-year highs in the plural state a rise.
# The index as the owner of a figure that is not its level states no move.
PEAKS_AND_OWNERS = [
    (
        "The Nikkei was up 0.4% at 38,100.5, after hitting its highest level since 1990 earlier in the day.",
        [M("NIKKEI225", None, intra=True), M("NIKKEI225", "up", pct=0.4, level=38100.5)],
    ),
    (
        "The Taiex closed 1.1% higher at 17,950.3, touching its highest level since January.",
        [M("TAIEX", None, intra=True), M("TAIEX", "up", pct=1.1, level=17950.3)],
    ),
    ("Korea's Kospi hits 2-year highs", [M("KOSPI", "up")]),
    ("The Hang Seng slid to three-month lows on Friday.", [M("HSI", "down")]),
    # near-misses: the way to the close is no peak; the index's market value or volume
    ("The Nikkei swung between gains and losses before closing flat.", [M("NIKKEI225", "flat")]),
    ("The Kospi's market capitalization reached a record 2,500 trillion won.", []),
    ("The Nikkei's trading volume hit a record on Friday.", []),
    ("The Kospi's 2% gain was its best in a month.", [M("KOSPI", "up", pct=2)]),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), PEAKS_AND_OWNERS, ids=[c[0][:50] for c in PEAKS_AND_OWNERS]
)
def test_period_peaks_and_figures_the_index_owns(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# First times: "the first time it has ..." in apposition (unqualified when "since" is the index's
# launch, qualified by another period); a first time of a period's close ("on its closing day of
# the year") is qualified. "The day's low of N" is a trough of the session.
APPOSED_FIRST_TIMES = [
    (
        "The Topix rose 0.5% to 3,010.4, the first time it has topped 3,000 since its launch in 1969.",
        [M("TOPIX", "up", pct=0.5, level=3010.4, ms=3000, first=True)],
    ),
    (
        "The Dow closed at 40,010.2, the first time it has closed above 40,000.",
        [M("DJIA", "up", level=40010.2, ms=40000, first=True)],
    ),
    (
        "The Dow closed at 40,010.2, the first time it has closed above 40,000 since March.",
        [M("DJIA", "up", level=40010.2, ms=40000)],
    ),
    (
        "The Nikkei rose 1% to 39,000, the first time it has risen five days in a row this year.",
        [M("NIKKEI225", "up", pct=1, level=39000)],
    ),
    (
        "It was the first time the Kospi finished above the 3,000 mark on the last trading day of the year.",
        [M("KOSPI", None, ms=3000)],
    ),
    ("It was the first time the STI had crossed 4,000.", [M("STI", "up", ms=4000, first=True)]),
    (
        "The Nifty fell to the day's low of 19,200.5 before closing at 19,300.",
        [M("NIFTY50", "down", level=19200.5, intra=True), M("NIFTY50", "down", level=19300)],
    ),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), APPOSED_FIRST_TIMES, ids=[c[0][:50] for c in APPOSED_FIRST_TIMES]
)
def test_apposed_and_period_first_times(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# The first name after "as" that joins it to a clause about shares takes that clause's
# direction, like "with" ("Shares in Taiwan closed up 0.7% as the TAIEX ended at ...").
AS_AGGREGATE = [
    (
        "Shares in Seoul closed up 0.7% yesterday as the Kospi ended the year at 2,642.8.",
        [M("KOSPI", "up", level=2642.8)],
    ),
    ("Stocks fell on Friday as the Dow ended at 35,000.5.", [M("DJIA", "down", level=35000.5)]),
    # near-misses: another asset's clause; the name's own verb; "just as"
    ("Gold fell as the Dow ended at 35,000.5.", [M("DJIA", None, level=35000.5)]),
    ("Stocks rose as the Nikkei fell 1%.", [M("NIKKEI225", "down", pct=-1)]),
    ("Stocks rose, just as the Nikkei closed at 40,000.", [M("NIKKEI225", None, level=40000)]),
]


@pytest.mark.parametrize(("sentence", "expected"), AS_AGGREGATE, ids=[c[0][:50] for c in AS_AGGREGATE])
def test_as_joins_the_index_to_a_clause_about_shares(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# "pc" is per cent in Australian and British copy (also glued: "0.5pc"); AP's unitless change
# before "to LEVEL" is points ("rose 1.43 to 1,094.60"); name forms of the S&P 500 ("Standard and
# Poor's 500", "500-stock index"), the HSCEI ("H-share index") and the Shenzhen Component.
UNITS_AND_NAMES = [
    ("The FTSE 100 fell 0.5pc.", [M("FTSE100", "down", pct=-0.5)]),
    ("The ASX 200 closed at 7,890.1, up 0.3 pc.", [M("ASX200", "up", pct=0.3, level=7890.1)]),
    ("The ASX200 was off 0.4pc at midday.", [M("ASX200", "down", pct=-0.4)]),
    ("The Nikkei fell (-0.2pc) on Friday.", [M("NIKKEI225", "down", pct=-0.2)]),
    ("The Nasdaq composite rose 12.43 to 2,094.60.", [M("IXIC", "up", pts=12.43, level=2094.6)]),
    ("The Dow fell 120.5 at 35,000 in early trade.", [M("DJIA", "down", pts=-120.5, level=35000)]),
    ("The Standard and Poor's 500 rose 0.4%.", [M("SPX", "up", pct=0.4)]),
    (
        "The Standard & Poor's 500-stock index rose 2.30 to 1,656.37.",
        [M("SPX", "up", pts=2.3, level=1656.37)],
    ),
    ("The H-share index fell 1%.", [M("HSCEI", "down", pct=-1)]),
    ("The Shenzhen Stock Exchange Component Index rose 1%.", [M("SZCOMP", "up", pct=1)]),
    # near-misses: PCs are no unit; a range of changes; a count of times
    ("Sales of PCs rose 5 pc, while the Nikkei gained 1%.", [M("NIKKEI225", "up", pct=1)]),
    ("The Kospi rose 2 to 3 percent.", [M("KOSPI", "up", pct=3)]),
    ("The Dow rose 3 to 4 times.", [M("DJIA", "up")]),
]


@pytest.mark.parametrize(("sentence", "expected"), UNITS_AND_NAMES, ids=[c[0][:50] for c in UNITS_AND_NAMES])
def test_units_and_name_forms(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# The session's peak before "drifting/sliding lower" is a peak; a mark crossed on the way to the
# session's peak is one peak with both figures; an intraday range with an unspaced dash; a
# range's width is no change.
SESSION_SHAPES = [
    (
        "The Nikkei hit a record of 40,100.5 before drifting lower to close at 39,900.2.",
        [M("NIKKEI225", "up", level=40100.5, rec=True, intra=True), M("NIKKEI225", "down", level=39900.2)],
    ),
    (
        "The Dow rose 1% before sliding to end 0.2% lower.",
        [M("DJIA", "up", pct=1, intra=True), M("DJIA", "down", pct=-0.2)],
    ),
    (
        "The Kospi topped the 3,000 line soon after the opening and hit a fresh intraday record of 3,050.2.",
        [M("KOSPI", "up", level=3050.2, ms=3000, rec=True, intra=True)],
    ),
    (
        "The Nifty traded in a range of 22,100–22,300.",
        [M("NIFTY50", None, level=22100, intra=True), M("NIFTY50", None, level=22300, intra=True)],
    ),
    ("The Sensex moved in a 500-point range.", []),
    # near-misses: a close and then a peak of its own; a change in a narrow range is a change
    (
        "The Kospi rose 1% to 3,020 and hit an intraday high of 3,050.",
        [M("KOSPI", None, level=3050, intra=True), M("KOSPI", "up", pct=1, level=3020)],
    ),
    ("The Sensex gained 500 points in a narrow range.", [M("SENSEX", "up", pts=500)]),
]


@pytest.mark.parametrize(("sentence", "expected"), SESSION_SHAPES, ids=[c[0][:50] for c in SESSION_SHAPES])
def test_shapes_of_the_session(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# Official and older names of table indices.
MORE_NAMES = [
    ("The TSEC weighted index rose 1.2%.", [M("TAIEX", "up", pct=1.2)]),
    (
        "The Taiwan Capitalization Weighted Stock Index fell 0.5% to 17,000.2.",
        [M("TAIEX", "down", pct=-0.5, level=17000.2)],
    ),
    ("The S&P CNX Nifty rose 1%.", [M("NIFTY50", "up", pct=1)]),
    ("The FBMKLCI fell 0.3%.", [M("KLCI", "down", pct=-0.3)]),
    ("The DAX40 rose 0.4%.", [M("DAX", "up", pct=0.4)]),
    ("The Nikkei Heikin rose 1%.", [M("NIKKEI225", "up", pct=1)]),
]


@pytest.mark.parametrize(("sentence", "expected"), MORE_NAMES, ids=[c[0][:50] for c in MORE_NAMES])
def test_official_and_older_names(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# "its highest level ever" is a record; a close at its highest/lowest since a date states the
# day's direction (a lone touch of it stays a peak without one).
HIGHEST = [
    ("The FTSE 100 closed at its highest level ever.", [M("FTSE100", "up", rec=True)]),
    ("The Nikkei closed at its highest since 1990.", [M("NIKKEI225", "up")]),
    ("The Hang Seng ended at its lowest level since March.", [M("HSI", "down")]),
    # near-misses
    ("The Kospi touched its highest since 2007.", [M("KOSPI", None, intra=True)]),
    ("The Nikkei's turnover was its highest since 1990.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), HIGHEST, ids=[c[0][:50] for c in HIGHEST])
def test_highest_ever_and_closes_at_a_periods_high(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# Spelled numbers of radio copy: hundreds, compound thousands, fractions of a percent; "500-odd",
# "1,000-plus" and "300+" points are approximate.
SPELLED = [
    ("The Dow dropped nearly five hundred points.", [M("DJIA", "down", pts=-500, approx=True)]),
    ("The Dow fell two hundred and fifty points.", [M("DJIA", "down", pts=-250)]),
    ("The Dow fell three hundred twenty-five points.", [M("DJIA", "down", pts=-325)]),
    ("The Nikkei closed at thirty-eight thousand.", [M("NIKKEI225", None, level=38000)]),
    ("The Nikkei rose three-quarters of a percent.", [M("NIKKEI225", "up", pct=0.75)]),
    ("The Kospi gained half a percent.", [M("KOSPI", "up", pct=0.5)]),
    ("The Kospi rose by a quarter of a per cent.", [M("KOSPI", "up", pct=0.25)]),
    ("The Nikkei rose one-and-a-half percent.", [M("NIKKEI225", "up", pct=1.5)]),
    ("The Sensex climbed 500-odd points.", [M("SENSEX", "up", pts=500, approx=True)]),
    ("The Sensex surged 1,000-plus points.", [M("SENSEX", "up", pts=1000, approx=True)]),
    ("The Dow rose 300+ points.", [M("DJIA", "up", pts=300, approx=True)]),
    # near-misses: "hundreds of" is no number; an exact figure stays exact
    ("Hundreds of stocks fell as the Nikkei rose 1%.", [M("NIKKEI225", "up", pct=1)]),
    ("The Dow rose 300 points.", [M("DJIA", "up", pts=300)]),
]


@pytest.mark.parametrize(("sentence", "expected"), SPELLED, ids=[c[0][:50] for c in SPELLED])
def test_spelled_and_approximate_numbers(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A label's colon before its figures ("S&P 500: up 0.5%"), not before a sentence; an earlier
# day's move with a change of its own after "having"/"after" is a move of its own (read after the
# day's), one without a change figure stays part of the day's move.
LABELS_AND_EARLIER_DAYS = [
    ("S&P 500: up 0.5%", [M("SPX", "up", pct=0.5)]),
    ("Hang Seng: down 1.2 per cent at 17,000", [M("HSI", "down", pct=-1.2, level=17000)]),
    ("Frankfurt DAX: The German stock market gave up its gains.", []),
    ("Nikkei: 10:30 am update", []),
    (
        "The FTSE 100 was up 0.4% in early trade - having fallen more than 2% yesterday.",
        [M("FTSE100", "up", pct=0.4), M("FTSE100", "down", pct=-2, approx=True)],
    ),
    (
        "The Nikkei rose 1.2%, after falling 2% on Friday.",
        [M("NIKKEI225", "up", pct=1.2), M("NIKKEI225", "down", pct=-2)],
    ),
    (
        "The Nikkei closed at a record, after hitting a record high on Friday.",
        [M("NIKKEI225", "up", rec=True)],
    ),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), LABELS_AND_EARLIER_DAYS, ids=[c[0][:50] for c in LABELS_AND_EARLIER_DAYS]
)
def test_label_colons_and_earlier_days(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# More wordings of an earlier day: "the day before", "in the prior session", "a day earlier"
# ("the day before" at the end of the piece is no phase boundary).
EARLIER_DAYS = [
    (
        "The Ibovespa closed up 2.1% at 131,000.5, after falling 3% the day before.",
        [M("IBOV", "up", pct=2.1, level=131000.5), M("IBOV", "down", pct=-3)],
    ),
    (
        "The Nikkei rose 1%, having fallen 0.2 per cent in the prior session.",
        [M("NIKKEI225", "up", pct=1), M("NIKKEI225", "down", pct=-0.2)],
    ),
    # near-miss: the same day's turn before the close
    ("The Nikkei rose on Monday before closing 1% lower.", [M("NIKKEI225", "down", pct=-1)]),
]


@pytest.mark.parametrize(("sentence", "expected"), EARLIER_DAYS, ids=[c[0][:50] for c in EARLIER_DAYS])
def test_more_earlier_days(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A record noun phrase with the index as its complement: "the record high of the DAX", "the
# record highs set by the DAX" (fresh conventions, after the contract's "record finishes for
# the S&P 500"); a record count is not a record.
RECORD_NOUNS = [
    ("Despite the record high of the CAC 40, Paris banks fell.", [M("CAC40", "up", rec=True)]),
    ("Others lagged the record highs set by the Nikkei.", [M("NIKKEI225", "up", rec=True)]),
    ("Investors cheered the record close of the S&P 500.", [M("SPX", "up", rec=True)]),
    ("A record number of the Nasdaq's stocks hit new lows.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), RECORD_NOUNS, ids=[c[0][:50] for c in RECORD_NOUNS])
def test_record_noun_phrases_of_the_index(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# "the S&P" with its article and no capitalised word or number after it is the S&P 500 even
# without the Dow or the Nasdaq beside it; the bare "S&P" is as often the ratings agency.
THE_SP = [
    ("This was also a record close for the S&P, as tech shares rallied.", [M("SPX", "up", rec=True)]),
    ("The S&P rose 1% on Friday.", [M("SPX", "up", pct=1)]),
    ("S&P lowered its outlook, and the bonds fell 2%.", []),
    ("The S&P Global index of factories fell 2%.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), THE_SP, ids=[c[0][:50] for c in THE_SP])
def test_the_sp_with_its_article(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A lone dash between a place and the name is no word of the object's head ("Stock exchange in
# Frankfurt - Dax little moved"); "showed little movement" is flat, and a relative clause after the
# name is dropped when a flat predicate follows it.
FLAT_MORE = [
    ("Stock exchange in Frankfurt - Dax little moved on Monday", [M("DAX", "flat")]),
    ("The Euro Stoxx 50 also showed little movement.", [M("SX5E", "flat")]),
    (
        "The Euro Stoxx 50, which tracks 50 of the largest stocks in the region, remained unchanged.",
        [M("SX5E", "flat")],
    ),
    # near-misses: the object of "in" stays an object
    ("Shares in the Nikkei rose.", []),
    ("Stocks in Frankfurt and the DAX members rose.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), FLAT_MORE, ids=[c[0][:50] for c in FLAT_MORE])
def test_more_flat_statements(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A fronted "At one point" without a comma marks the session's peak or trough too.
FRONTED = [
    ("At one point the Dow was down 500 points.", [M("DJIA", "down", pts=-500, intra=True)]),
    ("At some points the Kospi was up 2%.", [M("KOSPI", "up", pct=2, intra=True)]),
    # near-misses: the close and a clock time are no peaks
    ("At the close the Dow was down 100 points.", [M("DJIA", "down", pts=-100)]),
    ("At 10 a.m. the Dow was down 100 points.", [M("DJIA", "down", pts=-100)]),
]


@pytest.mark.parametrize(("sentence", "expected"), FRONTED, ids=[c[0][:50] for c in FRONTED])
def test_fronted_peaks_without_a_comma(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# "leading index" is an adjective of the name ("the Eurozone leading index EuroStoxx 50"), not a
# causative "leading the FTSE 100 higher".
LEADING_INDEX = [
    ("The Eurozone leading index Euro Stoxx 50 rose by 0.9 percent.", [M("SX5E", "up", pct=0.9)]),
    ("Spain's leading index, the Ibex 35, fell 1%.", [M("IBEX35", "down", pct=-1)]),
    ("Banks were leading the FTSE 100 higher.", []),
    ("Shell, leading the FTSE 100, rose 2%.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), LEADING_INDEX, ids=[c[0][:50] for c in LEADING_INDEX])
def test_leading_index_is_an_adjective(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# "but recovered/rebounded to close ..." is the same subject's close, not another clause: the
# move before it is the session's trough (intraday), the close is read with its own figures.
RECOVERED = [
    ("The Kospi fell at the open, but recovered to close up 0.5%.", [M("KOSPI", "up", pct=0.5)]),
    (
        "The Hang Seng fell 2%, but recovered to close 0.4% down at 17,000.",
        [M("HSI", "down", pct=-2, intra=True), M("HSI", "down", pct=-0.4, level=17000)],
    ),
    (
        "The Nikkei fell 1%, but rebounded to end 0.3% higher.",
        [M("NIKKEI225", "down", pct=-1, intra=True), M("NIKKEI225", "up", pct=0.3)],
    ),
    # near-miss: "but" before another subject's clause still ends the clause
    ("The Nikkei fell, but analysts said it would recover.", [M("NIKKEI225", "down")]),
]


@pytest.mark.parametrize(("sentence", "expected"), RECOVERED, ids=[c[0][:50] for c in RECOVERED])
def test_but_recovered_to_close(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# "for the very first time"; a first time inserted between the name and its verb (the
# appositive test no longer lets a space slip past its exclusions).
INSERTED_FIRST_TIMES = [
    ("The Sensex crossed 80,000 for the very first time.", [M("SENSEX", "up", ms=80000, first=True)]),
    ("The Nifty, for the first time, closed above 25,000.", [M("NIFTY50", "up", ms=25000, first=True)]),
    # near-misses: a qualified first time; an inserted phrase that is no first time
    ("The Dow, for the first time since 2021, closed above 36,000.", [M("DJIA", "up", ms=36000)]),
    ("The Nikkei, for its part, rose 1%.", [M("NIKKEI225", "up", pct=1)]),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), INSERTED_FIRST_TIMES, ids=[c[0][:50] for c in INSERTED_FIRST_TIMES]
)
def test_inserted_and_very_first_times(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# Phrases set off by commas between the name and its verb still drop out of the clause.
INSERTED_PHRASES = [
    ("The Kospi, with Samsung leading, rose 1%.", [M("KOSPI", "up", pct=1)]),
    ("The Nikkei, as expected, fell 1%.", [M("NIKKEI225", "down", pct=-1)]),
    ("The Dow, though volatile, closed up 0.5%.", [M("DJIA", "up", pct=0.5)]),
    ("The FTSE 100, after a slow start, rose 1%.", [M("FTSE100", "up", pct=1)]),
    ("The Hang Seng, led by tech, rose 2%.", [M("HSI", "up", pct=2)]),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), INSERTED_PHRASES, ids=[c[0][:50] for c in INSERTED_PHRASES]
)
def test_inserted_phrases_drop_out(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)
