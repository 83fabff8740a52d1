"""Regexes rewritten for speed find what their plain forms find.

``by_first_letter`` branches the direction words by first letter (moves_regexes); the plain
alternation it replaces is rebuilt here and both run over every line of the dev and seed articles
(lower-cased for LOW, as written for ANY): the same words at the same places, of the same kind.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from streams.extract import moves_regexes as regexes
from streams.extract.fold import lower_pattern

ROOT = Path(__file__).resolve().parents[2]
LINES = sorted(
    {
        line
        for folder in (ROOT / "seeds", ROOT / "tests" / "data" / "dev" / "articles")
        for path in sorted(folder.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
)
PLAIN_DIRECTION = (
    rf"(?=[a-z])\b(?:(?P<flat>{regexes._FLAT})|(?P<down>{regexes._DOWN})|(?P<up>{regexes._UP}))\b"
)


def _words(pattern: re.Pattern[str], text: str, kind_of: dict[str, str] | None) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), (kind_of[m.lastgroup] if kind_of is not None else m.lastgroup) or "")
        for m in pattern.finditer(text)
    ]


@pytest.mark.parametrize("folded", [True, False])
def test_direction_by_first_letter_finds_the_plain_alternations_words(folded: bool) -> None:
    plain = (
        re.compile(lower_pattern(PLAIN_DIRECTION)) if folded else re.compile(PLAIN_DIRECTION, re.IGNORECASE)
    )
    fast = regexes.LOW.direction if folded else regexes.ANY.direction
    found = 0
    for line in LINES:
        text = line.lower() if folded else line
        words = _words(fast, text, regexes.DIRECTION_KIND)
        assert words == _words(plain, text, None), line
        found += len(words)
    assert found > 1000  # the lines hold words of every kind


def test_alternatives_and_letter_first_split_at_the_top_level_only() -> None:
    assert regexes._alternatives(r"a(?:b|c)|d|[|(]x|\|y") == ["a(?:b|c)", "d", "[|(]x", r"\|y"]
    assert regexes._letter_first(r"(?:gave|giv(?:e|es))\s+up") == [r"gave\s+up", r"giv(?:e|es)\s+up"]
    with pytest.raises(ValueError):
        regexes._letter_first(r"(?:a|b)?c")
    with pytest.raises(ValueError):
        regexes._letter_first(r"\d+")
    assert re.fullmatch(regexes.by_first_letter({"x": "ab|ac", "y": "b"}), "ac")
