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


def test_one_row_a_line_in_a_market_data_box_with_upper_case_names() -> None:
    text = (
        "Market data\n"
        "DOW 36,210.50 +110.30 (+0.31%)\n"
        "NIKKEI 225 33,000.10 -40.00 (-0.12%)\n"
        "S&P/TSX 20,500.00 +45.00 (+0.22%)\n"
        "RUSSELL 2000 1,900.10 +12.00 (+0.64%)\n"
        "NASDAQ 14,000.00 +250.00 (+1.82%)\n"
        "FTSE 7,600.00 +30.00 (+0.40%)\n"
        "CRUDE OIL 75.30 -0.28 (-0.37%)\n"
        "GOLD FUTURES 1,950.20 +1.20 (+0.06%)\n"
        "Dow 30 36,210.50 +110.30 (+0.31%)\n"
        "FTSE 250 18,500.00 +50.00 (+0.27%)\n"
        "Stocks rose on Monday."
    )
    assert _moves(text) == [
        ("DJIA", "up", 0.31, 110.3, 36210.5),
        ("NIKKEI225", "down", -0.12, -40.0, 33000.1),
        ("TSX", "up", 0.22, 45.0, 20500.0),
        ("RUT", "up", 0.64, 12.0, 1900.1),
        ("IXIC", "up", 1.82, 250.0, 14000.0),
        ("FTSE100", "up", 0.4, 30.0, 7600.0),
        ("DJIA", "up", 0.31, 110.3, 36210.5),
    ]


def test_an_unchanged_cell_with_an_unsigned_zero_does_not_break_the_bar() -> None:
    text = (
        "S&P 500 4,136.95 -22.93 (-0.55%) Gold 1,790.20 0.00 (0.00%) NASDAQ 12,100.00 +30.00 (+0.25%) "
        "DOW 33,490.69 0.00 (0.00%)\nStocks were mixed."
    )
    assert _moves(text) == [
        ("SPX", "down", -0.55, -22.93, 4136.95),
        ("IXIC", "up", 0.25, 30.0, 12100.0),
        ("DJIA", "flat", 0.0, 0.0, 33490.69),
    ]


def test_a_level_whose_decimals_end_in_zero_is_not_split_into_a_zero_change() -> None:
    # "33,490.60 (+0.5%)": no change column; the cell is not a bar cell (no "0" change read).
    assert ("DJIA", "flat", 0.5, 0.0, 33490.6) not in _moves("DOW 33,490.60 (+0.5%)\nStocks rose.")


def test_rows_stacked_over_two_lines_or_with_blank_lines_between() -> None:
    text = (
        "S&P/TSX\n20,102.43 +79.21 (+0.40%)\n"
        "DOW\n\n33,490.69\n\n-120.30 (-0.36%)\n\n"
        "Crude Oil\n71.30 -0.28 (-0.39%)\n"
        "Shares\n33,490.69 +1.00 (+0.01%)\n"
        "Stocks were mixed."
    )
    assert _moves(text) == [
        ("TSX", "up", 0.4, 79.21, 20102.43),
        ("DJIA", "down", -0.36, -120.3, 33490.69),
    ]


def test_a_bar_run_on_from_a_page_menu_and_into_the_story() -> None:
    text = (
        "Sign in to view your mail Finance Home S&P/TSX 20,102.43 +79.21 (+0.40%) S&P 500 4,136.95 "
        "-22.93 (-0.55%) DOW 33,490.69 +10.00 (+0.03%) Canada's main index, the TSX, rose 0.4% on Monday."
    )
    assert _moves(text) == [
        ("TSX", "up", 0.4, 79.21, 20102.43),
        ("SPX", "down", -0.55, -22.93, 4136.95),
        ("DJIA", "up", 0.03, 10.0, 33490.69),
        ("TSX", "up", 0.4, None, None),
    ]


def test_one_row_ending_in_a_time_stamp_or_an_arrow() -> None:
    assert _moves("DOW 33,490.69 +10.00 (+0.03%) 4:00PM EDT\nStocks rose.") == [
        ("DJIA", "up", 0.03, 10.0, 33490.69)
    ]
    assert _moves("NASDAQ 12,100.00 -30.00 (-0.25%) ▼\nStocks fell.") == [
        ("IXIC", "down", -0.25, -30.0, 12100.0)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # running text around figures in a bar's format is read as a sentence, not a bar
        "The Dow closed at 33,490.69 +10.00 (+0.03%), and the Nasdaq at 12,100.00 -30.00 (-0.25%).",
        # a label that is a company, not an index
        "Apple 190.10 +1.20 (+0.64%) Microsoft 330.50 -2.10 (-0.63%)\nStocks were mixed.",
    ],
)
def test_running_text_and_company_cells_are_not_index_rows(text: str) -> None:
    moves = _moves(text)
    assert all(m[3] is None for m in moves)  # no column read as a points change
