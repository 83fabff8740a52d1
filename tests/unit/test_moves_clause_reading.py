"""Clause reading: which statements about a named index are moves, and what each one says.

Hand-written sentences (not copied from the dev articles), each with the moves the conventions of
shared/dev/README.md expect: predictions, near-record wording, statistics, negations, labels and
modifiers that are not moves; passives beside causatives; appositives and parenthesised lists;
"respectively"; later references and several periods in one sentence.
"""

from __future__ import annotations

from typing import Any

import pytest

from streams.extract.moves import sentence_moves
from tests.sentence_cases import M
from tests.sentence_cases import check_sentence as _check

# --- predictions, forecasts, targets and pre-open calls are not moves
NOT_STATED = [
    "Wall Street futures pointed lower, and the Dow and the S&P 500 were called down 0.3% at the open.",
    "The FTSE 100 is called 20 points higher at 8,310.",
    "The Kospi is expected to open higher on Tuesday.",
    "Japan's Nikkei is likely to extend its slide next week, strategists said.",
    "The Hang Seng could test 25,000 before the holiday, one trader said.",
    "Strategists say the Topix has a fair chance of reaching 3,000 by December.",
    "The Sensex is set to open higher, indicates GIFT Nifty.",
    "Brokers expect the Nifty to hit 27,000 by March.",
    "If the Dow closes above 45,000 on Friday, it will be the first weekly close above that level.",
    "The S&P 500 is on track for a record close, with an hour of trading left.",
    "Germany's DAX is headed for its best month since November.",
    # near-record wording without a change of its own
    "The CAC 40 nears its record high as luxury stocks rally",
    "Nikkei inches closer to record as exporters gain",
    "The Sensex edged close to its record-high levels on Friday.",
    "Traders are cautious as the Nasdaq pushes toward 20,000.",
    "The S&P/ASX 200 is approaching its all-time high of 8,600.",
    # negations and statistics
    "The Dow did not post a move of more than 1% in either direction all month.",
    "The Kospi hasn't closed above 3,000 since 2021.",
    "Over the past decade the Hang Seng has moved by an average of 2% each month.",
    "The Taiex closed above 20,000 points on 150 of the year's 245 trading days.",
    "The S&P 500 has delivered a total return of 14% since January.",
    # labels of a level and names that modify another noun
    "Nikkei 40,000 party hats are back in fashion in Tokyo.",
    "Dow 45,000 is a sign that investors expect rate cuts.",
    "Energy shares led losses, with the S&P 500 energy sector sliding 2.1%.",
    "The Nasdaq 100 tech sector rose 1.2% in early trading.",
    "Among Nifty 50 constituents, Infosys gained 3.1% to Rs 1,890.",
    "Shares of the SPDR Dow Jones Industrial Average ETF rose 0.4% to $430.12.",
    "Among FTSE 100 stocks, Rolls-Royce jumped 5%.",
]


@pytest.mark.parametrize("sentence", NOT_STATED, ids=[s[:50] for s in NOT_STATED])
def test_not_a_statement_of_a_move(sentence: str) -> None:
    _check(sentence, [])


# --- near misses: the same words around a real move
STATED = [
    ("The Dow rose 1.1%, nearing its record high.", [M("DJIA", "up", pct=1.1)]),
    ("The Nikkei edged up 0.3% on Friday, inching closer to its record.", [M("NIKKEI225", "up", pct=0.3)]),
    (
        "The Kospi rose 2% to 2,710.5, more than analysts had expected.",
        [M("KOSPI", "up", pct=2, level=2710.5)],
    ),
    ("Dow rises 300 points as investors expect a rate cut", [M("DJIA", "up", pts=300)]),
    ("The FTSE 100 set a record high on Tuesday.", [M("FTSE100", "up", rec=True)]),
    ("The Hang Seng Index fell 1.4% to 24,012.5.", [M("HSI", "down", pct=-1.4, level=24012.5)]),
    (
        "The S&P 500 has gained 14% since January, its best start to a year since 2019.",
        [M("SPX", "up", pct=14)],
    ),
    ("Dow 45,000: the blue-chip index closed above 45,000 for the first time.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), STATED, ids=[s[0][:50] for s in STATED])
def test_moves_beside_prediction_words(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- several periods in one clause: each period with a figure of its own is its own move
PERIODS = [
    (
        "The Nikkei has climbed 2.4% this week and is now up about 18% so far this year.",
        [M("NIKKEI225", "up", pct=2.4), M("NIKKEI225", "up", pct=18, approx=True)],
    ),
    (
        "The Kospi edged lower on the final trading day of the year, after surging 75 percent over the past "
        "12 months.",
        [M("KOSPI", "down"), M("KOSPI", "up", pct=75)],
    ),
    (
        "The S&P 500 rose 0.8% on Friday and has gained 16% since January.",
        [M("SPX", "up", pct=0.8), M("SPX", "up", pct=16)],
    ),
    (
        "The FTSE 100 fell 0.4% on the day and 1.9% for the week.",
        [M("FTSE100", "down", pct=-0.4), M("FTSE100", "down", pct=-1.9)],
    ),
    # one period: the "after" piece is the same session's move, or has no figure of its own
    (
        "The Taiex closed above 30,000 for the first time on Monday, after climbing nearly 2 percent.",
        [M("TAIEX", "up", pct=2, ms=30000, first=True, approx=True)],
    ),
    (
        "The DAX closed 1.1% higher at 24,500.3, after hitting a record high on Friday.",
        [M("DAX", "up", pct=1.1, level=24500.3)],
    ),
    ("The Dow rose 1.2% and closed at 44,100.5.", [M("DJIA", "up", pct=1.2, level=44100.5)]),
    ("The Hang Seng is up 20% this year.", [M("HSI", "up", pct=20)]),
]


@pytest.mark.parametrize(("sentence", "expected"), PERIODS, ids=[s[0][:50] for s in PERIODS])
def test_several_periods(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- passives with the index as subject are moves; causatives with the index as object are not
VOICE = [
    ("The Hang Seng was weighed down by property developers.", [M("HSI", "down")]),
    ("Topix dragged lower by banks as yields fall", [M("TOPIX", "down")]),
    ("The DAX was buoyed by strong car sales in China.", [M("DAX", "up")]),
    ("FTSE 100 lifted by miners after China stimulus", [M("FTSE100", "up")]),
    ("The Kospi was supported by a fall in bond yields, rising 0.8%.", [M("KOSPI", "up", pct=0.8)]),
    ("Wall Street closed a good week for the Nasdaq, which was boosted by chipmakers.", [M("IXIC", "up")]),
    ("The Sensex has been hurt by foreign outflows this month.", [M("SENSEX", "down")]),
    ("The FTSE 100 rose 0.5%, lifted by miners.", [M("FTSE100", "up", pct=0.5)]),
    # causatives: the index is the object and has no verb of its own
    ("A rally in chipmakers lifted the Nasdaq higher.", []),
    ("Rolls-Royce leads FTSE 100 higher", []),
    ("Selling in banks dragged the Sensex below 80,000.", []),
    ("Strong earnings helped lift the DAX to a record.", []),
    ("The Kospi hit 3,000 on Monday.", [M("KOSPI", None, level=3000)]),
    ("Gains in the Nikkei and the Topix followed two days of losses.", []),
    ("Chip stocks dragged the Kospi and the Kosdaq lower.", []),
    # a relative clause after a name is its predicate; set off by commas before the verb, it describes it
    (
        "Gains were broad, led by the Hang Seng, which rose 1.2% to 25,310.4, while the Kospi slipped 0.3%.",
        [M("HSI", "up", pct=1.2, level=25310.4), M("KOSPI", "down", pct=-0.3)],
    ),
    (
        "The Nikkei 225, which tracks 225 companies, fell 0.6% to 38,120.5.",
        [M("NIKKEI225", "down", pct=-0.6, level=38120.5)],
    ),
    ("It was a poor week for the CAC 40, which lost 2.1%.", [M("CAC40", "down", pct=-2.1)]),
    ("The Nikkei 225, which tracks 225 companies, is Japan's best-known index.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), VOICE, ids=[s[0][:50] for s in VOICE])
def test_passives_causatives_and_relatives(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- "respectively" pairs the figures with the names in order
RESPECTIVELY = [
    (
        "Dow futures and S&P 500 futures fell 0.3% and 0.4%, respectively.",
        [M("DJIA", "down", pct=-0.3, fut=True), M("SPX", "down", pct=-0.4, fut=True)],
    ),
    (
        "The Kospi and the Kosdaq closed up 1.1% and 2.3%, respectively.",
        [M("KOSPI", "up", pct=1.1), M("KOSDAQ", "up", pct=2.3)],
    ),
    (
        "The DAX and the CAC 40 fell 120.5 and 40.2 points to 24,010.3 and 7,702.1, respectively.",
        [M("DAX", "down", pts=-120.5, level=24010.3), M("CAC40", "down", pts=-40.2, level=7702.1)],
    ),
    (
        "The Dow lagged the S&P 500 and Nasdaq, which have gained 12% and 19%, respectively, this year.",
        [M("SPX", "up", pct=12), M("IXIC", "up", pct=19)],
    ),
    # the figures belong to other nouns than the index
    (
        "The DAX is up 0.7% at 24,056.9, led by the energy and utility sectors, which are up 2.4% and 2.2%, "
        "respectively.",
        [M("DAX", "up", pct=0.7, level=24056.9)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), RESPECTIVELY, ids=[s[0][:50] for s in RESPECTIVELY])
def test_respectively(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- names that count, sector indices that do not, and subject lists ending in "all"/"both"
NAMES_AND_LISTS = [
    (
        "Shanghai SE Composite Index closed at 3,310.2, up 0.4 per cent.",
        [M("SSEC", "up", pct=0.4, level=3310.2)],
    ),
    ("The Shenzhen SE Component Index fell 1.2 per cent.", [M("SZCOMP", "down", pct=-1.2)]),
    ("Singapore's Strait Times Index rose 0.5% to 4,120.3.", [M("STI", "up", pct=0.5, level=4120.3)]),
    ("Nifty Public Sector Bank slumped 3%.", []),
    (
        "Selling was broad: Bank Nifty, Nifty IT and Nifty Metal all ended lower.",
        [M("NIFTYBANK", "down")],
    ),
    ("The Kospi, the won and Korean bonds all fell 1% on Monday.", [M("KOSPI", "down", pct=-1)]),
    ("The Kospi, which Samsung dominates, and the won both weakened.", [M("KOSPI", "down")]),
    ("Bank Nifty, unlike Nifty IT and Nifty Metal, ended the day flat.", [M("NIFTYBANK", "flat")]),
]


@pytest.mark.parametrize(("sentence", "expected"), NAMES_AND_LISTS, ids=[s[0][:50] for s in NAMES_AND_LISTS])
def test_names_and_subject_lists(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- appositives and parentheses inside the subject; record wording
APPOSITIVES = [
    (
        "Most big benchmarks (the Nikkei 225, the DAX, the S&P 500) have set fresh all-time highs this month.",
        [M("NIKKEI225", "up", rec=True), M("DAX", "up", rec=True), M("SPX", "up", rec=True)],
    ),
    (
        "This year's gain of the FTSE 100 (+9% roughly) trails that of the Nikkei (+21.5%) and the Kospi (-3.2%).",
        [
            M("FTSE100", "up", pct=9, approx=True),
            M("NIKKEI225", "up", pct=21.5),
            M("KOSPI", "down", pct=-3.2),
        ],
    ),
    ("The SMI (+0.4%) ended at 12,105.6.", [M("SMI", "up", pct=0.4, level=12105.6)]),
    ("Milan's main index, the FTSE MIB, fell 1.1%.", [M("FTSEMIB", "down", pct=-1.1)]),
    ("Madrid's bourse (IBEX 35) gained 0.6%.", [M("IBEX35", "up", pct=0.6)]),
    ("Frankfurt lost 0.7% and Paris gained 0.2%.", []),
    ("The Nasdaq ended at a historic high on Tuesday.", [M("IXIC", "up", rec=True)]),
    ("The DAX closed at its highest-ever level of 24,490.1.", [M("DAX", "up", level=24490.1, rec=True)]),
    (
        "The Hang Seng set a high-water mark of 33,154.1 in 2018.",
        [M("HSI", "up", level=33154.1, rec=True)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), APPOSITIVES, ids=[s[0][:50] for s in APPOSITIVES])
def test_appositives_parentheses_and_record_wording(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- a later reference inside a sentence that names the index is that index
REFERENCES = [
    (
        "The Nasdaq fell 2.1% to 17,010.5, a day after the tech-heavy index jumped 1.8%.",
        [M("IXIC", "down", pct=-2.1, level=17010.5)],
    ),
    (
        "The Nikkei fell 1.4% to 38,200.1, two days after the benchmark rose 2.2%.",
        [M("NIKKEI225", "down", pct=-1.4, level=38200.1), M("NIKKEI225", "up", pct=2.2)],
    ),
    (
        "The S&P 500's third record close in a row lifted the index's gain for the year to 18%.",
        [M("SPX", "up", rec=True), M("SPX", "up", pct=18)],
    ),
    ("The Dow, the blue-chip index, rose 1%.", [M("DJIA", "up", pct=1)]),
    (
        "The Nikkei rose 1% and the Topix gained 0.5%, while the broader index ended at 2,790.1.",
        [M("NIKKEI225", "up", pct=1), M("TOPIX", "up", pct=0.5)],
    ),
    ("The Kospi closed 0.4% lower. The index had risen 3% on Monday.", [M("KOSPI", "down", pct=-0.4)]),
    ("The index rose 2% as the Hang Seng climbed.", [M("HSI", "up")]),
]


@pytest.mark.parametrize(("sentence", "expected"), REFERENCES, ids=[s[0][:50] for s in REFERENCES])
def test_later_references(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- elliptical clauses, phrases of direction, manner phrases with "with"
ELLIPSIS_AND_PHRASES = [
    (
        "Kospi Gains 32 Points To 2,611 & Kosdaq 5 Points To 741",
        [M("KOSPI", "up", pts=32, level=2611), M("KOSDAQ", "up", pts=5, level=741)],
    ),
    (
        "The Dow fell 1.2% and the S&P 500 0.8%.",
        [M("DJIA", "down", pct=-1.2), M("SPX", "down", pct=-0.8)],
    ),
    ("The Topix ended the week on a negative note.", [M("TOPIX", "down")]),
    ("Hang Seng at three-month low as property stocks slide", [M("HSI", "down")]),
    ("The Nasdaq has been on a five-session losing streak.", [M("IXIC", "down")]),
    ("The Russell 2000 entered a correction of 10% on Thursday.", [M("RUT", "down", pct=-10)]),
    ("The Kospi closed with a gain of 1.2% at 2,650.3.", [M("KOSPI", "up", pct=1.2, level=2650.3)]),
    ("The DAX ended with a loss of 0.4%.", [M("DAX", "down", pct=-0.4)]),
    ("The FTSE 100 climbs with over 2% gain", [M("FTSE100", "up", pct=2, approx=True)]),
    ("The Dow closed with a 310-point gain.", [M("DJIA", "up", pts=310)]),
    ("Nifty and Sensex opened the week with a weak start.", [M("NIFTY50", "down"), M("SENSEX", "down")]),
    ("The Nikkei ended the month with a strong finish.", [M("NIKKEI225", "up")]),
    # ... but not a phrase of another noun's
    ("The Kospi closed, with a strong start for chipmakers.", []),
    # "with" before another subject still ends the clause
    (
        "The Nikkei rose 0.9%, with the Topix up 0.5% at 2,801.2.",
        [M("NIKKEI225", "up", pct=0.9), M("TOPIX", "up", pct=0.5, level=2801.2)],
    ),
    ("Stocks gained, with the Dow at a record 44,900.1.", [M("DJIA", "up", level=44900.1, rec=True)]),
    ("Volatility was high and the Nikkei's trading volume hit a two-month high.", []),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), ELLIPSIS_AND_PHRASES, ids=[s[0][:50] for s in ELLIPSIS_AND_PHRASES]
)
def test_ellipsis_and_phrases(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- a noun of motion with a figure, with the index as its object
NOUN_FIGURES = [
    (
        "Gains in London helped offset losses of 0.3% on the DAX and CAC 40.",
        [M("DAX", "down", pct=-0.3), M("CAC40", "down", pct=-0.3)],
    ),
    ("Chipmakers drove a 2.4% gain in the Nasdaq.", [M("IXIC", "up", pct=2.4)]),
    ("A 500-point drop in the Dow unsettled traders.", [M("DJIA", "down", pts=-500)]),
    ("The stock's 12% jump on the Nasdaq in its debut drew attention.", []),
    ("Shares posted a 3% gain on the Kospi after the listing.", []),
    ("Losses on the Nikkei were broad.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), NOUN_FIGURES, ids=[s[0][:50] for s in NOUN_FIGURES])
def test_nouns_of_motion_with_figures(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- a relative clause that restates a figure belongs to the move
FIGURE_RELATIVES = [
    (
        "The Sensex fell 612.5 points which amounted to a 0.8 percent drop, to end at 80,120.4.",
        [M("SENSEX", "down", pct=-0.8, pts=-612.5, level=80120.4)],
    ),
    (
        "The Dow fell 500 points, which was its worst day since June, while the S&P 500 lost 1%.",
        [M("DJIA", "down", pts=-500), M("SPX", "down", pct=-1)],
    ),
    (
        "The Nikkei rose 2%, which traders attributed to a weaker yen.",
        [M("NIKKEI225", "up", pct=2)],
    ),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), FIGURE_RELATIVES, ids=[s[0][:50] for s in FIGURE_RELATIVES]
)
def test_relative_clauses_about_a_figure(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- "S&P" alone counts only beside the Dow or the Nasdaq
S_AND_P = [
    (
        "Dow, Nasdaq and S&P close at record highs",
        [M("DJIA", "up", rec=True), M("IXIC", "up", rec=True), M("SPX", "up", rec=True)],
    ),
    ("The Dow rose 1% and the S&P gained 0.5%.", [M("DJIA", "up", pct=1), M("SPX", "up", pct=0.5)]),
    ("S&P lowered its outlook on Italy, and the FTSE MIB fell 2%.", [M("FTSEMIB", "down", pct=-2)]),
    ("S&P cut France's rating and the CAC 40 slipped 0.4%.", [M("CAC40", "down", pct=-0.4)]),
    ("S&P Dow Jones Indices said the Dow rose 1%.", [M("DJIA", "up", pct=1)]),
    ("The S&P 100 rose 1% while the Dow rose 2%.", [M("DJIA", "up", pct=2)]),
]


@pytest.mark.parametrize(("sentence", "expected"), S_AND_P, ids=[s[0][:50] for s in S_AND_P])
def test_s_and_p_beside_the_dow_or_nasdaq(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


def test_a_configured_name_beside_other_indices(tmp_path: Any) -> None:
    from streams.extract.indices import load_registry

    extra = tmp_path / "extra.toml"
    extra.write_text('[[index]]\nid = "TOPIX"\nbeside = { "TSE" = ["NIKKEI225"] }\n', encoding="utf-8")
    registry = load_registry(extra)
    alone = sentence_moves("The TSE fell 1%.", registry)
    beside = sentence_moves("The Nikkei rose 1% and the TSE gained 0.5%.", registry)
    assert alone == []
    assert [m.index_id for m in beside] == ["NIKKEI225", "TOPIX"]
    extra.write_text('[[index]]\nid = "TOPIX"\nbeside = { "TSE" = "NIKKEI225" }\n', encoding="utf-8")
    with pytest.raises(ValueError, match="beside"):
        load_registry(extra)


# --- scraped copy: an insert between "and" and its verb; a headline glued to the next sentence
SCRAPED = [
    (
        "The Nikkei recovered and, after two weak sessions, finally closed above the 40,000 mark.",
        [M("NIKKEI225", "up", ms=40000)],
    ),
    (
        "The Kospi slipped and, after a volatile morning, ended 0.3% lower at 2,650.2.",
        [M("KOSPI", "down", pct=-0.3, level=2650.2)],
    ),
    ("Miners lifted the FTSE 100 to a record high.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), SCRAPED, ids=[s[0][:50] for s in SCRAPED])
def test_scraped_copy(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- a perfect participle with a change of its own, after a head that states no move
PARTICIPLES = [
    (
        "Weak banks keep the DAX on course for a losing month, having fallen 3.1% since May 1.",
        [M("DAX", "down", pct=-3.1)],
    ),
    (
        "The Nikkei is set for a weekly gain, having risen 2.4% since Monday.",
        [M("NIKKEI225", "up", pct=2.4)],
    ),
    ("Miners sent the FTSE 100 higher, having lifted it 2% last week.", []),
    ("The Hang Seng is expected to open lower, having closed at its highest in a month.", []),
    (
        "The Kospi could not hold its gains and closed 0.4% lower at 2,601.3.",
        [M("KOSPI", "down", pct=-0.4, level=2601.3)],
    ),
    ("The FTSE 100 is expected to open lower and then fall 1%.", []),
    ("Samsung kept the Kospi on track for a weekly gain and fell 3% itself.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), PARTICIPLES, ids=[s[0][:50] for s in PARTICIPLES])
def test_perfect_participles(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- "extending its losses/gains ... to N%": a cumulative change of the same move
EXTENSIONS = [
    (
        "The S&P 500 rose 0.6%, extending its gain for the year to 14.2%.",
        [M("SPX", "up", pct=0.6), M("SPX", "up", pct=14.2)],
    ),
    (
        "The Hang Seng fell as much as 3% at 17,010.2, extending its slide from the January peak to 21%.",
        [M("HSI", "down", pct=-3, level=17010.2, intra=True), M("HSI", "down", pct=-21, intra=True)],
    ),
    (
        "The DAX fell 0.8%, extending its decline from the July peak of 24,630.5 to 6.2%.",
        [M("DAX", "down", pct=-0.8), M("DAX", "down", pct=-6.2)],
    ),
    (
        "The Topix rose 1.1%, extending a rally for the month to 5.4%.",
        [M("TOPIX", "up", pct=1.1), M("TOPIX", "up", pct=5.4)],
    ),
    (
        "The Nikkei fell 2% to 38,100.5, extending its losing streak to five sessions.",
        [M("NIKKEI225", "down", pct=-2, level=38100.5)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), EXTENSIONS, ids=[s[0][:50] for s in EXTENSIONS])
def test_extensions(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


def test_a_headline_glued_to_the_next_sentence_does_not_govern_its_name() -> None:
    # The sentence splitter ends the headline where the next sentence starts (sentences.py).
    from streams.extract import extract_moves, normalise_article

    text = "Markets rally on rate hopes for the first timeThe FTSE 100 hit a record high.\n"
    moves = extract_moves(normalise_article(text, "glued.txt"))
    assert [(m.index, m.direction, m.record_high, m.first_time, m.sentence) for m in moves] == [
        ("FTSE100", "up", True, False, "The FTSE 100 hit a record high.")
    ]


def test_a_sentence_glued_to_the_next_ends_its_clause() -> None:
    # "... 4,949.67.It was ...": the next sentence's milestone and first time are not the Kospi's move.
    from streams.extract import extract_moves, normalise_article

    text = (
        "The Kospi shed 274.69 points to close at 4,949.67.It was the first dip below the 5,000 mark since it "
        "closed above it for the first time ever last week.The Kosdaq lost 1.2%.\n"
    )
    moves = extract_moves(normalise_article(text, "glued.txt"))
    assert [(m.index, m.change_points, m.level, m.milestone, m.first_time) for m in moves] == [
        ("KOSPI", -274.69, 4949.67, None, False),
        ("KOSDAQ", None, None, None, False),
    ]
    assert [m.sentence for m in moves] == [
        "The Kospi shed 274.69 points to close at 4,949.67.",
        "The Kosdaq lost 1.2%.",
    ]


def test_leaves_is_a_causative() -> None:
    _check("But this still leaves the FTSE 100 slightly below its all-time high of 8,047.1.", [])
    _check("The sell-off left the Nikkei down 3% for the week.", [])


def test_a_name_glued_to_a_live_blog_time_stamp() -> None:
    from streams.extract import extract_moves, normalise_article

    text = (
        "Markets live\n\nKey events\n  • 2h agoDAX closes at record high\n  • 3h agoOcado leads FTSE 100 higher\n"
        "  • 5h agoNikkei nears record high\n\nThe day in markets.\n"
    )
    moves = extract_moves(normalise_article(text, "live.txt"))
    assert [(m.index, m.direction, m.record_high, m.sentence) for m in moves] == [
        ("DAX", "up", True, "2h agoDAX closes at record high")
    ]


SUPERLATIVES = [
    ("A 35 reading is the highest the VIX has been since April.", [M("VIX", "up", level=35)]),
    (
        "The 2,410.2 close was the lowest the Kospi had finished since 2020.",
        [M("KOSPI", "down", level=2410.2)],
    ),
    ("This is the highest the Nikkei has been.", []),
    ("A 35 reading is the highest for the VIX this year, traders said.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), SUPERLATIVES, ids=[s[0][:50] for s in SUPERLATIVES])
def test_a_level_stated_as_the_index_superlative(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- a move the clause says was undone does not give its direction
REVERSALS = [
    (
        "The Bovespa abandoned its early decline and closed higher above 140,000 points.",
        [M("IBOV", "up", ms=140000)],
    ),
    ("The Dow erased early losses to close up 0.3%.", [M("DJIA", "up", pct=0.3)]),
    ("The Nikkei pared losses to end 0.5% lower.", [M("NIKKEI225", "down", pct=-0.5)]),
    ("The Nasdaq gave up its gains.", []),
    ("The Kospi extended its gains to close 1.1% higher.", [M("KOSPI", "up", pct=1.1)]),
]


@pytest.mark.parametrize(("sentence", "expected"), REVERSALS, ids=[s[0][:50] for s in REVERSALS])
def test_undone_moves(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- "fell short of" a record or a mark is an approach, not a fall
SHORT_OF = [
    ("The S&P 500 fell short of a record close.", []),
    ("The Nikkei fell short of the 40,000 mark on Friday.", []),
    ("The Dow stopped short of 45,000 as banks slipped.", []),
    # near-misses: a fall, and a rise that fell short
    ("The FTSE 100 fell 0.4% on Friday.", [M("FTSE100", "down", pct=-0.4)]),
    ("The Kospi rose 0.5% but fell short of a record.", [M("KOSPI", "up", pct=0.5)]),
]


@pytest.mark.parametrize(("sentence", "expected"), SHORT_OF, ids=[s[0][:50] for s in SHORT_OF])
def test_falling_short_is_no_fall(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- the name inside another noun's phrase: a possessive phrase ends at a comma or "and";
# the name modifying "gainers"/"losers" names a group of stocks
NOUN_PHRASES = [
    ("Infosys, the Nifty's biggest weight, fell 2%.", []),
    ("Rolls-Royce was the FTSE 100's top riser, up 5.1% at a record high.", []),
    ("Among Nikkei gainers, SoftBank rose 6%.", []),
    ("The top Kospi losers were chipmakers, down 3%.", []),
    # near-misses: the possessive phrase carries its own figure or record
    ("The FTSE 100's gain of 1.2%, its best in a month, lifted sentiment.", [M("FTSE100", "up", pct=1.2)]),
    ("The Dow's 500-point drop, its worst since May, rattled traders.", [M("DJIA", "down", pts=-500)]),
    ("The Nasdaq's record close, driven by chipmakers, lifted futures.", [M("IXIC", "up", rec=True)]),
]


@pytest.mark.parametrize(("sentence", "expected"), NOUN_PHRASES, ids=[s[0][:50] for s in NOUN_PHRASES])
def test_the_name_inside_another_nouns_phrase(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- a restrictive "that" clause after an object name qualifies the noun governing it: a proper
# name takes no restrictive clause
RESTRICTIVE = [
    ("Stocks in the Nikkei 225 that rose the most included Fast Retailing, up 4%.", []),
    ("Companies in the S&P 500 that beat forecasts rose 3% on average.", []),
    ("Members of the DAX that report this week fell 1.1%.", []),
    # near-misses: a relative clause set off by a comma, or after the subject
    ("It was a good week for the Nasdaq, which rose 3%.", [M("IXIC", "up", pct=3)]),
    ("It was a poor week for the CAC 40, that lost 2.1%.", [M("CAC40", "down", pct=-2.1)]),
    ("The Nikkei 225 that tracks Japanese stocks rose 1%.", [M("NIKKEI225", "up", pct=1)]),
]


@pytest.mark.parametrize(("sentence", "expected"), RESTRICTIVE, ids=[s[0][:50] for s in RESTRICTIVE])
def test_a_restrictive_clause_after_an_object_name(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- a streak that ends states the opposite direction; a period's best or worst states one
STREAKS_AND_BESTS = [
    ("Kospi snaps 5-day winning streak", [M("KOSPI", "down")]),
    ("The Nikkei ended its three-session losing streak.", [M("NIKKEI225", "up")]),
    ("The Hang Seng broke a four-day winning streak on Friday.", [M("HSI", "down")]),
    ("S&P 500 posts best week since November", [M("SPX", "up")]),
    ("The Dow had its worst day since March.", [M("DJIA", "down")]),
    # near-misses: a streak that goes on, and a verb that states the direction itself
    ("The Nikkei extended its winning streak to seven sessions.", [M("NIKKEI225", "up")]),
    ("The Nasdaq has been on a five-session losing streak.", [M("IXIC", "down")]),
    ("The Nasdaq rose 2%, snapping a three-day losing streak.", [M("IXIC", "up", pct=2)]),
    ("The Sensex fell 1%, its worst day in a month.", [M("SENSEX", "down", pct=-1)]),
    ("The Nasdaq is headed for its worst week since March.", []),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), STREAKS_AND_BESTS, ids=[s[0][:50] for s in STREAKS_AND_BESTS]
)
def test_streaks_and_a_periods_best_or_worst(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- more verbs of motion in wire and Indian market copy; "off" before a change figure is down
VERBS = [
    ("Wall Street ends lower; Dow off 0.5%", [M("DJIA", "down", pct=-0.5)]),
    ("The Nasdaq was off by 120 points at midday.", [M("IXIC", "down", pts=-120)]),
    ("Sensex zooms 800 points", [M("SENSEX", "up", pts=800)]),
    ("The Hang Seng plummeted 4.2%.", [M("HSI", "down", pct=-4.2)]),
    ("The Kospi nosedived 3%.", [M("KOSPI", "down", pct=-3)]),
    ("Sensex cracks 600 points", [M("SENSEX", "down", pts=-600)]),
    ("The Nikkei bounced back 1.5%.", [M("NIKKEI225", "up", pct=1.5)]),
    # near-misses: "off" without a change figure, a distance from a high
    ("The Dow came off its highs.", []),
    ("The FTSE 100 is 3% off its record.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), VERBS, ids=[s[0][:50] for s in VERBS])
def test_more_verbs_of_motion(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- futures that "point to" or "indicate" an open are pre-open calls; "a 300-point drop" is a
# change, never a level
POINTING = [
    ("Dow futures point to 300-point drop", []),
    ("S&P 500 futures pointed to a higher open.", []),
    ("The FTSE 100 is indicated to open 15 points higher.", []),
    ("The Dow slid to a 500-point loss by midday.", [M("DJIA", "down", pts=-500)]),
    # near-misses: a level after "to", and "indicating" after a move of its own
    ("The Nikkei fell 300 points to 38,000.", [M("NIKKEI225", "down", pts=-300, level=38000)]),
    (
        "The Kospi rose 20 points to 2,650.1, indicating strong demand.",
        [M("KOSPI", "up", pts=20, level=2650.1)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), POINTING, ids=[s[0][:50] for s in POINTING])
def test_pointing_to_an_open(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- e-minis are futures contracts, named after the index or before it
E_MINIS = [
    ("Dow e-minis were up 120 points, or 0.3%.", [M("DJIA", "up", pct=0.3, pts=120, fut=True)]),
    ("Nasdaq 100 e-minis were down 0.5%.", [M("NDX", "down", pct=-0.5, fut=True)]),
    ("E-mini S&P 500 contracts rose 0.2%.", [M("SPX", "up", pct=0.2, fut=True)]),
    # near-miss: the cash index
    ("The S&P 500 rose 0.2% as e-mini volumes fell.", [M("SPX", "up", pct=0.2)]),
]


@pytest.mark.parametrize(("sentence", "expected"), E_MINIS, ids=[s[0][:50] for s in E_MINIS])
def test_e_minis_are_futures(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- an index derived from the index is another index (not in the table)
DERIVED = [
    ("The S&P 500 equal-weight index rose 0.8%.", []),
    ("The S&P 500 Value index fell 0.3%.", []),
    ("The Nasdaq-100 Volatility Index rose 5%.", []),
    ("The Topix Core 30 rose 0.7%.", []),
    ("The Dow Jones U.S. Total Stock Market Index rose 0.5%.", []),
    ("The S&P 500 Growth index and the Dow rose 1%.", [M("DJIA", "up", pct=1)]),
    # near-misses: the same words elsewhere in the sentence
    ("The S&P 500 rose 0.8% as value stocks gained.", [M("SPX", "up", pct=0.8)]),
    ("The Nikkei rose 1%, while volatility fell.", [M("NIKKEI225", "up", pct=1)]),
]


@pytest.mark.parametrize(("sentence", "expected"), DERIVED, ids=[s[0][:50] for s in DERIVED])
def test_a_derived_index_is_another_index(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- "a day after ...", "two days after ...": a piece about another day. Without a figure it adds
# nothing to the move (no record, no first time); with a change of its own it is its own move.
ANOTHER_DAY = [
    ("The FTSE 100 rose 0.5%, a day after hitting a record.", [M("FTSE100", "up", pct=0.5)]),
    (
        "The S&P 500 closed at a record, two days after topping 6,100 for the first time.",
        [M("SPX", "up", rec=True)],
    ),
    ("The Dow rose 1% a week after falling 5%.", [M("DJIA", "up", pct=1), M("DJIA", "down", pct=-5)]),
    (
        "The Nikkei fell 1.4% on Tuesday, two days after rising 2.2%.",
        [M("NIKKEI225", "down", pct=-1.4), M("NIKKEI225", "up", pct=2.2)],
    ),
    # near-misses: the same session's pieces
    (
        "The Kospi closed above 5,000 for the first time on Monday, after climbing nearly 3%.",
        [M("KOSPI", "up", pct=3, ms=5000, first=True, approx=True)],
    ),
    (
        "The DAX rose 1.2% after hitting a record high during the session.",
        [M("DAX", "up", rec=True, intra=True), M("DAX", "up", pct=1.2)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), ANOTHER_DAY, ids=[s[0][:50] for s in ANOTHER_DAY])
def test_a_piece_about_another_day(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)


# --- an inverted condition ("Had the Dow closed above 40,000, ...") and "is seen" forecasts
CONDITIONS_AND_FORECASTS = [
    ("Had the Dow closed above 40,000, it would have been a record.", []),
    ("Were the Nikkei to fall below 30,000, the BOJ would act.", []),
    ("Should the Kospi break 3,000, analysts expect more gains.", []),
    ("The Kospi is seen ending the year at 3,000, according to a Reuters poll.", []),
    # near-misses: a past perfect statement, and "had" that does not open the sentence
    ("The Nasdaq had risen 3% by Friday.", [M("IXIC", "up", pct=3)]),
    ("Investors had hoped for more, and the Nikkei rose 1%.", [M("NIKKEI225", "up", pct=1)]),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), CONDITIONS_AND_FORECASTS, ids=[s[0][:50] for s in CONDITIONS_AND_FORECASTS]
)
def test_inverted_conditions_and_seen_forecasts(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    _check(sentence, expected)
