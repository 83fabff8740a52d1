"""Every alert rule of shared/contract.md ("When an alert fires", 1-7), one table or test each.

Expected values are worked by hand from the contract; steps are the contract's defaults
(DJIA 1000, NIKKEI225 5000, DAX 1000, FTSE100 500, TSX 1000, IBOV 10000, VIX none).
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Iterable
from typing import Any

import pytest

from schemas import Alert, IndexMove
from streams.alerting import AlertRules, IndexState, advance, alert_id, load_alert_rules
from tests.builders import index_move

RULES = load_alert_rules()


def fold(
    moves: Iterable[IndexMove], rules: AlertRules = RULES, state: IndexState | None = None
) -> tuple[IndexState | None, list[Alert]]:
    alerts: list[Alert] = []
    for move in moves:
        state, fired = advance(state, move, rules)
        alerts.extend(fired)
    return state, alerts


def brief(alerts: Iterable[Alert]) -> list[tuple[Any, ...]]:
    """(kind, direction, milestone or level) per alert."""
    return [(a.kind, a.direction, a.milestone if a.kind == "milestone" else a.level) for a in alerts]


def start(level: float, index: str = "DJIA", **kw: Any) -> IndexState:
    """A state whose P = H = ``level``, set by a plain level move (no record, no crossing: no P before)."""
    state, alerts = advance(None, index_move(index, "up", level, **kw), RULES)
    assert alerts == []
    assert state is not None
    return state


# Rule 1: textual milestone -------------------------------------------------------------------


def test_textual_milestone_fires_without_any_prior_state() -> None:
    state, alerts = fold(
        [
            index_move(
                "NIKKEI225",
                "up",
                milestone=50000,
                first_time=True,
                article_id="000.txt",
                published_at="2025-10-27",
            )
        ]
    )
    assert brief(alerts) == [("milestone", "up", 50000)]
    (alert,) = alerts
    assert alert.level is None
    assert alert.first_time is True
    assert alert.index == "NIKKEI225"
    assert alert.article_id == "000.txt"
    assert alert.published_at == "2025-10-27"
    assert alert.sentence == "s"
    assert state is not None and state.last_level == 50000 and state.high == 50000


def test_textual_milestone_need_not_be_a_step_multiple() -> None:
    _, alerts = fold([index_move("IBOV", "up", milestone=144000)])
    assert brief(alerts) == [("milestone", "up", 144000)]


def test_textual_milestone_going_down() -> None:
    _, alerts = fold([index_move("SENSEX", "down", milestone=85000)])
    assert brief(alerts) == [("milestone", "down", 85000)]


@pytest.mark.parametrize("direction", [None, "flat"])
def test_textual_milestone_without_up_or_down_fires_nothing(direction: str | None) -> None:
    state, alerts = fold([index_move("NIKKEI225", direction, milestone=50000)])
    assert alerts == []
    assert state is None


def test_textual_milestone_with_level_and_no_prior_level() -> None:
    """Seed 000's Dow: no P, so rule 2 crosses nothing; rule 1 fires 47000 with the move's level."""
    state, alerts = fold([index_move("DJIA", "up", 47207.12, 47000, first_time=True)])
    assert brief(alerts) == [("milestone", "up", 47000)]
    assert alerts[0].level == 47207.12
    assert state is not None and state.last_level == 47207.12 and state.high == 47207.12


# Rule 2: level crossings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "p", "direction", "level", "expected"),
    [
        ("DJIA", 46500, "up", 47207.12, [47000]),
        ("DJIA", 46000, "up", 47000, [47000]),  # landing exactly on a multiple counts
        ("DJIA", 47000, "up", 47500, []),  # starting exactly on it does not: P < M
        ("DJIA", 47000, "down", 46800, [47000]),  # starting on it going down counts: M <= P
        ("DJIA", 47200, "down", 47000, []),  # landing on it going down does not: L < M
        ("DAX", 20000, "down", 19800, [20000]),  # the contract's own example
        ("DJIA", 46200, "up", 46800, []),
        ("DJIA", 44900, "up", 47100, [45000, 46000, 47000]),  # ascending going up
        ("DJIA", 47100, "down", 44900, [47000, 46000, 45000]),  # descending going down
        ("STOXX600", 567.6, "up", 601.0, [600]),  # step 50
        ("FTSE100", 9427.73, "up", 10004.57, [9500, 10000]),  # step 500
        ("NIKKEI225", 44888, "up", 45055.38, [45000]),  # seeds-chronological
    ],
)
def test_level_crossings(index: str, p: float, direction: str, level: float, expected: list[float]) -> None:
    _, alerts = fold([index_move(index, direction, level, article_id="b")], state=start(p, index))
    assert brief(alerts) == [("milestone", direction, m) for m in expected]
    assert all(a.level == level for a in alerts)


def test_no_prior_level_crosses_nothing() -> None:
    state, alerts = fold([index_move("DJIA", "up", 47207.12)])
    assert alerts == []
    assert state is not None and state.last_level == 47207.12


def test_textual_milestone_that_is_also_crossed_fires_once() -> None:
    _, alerts = fold([index_move("DJIA", "up", 47207.12, 47000)], state=start(45900))
    assert brief(alerts) == [("milestone", "up", 46000), ("milestone", "up", 47000)]


def test_textual_milestone_outside_the_crossed_range_is_merged_in_order() -> None:
    """P = 46100 up to 46900 crosses no multiple; the text's 46500 still fires (rule 1)."""
    _, alerts = fold([index_move("DJIA", "up", 46900, 46500)], state=start(46100))
    assert brief(alerts) == [("milestone", "up", 46500)]


def test_textual_milestone_without_level_does_not_fire_the_round_numbers_between() -> None:
    """Seeds-chronological KOSPI: P = 3452.5, "to exceed 4,000": only 4000, not 3500."""
    state, alerts = fold([index_move("KOSPI", "up", milestone=4000)], state=start(3452.5, "KOSPI"))
    assert brief(alerts) == [("milestone", "up", 4000)]
    assert state is not None and state.last_level == 4000 and state.high == 4000


# Rule 3: stale news ---------------------------------------------------------------------------


def test_older_article_is_stale_by_date_even_when_its_direction_agrees() -> None:
    before = start(44888, "NIKKEI225", published_at="2025-09-08", article_id="new")
    state, alerts = fold(
        [index_move("NIKKEI225", "up", 45100, record_high=True, published_at="2025-09-01", article_id="old")],
        state=before,
    )
    assert alerts == []
    assert state is before


def test_newer_article_is_not_stale_even_when_its_direction_disagrees() -> None:
    """An up move below P from a later day is news: nothing crossed, but P follows it."""
    before, _ = fold(
        [index_move("NIKKEI225", "up", milestone=50000, published_at="2025-10-27", article_id="x")]
    )
    state, alerts = fold(
        [index_move("NIKKEI225", "up", 49000, published_at="2025-11-05", article_id="y")], state=before
    )
    assert alerts == []
    assert state is not None and state.last_level == 49000
    assert state.high == 50000
    assert state.last_published_at == "2025-11-05"


def test_newer_down_move_above_p_is_not_stale() -> None:
    before = start(29815.63, "TSX", published_at="2025-09-23")
    state, alerts = fold(
        [index_move("TSX", "down", 30100, published_at="2025-09-24", article_id="z")], state=before
    )
    assert alerts == []
    assert state is not None and state.last_level == 30100


@pytest.mark.parametrize(
    ("p_date", "move_date", "level", "stale"),
    [
        ("2025-09-10", "2025-09-10", 44900, True),  # same day: judged by direction, up below P
        ("2025-09-10", "2025-09-10", 45100, False),
        ("2025-09-10T09:00:00+09:00", "2025-09-10T15:30:00+09:00", 44900, True),  # same day, times differ
        (None, "2025-09-10", 44900, True),  # one undated: judged by direction
        ("2025-09-10", None, 44900, True),
        (None, None, 44900, True),
        (None, None, 45000, False),  # equal to P is not stale
        ("2025-09-10", "not a date", 44900, True),  # unparseable counts as undated
        ("2025-09-10", "2025-09-11", 44900, False),  # newer day: news
    ],
)
def test_staleness_table(p_date: str | None, move_date: str | None, level: float, stale: bool) -> None:
    before = start(45000, "NIKKEI225", published_at=p_date, article_id="p")
    state, alerts = fold(
        [index_move("NIKKEI225", "up", level, record_high=True, published_at=move_date, article_id="m")],
        state=before,
    )
    if stale:
        assert state is before
        assert alerts == []
    else:
        assert state is not None and state.last_level == level
        assert brief(alerts) == ([("record", "up", level)] if level > 45000 else [])


def test_down_move_above_p_is_stale() -> None:
    """Dev 103: the FTSE "fell ... to 9,427.73" after the undated "breaks through 9,000"."""
    before, _ = fold([index_move("FTSE100", "up", milestone=9000, article_id="101")])
    state, alerts = fold([index_move("FTSE100", "down", 9427.73, article_id="103")], state=before)
    assert alerts == []
    assert state is before


def test_textual_milestone_without_level_is_judged_by_the_milestone() -> None:
    """Dev 111: "Nifty50 falls under 26,000" when P is already 25,961: stale."""
    before = start(25961, "NIFTY50")
    state, alerts = fold([index_move("NIFTY50", "down", milestone=26000, article_id="111")], state=before)
    assert alerts == []
    assert state is before


def test_close_after_intraday_peak_of_the_same_article_is_not_stale() -> None:
    """Dev 112's Nifty Bank: intraday record 60,203.75 then the close at 60,150.95."""
    state, alerts = fold(
        [
            index_move("NIFTYBANK", "up", 60203.75, record_high=True, intraday=True, article_id="112"),
            index_move("NIFTYBANK", "up", 60150.95, article_id="112"),
        ]
    )
    assert brief(alerts) == [("record", "up", 60203.75)]
    assert state is not None
    assert state.last_level == 60150.95
    assert state.high == 60203.75
    assert state.last_intraday is False


def test_intraday_exception_needs_the_same_article() -> None:
    before, _ = fold([index_move("NIFTYBANK", "up", 60203.75, intraday=True, article_id="112")])
    state, _ = fold([index_move("NIFTYBANK", "up", 60150.95, article_id="other")], state=before)
    assert state is before


def test_intraday_exception_needs_an_intraday_p() -> None:
    before, _ = fold([index_move("NIFTYBANK", "up", 60203.75, intraday=False, article_id="112")])
    state, _ = fold([index_move("NIFTYBANK", "up", 60150.95, article_id="112")], state=before)
    assert state is before


def test_stale_move_fires_nothing_at_all() -> None:
    """Seeds-by-name Nikkei: 45,055.38 record after the 50,000 news: no 45000, no record."""
    before, _ = fold([index_move("NIKKEI225", "up", milestone=50000, article_id="000")])
    state, alerts = fold(
        [index_move("NIKKEI225", "up", 45055.38, record_high=True, intraday=True, article_id="002")],
        state=before,
    )
    assert alerts == []
    assert state is before


def test_move_without_direction_changes_nothing() -> None:
    before = start(46000)
    state, alerts = fold([index_move("DJIA", None, 47500, record_high=True)], state=before)
    assert alerts == []
    assert state is before
    state, alerts = fold([index_move("DJIA", None, 47500, record_high=True)])
    assert (state, alerts) == (None, [])


def test_move_without_level_or_milestone_changes_nothing() -> None:
    before = start(46000)
    state, alerts = fold([index_move("DJIA", "up")], state=before)
    assert alerts == []
    assert state is before


def test_flat_move_with_level_sets_p_but_crosses_nothing() -> None:
    state, alerts = fold([index_move("DJIA", "flat", 47100)], state=start(46900))
    assert alerts == []
    assert state is not None and state.last_level == 47100 and state.high == 47100


# Rule 4: once per episode ---------------------------------------------------------------------


def test_same_textual_milestone_fires_once() -> None:
    """Seeds 000 then 001: "breached the 50,000 mark", "to top 50,000 points"."""
    _, alerts = fold(
        [
            index_move("NIKKEI225", "up", milestone=50000, article_id="000"),
            index_move("NIKKEI225", "up", milestone=50000, article_id="001"),
        ]
    )
    assert brief(alerts) == [("milestone", "up", 50000)]


def test_rearms_after_the_opposite_crossing() -> None:
    """The dev TSX stream: 30000 up (text), 30000 down (close 29,815.63), 30000 up again (text)."""
    _, alerts = fold(
        [
            index_move("TSX", "up", milestone=30000, intraday=True, article_id="106"),
            index_move("TSX", "down", 29815.63, article_id="107", published_at="2025-09-23"),
            index_move("TSX", "down", 29815.63, article_id="107", published_at="2025-09-23"),
            index_move("TSX", "up", milestone=30000, article_id="108", published_at="2025-09-30"),
            index_move("TSX", "up", 30022.81, article_id="108", published_at="2025-09-30"),
        ]
    )
    assert brief(alerts) == [
        ("milestone", "up", 30000),
        ("milestone", "down", 30000),
        ("milestone", "up", 30000),
    ]
    first_up, down, second_up = (a.alert_id for a in alerts)
    assert len({first_up, down, second_up}) == 3
    assert first_up == alert_id("TSX", "milestone", 30000, "up", 1)
    assert down == alert_id("TSX", "milestone", 30000, "down", 1)
    assert second_up == alert_id("TSX", "milestone", 30000, "up", 2)


def test_rearm_by_level_moves() -> None:
    _, alerts = fold(
        [index_move("DJIA", "up", 47100), index_move("DJIA", "down", 46800), index_move("DJIA", "up", 47300)],
        state=start(46900),
    )
    assert brief(alerts) == [
        ("milestone", "up", 47000),
        ("milestone", "down", 47000),
        ("milestone", "up", 47000),
    ]
    assert alerts[0].alert_id != alerts[2].alert_id


def test_no_rearm_without_an_opposite_crossing() -> None:
    """A flat move below M is not a down-crossing (rule 3: down-crossings need direction down),
    so the next rise through M is still the same episode."""
    _, alerts = fold(
        [index_move("DJIA", "up", 47100), index_move("DJIA", "flat", 46950), index_move("DJIA", "up", 47200)],
        state=start(46900),
    )
    assert brief(alerts) == [("milestone", "up", 47000)]


def test_level_move_rearms_a_textual_milestone_off_the_step() -> None:
    """IBOV (step 10000) tops 144,000 by text; a fall to 143,500 crosses it downward (no alert:
    not a step multiple) and re-arms it, so topping 144,000 again fires a second episode."""
    _, alerts = fold(
        [
            index_move("IBOV", "up", milestone=144000, article_id="x"),
            index_move("IBOV", "down", 143500, article_id="y"),
            index_move("IBOV", "up", milestone=144000, article_id="z"),
        ]
    )
    assert brief(alerts) == [("milestone", "up", 144000), ("milestone", "up", 144000)]
    assert alerts[0].alert_id == alert_id("IBOV", "milestone", 144000, "up", 1)
    assert alerts[1].alert_id == alert_id("IBOV", "milestone", 144000, "up", 2)


# Rule 5: records ------------------------------------------------------------------------------


def test_record_with_level_and_no_known_level_fires() -> None:
    state, alerts = fold([index_move("TOPIX", "up", 3177.2, record_high=True, article_id="002")])
    assert brief(alerts) == [("record", "up", 3177.2)]
    assert alerts[0].milestone is None
    assert state is not None and state.high == 3177.2


def test_record_above_high_fires_and_at_or_below_does_not() -> None:
    _, alerts = fold(
        [
            index_move("TOPIX", "up", 3171.7, record_high=True),
            index_move("TOPIX", "up", 3177.2, record_high=True),
            index_move("TOPIX", "up", 3177.2, record_high=True),  # equal to H: no
        ]
    )
    assert brief(alerts) == [("record", "up", 3171.7), ("record", "up", 3177.2)]


def test_record_below_high_is_not_a_record_but_still_moves_p() -> None:
    """H = 1,400 but P = 1,340 (after a newer, lower close): a record claim at 1,370 is not above H."""
    before, _ = fold(
        [
            index_move("SET", "up", 1400, published_at="2025-01-01"),
            index_move("SET", "up", 1340, published_at="2025-01-02"),
        ]
    )
    state, alerts = fold(
        [index_move("SET", "up", 1370, record_high=True, published_at="2025-01-02")], state=before
    )
    assert alerts == []
    assert state is not None and state.last_level == 1370 and state.high == 1400


def test_record_claim_without_level_fires_nothing() -> None:
    state, alerts = fold([index_move("KOSPI", "up", record_high=True)])
    assert (state, alerts) == (None, [])


def test_plain_levels_raise_the_high_too() -> None:
    """H is raised by any level, not only by record claims."""
    before = start(6791.69, "SPX", published_at="2025-10-27")
    _, alerts = fold(
        [index_move("SPX", "up", 6700, record_high=True, published_at="2025-10-28")], state=before
    )
    assert alerts == []


def test_crossings_come_before_the_record() -> None:
    _, alerts = fold(
        [index_move("NIKKEI225", "up", 45055.38, record_high=True, intraday=True)],
        state=start(44888, "NIKKEI225"),
    )
    assert brief(alerts) == [("milestone", "up", 45000), ("record", "up", 45055.38)]
    assert alerts[0].level == 45055.38


# Rule 6: the new level ------------------------------------------------------------------------


def test_textual_up_without_level_stands_at_m() -> None:
    state, _ = fold([index_move("NIKKEI225", "up", milestone=50000)])
    assert state is not None and state.last_level == 50000 and state.high == 50000


def test_textual_down_without_level_stands_just_under_m_so_a_rise_to_m_crosses_again() -> None:
    state, alerts = fold([index_move("FTSE100", "down", milestone=10000)], state=start(10100, "FTSE100"))
    assert brief(alerts) == [("milestone", "down", 10000)]
    assert state is not None and state.last_level is not None
    assert 9999.99 < state.last_level < 10000
    assert state.high == 10100
    state, alerts = fold([index_move("FTSE100", "up", 10000)], state=state)
    assert brief(alerts) == [("milestone", "up", 10000)]


def test_state_records_the_move_that_set_p() -> None:
    state, _ = fold(
        [index_move("DJIA", "up", 47000, intraday=True, article_id="art", published_at="2025-10-27")]
    )
    assert state is not None
    assert (state.last_article_id, state.last_published_at, state.last_intraday) == (
        "art",
        "2025-10-27",
        True,
    )


# Rule 7: futures ------------------------------------------------------------------------------


def test_futures_change_nothing_and_fire_nothing() -> None:
    before = start(46500)
    state, alerts = fold(
        [index_move("DJIA", "up", 47500, 47000, record_high=True, futures=True)], state=before
    )
    assert (state, alerts) == (before, [])
    state, alerts = fold([index_move("IXIC", "up", 25000, record_high=True, futures=True)])
    assert (state, alerts) == (None, [])


def test_intraday_levels_count_like_any_other() -> None:
    _, alerts = fold([index_move("DJIA", "up", 47100, intraday=True)], state=start(46900))
    assert brief(alerts) == [("milestone", "up", 47000)]


# Configuration: extra milestones, steps "none", switches --------------------------------------


def test_explicit_extra_milestones_are_crossed_with_the_step_multiples() -> None:
    rules = dataclasses.replace(RULES, milestones={"NIKKEI225": (38915.87, 52500)})
    _, alerts = fold([index_move("NIKKEI225", "up", 39000)], rules, start(38000, "NIKKEI225"))
    assert brief(alerts) == [("milestone", "up", 38915.87)]
    _, alerts = fold([index_move("NIKKEI225", "up", 53000)], rules, start(49000, "NIKKEI225"))
    assert brief(alerts) == [("milestone", "up", 50000), ("milestone", "up", 52500)]
    _, alerts = fold([index_move("NIKKEI225", "down", 49000)], rules, start(53000, "NIKKEI225"))
    assert brief(alerts) == [("milestone", "down", 52500), ("milestone", "down", 50000)]


def test_extra_milestones_work_for_an_index_without_step() -> None:
    rules = dataclasses.replace(RULES, milestones={"VIX": (20, 30, 40)})
    _, alerts = fold([index_move("VIX", "up", 31.5)], rules, start(18.2, "VIX"))
    assert brief(alerts) == [("milestone", "up", 20), ("milestone", "up", 30)]


def test_index_with_step_none_has_only_textual_milestones_and_records() -> None:
    state, alerts = fold([index_move("VIX", "up", 45.0, record_high=True)], state=start(15.0, "VIX"))
    assert brief(alerts) == [("record", "up", 45.0)]
    _, alerts = fold([index_move("VIX", "up", milestone=50)], state=state)
    assert brief(alerts) == [("milestone", "up", 50)]


def test_index_missing_from_the_steps_has_no_step() -> None:
    _, alerts = fold([index_move("BEL20", "up", 5100)], state=start(4900, "BEL20"))
    assert alerts == []


@pytest.mark.parametrize(
    ("switch", "moves", "expected_on", "expected_off"),
    [
        (
            "textual_milestones",
            [index_move("NIKKEI225", "up", milestone=50000)],
            [("milestone", "up", 50000)],
            [],
        ),
        (
            "level_crossings",
            [index_move("DJIA", "up", 46900), index_move("DJIA", "up", 47100)],
            [("milestone", "up", 47000)],
            [],
        ),
        ("records", [index_move("TOPIX", "up", 3177.2, record_high=True)], [("record", "up", 3177.2)], []),
        (
            "once_per_episode",
            [index_move("NIKKEI225", "up", milestone=50000)] * 2,
            [("milestone", "up", 50000)],
            [("milestone", "up", 50000)] * 2,
        ),
        (
            "skip_futures",
            [index_move("DJIA", "up", 46900, futures=True), index_move("DJIA", "up", 47100, futures=True)],
            [],
            [("milestone", "up", 47000)],
        ),
        (
            "stale_by_date",  # the older article: stale by date; without it, judged by direction
            [
                index_move("DJIA", "up", 46900, published_at="2025-10-02"),
                index_move("DJIA", "up", 47100, published_at="2025-10-01"),
            ],
            [],
            [("milestone", "up", 47000)],
        ),
        (
            "stale_by_direction",
            [
                index_move("DJIA", "up", 47100, article_id="x"),
                index_move("DJIA", "up", 46900, article_id="y"),
                index_move("DJIA", "up", 47050),
            ],
            [],
            [("milestone", "up", 47000)],
        ),
        (
            "same_article_intraday",
            [
                index_move("DJIA", "up", 47100, intraday=True),
                index_move("DJIA", "up", 46900),  # the close, same article
                index_move("DJIA", "down", 46800, article_id="later"),
            ],
            [],
            [("milestone", "down", 47000)],
        ),
    ],
)
def test_rule_switches(
    switch: str, moves: list[IndexMove], expected_on: list[Any], expected_off: list[Any]
) -> None:
    _, on = fold(moves, RULES)
    changes: dict[str, Any] = {switch: False}
    _, off = fold(moves, dataclasses.replace(RULES, **changes))
    assert brief(on) == expected_on
    assert brief(off) == expected_off


def test_once_per_episode_off_gives_each_repeat_its_own_id() -> None:
    rules = dataclasses.replace(RULES, once_per_episode=False)
    _, alerts = fold([index_move("NIKKEI225", "up", milestone=50000)] * 2, rules)
    assert alerts[0].alert_id != alerts[1].alert_id


# alert_id ------------------------------------------------------------------------------------


def test_alert_id_is_deterministic_and_canonical() -> None:
    a = alert_id("NIKKEI225", "milestone", 50000, "up", 1)
    assert a == alert_id("NIKKEI225", "milestone", 50000.0, "up", 1)
    assert len(a) == 20 and all(c in "0123456789abcdef" for c in a)
    others = {
        alert_id("NIKKEI225", "milestone", 50000, "down", 1),
        alert_id("NIKKEI225", "milestone", 50000, "up", 2),
        alert_id("NIKKEI225", "record", 50000, "up", 1),
        alert_id("TOPIX", "milestone", 50000, "up", 1),
        alert_id("NIKKEI225", "milestone", 45000, "up", 1),
    }
    assert a not in others and len(others) == 5


def test_same_crossing_from_different_articles_has_the_same_id() -> None:
    """A textual "tops 50,000" and a level crossing of 50,000 are the same alert: same id."""
    _, by_text = fold(
        [index_move("NIKKEI225", "up", milestone=50000, article_id="x", sentence="tops 50,000")]
    )
    _, by_level = fold(
        [index_move("NIKKEI225", "up", 50100, article_id="y")], state=start(49000, "NIKKEI225")
    )
    assert by_text[0].alert_id == by_level[0].alert_id
    assert by_text[0].alert_id == alert_id("NIKKEI225", "milestone", 50000, "up", 1)


def test_record_id_depends_on_index_and_level() -> None:
    _, alerts = fold([index_move("TOPIX", "up", 3177.2, record_high=True)])
    assert alerts[0].alert_id == alert_id("TOPIX", "record", 3177.2, "up", 1)


def test_replaying_the_same_moves_gives_the_same_ids() -> None:
    moves = [
        index_move("DJIA", "up", 46900),
        index_move("DJIA", "up", 47100, record_high=True),
        index_move("DJIA", "down", 46800),
        index_move("DJIA", "up", 48200, record_high=True),
    ]
    _, first = fold(moves)
    _, second = fold(moves)
    assert [a.alert_id for a in first] == [a.alert_id for a in second]
    assert first == second


# State: immutability and serialisation --------------------------------------------------------


def _busy_state() -> IndexState:
    state, alerts = fold(
        [
            index_move("DJIA", "up", 46900, article_id="a", published_at="2025-10-01"),
            index_move("DJIA", "up", 47100, article_id="b", record_high=True),
            index_move("DJIA", "down", 46800, article_id="c"),
            index_move("DJIA", "up", 47300, article_id="d", intraday=True, record_high=True),
            index_move("DJIA", "down", milestone=47000, article_id="e", published_at="2025-10-02"),
        ]
    )
    assert brief(alerts) == [
        ("milestone", "up", 47000),
        ("record", "up", 47100),
        ("milestone", "down", 47000),
        ("milestone", "up", 47000),
        ("record", "up", 47300),
        ("milestone", "down", 47000),
    ]
    assert state is not None
    return state


def test_state_round_trips_through_dict_and_json() -> None:
    state = _busy_state()
    data = state.to_dict()
    assert data["version"] == 1
    assert data["fired"] == [{"milestone": 47000, "direction": "down"}]
    assert data["episodes"] == [
        {"milestone": 47000, "direction": "down", "count": 2},
        {"milestone": 47000, "direction": "up", "count": 2},
    ]
    assert data["last_level"] == math.nextafter(47000, -math.inf)
    assert data["high"] == 47300
    back = IndexState.from_dict(json.loads(json.dumps(data)))
    assert back == state
    assert back.to_dict() == data
    # and it keeps working the same way from the restored state
    move = index_move("DJIA", "up", 48100, record_high=True, article_id="f", published_at="2025-10-03")
    assert advance(back, move, RULES) == advance(state, move, RULES)


def test_state_is_immutable_and_advance_does_not_mutate_its_input() -> None:
    state = _busy_state()
    before = state.to_dict()
    with pytest.raises(dataclasses.FrozenInstanceError):
        state.last_level = 1.0  # type: ignore[misc]
    new, _ = advance(
        state, index_move("DJIA", "up", 48100, record_high=True, published_at="2025-10-03"), RULES
    )
    assert new is not state
    assert state.to_dict() == before


@pytest.mark.parametrize(
    "patch",
    [
        {"version": 2},
        {"version": None},
        {"index": ""},
        {"last_level": "47000"},
        {"last_intraday": "yes"},
        {"fired": [{"milestone": 47000, "direction": "sideways"}]},
        {"episodes": [{"milestone": 47000, "direction": "up", "count": -1}]},
    ],
)
def test_from_dict_rejects_bad_data(patch: dict[str, Any]) -> None:
    data = {**_busy_state().to_dict(), **patch}
    with pytest.raises(ValueError):
        IndexState.from_dict(data)


def test_state_of_another_index_is_refused() -> None:
    with pytest.raises(ValueError, match="DJIA"):
        advance(start(46000), index_move("SPX", "up", 6800), RULES)
