"""Regexes rewritten for speed find what their plain forms find.

``by_first_letter`` branches the direction words, the intraday and record phrases and the cut's
words by first letter, and the clause cut and the phase split open each branch with its first
character (moves_regexes); the plain forms they replace are rebuilt here and both run over every
line of the dev and seed articles (lower-cased for LOW, as written for ANY): the same matches at
the same places (of the same kind). So do the other shortcuts of clause reading.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from streams.extract import moves_regexes as regexes
from streams.extract.fold import Regexes, fold_safe, lower_pattern
from streams.extract.moves_clauses import DISTANCE_NEEDS, _direction, cut_clause
from streams.extract.moves_numbers import Figure, find_figures
from streams.extract.moves_regexes import contains_any

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

PLAIN_CUT_FOLDED = (
    r"(?=[,;:\s])(?:(?<!much)(?<!high)(?<!low)(?<!well)(?<!far),?\s+" + regexes._CUT_AS
    + r"|,?\s+(?:" + regexes._CUT_WORDS + r")\b|;|:\s|\s\|"
    r"|,\s+(?:in\s+line|on\s+(?:track|course|pace)|poised|readying|set)\s+(?:for|to)\b)"
)  # fmt: skip
PLAIN_PHASE = (
    r"(?=[,\s])(?:(?<!after)(?<!the\sday)(?<!the\ssession),?\s+" + regexes._PHASE_TURN_AHEAD
    + r"|,\s+and\s+(?:it\s+|then\s+)?|\s+[-–—]\s+|,\s+(?=extending\s+(?:its|their|the|a)\s)"
    r"|,\s+(?=touching\s+(?:its|their|a|an|the|fresh|new)\s)"
    r"|(?:(?<=\d)|(?<=%)|(?<=points)|(?<=pts)),\s+(?=(?:then\s+|finally\s+)?(?:ended|closed|finished|settled)\s)"
    r"|,?\s+" + regexes._PHASE_BUT
    + r"|(?:(?<=\w)|(?<=%)),\s+(?=(?:then\s+|finally\s+)?(?:closed|ended|finished|settled)\b)"
    r"|,\s+(?=touching\b)"
    r"|\s+and\s+(?=continued\s+(?:\w+\s+){0,3}?to\s+(?:hit|touch|reach|rise|climb|fall|drop)\b)"
    r"|\s+and\s+(?=(?:hitting|touching|touched|hit|lost|gained|fell|rose|closed|ended|settled|"
    r"finished|losing|gaining|falling|rising|reaching|reached|ending|continued|continuing)\b"
    r"|closing\b(?!\s+(?:highs?|lows?|records?|peaks?|levels?)\b)))"
)  # fmt: skip


def _compiled(pattern: str, folded: bool) -> re.Pattern[str]:
    return re.compile(lower_pattern(pattern)) if folded else re.compile(pattern, re.IGNORECASE)


PLAIN_INTRADAY = rf"(?=[a-z])\b(?:{regexes._INTRADAY_PHRASES})"
PLAIN_RECORD = rf"(?=[a-z])\b(?:{regexes._RECORD_PHRASES})"
PLAIN_OBJECT_BEFORE = rf"(?=[a-z])\b(?:{regexes._OBJECT_WORDS})" + regexes._OBJECT_TAIL


@pytest.mark.parametrize("folded", [True, False])
@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("cut_folded", PLAIN_CUT_FOLDED),
        ("phase", PLAIN_PHASE),
        ("intraday", PLAIN_INTRADAY),
        ("record", PLAIN_RECORD),
    ],
)
def test_branched_forms_find_the_plain_forms_matches(name: str, plain: str, folded: bool) -> None:
    fast = getattr(regexes.LOW if folded else regexes.ANY, name)
    reference = _compiled(plain, folded)
    found = 0
    for line in LINES:
        text = line.lower() if folded else line
        spans = [m.span() for m in fast.finditer(text)]
        assert spans == [m.span() for m in reference.finditer(text)], line
        found += len(spans)
    assert found > 50


@pytest.mark.parametrize("folded", [True, False])
def test_object_before_branched_finds_the_plain_forms_matches(folded: bool) -> None:
    # (it reads the text before a name, to its end: every line cut before each capital)
    fast = regexes.LOW.object_before if folded else regexes.ANY.object_before
    reference = _compiled(PLAIN_OBJECT_BEFORE, folded)
    found = 0
    for line in LINES:
        for capital in re.finditer(r"\b[A-Z]", line):
            text = line[: capital.start()].lower() if folded else line[: capital.start()]
            match = fast.search(text)
            expected = reference.search(text)
            assert (match and match.span()) == (expected and expected.span()), text
            found += match is not None
    assert found > 500


def _words(pattern: re.Pattern[str], text: str, kind_of: dict[str, str] | None) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), (kind_of[m.lastgroup] if kind_of is not None else m.lastgroup) or "")
        for m in pattern.finditer(text)
    ]


@pytest.mark.parametrize("folded", [True, False])
def test_direction_by_first_letter_finds_the_plain_alternations_words(folded: bool) -> None:
    plain = _compiled(PLAIN_DIRECTION, folded)
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


def test_cut_with_spaces_spelled_out_finds_the_twins_matches_on_ascii_text() -> None:
    found = 0
    for line in LINES:
        text = line.lower()
        if not text.isascii():
            continue
        for start in range(0, len(text), 7):  # (every segment a name may open: many starts)
            match = regexes.CUT_FOLDED_ASCII.search(text, start)
            expected = regexes.LOW.cut_folded.search(text, start)
            assert (match and match.span()) == (expected and expected.span()), text[start:]
            found += match is not None
    for text in ("a\tas b", "x\nwhile y", "x \rbut z", "up\x0b\x0cwith", "a\t|b", "a, as b; c: d"):
        assert [m.span() for m in regexes.CUT_FOLDED_ASCII.finditer(text)] == [
            m.span() for m in regexes.LOW.cut_folded.finditer(text)
        ], text
    assert found > 1000


def test_ascii_twins_find_what_the_lower_case_twins_find_on_ascii_text() -> None:
    ascii_lines = [line.lower() for line in LINES if line.isascii()]
    assert len(ascii_lines) > 500
    for name in regexes._SOURCES:
        twin, fast = getattr(regexes.LOW, name), getattr(regexes.LOW_ASCII, name)
        assert fast.flags & re.ASCII, name
        for text in ascii_lines:
            expected = [(m.span(), m.groups()) for m in twin.finditer(text)]
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected, (name, text)


def test_cut_clause_gates_are_exact() -> None:
    # cut_clause looks for a cased cut only when a comma comes before the folded cut: every
    # match of the cased branch opens with one.
    cased = re.compile(regexes._CUT_CASED)
    assert all(m.group(0).startswith(",") for line in LINES for m in cased.finditer(line))
    assert regexes._CUT_CASED.startswith(",")
    for line in LINES[:400]:
        low = line.lower() if fold_safe(line) else None
        plain = regexes.CUT.search(line)
        assert cut_clause(line, low) == (plain.start() if plain else len(line)), line


def test_distance_needs_are_the_former_alternation() -> None:
    alternation = re.compile("|".join(DISTANCE_NEEDS))
    for line in LINES:
        low = line.lower()
        assert contains_any(low, DISTANCE_NEEDS) == (alternation.search(low) is not None)


def _plain_direction(
    text: str, r: Regexes, plain: re.Pattern[str], figures: list[Figure], noun_phrase: bool
) -> tuple[str | None, bool, bool]:
    """moves_clauses._direction as it was before its regex was branched by first letter: the
    plain alternation (``plain``), the kind from its groups flat/down/up, every word lower-cased."""
    words = []
    for match in plain.finditer(text):
        word = match.group(0).lower()
        if word == "up" and (
            r.not_motion_before.search(text[max(0, match.start() - 20) : match.start()])
            or r.not_motion_after.match(text, match.end())
        ):
            continue
        if word in ("highest", "lowest") and r.period_after.match(text, match.end()):
            continue
        kind = "flat" if match.group("flat") else "down" if match.group("down") else "up"
        words.append((match.start(), kind, word))
    anchor = next((f for f in figures if f.unit in ("pct", "points")), None)
    if anchor is not None:
        after = r.after_unit.match(text, anchor.end)
        if after:
            word = after.group("word").lower()
            return ("up" if word in ("higher", "up") else "down"), True, False
        before = [w for w in words if w[0] < anchor.start]
        if before:
            return before[-1][1], not noun_phrase, before[-1][2] in regexes.WEAK
    if not words:
        return None, False, False
    closing = r.close_direction.search(text) if len({w[1] for w in words}) > 1 else None
    if closing is not None:
        word = closing.group("word").lower()
        return ("up" if word in ("higher", "up") else "down"), not noun_phrase, False
    strong = [w for w in words if w[2] not in regexes.WEAK]
    chosen = strong[0] if strong else words[0]
    motion = chosen[2] not in regexes.WEAK and not noun_phrase and chosen[0] < regexes.MOTION_REACH
    return chosen[1], motion, chosen[2] in regexes.WEAK


@pytest.mark.parametrize("noun_phrase", [False, True])
def test_direction_reads_what_the_plain_reading_reads(noun_phrase: bool) -> None:
    made = [
        "0.5% " + "x" * 60 + " fell and rose and gained",
        "up 2% as it rose, then fell and rose again",
        "rose 1% before it fell 2% and then rose",
        "1.2% lower, after it fell",
        "topped 2% and fell",
    ]
    plain_low, plain_any = _compiled(PLAIN_DIRECTION, True), _compiled(PLAIN_DIRECTION, False)
    for line in [*LINES, *made]:
        low = line.lower() if fold_safe(line) else None
        r, t, plain = (regexes.LOW, low, plain_low) if low is not None else (regexes.ANY, line, plain_any)
        figures = find_figures(line, low)
        expected = _plain_direction(t, r, plain, figures, noun_phrase)
        assert _direction(t, r, figures, noun_phrase) == expected, line
