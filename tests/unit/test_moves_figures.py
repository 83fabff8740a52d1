"""Figure reading: where a move's numbers are, what sign they carry and which column they fill.

Hand-written sentences (not dev sentences), each with the moves shared/contract.md and the dev
README's conventions expect, and near-misses that must not change.
"""

from __future__ import annotations

from typing import Any

import pytest

from streams.extract import normalise_article
from streams.extract.indices import default_registry
from streams.extract.moves import extract_moves
from tests.sentence_cases import M
from tests.sentence_cases import check_sentence as _check

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


# Ticker rows with spaced columns: name, last, change, change %; a product's row is no move.
TICKER_ROWS = [
    (
        "I:SPX S&P 500 INDEX 6812.40 -21.75 -0.32%",
        [M("SPX", "down", pct=-0.32, pts=-21.75, level=6812.4)],
    ),
    ("Nikkei 225 38,230.10 +210.55 +0.55%", [M("NIKKEI225", "up", pct=0.55, pts=210.55, level=38230.1)]),
    ("FTSE 100 8,301.20 -12.40", [M("FTSE100", "down", pts=-12.4, level=8301.2)]),
    ("QQQ INVESCO QQQ TRUST NASDAQ 100 ETF 612.07 +4.01 +0.66%", []),
    ("IVV ISHARES CORE S&P 500 ETF 684.31 -2.20 -0.32%", []),
    # Running text that happens to end in figures is read as a sentence, not as a row.
    (
        "The Nikkei closed at 38,230.10, up 210.55 points",
        [M("NIKKEI225", "up", pts=210.55, level=38230.1)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), TICKER_ROWS, ids=[c[0][:50] for c in TICKER_ROWS])
def test_ticker_rows_are_read_by_column(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


def _article_moves(text: str) -> list[tuple[Any, ...]]:
    article = normalise_article(text, origin="rows.txt")
    return [
        (m.sentence, m.index, m.direction, m.change_pct, m.change_points, m.level)
        for m in extract_moves(article, default_registry())
    ]


def test_flattened_ticker_rows_are_read_by_column_in_text_order() -> None:
    text = (
        "Asian markets closed lower on Tuesday.\n"
        "SYMBOL NAME PRICE CHANGE %CHANGE VOLUME\n"
        ".N225Nikkei 225NIKKEI38120.55-310.40-0.8112345678\n"
        ".HSIHang Seng IndexHSI17650.20+95.10+0.542233445\n"
        ".TOPXTopix IndexTOPIX2701.50-5.25-0.19889900\n"
        ".SPYSPDR S&P 500 ETF TrustSPY512.30+1.10+0.2155667788\n"
        ".AAPLAPPLE INCAAPL190.10+2.30+1.2255667788\n"
        "The Kospi rose 0.3%."
    )
    assert _article_moves(text) == [
        (".N225Nikkei 225NIKKEI38120.55-310.40-0.8112345678", "NIKKEI225", "down", -0.81, -310.4, 38120.55),
        (".HSIHang Seng IndexHSI17650.20+95.10+0.542233445", "HSI", "up", 0.54, 95.1, 17650.2),
        (".TOPXTopix IndexTOPIX2701.50-5.25-0.19889900", "TOPIX", "down", -0.19, -5.25, 2701.5),
        ("The Kospi rose 0.3%.", "KOSPI", "up", 0.3, None, None),
    ]


def test_a_flattened_row_of_an_excluded_name_is_no_move() -> None:
    assert _article_moves(".FTMCFTSE 250FTMC20100.50-40.10-0.2012345\n") == []


# Milestone verbs: broke/broken/breaks, reclaimed, surged past, smashing (dev README conventions).
MILESTONES = [
    ("Nikkei breaks 45,000 in afternoon rally", [M("NIKKEI225", "up", ms=45000)]),
    ("The Sensex has broken the 90,000-point barrier.", [M("SENSEX", "up", ms=90000)]),
    ("The Taiex broke the 30,000 mark on Friday.", [M("TAIEX", "up", ms=30000)]),
    ("Hang Seng reclaims 20,000 mark as tech rebounds", [M("HSI", "up", ms=20000)]),
    ("The ASX 200 regained the 8,000 level on Wednesday.", [M("ASX200", "up", ms=8000)]),
    ("The DAX surged past 24,000 points after the data.", [M("DAX", "up", ms=24000)]),
    ("The S&P 500 smashing 6000 for the first time.", [M("SPX", "up", ms=6000, first=True)]),
    ("Straits Times Index broke below 3,500 on Monday.", [M("STI", "down", ms=3500)]),
    # A change is not a mark: "regained 2,000 points"; "past" without a verb of motion.
    ("The Sensex regained 2,000 points over the week.", [M("SENSEX", "up", pts=2000)]),
    ("The Nikkei has risen 12% in the past 250 sessions.", [M("NIKKEI225", "up", pct=12)]),
    # "with over 3% gain" is the subject's own figure.
    (
        "Kospi rebounds with over 3% gain, reclaims 2,500 mark",
        [M("KOSPI", "up", pct=3, ms=2500, approx=True)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), MILESTONES, ids=[c[0][:50] for c in MILESTONES])
def test_milestone_verbs(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# Spelled-out numbers are numbers (radio and Korean English copy).
SPELLED = [
    (
        "The Kospi closed above the three-thousand mark after climbing nearly two percent.",
        [M("KOSPI", "up", pct=2, ms=3000, approx=True)],
    ),
    ("The Bovespa closed above 130 thousand points on Friday.", [M("IBOV", None, ms=130000)]),
    (
        "The Kosdaq lost twenty-one points, or two-point-4 percent, to close at 800-point-5.",
        [M("KOSDAQ", "down", pct=-2.4, pts=-21, level=800.5)],
    ),
    (
        "The Kospi rose 12-point-5 points to two-thousand-611-point-3.",
        [M("KOSPI", "up", pts=12.5, level=2611.3)],
    ),
    # "at one point" is not a figure; "tens of thousands" is no number.
    (
        "The Nikkei at one point rose 2.1 percent before closing at 38,000.15.",
        [M("NIKKEI225", "up", pct=2.1, intra=True), M("NIKKEI225", "up", level=38000.15)],
    ),
    ("The FTSE 100 fell 1% as tens of thousands of workers went on strike.", [M("FTSE100", "down", pct=-1)]),
]


@pytest.mark.parametrize(("sentence", "expected"), SPELLED, ids=[c[0][:50] for c in SPELLED])
def test_spelled_out_numbers(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


def test_scoreboard_rows_take_the_direction_stated_for_the_list() -> None:
    text = (
        "Asian shares slipped after the Fed minutes and closed lower across the region.\n"
        "Closing levels:\n"
        "Japan's Nikkei: 0.84%\n"
        "Hong Kong's Hang Seng: 1.2%\n"
        "Kospi: +0.1%\n"
    )
    assert _article_moves(text) == [
        ("Japan's Nikkei: 0.84%", "NIKKEI225", "down", -0.84, None, None),
        ("Hong Kong's Hang Seng: 1.2%", "HSI", "down", -1.2, None, None),
        ("Kospi: +0.1%", "KOSPI", "up", 0.1, None, None),
    ]


def test_scoreboard_rows_opening_higher() -> None:
    text = "European bourses are set to open higher on Monday. The scoreboard:\nDAX: 0.5%\nCAC 40: 0.7%\n"
    assert _article_moves(text) == [
        ("DAX: 0.5%", "DAX", "up", 0.5, None, None),
        ("CAC 40: 0.7%", "CAC40", "up", 0.7, None, None),
    ]


def test_scoreboard_rows_without_a_stated_direction_stay_unsigned() -> None:
    text = "Here are the moves so far:\nDAX: 0.5%\nEuro Stoxx 50: 3,850.2\n"
    assert _article_moves(text) == [
        ("DAX: 0.5%", "DAX", None, 0.5, None, None),
        ("Euro Stoxx 50: 3,850.2", "SX5E", None, None, None, 3850.2),
    ]


def test_running_text_with_a_colon_is_read_as_a_sentence_not_a_scoreboard_row() -> None:
    # (the clause ends at the colon: the figure after it is not the Nikkei's)
    assert _article_moves("The reason the Nikkei rose: 2%\n") == [
        ("The reason the Nikkei rose: 2%", "NIKKEI225", "up", None, None, None)
    ]


# "near N", "close to N": an approximate level.
NEAR = [
    (
        "The S&P 500 shed about 40 points to close near 5,210.",
        [M("SPX", "down", pts=-40, level=5210, approx=True)],
    ),
    ("The FTSE 100 ended close to 8,400 on Friday.", [M("FTSE100", None, level=8400, approx=True)]),
    (
        "The Nikkei fell 1.1% to end near 39,000.",
        [M("NIKKEI225", "down", pct=-1.1, level=39000, approx=True)],
    ),
    # A change near a figure stays a change.
    ("The Dow shed near 300 points.", [M("DJIA", "down", pts=-300, approx=True)]),
]


@pytest.mark.parametrize(("sentence", "expected"), NEAR, ids=[c[0][:50] for c in NEAR])
def test_a_level_near_a_figure_is_approximate(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A level that looks like a year is a level after a change or a verb of closing.
YEARS = [
    ("The S&P 500 fell 2.4% to 1985 on Monday.", [M("SPX", "down", pct=-2.4, level=1985)]),
    ("The Russell 2000 ended at 2011, up 0.5%.", [M("RUT", "up", pct=0.5, level=2011)]),
    ("The ASX 200 rose 25 points to 2049.", [M("ASX200", "up", pts=25, level=2049)]),
    # Years stay years.
    ("The FTSE 100 rose 30% from 2019 to 2024.", [M("FTSE100", "up", pct=30)]),
    ("The Dow fell 9% in 2022.", [M("DJIA", "down", pct=-9)]),
    (
        "The Nikkei has gained 12% since 2023 and is expected to keep rising to 2026.",
        [M("NIKKEI225", "up", pct=12)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), YEARS, ids=[c[0][:50] for c in YEARS])
def test_a_level_that_looks_like_a_year(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# Nouns of a fall give the sign ("a 10% correction"); "up to N" bounds a peak or trough inside
# the session, it is not a direction nor an approximation.
NOUN_SIGNS = [
    ("The Nasdaq suffered a 12% correction over three weeks.", [M("IXIC", "down", pct=-12)]),
    (
        "The Kospi posted a decline of up to 4.1% to 2,410.5 before the lunch break.",
        [M("KOSPI", "down", pct=-4.1, level=2410.5, intra=True)],
    ),
    ("The Hang Seng rallied up to 3% in the morning.", [M("HSI", "up", pct=3, intra=True)]),
    ("The Nifty 50 was up 0.4% at 24,110.", [M("NIFTY50", "up", pct=0.4, level=24110)]),
]


@pytest.mark.parametrize(("sentence", "expected"), NOUN_SIGNS, ids=[c[0][:50] for c in NOUN_SIGNS])
def test_nouns_of_a_fall_and_up_to(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# Clause edges that are not another subject's clause: "shortly after 10 a.m.", "which amounted to".
EDGES = [
    (
        "The Kospi fell sharply shortly after 10 a.m., dropping as low as 2,401.5 at one point.",
        [M("KOSPI", "down", level=2401.5, intra=True)],
    ),
    (
        "The Sensex dropped 820.5 points which amounted to a 1.05 percent decline to reach 77,120.4.",
        [M("SENSEX", "down", pct=-1.05, pts=-820.5, level=77120.4)],
    ),
    ("The STI notched a high-water mark of 4,210.5 points.", [M("STI", "up", level=4210.5, rec=True)]),
    # "which" with a verb of its own still ends the clause.
    ("The Nikkei rose 1%, which surprised analysts who expected 2%.", [M("NIKKEI225", "up", pct=1)]),
]


@pytest.mark.parametrize(("sentence", "expected"), EDGES, ids=[c[0][:50] for c in EDGES])
def test_clause_edges_that_keep_the_figures(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


def test_with_a_figure_of_another_subject_still_ends_the_clause() -> None:
    _check("The Nikkei closed higher, with a 3% gain in SoftBank.", [M("NIKKEI225", "up")])
    _check("The Hang Seng rose, with 2% gains for property developers.", [M("HSI", "up")])


# A bracketed signed change right after a name is its change, even where the name is an object.
BRACKETS = [
    (
        "The gap between the performance of the CAC 40 (+3.1% approximately) and that of the DAX (-0.4%) widened.",
        [M("CAC40", "up", pct=3.1, approx=True), M("DAX", "down", pct=-0.4)],
    ),
    ("Investors piled into stocks in the Nikkei (about 225 of them).", []),
    ("Chip stocks dragged the Kospi (KS11) lower.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), BRACKETS, ids=[c[0][:50] for c in BRACKETS])
def test_a_bracketed_change_after_a_name(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


def test_a_sentence_opening_with_its_period_keeps_the_name_as_subject() -> None:
    _check(
        "For the day the Nikkei is trading at 38,410.2 with a loss of 0.4%.",
        [M("NIKKEI225", "down", pct=-0.4, level=38410.2)],
    )
    _check("For the week the S&P 500 rose 2.1%.", [M("SPX", "up", pct=2.1)])
    # Still an object: "demand for the Nikkei".
    _check("Foreign demand for the Kospi rose.", [])


def test_scoreboard_rows_with_a_level_and_a_change() -> None:
    _check("Nikkei 225: 38,120.55 (-0.8%)", [M("NIKKEI225", "down", pct=-0.8, level=38120.55)])
    _check("Dow Jones: 41,200.5, +0.6%", [M("DJIA", "up", pct=0.6, level=41200.5)])
    _check("FTSE 100: 8,301.2 -12.4", [M("FTSE100", "down", pts=-12.4, level=8301.2)])


def test_a_level_near_a_figure_of_points_after_a_verb_of_standing() -> None:
    _check("The FTSE 100 closed close to 8,000 points.", [M("FTSE100", None, level=8000, approx=True)])
    _check("The Dow shed close to 300 points.", [M("DJIA", "down", pts=-300, approx=True)])


def test_list_rows_without_a_colon_take_the_list_direction() -> None:
    text = "European shares closed lower on Friday.\n- DAX 0.5%\n- CAC 40 0.7%\n"
    assert _article_moves(text) == [
        ("DAX 0.5%", "DAX", "down", -0.5, None, None),
        ("CAC 40 0.7%", "CAC40", "down", -0.7, None, None),
    ]


def test_an_en_dash_in_a_row_is_a_minus_sign() -> None:
    _check("FTSE 100 8,301.20 –12.40 –0.15%", [M("FTSE100", "down", pct=-0.15, pts=-12.4, level=8301.2)])
    _check("| DAX | 18,102.5 | –95.1 | –0.52% |", [M("DAX", "down", pct=-0.52, pts=-95.1, level=18102.5)])


# "N-point" before a noun of a mark names the mark ("the 40,000-point level"), like "the 40,000
# mark": it is no change of N points. A "-point" compound before a noun of motion stays a change.
MARK_NAMES = [
    ("The Taiex crossed the 20,000-point level.", [M("TAIEX", "up", ms=20000)]),
    ("The FTSE 100 slipped below the 8,000-point threshold.", [M("FTSE100", "down", ms=8000)]),
    (
        "The Dow gained 1.2% on Monday, its first close above a 1,000-point milestone since May.",
        [M("DJIA", "up", pct=1.2)],
    ),
    ("It has been 200 sessions since the Nasdaq's last 1,000-point milestone.", []),
    ("The S&P 500's next 500-point mark is 7,500.", []),
    # near-misses: a change written as a compound adjective
    ("The Dow posted a 1,000-point drop on Monday.", [M("DJIA", "down", pts=-1000)]),
    ("The Nikkei dropped 1,000 points, its biggest fall since March.", [M("NIKKEI225", "down", pts=-1000)]),
    ("The Sensex rose 500 points to close at 81,200.5.", [M("SENSEX", "up", pts=500, level=81200.5)]),
]


@pytest.mark.parametrize(("sentence", "expected"), MARK_NAMES, ids=[c[0][:50] for c in MARK_NAMES])
def test_a_point_compound_naming_a_mark_is_no_change(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# A time of day is no figure: "at 9:45 a.m." is not a level of 9 (nor 45).
CLOCKS = [
    ("The VIX jumped 12% at 9:45 a.m. ET.", [M("VIX", "up", pct=12)]),
    ("The VIX rose 8% to 19.2 at 10 a.m.", [M("VIX", "up", pct=8, level=19.2)]),
    ("The Hang Seng fell 1.1% at 1:30 pm local time.", [M("HSI", "down", pct=-1.1)]),
    ("The FTSE 100 was up 0.3% at 8,120.4 at 0830 GMT.", [M("FTSE100", "up", pct=0.3, level=8120.4)]),
    ("The Kospi opened at 9:00 and rose 0.5%.", [M("KOSPI", "up", pct=0.5)]),
    # near-misses: figures beside a colon or an hour word stay figures
    ("Kospi:+0.1%", [M("KOSPI", "up", pct=0.1)]),
    ("The Nikkei rose 120 points in the first hour.", [M("NIKKEI225", "up", pts=120)]),
    ("The STI ended at 4,010.5, up 0.2% on the day.", [M("STI", "up", pct=0.2, level=4010.5)]),
]


@pytest.mark.parametrize(("sentence", "expected"), CLOCKS, ids=[c[0][:50] for c in CLOCKS])
def test_a_time_of_day_is_no_figure(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# How far the index stands from a high is no move, and the high's level is not the index's:
# "5% below its all-time high of 6,147.4", "within 1% of its record". An earlier record's level
# is not the index's either ("surpassed its previous record of 3,316": a record, no level).
DISTANCES = [
    ("The S&P 500 is within 1% of its record high.", []),
    ("The S&P 500 is 5% below its all-time high of 6,147.4.", []),
    ("The FTSE 100 remains 3% off its record close.", []),
    ("The Nasdaq stands about 400 points shy of its peak.", []),
    (
        "The Nikkei rose 1.2% to 39,100.5, within 400 points of its record of 39,500.",
        [M("NIKKEI225", "up", pct=1.2, level=39100.5)],
    ),
    ("The Kospi surpassed its previous record of 3,316.", [M("KOSPI", "up", rec=True)]),
    ("The DAX broke its prior peak of 24,479.8 on Tuesday.", [M("DAX", "up", rec=True)]),
    # near-misses: a change measured from a high is a move; a new high's level is the index's
    ("The Dow is down 8% from its record close in December.", [M("DJIA", "down", pct=-8)]),
    ("The Nasdaq has rallied 30% from its April low.", [M("IXIC", "up", pct=30)]),
    ("The Nifty hit a record high of 26,310.5.", [M("NIFTY50", "up", level=26310.5, rec=True)]),
    (
        "The STI ended at 4,012.3 on Monday, from a close of 3,990.1 on Friday.",
        [M("STI", None, level=4012.3)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), DISTANCES, ids=[c[0][:50] for c in DISTANCES])
def test_a_distance_from_a_high_is_no_move(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# Ticker rows whose change in percent has no "%" (the header gives it) or that give the last price
# and the change in percent only.
MORE_ROWS = [
    (
        "Nikkei 225        37,785.47  +630.35   +1.70",
        [M("NIKKEI225", "up", pct=1.7, pts=630.35, level=37785.47)],
    ),
    ("Hang Seng   23,006.27  -471.65  -2.01", [M("HSI", "down", pct=-2.01, pts=-471.65, level=23006.27)]),
    ("DAX 22,551.43 -0.5%", [M("DAX", "down", pct=-0.5, level=22551.43)]),
    ("FTSE 100 8,809.74 (+0.7%)", [M("FTSE100", "up", pct=0.7, level=8809.74)]),
    ("SPDR S&P 500 ETF 595.20 +0.4%", []),
    # near-misses: running text that ends in figures stays a sentence
    ("The DAX ended at 22,551.43, down -0.5%", [M("DAX", "down", pct=-0.5, level=22551.43)]),
    ("The Nikkei rose to 37,785.47 +1.70", [M("NIKKEI225", "up", level=37785.47)]),
]


@pytest.mark.parametrize(("sentence", "expected"), MORE_ROWS, ids=[c[0][:50] for c in MORE_ROWS])
def test_more_ticker_row_layouts(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


def _moves_of(sentence: str) -> list[tuple[Any, ...]]:
    article = normalise_article(sentence + "\n", origin="over.txt")
    return [
        (m.index, m.direction, m.change_points, m.milestone, m.approximate)
        for m in extract_moves(article, default_registry())
    ]


# "Over/past/under N points" after a verb of change: a mark when N is a plausible level of the
# index, otherwise a change of more (less) than N points.
OVER_POINTS = [
    ("The Sensex rose over 1,000 points on Friday.", [("SENSEX", "up", 1000, None, True)]),
    ("The Nasdaq surged past 500 points.", [("IXIC", "up", 500, None, True)]),
    ("The Hang Seng lost under 200 points.", [("HSI", "down", -200, None, True)]),
    # near-misses: plausible marks, and a mark after a verb of standing
    ("The DAX surged past 24,000 points after the data.", [("DAX", "up", None, 24000, False)]),
    ("The Hang Seng Index surged past 25,000 points.", [("HSI", "up", None, 25000, False)]),
    ("The Dow closed over 45,000 points.", [("DJIA", None, None, 45000, False)]),
]


@pytest.mark.parametrize(("sentence", "expected"), OVER_POINTS, ids=[c[0][:50] for c in OVER_POINTS])
def test_over_n_points_is_a_mark_only_when_plausible(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert _moves_of(sentence) == expected
