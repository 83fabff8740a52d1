"""The tuple.__new__ builders of moves_clauses give the named tuple's own results."""

from __future__ import annotations

import itertools

from streams.extract.moves_clauses import Reading, is_move, with_direction, with_motion

_SAMPLES = [
    Reading(),
    Reading(direction="up", change_pct=1.2, motion=False, over_points=300.0),
    Reading(direction=None, level=7000.0, intraday=True, approximate=True),
    Reading(milestone=40000.0, first_time=True, record_high=True),
    Reading(change_points=-12.5, direction="down"),
]


def test_with_motion_is_replace() -> None:
    for reading in _SAMPLES:
        built = with_motion(reading)
        assert built == reading._replace(motion=True)
        assert type(built) is Reading


def test_with_direction_is_replace() -> None:
    for reading, direction in itertools.product(_SAMPLES, (None, "up", "down", "flat")):
        built = with_direction(reading, direction)
        expected = (
            reading
            if reading.direction is not None or direction is None
            else reading._replace(direction=direction)
        )
        assert built == expected
        assert type(built) is Reading


def test_is_move_is_the_method() -> None:
    for reading in _SAMPLES:
        numbers = (reading.change_pct, reading.change_points, reading.level, reading.milestone)
        expected = reading.motion or reading.record_high or any(n is not None for n in numbers)
        assert is_move(reading) == expected == reading.is_move()
