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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a byline or agency credit before the date, maybe with a time, maybe glued to the date
        ("Headline\n\nMaria Lopez Feb 3, 2025\nBody.", "2025-02-03"),
        ("Headline\nBy Tom Reed | March 4, 2023\nBody.", "2023-03-04"),
        ("Headline\nJohn Carter12 May 2022\nBody.", "2022-05-12"),
        ("Headline\n(Kyodo) 09:15, March 3, 2021\nBody.", "2021-03-03"),
        ("Headline\nYonhap, October 5, 2019\nBody.", "2019-10-05"),
        # page furniture after the stamp
        ("Headline\nMar 2nd, 2018 | By | Category: Markets\nBody.", "2018-03-02"),
        ("Headline\nBernama, June 9, 2020 Adjust font size:\nBody.", "2020-06-09"),
        ("Body.\nMarch 12, 2024 10:15 ET (14:15 GMT)\nCopyright (c) 2024", "2024-03-12"),
        ("11 Jun, 2024 @ 09:30\nHeadline\nBody.", "2024-06-11"),
        # labels like "Published"
        ("Headline\nWritten: 2024-05-06 10:03:54Updated: 2024-05-06 11:00:00\nBody.", "2024-05-06"),
        ("FIRST AIRED: June 3, 2017\n\nBody.", "2017-06-03"),
        # the headline's own date at its end, after a dash or its weekday
        ("Stocks rally as rate cut nears – 15/02/2024 at 5:30 p.m.\n\nBody.", "2024-02-15"),
        ("How Asian markets fared Tuesday 4/18/2023\n\nBody.", "2023-04-18"),
        # a dated dateline with an all-numeric date after a time
        ("10:15 AM EST, 12/14/2025 (MT Newswires) -- Stocks rose.", "2025-12-14"),
    ],
)
def test_credit_lines_furniture_and_headline_dates(text: str, expected: str) -> None:
    assert find_published_at(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # prose, captions and review dates around the same forms
        "Headline\nSince March 23, 2020\nBody.",
        "Headline\nThe Dow closed at 38,000 on March 5, 2024\nBody.",
        "Headline\nFile Photo March 5, 2024\nBody.",
        "Headline\nREUTERS/Brendan McDermid March 5, 2024\nBody.",
        "Headline\nNext Review December 19, 2025\nBody.",
        "Headline\nJohn Carter Nov 4, 2024 said the index was fine\nBody.",
        # a date at the end of a headline without a dash or weekday is prose
        "Dow posts best day since March 23, 2020\n\nBody.",
        # a date at the end of a later line is no headline date
        "Headline\n\nStocks fared Monday 3/20/2023\nBody.",
        # the weekday before the date fits neither reading: not trusted
        "How Asian markets fared Friday 4/18/2023\n\nBody.",
    ],
)
def test_no_credit_or_headline_date(text: str) -> None:
    assert find_published_at(text) is None


def test_weekday_settles_an_ambiguous_numeric_date() -> None:
    # 7 March 2024 was a Thursday, 3 July 2024 a Wednesday.
    headline = "Paris closes higher – 03/07/2024 at 6:43 p.m.\n\n"
    assert find_published_at(headline + "The CAC 40 rose 1% on Thursday.") == "2024-03-07"
    assert find_published_at(headline + "The CAC 40 rose 1% on Wednesday.") == "2024-07-03"
    # no weekday, or one that fits neither reading: the default day-first order
    assert find_published_at(headline + "The CAC 40 rose 1%.") == "2024-07-03"
    assert find_published_at(headline + "The CAC 40 rose 1% on Friday.") == "2024-07-03"
    # a publisher of known order is not overruled by the text's weekday
    assert (
        find_published_at("Published 03/07/2024\nOn Thursday the index rose.", "Investing.com")
        == "2024-07-03"
    )
    assert find_published_at("Published 03/07/2024\nOn Wednesday the index rose.", "CNBC") == "2024-03-07"
    # a weekday written right before the date settles it whoever publishes
    assert (
        find_published_at("How markets fared Thursday 03/07/2024\n\nBody.", "Investing.com") == "2024-03-07"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a byline whose name the page left out, with the page's zone in a parenthesis
        ("Headline\n\nBy Mar 14, 2022 (Gmt+09:00)\n\nBody.", "2022-03-14"),
        ("Headline\nBy 5 June 2018 (UTC+1)\nBody.", "2018-06-05"),
        # the date inside the agency's parenthesis of a dateline, ordinal day and short month
        ("Seoul, (Asia Wire / Market Desk - 4th Feb, 2020 ) :Seoul stocks rose on Tuesday.", "2020-02-04"),
        ("(Gulf News Service - 11th Nov, 2017) Shares in Dubai fell.", "2017-11-11"),
        ("TOKYO, (Kyodo Wire, March 2, 2015) - Tokyo stocks climbed.", "2015-03-02"),
        # a text that opens with its stamp, date and time, the time maybe glued to the year
        ("12 May 202114.05 The Milan bourse closed higher on Wednesday.", "2021-05-12"),
        ("12 May 2021 14.05 The Milan bourse closed higher on Wednesday.", "2021-05-12"),
        ("May 12, 2021 09:40 - Stocks opened higher in Milan.", "2021-05-12"),
    ],
)
def test_bare_bylines_agency_parenthesis_and_opening_stamps(text: str, expected: str) -> None:
    assert find_published_at(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "By" before a date in prose is no byline: the line goes on
        "Headline\nBy March 5, 2024 the index had doubled.\nBody.",
        # a parenthesis that closes on a date but opens no dateline
        "The index rose (its best day since the crash - 4th Feb, 2020) on Tuesday.",
        "Headline\nShares rallied strongly this week (see chart - March 2, 2015)\nBody.",
        # an opening date with no time after it, or a figure instead of a time
        "12 May 2021 was a black day for the Milan bourse.",
        "March 9, 2020, 10.50 points were lost in the first minutes.",
        # a glued time later in the text is no opening stamp
        "Headline\nThe crash of 09 March 202017.53 was recalled.\nBody.",
    ],
)
def test_no_bare_byline_agency_or_opening_stamp(text: str) -> None:
    assert find_published_at(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021.01.07", date(2021, 1, 7)),
        ("2021/1/7 16:39", date(2021, 1, 7)),
        ("Closed on 2019.12.23.", date(2019, 12, 23)),
        ("2021.13.07", None),  # no 13th month
        ("2021.01", None),
        ("2021.01.07.5", None),  # a version number, not a date
        ("2021-1-7", None),  # ISO keeps two digits
    ],
)
def test_year_first_dotted_and_slashed_dates(text: str, expected: date | None) -> None:
    found = parse_date(text)
    assert (found[0] if found else None) == expected


def test_year_first_stamps_on_a_page() -> None:
    assert find_published_at("Kospi ends above 3,000\n2021.01.07 17:03\nBody.") == "2021-01-07"
    assert find_published_at("Headline\nPublished 2020/03/09 10:15\nBody.") == "2020-03-09"
    # a year-first date in prose dates nothing
    assert find_published_at("Headline\nThe index peaked on 2021.01.07 and fell since.\nBody.") is None


def test_a_dotted_time_with_a_zone_after_the_date() -> None:
    """The Guardian's stamp "Tue 12 Mar 2024 10.05 GMT": a dotted time needs a zone or am/pm."""
    body = "FTSE 100 rises\n{}\nThe FTSE 100 rose 0.4%."
    assert find_published_at(body.format("Tue 12 Mar 2024 10.05 GMT")) == "2024-03-12T10:05:00+00:00"
    assert find_published_at(body.format("Wednesday 5 June 2024 16.40 BST")) == "2024-06-05"
    assert find_published_at(body.format("5 June 2024 4.40 pm")) == "2024-06-05"
    # near-miss: a dotted number without a zone is no time; the line is not a stamp
    assert find_published_at(body.format("5 June 2024 10.05")) is None
