"""An alert as people read it (streams/alerting/display.py): the expected texts are written out by hand."""

from __future__ import annotations

from schemas import Alert
from streams.alerting.display import COLUMNS, AlertCells, alert_cells, alert_line, alert_summary, number

NIKKEI = Alert(
    alert_id="nikkei-50000-up-1",
    kind="milestone",
    index="NIKKEI225",
    direction="up",
    milestone=50000.0,
    level=50212.27,
    first_time=True,
    article_id="a1",
    published_at="2025-10-27",
    sentence="The Nikkei topped 50,000 for the first time.",
)
KOSPI_RECORD = Alert(
    alert_id="kospi-record-1",
    kind="record",
    index="KOSPI",
    direction="up",
    level=4100.5,
    article_id="a2",
    sentence="The Kospi closed at a record 4,100.50 [Yonhap].",
)
DOW_TEXTUAL = Alert(  # a textual milestone: the article gave no level, nor a date
    alert_id="dow-47000-down-1",
    kind="milestone",
    index="DJIA",
    direction="down",
    milestone=47000.0,
    article_id="a3",
    sentence="The Dow fell below 47,000.",
)


def test_the_line_tail_prints() -> None:
    assert alert_line(NIKKEI) == (
        "NIKKEI225  milestone 50,000   up   level 50,212.27  FIRST TIME  [2025-10-27]  "
        "The Nikkei topped 50,000 for the first time."
    )
    assert alert_line(KOSPI_RECORD) == (
        "KOSPI      record             up   level 4,100.5  [-]  The Kospi closed at a record 4,100.50 [Yonhap]."
    )
    assert alert_line(DOW_TEXTUAL) == (
        "DJIA       milestone 47,000   down level -  [-]  The Dow fell below 47,000."
    )


def test_the_summary_the_log_writes_has_the_same_words_without_the_evidence() -> None:
    assert alert_summary(NIKKEI) == "NIKKEI225 milestone 50,000 up level 50,212.27 FIRST TIME"
    assert alert_summary(KOSPI_RECORD) == "KOSPI record up level 4,100.5"
    assert alert_summary(DOW_TEXTUAL) == "DJIA milestone 47,000 down"  # no "level -" in a log line


def test_the_cells_a_table_shows_in_the_lines_order() -> None:
    assert COLUMNS == ("index", "alert", "dir", "level", "first", "published", "sentence")
    assert alert_cells(NIKKEI) == AlertCells(
        index="NIKKEI225",
        alert="milestone 50,000",
        dir="up",
        level="50,212.27",
        first="FIRST TIME",
        published="2025-10-27",
        sentence="The Nikkei topped 50,000 for the first time.",
    )
    assert tuple(alert_cells(DOW_TEXTUAL)) == (
        "DJIA",
        "milestone 47,000",
        "down",
        "-",
        "",
        "-",
        "The Dow fell below 47,000.",
    )


def test_numbers_have_separators_and_no_precision_the_article_did_not_give() -> None:
    assert number(50000.0) == "50,000"
    assert number(1_000_000.0) == "1,000,000"  # the tables printed "1e+06" with :g
    assert number(50212.27) == "50,212.27"
    assert number(50212.3) == "50,212.3"
    assert number(16.125) == "16.12"  # two decimals at most (banker's rounding of the float)
    assert number(0.0) == "0"
    assert number(None) == "-"
