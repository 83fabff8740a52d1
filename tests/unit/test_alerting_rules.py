"""The alert rules file: the packaged defaults equal the contract's table; bad files fail fast."""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.alerting import AlertRules, alert_rules_from_mapping, load_alert_rules

# Typed from shared/contract.md's "Canonical index ids and default milestone steps" table.
CONTRACT_STEPS: dict[str, float | None] = {
    "NIKKEI225": 5000,
    "TOPIX": 500,
    "KOSPI": 500,
    "KOSDAQ": 100,
    "HSI": 5000,
    "HSTECH": 1000,
    "HSCEI": 1000,
    "CSI300": 500,
    "SSEC": 500,
    "SZCOMP": 1000,
    "SZSECOMP": None,
    "TAIEX": 5000,
    "ASX200": 1000,
    "NZX50": 1000,
    "STI": 500,
    "NIFTY50": 1000,
    "NIFTYBANK": None,
    "SENSEX": 5000,
    "JCI": 1000,
    "KLCI": 100,
    "SET": 100,
    "DJIA": 1000,
    "SPX": 500,
    "IXIC": 1000,
    "NDX": 1000,
    "RUT": 500,
    "VIX": None,
    "TSX": 1000,
    "FTSE100": 500,
    "DAX": 1000,
    "CAC40": 500,
    "STOXX600": 50,
    "SX5E": 500,
    "IBEX35": 1000,
    "FTSEMIB": 5000,
    "SMI": 1000,
    "IBOV": 10000,
}


def test_packaged_defaults_are_the_contract() -> None:
    rules = load_alert_rules()
    assert dict(rules.steps) == CONTRACT_STEPS
    assert len(rules.steps) == 37
    assert dict(rules.milestones) == {}
    assert all(
        (
            rules.textual_milestones,
            rules.level_crossings,
            rules.stale_by_date,
            rules.stale_by_direction,
            rules.same_article_intraday,
            rules.once_per_episode,
            rules.records,
            rules.skip_futures,
        )
    )
    assert rules.step("VIX") is None
    assert rules.step("NOT_AN_INDEX") is None
    assert rules.extra_milestones("NIKKEI225") == ()


def test_code_defaults_switch_every_rule_on() -> None:
    rules = AlertRules()
    assert rules.records and rules.once_per_episode and rules.skip_futures


def test_custom_file(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        """
version = 1
[rules]
records = false
[steps]
NIKKEI225 = 2500
VIX = "None"
[milestones]
NIKKEI225 = [55000, 50000, 50000, 38915.87]
VIX = []
""",
        encoding="utf-8",
    )
    rules = load_alert_rules(path)
    assert dict(rules.steps) == {"NIKKEI225": 2500, "VIX": None}
    assert rules.extra_milestones("NIKKEI225") == (38915.87, 50000, 55000)
    assert rules.extra_milestones("VIX") == ()
    assert rules.records is False
    assert rules.level_crossings is True


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[steps]\nDJIA = -1000\n", "[steps].DJIA must be a positive finite number"),
        ("[steps]\nDJIA = 0\n", "[steps].DJIA must be a positive finite number"),
        ("[steps]\nDJIA = nan\n", "[steps].DJIA must be a positive finite number"),
        ('[steps]\nDJIA = "1000"\n', '[steps].DJIA must be a positive number or "none"'),
        ("[steps]\nDJIA = true\n", "[steps].DJIA must be a number"),
        ("steps = 5\n", "[steps] must be a table"),
        ("[milestones]\nDJIA = 47000\n", "[milestones].DJIA must be a list of numbers"),
        ('[milestones]\nDJIA = ["47000"]\n', "[milestones].DJIA entry must be a number"),
        ("[rules]\nrecord = false\n", "unknown rule switch [rules].record"),
        ('[rules]\nrecords = "no"\n', "[rules].records must be true or false"),
        ("[stpes]\nDJIA = 1000\n", "unknown top-level key(s): stpes"),
        ("version = 2\n", "unsupported version 2"),
        ("[steps\nDJIA = 1000\n", "is not valid TOML"),
    ],
)
def test_bad_file_names_the_file_and_the_problem(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "bad_rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as info:
        load_alert_rules(path)
    message = str(info.value)
    assert str(path) in message
    assert problem in message


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    with pytest.raises(ValueError, match=r"nowhere\.toml"):
        load_alert_rules(path)


def test_from_mapping_names_its_source() -> None:
    with pytest.raises(ValueError, match=r"bad alert rules in settings: \[steps\]\.X"):
        alert_rules_from_mapping({"steps": {"X": -1}}, source="settings")
