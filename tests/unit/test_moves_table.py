"""Hand-written sentences in several wire styles, each with the moves the contract expects.

Every expectation was written from the sentence and shared/contract.md (plus the dev README's
conventions), not from the extractor's output.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.sentence_cases import M, check_sentence

CASES: list[tuple[str, list[tuple[Any, ...]]]] = [
    # --- Reuters
    (
        "Japan's Nikkei share average fell 1.3% to 38,410.22 on Wednesday.",
        [M("NIKKEI225", "down", pct=-1.3, level=38410.22)],
    ),
    ("The broader Topix slipped 0.9% to 2,701.5.", [M("TOPIX", "down", pct=-0.9, level=2701.5)]),
    ("South Korea's KOSPI fell below 2,500 for the first time since January.", [M("KOSPI", "down", ms=2500)]),
    (
        "Hong Kong's Hang Seng index shed 2.4%, while China's blue-chip CSI300 index lost 1.1%.",
        [M("HSI", "down", pct=-2.4), M("CSI300", "down", pct=-1.1)],
    ),
    ("Australia's S&P/ASX 200 ended 0.3% lower at 7,812.4.", [M("ASX200", "down", pct=-0.3, level=7812.4)]),
    (
        "The S&P/TSX composite index ended up 88.12 points, or 0.4%, at 24,103.55.",
        [M("TSX", "up", pct=0.4, pts=88.12, level=24103.55)],
    ),
    (
        "The pan-European STOXX 600 closed flat, while Germany's DAX rose 0.2%.",
        [M("STOXX600", "flat"), M("DAX", "up", pct=0.2)],
    ),
    ("Britain's FTSE 100 dipped 0.6%, dragged down by miners.", [M("FTSE100", "down", pct=-0.6)]),
    (
        "The Nikkei rose as much as 1.9% to 41,250.8 before closing up 1.1% at 40,920.14.",
        [
            M("NIKKEI225", "up", pct=1.9, level=41250.8, intra=True),
            M("NIKKEI225", "up", pct=1.1, level=40920.14),
        ],
    ),
    (
        "India's Nifty 50 index dropped 0.7% to 23,110.25, slipping below the 23,200 mark.",
        [M("NIFTY50", "down", pct=-0.7, level=23110.25, ms=23200)],
    ),
    (
        "The Dow Jones Industrial Average fell 612.4 points, or 1.5%, to 40,021.7, the S&P 500 lost 1.9% to "
        "5,402.3 and the Nasdaq Composite dropped 2.6% to 16,874.11.",
        [
            M("DJIA", "down", pct=-1.5, pts=-612.4, level=40021.7),
            M("SPX", "down", pct=-1.9, level=5402.3),
            M("IXIC", "down", pct=-2.6, level=16874.11),
        ],
    ),
    (
        "E-mini S&P 500 futures were down 0.4% and Nasdaq 100 futures slid 0.7%.",
        [M("SPX", "down", pct=-0.4, fut=True), M("NDX", "down", pct=-0.7, fut=True)],
    ),
    ("The Russell 2000 small-cap index jumped 3.1%.", [M("RUT", "up", pct=3.1)]),
    (
        "The Cboe Volatility Index, Wall Street's fear gauge, climbed to 24.8, its highest close in two months.",
        [M("VIX", "up", level=24.8)],
    ),
    ("Taiwan's Taiex slid 1.2% to 21,340.02.", [M("TAIEX", "down", pct=-1.2, level=21340.02)]),
    ("Chip stocks dragged the Kospi lower on Friday.", []),
    ("Heavy selling in banks sent the FTSE 100 below 8,000.", []),
    ("The index has fallen 4% this month.", []),
    ("Shares in Japan rose in early trade.", []),
    ("Investors sold shares of Hang Seng Bank after its results.", []),
    ("Singapore's Straits Times Index eased 0.1% to 3,380.45.", [M("STI", "down", pct=-0.1, level=3380.45)]),
    ("Malaysia's KLCI was little changed.", [M("KLCI", "flat")]),
    ("Indonesia's Jakarta Composite Index rose 0.8%.", [M("JCI", "up", pct=0.8)]),
    (
        "New Zealand's benchmark S&P/NZX 50 index fell 0.5% to 12,048.1.",
        [M("NZX50", "down", pct=-0.5, level=12048.1)],
    ),
    ("Brazil's Bovespa index slumped 2.2% to 118,205 points.", [M("IBOV", "down", pct=-2.2, level=118205)]),
    # --- AP
    (
        "The S&P 500 fell 1.2%, the Dow dropped 410 points, or 1%, and the Nasdaq composite sank 1.8%.",
        [M("SPX", "down", pct=-1.2), M("DJIA", "down", pct=-1.0, pts=-410), M("IXIC", "down", pct=-1.8)],
    ),
    ("The S&P 500 rose 22 points, or 0.4%, to 5,631.", [M("SPX", "up", pct=0.4, pts=22, level=5631)]),
    (
        "The Dow Jones Industrial Average gained 95 points, or 0.2%, to 42,110.",
        [M("DJIA", "up", pct=0.2, pts=95, level=42110)],
    ),
    (
        "The Nasdaq composite climbed 1.4% to a record 19,310.",
        [M("IXIC", "up", pct=1.4, level=19310, rec=True)],
    ),
    ("In Tokyo, the Nikkei 225 lost 0.4% to 39,102.88.", [M("NIKKEI225", "down", pct=-0.4, level=39102.88)]),
    (
        "In Europe, France's CAC 40 fell 0.9% and Germany's DAX lost 0.6%.",
        [M("CAC40", "down", pct=-0.9), M("DAX", "down", pct=-0.6)],
    ),
    ("The S&P 500 is up about 18% so far this year.", [M("SPX", "up", pct=18, approx=True)]),
    (
        "The Dow briefly fell more than 1,000 points before recovering.",
        [M("DJIA", "down", pts=-1000, approx=True, intra=True)],
    ),
    ("Treasury yields climbed as the S&P 500 hovered near its all-time high.", []),
    # --- CNBC
    (
        "The Dow Jones Industrial Average closed above 45,000 for the first time on Thursday.",
        [M("DJIA", "up", ms=45000, first=True)],
    ),
    (
        "The Nasdaq Composite added 0.9% to end at 20,173.89, a record close.",
        [M("IXIC", "up", pct=0.9, level=20173.89, rec=True)],
    ),
    ("Dow futures slipped 85 points, or 0.2%.", [M("DJIA", "down", pct=-0.2, pts=-85, fut=True)]),
    (
        "Nasdaq 100 futures rose 0.6%, while S&P 500 futures traded near the flatline.",
        [M("NDX", "up", pct=0.6, fut=True), M("SPX", "flat", fut=True)],
    ),
    ("Stock futures were little changed Sunday night.", []),
    (
        "Japan's Nikkei 225 led gains in the region, advancing 2.1% to close at 36,650.7.",
        [M("NIKKEI225", "up", pct=2.1, level=36650.7)],
    ),
    (
        "South Korea's Kospi slid 1.3%, while the small-cap Kosdaq fell 2.5% to end at 701.2.",
        [M("KOSPI", "down", pct=-1.3), M("KOSDAQ", "down", pct=-2.5, level=701.2)],
    ),
    ("Hong Kong's Hang Seng Tech index jumped 4.2%.", [M("HSTECH", "up", pct=4.2)]),
    ("The Hang Seng China Enterprises index rose 1.7%.", [M("HSCEI", "up", pct=1.7)]),
    (
        "Mainland China's Shanghai Composite inched up 0.1% to 3,302.3, and the Shenzhen Component "
        "gained 0.5%.",
        [M("SSEC", "up", pct=0.1, level=3302.3), M("SZCOMP", "up", pct=0.5)],
    ),
    ("The Shenzhen Composite fell 0.3%.", [M("SZSECOMP", "down", pct=-0.3)]),
    (
        "The S&P 500 hit an all-time intraday high of 6,120.4 before paring gains.",
        [M("SPX", "up", level=6120.4, rec=True, intra=True)],
    ),
    ("The S&P 500 posted its fifth record close of the month.", [M("SPX", "up", rec=True)]),
    # --- Bloomberg
    (
        "The Stoxx Europe 600 Index rose 0.5% to 512.3 at the close in London.",
        [M("STOXX600", "up", pct=0.5, level=512.3)],
    ),
    ("The Euro Stoxx 50 fell 1.1% to 4,870.22.", [M("SX5E", "down", pct=-1.1, level=4870.22)]),
    (
        "Spain's IBEX 35 gained 0.7%, Italy's FTSE MIB added 0.9% and Switzerland's SMI was little changed.",
        [M("IBEX35", "up", pct=0.7), M("FTSEMIB", "up", pct=0.9), M("SMI", "flat")],
    ),
    (
        "The Topix climbed 1% to 2,880.12, a record, while the Nikkei 225 Stock Average gained 0.8%.",
        [M("TOPIX", "up", pct=1.0, level=2880.12, rec=True), M("NIKKEI225", "up", pct=0.8)],
    ),
    ("The MSCI Asia Pacific Index rose 0.4%.", []),
    (
        "The Kospi has surged about 30% this year, the best performer among major benchmarks.",
        [M("KOSPI", "up", pct=30, approx=True)],
    ),
    (
        "The VIX jumped as much as 40% before settling at 21.3.",
        [M("VIX", "up", pct=40, intra=True), M("VIX", "up", level=21.3)],
    ),
    (
        "Switzerland's SMI gauge dropped 1.4 percent to 11,620.5 in Zurich.",
        [M("SMI", "down", pct=-1.4, level=11620.5)],
    ),
    # --- Nikkei Asia
    (
        "The Nikkei Stock Average topped 42,000 for the first time ever in morning trading.",
        [M("NIKKEI225", "up", ms=42000, first=True, intra=True)],  # a mark crossed in morning trade (dev 150)
    ),
    (
        "Japan's benchmark Nikkei Stock Average finished at 40,888.43, down 2.2%.",
        [M("NIKKEI225", "down", pct=-2.2, level=40888.43)],
    ),
    (
        "The Nikkei at one point fell 4.1% in the afternoon before trimming losses to close 1.8% lower.",
        [M("NIKKEI225", "down", pct=-4.1, intra=True), M("NIKKEI225", "down", pct=-1.8)],
    ),
    (
        "The Taiex touched a high of 23,455.9 during the session.",
        [M("TAIEX", None, level=23455.9, intra=True)],  # a lone peak states no direction
    ),
    ("Vietnam's VN-Index rose 1.1%.", []),
    ("Thailand's SET index fell 0.6% to 1,302.8.", [M("SET", "down", pct=-0.6, level=1302.8)]),
    (
        "The Kospi closed at 2,611.3, while the Kosdaq ended at 740.6.",
        [M("KOSPI", None, level=2611.3), M("KOSDAQ", None, level=740.6)],
    ),
    # --- Economic Times
    (
        "The 30-share BSE Sensex tanked 1,190.34 points, or 1.48%, to settle at 79,043.74.",
        [M("SENSEX", "down", pct=-1.48, pts=-1190.34, level=79043.74)],
    ),
    (
        "The NSE Nifty fell 360.75 points, or 1.49%, to 23,914.15.",
        [M("NIFTY50", "down", pct=-1.49, pts=-360.75, level=23914.15)],
    ),
    ("Bank Nifty climbed 420 points to 51,830.", [M("NIFTYBANK", "up", pts=420, level=51830)]),
    ("The Nifty Midcap 100 index dropped 2.1%, while the Nifty Smallcap 100 lost 2.8%.", []),
    (
        "Sensex crosses 80,000 mark for the first time; Nifty hits record high",
        [M("SENSEX", "up", ms=80000, first=True), M("NIFTY50", "up", rec=True)],
    ),
    (
        "Nifty ends below 24,000; Sensex sheds 600 points",
        [M("NIFTY50", "down", ms=24000), M("SENSEX", "down", pts=-600)],
    ),
    (
        "During the day, the Sensex swung between 78,205.1 and 79,116.9.",
        [M("SENSEX", None, level=78205.1, intra=True), M("SENSEX", None, level=79116.9, intra=True)],
    ),
    ("The Sensex and Nifty ended higher on Tuesday.", [M("SENSEX", "up"), M("NIFTY50", "up")]),
    ("Market breadth was weak as 1,980 stocks declined against 1,740 that advanced on the BSE.", []),
    ("The BSE Sensex and NSE Nifty trade near record high levels.", []),
    # --- Korea Herald
    (
        "The Korea Composite Stock Price Index closed at 2,781.41, up 0.62 percent from the previous session.",
        [M("KOSPI", "up", pct=0.62, level=2781.41)],
    ),
    (
        "The tech-heavy Kosdaq shed 1.3 percent to finish at 866.8.",
        [M("KOSDAQ", "down", pct=-1.3, level=866.8)],
    ),
    (
        "The Kospi fell as low as 2,402.3 in the morning, before closing down 0.4 percent at 2,433.1.",
        [M("KOSPI", "down", level=2402.3, intra=True), M("KOSPI", "down", pct=-0.4, level=2433.1)],
    ),
    (
        "The Kospi breached the 3,000 mark for the first time in over three years.",
        [M("KOSPI", "up", ms=3000)],
    ),
    ("Samsung Electronics surged 5 percent, lifting the Kospi.", []),
    ("Kospi slips below 2,600 as foreign selling deepens", [M("KOSPI", "down", ms=2600)]),
    # --- headlines, tables and mixed styles
    ("Nasdaq Futures Rise as Chipmakers Rally", [M("IXIC", "up", fut=True)]),
    ("FTSE 100 hits record high as miners rally", [M("FTSE100", "up", rec=True)]),
    ("Hang Seng slumps 3% to two-month low", [M("HSI", "down", pct=-3)]),
    (
        "| Nikkei 225 | 38,230.10 | -210.55 | -0.55% |",
        [M("NIKKEI225", "down", pct=-0.55, pts=-210.55, level=38230.1)],
    ),
    ("| S&P 500 | 5,980.87 | +12.40 | |", [M("SPX", "up", pts=12.4, level=5980.87)]),
    ("The Dow's 2.3% slide was its worst day since April.", [M("DJIA", "down", pct=-2.3)]),
    ("The FTSE's advance stalled.", []),
    ("Paris was down 0.8% with the CAC 40 at 7,402.11.", [M("CAC40", "down", level=7402.11)]),
    (
        "The DAX closed at a record 23,100.5, while the CAC 40 ended 0.3% higher.",
        [M("DAX", "up", level=23100.5, rec=True), M("CAC40", "up", pct=0.3)],
    ),
    ("Nvidia (NASDAQ:NVDA) rose 3% in premarket trading.", []),
    ("The Nasdaq-listed shares of the company fell 4%.", []),
    ("Futures tied to the Dow Jones Industrial Average were up 0.3%.", [M("DJIA", "up", pct=0.3, fut=True)]),
    (
        "The Ibovespa gained 1.3% to 131,442 points, a record high.",
        [M("IBOV", "up", pct=1.3, level=131442, rec=True)],
    ),
    (
        "The Nikkei plunged nearly 5% at one point on Monday.",
        [M("NIKKEI225", "down", pct=-5, approx=True, intra=True)],
    ),
    (
        "Toronto's TSX fell 0.9% to 22,450.3, its lowest since June.",
        [M("TSX", "down", pct=-0.9, level=22450.3)],
    ),
    (
        "The Shanghai index rose 0.2% and the CSI 300 gained 0.4%.",
        [M("SSEC", "up", pct=0.2), M("CSI300", "up", pct=0.4)],
    ),
]


def test_each_sentence_is_in_the_table_once() -> None:
    """A second entry for a sentence is a copy or a contradicting expectation; its id (the first 50
    characters) names one case, so a failure names the sentence."""
    sentences = [sentence for sentence, _ in CASES]
    assert [s for s in sentences if sentences.count(s) > 1] == []
    ids = [sentence[:50] for sentence in sentences]
    assert [i for i in ids if ids.count(i) > 1] == []


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_sentence_moves(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    check_sentence(sentence, expected)
