"""published_at: formats, day-first/month-first, and which places in a text count as a date."""

from __future__ import annotations

from datetime import date

import pytest

from streams.extract.dates import find_published_at, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-10-27", date(2025, 10, 27)),
        ("Oct. 27, 2025", date(2025, 10, 27)),
        ("Sept. 30, 2025", date(2025, 9, 30)),
        ("27 October 2025", date(2025, 10, 27)),
        ("October 27, 2025", date(2025, 10, 27)),
        ("Thursday, January 8, 2026", date(2026, 1, 8)),
        ("Nov 12, 2025 04:08 PM", date(2025, 11, 12)),
        ("12/09/2025", date(2025, 9, 12)),  # day-first by default
        ("1st of March 2024", date(2024, 3, 1)),
        ("February 30, 2025", None),
        ("October 2025", None),
    ],
)
def test_parse_date_forms(text: str, expected: date | None) -> None:
    found = parse_date(text)
    assert (found[0] if found else None) == expected


def test_numeric_dates_day_first_or_month_first() -> None:
    assert find_published_at("Published 12/09/2025, 04:08", "Investing.com") == "2025-09-12"
    assert find_published_at("Published 12/09/2025", "CNBC") == "2025-12-09"  # US publisher: month-first
    assert find_published_at("Published 09/13/2025", "Investing.com") == "2025-09-13"  # 13 can only be a day
    assert find_published_at("Published 13/09/2025", "CNBC") == "2025-09-13"
    assert (
        find_published_at("02/05/2026 03:05 PM", "CNA") == "2026-02-05"
    )  # Focus Taiwan stamps are month-first


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2025-10-27 Asian shares rallied.", "2025-10-27"),
        ("Headline\n\nPublished: Oct 28, 2025 11:15 PM\nBody.", "2025-10-28"),
        ("Headline\nSep 23, 2025 2:36 PM\n\nBody.", "2025-09-23"),
        ("By NES Web Desk\n\nDec 29, 2025 16:56 IST\n\nBody.", "2025-12-29"),
        ("Web Editor\n\nSeptember 16, 2025\n\nBody.", "2025-09-16"),
        ("NEW YORK, Oct. 27, 2025 (Reuters) - Stocks rose.", "2025-10-27"),
        ("NEW YORK, 2025-10-27 (Reuters) - Stocks rose.", "2025-10-27"),
        (
            "SEOUL, 2025-13-45 (Yonhap) - no such day.\nNEW YORK, 2025-10-28 (Reuters) - Stocks rose.",
            "2025-10-28",
        ),
        ("JCI Drops as Asian Markets Weaken (Thursday, January 8, 2026)\nBody.", "2026-01-08"),
        (
            "Find out what investors are saying about the TSX close for Sept. 30, 2025, on forums.",
            "2025-09-30",
        ),
        ("Body.\n\n(END) Dow Jones Newswires\n\n09-06-21 1247ET", "2021-09-06"),
        ("Headline\nUpdated 3 March 2025\nBody.", "2025-03-03"),
        # page stamps as other publishers print them
        ("Published Tue, Feb 13 2024 7:51 PM EST\nUpdated Wed, Feb 14 2024 4:40 AM EST", "2024-02-13"),
        ("Headline\nNov 12, 2025 · 01:05 AM\nBody.", "2025-11-12"),
        ("Headline\nJan 02, 2026, 04:13 PM IST\nBody.", "2026-01-02"),
        ("Headline\nUpdated 4:05 PM EDT, October 27, 2025\nBody.", "2025-10-27"),
        ("Published On 27 Oct 2025\nBody.", "2025-10-27"),
        ("Last Updated: October 27, 2025\nBody.", "2025-10-27"),
        # a time with an explicit zone is reliable: keep it
        ("Headline\nOctober 27, 2025 7:17 AM GMT+9Updated 2 hours ago\nBody.", "2025-10-27T07:17:00+09:00"),
        ("Mon, October 27, 2025 at 2:46 AM GMT+9", "2025-10-27T02:46:00+09:00"),
        ("Published: 2025-10-27T09:15:00+09:00", "2025-10-27T09:15:00+09:00"),
        ("Published 12/09/2025, 04:08 GMT", "2025-09-12T04:08:00+00:00"),
        ("Published: Oct 28, 2025 11:15 PM GMT+8", "2025-10-28T23:15:00+08:00"),
    ],
)
def test_page_dates(text: str, expected: str) -> None:
    assert find_published_at(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "TOKYO, Dec 16 (Reuters) – Japan's Nikkei share average dropped.",  # dateline without a year
        "Milan, January 15 - The FTSE Mib passed 20,000.\n\n15 January, 19:59",
        "The VIX settled at 32.80, the highest level since May 4, 2009.",  # date in passing in prose
        "The FTSE Mib closed at 20,045 after passing the mark last seen July 5, 2011.",
        "The Russell 2000 notched a record close for first time since 2021.",
        "The last time the Nifty touched a record high was on Dec. 1, at 26,325.8 points.",
        "Published by TSG Syndication",
    ],
)
def test_no_date(text: str) -> None:
    assert find_published_at(text) is None


def test_stamp_beats_prose_and_published_beats_updated() -> None:
    text = (
        "Published 12/09/2025\nUpdated 13/09/2025\nThe index is at its highest since Friday, July 23, 2021."
    )
    assert find_published_at(text, "Investing.com") == "2025-09-12"
    assert find_published_at("Updated 13/09/2025\nBody (Thursday, January 8, 2026).") == "2026-01-08"
