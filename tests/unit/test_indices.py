"""The index registry: names to canonical ids, longest name first, exclusions, extra TOML."""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.extract.indices import default_registry, load_registry

CONTRACT_IDS = {
    "NIKKEI225", "TOPIX", "KOSPI", "KOSDAQ", "HSI", "HSTECH", "HSCEI", "CSI300", "SSEC", "SZCOMP",
    "SZSECOMP", "TAIEX", "ASX200", "NZX50", "STI", "NIFTY50", "NIFTYBANK", "SENSEX", "JCI", "KLCI",
    "SET", "DJIA", "SPX", "IXIC", "NDX", "RUT", "VIX", "TSX", "FTSE100", "DAX", "CAC40", "STOXX600",
    "SX5E", "IBEX35", "FTSEMIB", "SMI", "IBOV",
}  # fmt: skip


def ids(text: str) -> list[str]:
    return [m.index_id for m in default_registry().find_mentions(text)]


def test_every_contract_id_is_registered() -> None:
    assert default_registry().ids == CONTRACT_IDS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hong Kong's Hang Seng TECH rose", ["HSTECH"]),
        ("the Hang Seng index fell", ["HSI"]),
        ("shares of Hang Seng Bank fell", []),
        ("Nasdaq 100 futures", ["NDX"]),
        ("the Nasdaq Composite", ["IXIC"]),
        ("Nifty Bank and Nifty 50", ["NIFTYBANK", "NIFTY50"]),
        ("Italy's FTSE MIB and the FTSE 100", ["FTSEMIB", "FTSE100"]),
        ("the Shenzhen Composite, not the Shenzhen Component", ["SZSECOMP", "SZCOMP"]),
        ("Australia's ASX/S&P 200 and S&P/ASX 200", ["ASX200", "ASX200"]),
        ("the S&P/TSX composite index", ["TSX"]),
        ("Japan's Nikkei share average", ["NIKKEI225"]),
        ("the Nifty Midcap 100 and ChiNext", []),
        ("the Swiss Performance Index", []),
        ("the Dow and INDU", ["DJIA", "DJIA"]),
    ],
)
def test_longest_name_wins(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_short_names_are_case_sensitive() -> None:
    assert ids("a set of data, the dax of it, a smi") == []
    assert ids("The SET index, the DAX, the SMI and the STI") == ["SET", "DAX", "SMI", "STI"]


def test_ticker_and_compound_are_not_mentions() -> None:
    assert ids("Nvidia (NASDAQ:NVDA) and Nasdaq-listed firms") == []


def test_mention_spans_point_at_the_name() -> None:
    text = "South Korea's KOSPI rose"
    (mention,) = default_registry().find_mentions(text)
    assert text[mention.start : mention.end] == "KOSPI"


def test_extra_toml_adds_an_index(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[index]]\nid = "VNINDEX"\nnames = ["VN-Index", "VN Index"]\nrange = [100, 20000]\n',
        encoding="utf-8",
    )
    registry = load_registry(extra)
    assert [m.index_id for m in registry.find_mentions("Vietnam's VN-Index rose 1%")] == ["VNINDEX"]
    assert "VNINDEX" in registry.ids
