"""Plausible figures (contract) and alert rule 8, the bad-tick filter.

The ranges are the contract's table (streams/config/indices.toml). Expected values are worked by
hand: the Nikkei's range is 5,000-300,000 with a step of 5,000; the VIX's is 5-200.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from schemas import Article, IndexMove
from streams.alerting import advance, implausible_figures, load_alert_rules
from streams.alerting.rules import alert_rules_from_mapping
from streams.extract import extract_moves, load_registry, normalise_article
from streams.extract.indices import default_registry
from tests.builders import index_move

RULES = load_alert_rules()


# ------------------------------------------------------------------------------ the registry's ranges


def test_every_contract_index_has_its_range() -> None:
    ranges = default_registry().ranges
    assert len(ranges) == 37
    assert ranges["NIKKEI225"] == (5_000, 300_000)
    assert ranges["VIX"] == (5, 200)
    assert ranges["SENSEX"] == (2_000, 1_000_000)


@pytest.mark.parametrize(
    ("toml", "reason"),
    [
        ('[[index]]\nid = "VNINDEX"\nnames = ["VN-Index"]\n', "index VNINDEX has no range"),
        ('[[index]]\nid = "VNINDEX"\nnames = ["VN-Index"]\nrange = [2000, 100]\n', "low must be below high"),
        ('[[index]]\nid = "VNINDEX"\nnames = ["VN-Index"]\nrange = [0, 100]\n', "positive finite"),
        ('[[index]]\nid = "VNINDEX"\nnames = ["VN-Index"]\nrange = ["1", "2"]\n', "positive finite"),
        ('[[index]]\nid = "VNINDEX"\nnames = ["VN-Index"]\nrange = [100]\n', "range must be [low, high]"),
    ],
)
def test_a_bad_range_is_a_clear_error_naming_file_and_index(tmp_path: Path, toml: str, reason: str) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(toml, encoding="utf-8")
    with pytest.raises(ValueError, match="VNINDEX") as caught:
        load_registry(extra)
    assert reason in str(caught.value) and str(extra) in str(caught.value)


def test_a_configured_range_narrows_a_contract_index(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text('[[index]]\nid = "VIX"\nrange = [8, 90]\n', encoding="utf-8")
    rules = load_alert_rules(registry=load_registry(extra))
    assert implausible_figures(index_move("VIX", direction=None, level=95.0), rules) == ("level",)


# ------------------------------------------------------------------------------ extraction


def moves_of(body: str) -> list[IndexMove]:
    return extract_moves(Article(article_id="a", origin="a.txt", body=body))


def test_a_figure_outside_the_range_is_left_out_and_the_rest_stands() -> None:
    (move,) = moves_of("The Cboe Volatility Index jumped 12% to 250 on Monday.")
    assert (move.index, move.direction, move.change_pct, move.level) == ("VIX", "up", 12, None)


def test_a_level_that_looks_like_a_year_is_kept_when_plausible() -> None:
    """An S&P 500 at 1971 (August 2015) is a level, not a year."""
    (move,) = moves_of("The S&P 500 fell 3.2% to 1,971.")
    assert (move.index, move.change_pct, move.level) == ("SPX", -3.2, 1971)


# ------------------------------------------------------------------------------ rule 8


def test_a_level_outside_the_range_changes_no_state_and_fires_nothing() -> None:
    state, _ = advance(None, index_move(direction="up", level=49_000), RULES)
    misread = index_move(direction="down", level=2)  # "slid to a 2-1/2-year low" read as a level
    after, alerts = advance(state, misread, RULES)
    assert alerts == [] and after is state
    assert implausible_figures(misread, RULES) == ("level",)
    # the next true level crosses nothing either: the misread never became the last level
    _, alerts = advance(after, index_move(direction="up", level=49_500), RULES)
    assert alerts == []


def test_a_milestone_outside_the_range_fires_nothing() -> None:
    state, _ = advance(None, index_move(direction="up", level=49_000), RULES)
    # "shed more than 800 points"
    after, alerts = advance(state, index_move(direction="down", milestone=800), RULES)
    assert alerts == [] and after is state


def test_the_rest_of_a_move_with_a_bad_figure_still_counts() -> None:
    """A sound milestone beside an implausible level: the level is ignored, the milestone fires."""
    state, _ = advance(None, index_move(direction="up", level=49_000), RULES)
    _, alerts = advance(state, index_move(direction="up", level=500_000, milestone=50_000), RULES)
    assert [(a.kind, a.milestone, a.level) for a in alerts] == [("milestone", 50_000, None)]


@pytest.mark.parametrize("level", [5_000, 300_000])
def test_a_level_at_either_end_of_the_range_is_kept(level: float) -> None:
    state, _ = advance(None, index_move(direction="up", level=10_000 if level == 5_000 else 290_000), RULES)
    direction = "down" if level == 5_000 else "up"
    after, alerts = advance(state, index_move(direction=direction, level=level), RULES)
    assert implausible_figures(index_move(direction=direction, level=level), RULES) == ()
    assert after is not None and after.last_level == level
    # down 10,000 -> 5,000 crosses 10,000 only (L < M <= P); up 290,000 -> 300,000 crosses 295,000, 300,000
    assert [a.milestone for a in alerts] == ([10_000.0] if level == 5_000 else [295_000.0, 300_000.0])


def test_the_filter_can_be_switched_off() -> None:
    rules = alert_rules_from_mapping({"rules": {"bad_tick_filter": False}, "steps": {"NIKKEI225": 5000}})
    state, _ = advance(None, index_move(direction="up", level=49_000), rules)
    after, _ = advance(state, index_move(direction="down", level=2), rules)
    assert after is not None and after.last_level == 2


def test_no_figure_extracted_from_seeds_or_dev_lies_outside_its_range() -> None:
    registry = default_registry()
    root = Path(__file__).resolve().parents[2]
    paths = [
        *sorted((root / "seeds").glob("*.txt")),
        *sorted((root / "tests/data/dev/articles").glob("*.txt")),
    ]
    assert len(paths) == 89
    outside = [
        (path.name, move.index, figure)
        for path in paths
        for move in extract_moves(normalise_article(path.read_text(encoding="utf-8"), origin=path.name))
        for figure in (move.level, move.milestone)
        if not registry.plausible(move.index, figure)
    ]
    assert outside == []
