"""Invariants of the alert state machine over random move sequences (hypothesis)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from schemas import Alert, IndexMove
from streams.alerting import IndexState, advance, load_alert_rules

RULES = load_alert_rules()

moves = st.builds(
    IndexMove,
    article_id=st.sampled_from(["a", "b", "c"]),
    sentence=st.just("s"),
    index=st.just("DJIA"),
    direction=st.sampled_from(["up", "down", "flat", None]),
    level=st.one_of(st.none(), st.integers(44000, 50000).map(float), st.floats(44000, 50000)),
    milestone=st.one_of(st.none(), st.sampled_from([45000.0, 47000.0, 47500.0])),
    record_high=st.booleans(),
    intraday=st.booleans(),
    futures=st.booleans(),
    published_at=st.one_of(st.none(), st.sampled_from(["2025-10-01", "2025-10-02", "2025-10-03"])),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(moves, max_size=25))
def test_invariants(sequence: list[IndexMove]) -> None:
    state: IndexState | None = None
    alerts: list[Alert] = []
    for move in sequence:
        before = None if state is None else state.to_dict()
        new, fired = advance(state, move, RULES)
        # the input state is never mutated; the new state survives JSON unchanged
        assert (None if state is None else state.to_dict()) == before
        if new is not None:
            assert IndexState.from_dict(json.loads(json.dumps(new.to_dict()))) == new
            # H is the highest level ever stood at, so never below P
            assert new.high is not None and new.last_level is not None and new.high >= new.last_level
        if move.futures or move.direction is None:
            assert new is state and fired == []
        kinds = [a.kind for a in fired]
        assert kinds == sorted(kinds, key=lambda k: k == "record")  # milestones before the record
        state = new
        alerts.extend(fired)
    # once per episode, records strictly rising: within one run no alert_id repeats
    assert len({a.alert_id for a in alerts}) == len(alerts)
