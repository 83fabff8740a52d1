"""Speed shortcuts in the clause checks find exactly what the plain regexes find.

A lookahead of first letters in front of an alternation (moves_statements.HEAD_FIRST,
LABEL_FIRST), the lower-case twin of earlier_noun's regex and the end-of-text gate in front of
object_before are checked against the plain regexes at every word start of the dev articles and
on pieces built from every word of the alternations.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from streams.extract import moves_statements, moves_voice
from streams.extract.fold import fold_safe, lower_pattern
from streams.extract.moves import OBJECT_SPAN_WORDS, _governed
from streams.extract.moves_regexes import ANY, LOW, contains_any
from streams.extract.moves_voice import _EARLIER_NOUN, EARLIER_ANY, EARLIER_LOW

_ARTICLES = sorted(Path(__file__).parents[1].joinpath("data", "dev", "articles").glob("*.txt"))
_TEXTS = [p.read_text(encoding="utf-8") for p in _ARTICLES]
_WORD_START = re.compile(r"(?<!\w)\w")


def _pieces() -> list[str]:
    """The text from every word start of the dev articles (80 characters), and each of them
    after a space."""
    out: list[str] = []
    for text in _TEXTS:
        for found in _WORD_START.finditer(text):
            piece = text[found.start() : found.start() + 80]
            out.extend((piece, " " + piece))
    return out


_PIECES = _pieces()


# Words the regexes spell with optional letters ("f(?:ell|alls?)", "near(?:s|ed|ing)").
_INFLECTED = [
    "fell",
    "falls",
    "fall",
    "falling",
    "fallen",
    "nears",
    "neared",
    "nearing",
    "approaches",
    "approached",
    "approaching",
    "stops",
    "stopped",
    "inched",
    "edged",
    "moved",
    "pushed",
    "crept",
    "climbed",
    "headed",
    "heading",
    "drifted",
    "crawled",
    "pointed",
    "pointing",
    "indicates",
    "indicated",
    "readying",
    "didn't",
    "doesn't",
    "don't",
    "hasn't",
    "haven't",
    "hadn't",
    "didn’t",
    "stands",
    "looks",
    "looked",
    "seems",
    "seemed",
    "appears",
    "sectors",
    "subsectors",
    "sub-sectors",
    "sub-indices",
    "etfs",
    "funds",
    "equal-weighted",
    "low-volatility",
    "min-volatility",
    "fuelled",
    "fueled",
]


def _built(source: str) -> list[str]:
    """Pieces made of every word of a regex's source: each word and each pair of words, after
    a space, a comma or an adverb, so that every alternative is met at the start of a piece."""
    words = sorted(set(re.findall(r"[a-z]+(?:[-'’.][a-z]+\.?)?", source)) | set(_INFLECTED))
    tails = [" x", " to x", " not x", " 1,234 x", "'s x", " 12,000", " an even chance x", " close to x", " up for x",
             " short x", " line to x", " yet to x", " sector x", " technology sector x", " estate stocks x",
             " care sector x", "sectors x", "-sectors x", "-indices x", " traded funds x", "-weight x", " 30 x", " been lifted by x"]  # fmt: skip
    out: list[str] = []
    for head in (" ", ", ", " also ", " index ", "'s ", "’s ", "-", "‑"):
        for word in words:
            out.extend(head + word + tail for tail in tails)
            out.extend(f"{head}{word} {second} x" for second in words)
    return out


def _same(plain: re.Pattern[str], fast: re.Pattern[str], texts: list[str]) -> None:
    for text in texts:
        a, b = plain.match(text), fast.match(text)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), text


@pytest.mark.parametrize(
    ("source", "lookahead", "name"),
    [
        (moves_statements._HEAD, moves_statements.HEAD_FIRST, "head"),
        (moves_statements._LABEL_OR_MODIFIER, moves_statements.LABEL_FIRST, "label_or_modifier"),
        (moves_voice._PASSIVE, moves_voice.PASSIVE_FIRST, "passive"),
    ],
)
def test_first_letter_lookaheads_change_no_match(source: str, lookahead: str, name: str) -> None:
    assert lookahead in source
    plain = source.replace(lookahead, "", 1)
    texts = _PIECES + _built(plain)
    lowered = [t.lower() for t in texts if fold_safe(t)]
    module = moves_voice if name == "passive" else moves_statements
    _same(re.compile(lower_pattern(plain)), getattr(module.LOW, name), lowered)
    _same(re.compile(plain, re.IGNORECASE), getattr(module.ANY, name), texts)


def test_the_end_of_text_gate_changes_no_object_match() -> None:
    governors = [p[:k] for p in _PIECES[::7] for k in range(0, len(p) + 1, 3)]
    governors += [" helped lift the\n", "led by the\xa0", "stocks in", "stocks in the", "", "the ", "The "]
    governors += [
        " ".join(f"w{k}" for k in range(n)) + tail
        for n in range(9)
        for tail in (
            " weighs on the ",
            " weighs  on\tthe dow's big blue ",
            " (in the bank's a b ",
            " in a b c ",
        )
    ]
    for g in governors:
        low = g.lower()
        assert _governed(LOW, low) == (LOW.object_before.search(low) is not None), g
        assert _governed(ANY, g) == (ANY.object_before.search(g) is not None), g


def test_the_lower_case_earlier_noun_twin_matches_as_the_plain_regex() -> None:
    plain = re.compile(_EARLIER_NOUN, re.IGNORECASE)
    texts = [p for p in _PIECES if any(c.isdigit() for c in p)] + [
        "rose 0.4%, extending Monday's 1.1% gain",
        "rebounded from a 1.15 percent plunge the previous session",
        "ROSE 0.5% AFTER A 2% DROP ON MONDAY",
        "built on yesterday’s 120 points advance",
    ]
    for text in texts:
        a = plain.search(text)
        b = EARLIER_ANY.earlier_noun.search(text)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), text
        if fold_safe(text):
            c = EARLIER_LOW.earlier_noun.search(text.lower())
            assert (a and (a.span(), a.start("num"))) == (c and (c.span(), c.start("num"))), text
            assert (a and a.group("num")) == (c and c.group("num")), text


def test_without_a_strong_needle_only_a_rate_per_period_is_a_statistic() -> None:
    low = moves_statements.LOW
    texts = [t.lower() for t in _PIECES if fold_safe(t)] + [
        "gained 3% each month",
        "fell 1.2 per cent",
        "reached 5,000 on monday",
        "rose every  year since",
        "moved 2% per session",
        "per annum",
    ]
    checked = 0
    for text in texts:
        if any(n in text for n in moves_statements.STATISTIC_STRONG_NEEDS):
            continue
        checked += 1
        assert bool(low.statistic.search(text)) == bool(low.per_period.search(text)), text
    assert checked > 1000
    assert set(moves_statements.STATISTIC_STRONG_NEEDS) < set(moves_statements.STATISTIC_NEEDS)


def test_the_segment_gates_only_skip_texts_the_regexes_cannot_match() -> None:
    from streams.extract.moves import _CODE_HEADS, _FUTURES_HEADS, _PARENTHETICAL_HEADS, _POSSESSIVE_HEADS
    from streams.extract.moves_regexes import CODE

    extra = [" index's", " 's", " ’s", " futures", " index futures", " mini futures", " e-minis", " emini",
             " (JCI), which", " .N225 rose", " index, which is", " sub-index, the", " (JCI), which rose 1%, fell", ", the benchmark, rose", ": up 0.5%", " index: down 1%"]  # fmt: skip
    for piece in _PIECES + extra:
        low = piece.lower()
        first = low.lstrip()[:1]
        if LOW.possessive.match(low):
            assert first in _POSSESSIVE_HEADS, piece
        if LOW.futures_after.match(low):
            assert first in _FUTURES_HEADS, piece
        if CODE.match(piece):
            assert piece.lstrip()[:1] in _CODE_HEADS, piece
        if LOW.parenthetical.match(low) or LOW.appositive.match(low):
            assert low.count(",") > 1, piece
        if LOW.parenthetical.match(low):
            assert first in _PARENTHETICAL_HEADS, piece
        if LOW.label_colon.match(low) or ANY.label_colon.match(piece):
            assert ":" in piece, piece


def test_every_undone_move_holds_a_noun_needle() -> None:
    from streams.extract.moves_regexes import contains_any
    from streams.extract.moves_voice import LOW as VOICE_LOW
    from streams.extract.moves_voice import REVERSED_NOUN_NEEDS

    nouns = "decline declines loss losses gain gains fall falls drop drops slide slides advance advances rally rallies"
    verbs = ("abandoned", "reversed", "erased", "shook off", "shrugged off", "wiped out", "gave up", "pared")
    for verb in verbs:
        for noun in [*nouns.split(), "rise", "rises"]:
            text = f"closed higher after it {verb} its early {noun} x"
            found = VOICE_LOW.reversed.search(text)
            assert found is not None, text
            assert contains_any(found.group("noun"), REVERSED_NOUN_NEEDS), text
    for piece in _PIECES:
        for found in VOICE_LOW.reversed.finditer(piece.lower()):
            assert contains_any(found.group("noun"), REVERSED_NOUN_NEEDS), piece


def test_head_prefixes_let_through_every_head_first_match() -> None:
    """Every text of three characters (letters, space, tab) that HEAD_FIRST lets through starts
    with one of HEAD_PREFIXES' prefixes for its first letter."""
    lookahead = re.compile(moves_statements.HEAD_FIRST)
    chars = "abcdefghijklmnopqrstuvwxyz \t"
    for a in chars:
        for b in chars:
            for c in chars:
                text = a + b + c
                if lookahead.match(text):
                    assert text.startswith(moves_statements.HEAD_PREFIXES), text


def test_the_first_word_gate_changes_no_head_match() -> None:
    texts = _PIECES + _built(moves_statements._HEAD)
    texts += [
        "",
        " ",
        " “ ",
        " sharply lower",
        " index could",
        " also will",
        ", unlikely",
        " rally",
        "\xa0is set to",
    ]
    lowered = [t.lower() for t in texts if fold_safe(t)]
    for text in lowered:
        if not moves_statements.may_have_head(text):
            assert moves_statements.LOW.head.match(text) is None, text
    assert sum(not moves_statements.may_have_head(t) for t in lowered) > len(lowered) // 3  # it does skip


def test_passive_prefixes_let_through_every_passive_first_match() -> None:
    lookahead = re.compile(moves_voice.PASSIVE_FIRST)
    chars = "abcdefghijklmnopqrstuvwxyz \t"
    for a in chars:
        for b in chars:
            for c in chars:
                text = a + b + c
                if lookahead.match(text) and not re.match(r"\w+ly\s", text):
                    assert text.startswith(moves_voice.PASSIVE_PREFIXES), text


def test_the_first_word_gate_changes_no_passive_match() -> None:
    texts = _PIECES + _built(moves_voice._PASSIVE)
    texts += ["", " ", " sharply lower", "  heavily weighed down by", " ly ", "\xa0was dragged down by"]
    lowered = [t.lower() for t in texts if fold_safe(t)]
    for text in lowered:
        for start in (0, 1):
            if not moves_voice.may_be_passive(text, start):
                assert moves_voice.LOW.passive.match(text, start) is None, text
    assert sum(not moves_voice.may_be_passive(t, 0) for t in lowered) > len(lowered) // 3


def test_a_hedge_later_match_has_its_needle_in_the_first_60_characters() -> None:
    texts = [t.lower() for t in _PIECES + _built(moves_statements._HEDGE_LATER) if fold_safe(t)]
    longest = "a" * 47 + " forecast to hit 30,000"  # (the longest lead, 48 characters, and needle)
    assert moves_statements.LOW.hedge_later.match(longest)
    texts += [longest, "x" * 47 + " projected to reach", "x" * 49 + " tips to hit"]
    for text in texts:
        if moves_statements.LOW.hedge_later.match(text):
            assert contains_any(text[:60], moves_statements.HEDGE_NEEDS), text


def test_label_prefixes_let_through_every_label_first_match() -> None:
    lookahead = re.compile(moves_statements.LABEL_FIRST)
    chars = "abcdefghijklmnopqrstuvwxyz \t.'’-‑0"
    for a in chars:
        for b in chars:
            for c in chars:
                text = a + b + c
                if lookahead.match(text) and not a.isdecimal():
                    assert text.startswith(moves_statements.LABEL_PREFIXES), text


def test_the_first_word_gate_changes_no_label_match() -> None:
    texts = _PIECES + _built(moves_statements._LABEL_OR_MODIFIER)
    texts += [
        "",
        " ",
        " 19,000 rally",
        " ٣٠٠٠ x",
        "\xa0financial sector",
        " u.s. total",
        "-listed",
        "’s market cap",
    ]
    lowered = [t.lower() for t in texts if fold_safe(t)]
    for text in lowered:
        if not moves_statements.may_be_label(text):
            assert moves_statements.LOW.label_or_modifier.match(text) is None, text
    assert sum(not moves_statements.may_be_label(t) for t in lowered) > len(lowered) // 3


def test_object_before_spans_at_most_object_span_words() -> None:
    """_governed searches only the last OBJECT_SPAN_WORDS words: every alternative of the verbs is
    one word but "weigh\\w*\\s+on" (two), and the tail adds four at most."""
    from streams.extract import moves_regexes

    assert moves_regexes._OBJECT_TAIL == r"\s+(?:the\s+)?(?:[\w.&/-]+['’]s\s+)?(?:\w[\w-]*\s+){0,2}$"
    words = moves_regexes._OBJECT_WORDS
    # (its other two "\\s" are in a lookahead after "leading", which the match does not span)
    assert words.count(r"\s") == 3 and r"weigh\w*\s+on" in words
    assert r"(?!\s+(?:index|indices|indexes|benchmark|gauge|stock\s+index)\b)" in words
    assert OBJECT_SPAN_WORDS == 2 + 4


def test_every_prefix_is_in_a_looked_up_set() -> None:
    s, v = moves_statements, moves_voice
    assert set(s.HEAD_PREFIXES) == s._HEAD2 | s._HEAD3
    assert set(v.PASSIVE_PREFIXES) == v._PASSIVE2 | v._PASSIVE3
    assert set(s.LABEL_PREFIXES) == s._LABEL1 | s._LABEL3
