"""apply_move: the alert agent's step for one index move, pure (streams/alerting/apply.py).

Expected values by hand from the contract: the Nikkei's step is 5,000, so a rise from 49,000 to
50,200 crosses 50,000 once.
"""

from __future__ import annotations

from streams.alerting import IndexState, apply_move, load_alert_rules
from streams.alerting.positions import MovePosition
from tests.builders import index_move

RULES = load_alert_rules()


def test_a_move_stores_the_new_state_with_its_position_and_fires_its_alerts() -> None:
    first = apply_move(None, index_move(level=49_000), MovePosition(0, 10, 0), RULES)
    assert first.alerts == [] and not first.repeat
    assert first.stored is not None and first.stored["last_level"] == 49_000
    assert first.stored["applied"] == {"0": [10, 0]}
    second = apply_move(
        first.stored, index_move(level=50_200, article_id="a2"), MovePosition(0, 11, 0), RULES
    )
    assert [(a.kind, a.milestone) for a in second.alerts] == [("milestone", 50_000)]
    assert second.stored is not None and second.stored["applied"] == {"0": [11, 0]}
    assert second.state is not None and second.state.last_level == 50_200


def test_a_move_at_or_before_the_last_position_applied_is_a_repeat_and_changes_nothing() -> None:
    stored = apply_move(None, index_move(level=49_000), MovePosition(0, 10, 1), RULES).stored
    for position in (MovePosition(0, 10, 1), MovePosition(0, 10, 0), MovePosition(0, 9, 5)):
        again = apply_move(stored, index_move(level=50_200), position, RULES)
        assert again.repeat and again.stored is None and again.alerts == []


def test_positions_are_kept_per_articles_partition() -> None:
    stored = apply_move(None, index_move(level=49_000), MovePosition(0, 10, 0), RULES).stored
    other = apply_move(stored, index_move(level=50_200), MovePosition(1, 3, 0), RULES)
    assert not other.repeat and [a.milestone for a in other.alerts] == [50_000]
    assert other.stored is not None and other.stored["applied"] == {"0": [10, 0], "1": [3, 0]}


def test_a_move_without_a_position_is_stored_only_when_it_changes_the_state() -> None:
    stored = apply_move(None, index_move(level=49_000), MovePosition(0, 10, 0), RULES).stored
    flat = index_move(direction=None, change_pct=0.1, article_id="x")
    unchanged = apply_move(stored, flat, None, RULES)
    assert unchanged.stored is None and not unchanged.repeat and unchanged.alerts == []
    changed = apply_move(stored, index_move(level=50_200), None, RULES)
    assert changed.stored is not None and changed.stored["applied"] == {"0": [10, 0]}


def test_a_parsed_state_given_by_the_caller_gives_the_same_result() -> None:
    stored = apply_move(None, index_move(level=49_000), MovePosition(0, 10, 0), RULES).stored
    assert stored is not None
    parsed = IndexState.from_dict(stored)
    with_hint = apply_move(stored, index_move(level=50_200), MovePosition(0, 11, 0), RULES, state=parsed)
    without = apply_move(stored, index_move(level=50_200), MovePosition(0, 11, 0), RULES)
    assert with_hint.stored == without.stored and with_hint.alerts == without.alerts
