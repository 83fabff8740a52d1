"""The misread-figure guard: a level move spanning more than ``max_steps_per_move`` steps changes nothing."""

from __future__ import annotations

import pytest

from streams.alerting import advance, alert_rules_from_mapping, load_alert_rules
from streams.alerting.state import IndexState
from tests.builders import index_move


def test_packaged_default_is_100_steps() -> None:
    assert load_alert_rules().max_steps_per_move == 100


def test_a_trillion_dow_after_47000_changes_nothing() -> None:
    rules = load_alert_rules()
    state, _ = advance(None, index_move("DJIA", level=47207.12), rules)
    assert state is not None
    after, alerts = advance(state, index_move("DJIA", level=1_000_000_000_000.0), rules)
    assert alerts == [] and after == state


def test_a_big_but_plausible_move_still_crosses_every_step() -> None:
    """DJIA step 1000: 47,207.12 → 52,100 crosses 48,000 ... 52,000, five alerts (5 steps <= 100)."""
    rules = load_alert_rules()
    state, _ = advance(None, index_move("DJIA", level=47207.12), rules)
    after, alerts = advance(state, index_move("DJIA", level=52100.0), rules)
    assert [a.milestone for a in alerts] == [48000, 49000, 50000, 51000, 52000]
    assert isinstance(after, IndexState) and after.last_level == 52100


def test_the_limit_is_configurable() -> None:
    rules = alert_rules_from_mapping({"steps": {"DJIA": 1000}, "limits": {"max_steps_per_move": 2}})
    state, _ = advance(None, index_move("DJIA", level=47207.12), rules)
    _, alerts = advance(state, index_move("DJIA", level=50100.0), rules)  # 2.9 steps: over the limit of 2
    assert alerts == []
    _, alerts = advance(state, index_move("DJIA", level=49100.0), rules)  # 1.9 steps: within it
    assert [a.milestone for a in alerts] == [48000, 49000]


@pytest.mark.parametrize("bad", [0, -5, "many", True])
def test_a_bad_limit_names_the_setting(bad: object) -> None:
    with pytest.raises(ValueError, match=r"\[limits\]\.max_steps_per_move"):
        alert_rules_from_mapping({"limits": {"max_steps_per_move": bad}})


def test_an_unknown_limit_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown limit"):
        alert_rules_from_mapping({"limits": {"max_alerts": 3}})
