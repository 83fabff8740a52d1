"""Unsigned scoreboard rows take the direction their list's lead line states (round 3): a lead
that says shares or markets moved ("European shares fell sharply:"), with rows separated by
dashes ("FTSE 100 -- 0.5%"); the other rows of the list are not lead lines.

Hand-written article bodies, not dev or fresh text.
"""

from __future__ import annotations

from streams.extract import normalise_article
from streams.extract.moves import extract_moves


def _rows(body: str) -> list[tuple[str, str | None, float | None]]:
    article = normalise_article(body, origin="list.txt")
    return [(m.index, m.direction, m.change_pct) for m in extract_moves(article)]


def test_a_lead_with_shares_as_subject_signs_every_row() -> None:
    body = "Europe close\nEuropean shares fell sharply:\nFTSE 100 -- 0.5%\nDAX -- 1.1%\nCAC 40 -- 0.9%\nIBEX 35 -- 0.2%"
    assert _rows(body) == [
        ("FTSE100", "down", -0.5),
        ("DAX", "down", -1.1),
        ("CAC40", "down", -0.9),
        ("IBEX35", "down", -0.2),
    ]


def test_a_rally_lead_and_colon_rows() -> None:
    body = "Asia close\nAsian markets rallied on Friday.\nNikkei: 1.2%\nKospi: 0.8%"
    assert _rows(body) == [("NIKKEI225", "up", 1.2), ("KOSPI", "up", 0.8)]


def test_a_lead_about_another_asset_gives_no_direction() -> None:
    body = "Asia close\nThe yen fell against the dollar.\nNikkei: 1.2%"
    assert _rows(body) == [("NIKKEI225", None, 1.2)]
