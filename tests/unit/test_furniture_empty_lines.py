"""``drop_furniture`` keeps an empty line without trying the patterns: no furniture pattern
matches the empty line, so it is "" either way."""

from __future__ import annotations

from streams.extract.furniture import (
    _ALL,
    _BY_FIRST,
    _BY_FIRST_THREE,
    _COPYRIGHT_LINE,
    _IMAGE,
    _NAV_BAR,
    _is_furniture,
    drop_furniture,
)


def test_no_furniture_pattern_matches_the_empty_line() -> None:
    patterns = [_ALL, _IMAGE, _NAV_BAR, _COPYRIGHT_LINE, *_BY_FIRST.values(), *_BY_FIRST_THREE.values()]
    assert all(p.fullmatch("") is None for p in patterns)
    assert not _is_furniture("")


def test_empty_lines_are_kept_between_furniture() -> None:
    assert drop_furniture(["", "Advertisement", "", "Stocks rose.", ""]) == ["", "", "", "Stocks rose.", ""]
