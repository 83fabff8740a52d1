"""Market-data rows beyond the one-row-per-line table (tests/data/fresh/README.md, "Ticker rows and
tables"): flattened quote rows with a time stamp and thousands commas, ticker bars run into one
line or stacked over three lines, bare level rows. Hand-written rows; rows of ETFs, sectors,
commodities and companies give nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

from streams.extract import normalise_article
from streams.extract.indices import default_registry
from streams.extract.moves import extract_moves


def _moves(text: str) -> list[tuple[Any, ...]]:
    article = normalise_article(
        "Asian markets end mixed as traders weigh rates\n\n" + text, origin="rows.txt"
    )
    return [
        (m.index, m.direction, m.change_pct, m.change_points, m.level)
        for m in extract_moves(article, default_registry())
    ]


def test_flattened_quote_rows_with_a_time_stamp_and_commas() -> None:
    text = (
        "Symbol Name Last Time Change %Change\n"
        ".N225Nikkei Stock Average 2253:05am EDT31,296.77+311.26+1.01%\n"
        ".HSIHang Seng Index4:10am EDT19,101.20-1,055.31-5.24%\n"
        ".KS11KOSPI Composite Index2:30am EDT2,601.20-15.31-0.58%\n"
        ".JKSEJakarta Composite4:15am EDT7,101.20+5.31+0.07%\n"
        ".TRXFLDAXPUThomson Reuters Asia Pacific Ex Japan4:15am EDT181.20-1.31-0.72%\n"
        ".AORDAll Ordinaries2:10am EDT7,301.20+5.31+0.07%\n"
    )
    assert _moves(text) == [
        ("NIKKEI225", "up", 1.01, 311.26, 31296.77),
        ("HSI", "down", -5.24, -1055.31, 19101.2),
        ("KOSPI", "down", -0.58, -15.31, 2601.2),
        ("JCI", "up", 0.07, 5.31, 7101.2),
    ]


def test_a_ticker_bar_run_into_one_line_gives_one_move_per_index_cell() -> None:
    text = (
        "S&P/TSX 20,102.43 +79.21 (+0.40%) S&P 500 4,136.95 -22.93 (-0.55%) DOW 33,490.69 +0.00 (0.00%) "
        "Crude Oil 71.30 -0.28 (-0.39%) Gold 1,790.20 +5.20 (+0.29%) iShares S&P 500 ETF 450.10 +1.20 (+0.27%) "
        "VOLATILITY 17.20 -0.59 (-3.32%) RUSSELL 2000 1,936.87 +20.42 +1.07%\n"
        "Stocks rose on Monday."
    )
    assert _moves(text) == [
        ("TSX", "up", 0.4, 79.21, 20102.43),
        ("SPX", "down", -0.55, -22.93, 4136.95),
        ("DJIA", "flat", 0.0, 0.0, 33490.69),
        ("RUT", "up", 1.07, 20.42, 1936.87),
    ]


def test_a_ticker_bar_stacked_over_three_lines() -> None:
    text = (
        "S&P/TSX\n20,102.43\n+79.21(+0.40%)\n\n"
        "NIKKEI 225\n28,546.18\n-241.18 (-0.84%)\n\n"
        "Crude Oil\n71.30\n-0.28(-0.39%)\n\n"
        "S&P/TSX Capped Energy\n150.20\n+1.20(+0.80%)\n\n"
        "The TSX rose 0.4% on Monday."
    )
    assert _moves(text) == [
        ("TSX", "up", 0.4, 79.21, 20102.43),
        ("NIKKEI225", "down", -0.84, -241.18, 28546.18),
        ("TSX", "up", 0.4, None, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DAX 16,275.38\nThe index held steady.", [("DAX", None, None, None, 16275.38)]),
        ("Nikkei 225 39,102.5", [("NIKKEI225", None, None, None, 39102.5)]),
        # near-misses: a label or caption naming a round level, a sector, running text
        ("Dow 20,024!", []),
        ("Nikkei 225 40,000", []),
        ("S&P/TSX Capped Energy 150.20", []),
        ("See the FTSE 100 7,402.13", []),
    ],
)
def test_a_bare_level_row(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert _moves(text) == expected


def test_running_text_with_a_ticker_tail_is_read_as_a_sentence() -> None:
    assert _moves("The S&P/TSX composite index closed at 20,102.43, up 79.21 points (+0.40%) on Monday.") == [
        ("TSX", "up", 0.4, 79.21, 20102.43)
    ]
