"""The fast paths of moves_numbers, moves_table, sentences and indices find exactly what the plain
forms find: the first-character ASCII number regex, the lower-case twins of the spelled-number and
broken-number regexes, the gates in front of the approximation and ticker-cell searches, the "."
twin of the sentence-end regex and the single-spaced name test."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.extract import moves_numbers, moves_table, sentences
from streams.extract.indices import _spaced_once

# The number regex as first written: a look ahead at a sign or a digit, then the sign, the digits
# and the decimals as groups 1-3.
_NUMBER_AS_WRITTEN = re.compile(
    r"(?=[+\-−\d])(?<![\w.,$£€¥])(?<!\d:)([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w]|,\d|\.\d|:\d)"
)
_NUMBER_PIECES = [
    "1", "12", "123", "1,234", "12,345.6", "0.5", ".", ",", ":", "+", "-", "$", "£", " ", "a", "x1",
    "%", "9:45", "1.2.3", "1,23", "_", "\n", "(", "-0.4", "+50.90", "2025", "1,000,000", "−", "−3",
    "٣", "١٢", "’", "é", "\u0660", "\U0001d7ce",
]  # fmt: skip
number_texts = st.lists(st.sampled_from(_NUMBER_PIECES), max_size=30).map("".join)


def _number_parts(text: str) -> list[tuple[int, int, str, str, str | None]]:
    out = []
    number = moves_numbers._NUMBER_ASCII if text.isascii() else moves_numbers._NUMBER
    for m in number.finditer(text):
        start = m.start()
        if m.start(1) >= 0:
            sign, digits = text[start], m.group(1)
        else:
            sign, digits = "", text[start : m.end(2)]
        out.append((start, m.end(), sign, digits, m.group(3)))
    return out


@settings(max_examples=400, deadline=None)
@given(number_texts)
def test_number_regex_reads_what_the_written_form_reads(text: str) -> None:
    assert _number_parts(text) == [
        (m.start(), m.end(), *m.groups()) for m in _NUMBER_AS_WRITTEN.finditer(text)
    ]
    # (and the Unicode form on ASCII text too)
    ascii_only = "".join(c for c in text if c.isascii())
    assert [m.span() for m in moves_numbers._NUMBER.finditer(ascii_only)] == [
        m.span() for m in moves_numbers._NUMBER_ASCII.finditer(ascii_only)
    ]


_WORD_PIECES = [
    "three", "Thousand", "-", " ", "point", "62", "5", "five", "Percent", "per cent", "points", "hundred",
    "and", "a", "half", "quarter", "of", "one", "twenty", "Twenty-five", "HUNDRED", "\u017f", "é", "’",
    "20, 572.97", "0. 19 percent", "down1.7%", "300pts", "ROSE", "fell", "+", "PCT", "\u212a", "İ",
]  # fmt: skip
word_texts = st.lists(st.sampled_from(_WORD_PIECES), max_size=25).map("".join)


@settings(max_examples=500, deadline=None)
@given(word_texts)
def test_respell_and_repair_equal_the_ignorecase_substitution(text: str) -> None:
    respelled = moves_numbers.respell_numbers(text)
    expected = moves_numbers._SPELLED.sub(moves_numbers._respell, text)
    assert respelled == expected
    assert (respelled is text) == (expected is text)
    assert moves_numbers._has_spelled(text) == (moves_numbers._SPELLED.search(text) is not None)
    repaired = moves_numbers.repair_numbers(text)
    if moves_numbers._BROKEN.search(text) is None:
        assert repaired is text
    else:
        assert repaired == moves_numbers._BROKEN.sub(moves_numbers._repair, text)
        assert repaired is not text


_BEFORE_PIECES = [
    "nearly", "near", "about", "around", "almost", "roughly", "approximately", "some", "over", "close",
    "to", "more", "than", "just", "under", "less", "upwards", "of", "an", "estimated", "linear", "rose",
    " ", "  ", "\n", "\t", "\xa0", "x", "1", ".", "(", "%",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_BEFORE_PIECES), max_size=12).map("".join))
def test_an_approximation_ends_in_a_listed_word(before: str) -> None:
    if moves_numbers._APPROX_LOW.search(before):
        assert before.rstrip().endswith(moves_numbers._APPROX_ENDS), before


def test_every_approximation_passes_its_gate() -> None:
    for words in moves_numbers._APPROX_WORDS:
        before = words.replace(" ", " \n ") + " "
        assert moves_numbers._APPROX_LOW.search(before), before
        assert before.rstrip().endswith(moves_numbers._APPROX_ENDS), before


_CELL_PIECES = [
    "21,902.43", "+79.21", "(+0.36%)", " ", "  ", "0.00", "(0.00%)", "-0.28", "−1.5", "–2", "%", "(",
    ")", "S&P/TSX", "Crude Oil", "0", "\n", "1.7", "+", "-", "x", "0.05", ",", ".",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CELL_PIECES), max_size=20).map("".join))
def test_a_ticker_cell_passes_the_cell_gate(text: str) -> None:
    if moves_table._BAR_CELL.search(text):
        assert moves_table._CELL_SIGNED.search(text) or moves_table._CELL_ZERO.search(text), text


_LINE_PIECES = [
    "The Nikkei rose 1.2%", ". ", ".", "The", " the ", "U.S.", " 9 a.m. ", "On", "Dow", "\t", '"', "”",
    ")", ">>", "Ltd.", "S.", "everThe ", "1.45%. hong", "percent.The", "(", "0. 19 percent", "• ",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=20).map("".join))
def test_the_dot_twin_finds_the_sentence_ends_of_a_line_without_other_marks(line: str) -> None:
    assert [m.span() for m in sentences._END_DOT.finditer(line)] == [
        m.span() for m in sentences._END.finditer(line)
    ]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", " ", "  ", "\n", "\t", "\xa0", "\u2028", "\x1f", "é"]), max_size=8)
)
def test_single_spaced_names_are_told_apart(pieces: list[str]) -> None:
    name = "".join(pieces)
    if _spaced_once(name):
        assert " ".join(name.split()) == name


_BROKEN_PIECES = [
    "20", ", ", "572.97", "0", ". ", ".\n\n", "19", " ", "percent", "Per  Cent", "PCT", "pc", "%", "down",
    "ROSE", "Fell", "to", "by", "+", "-", "−", "1.7", "300", "pts", "Points", "point", "p", "P", "x",
    "the", "1,200", "\u017f", "\u212a", "é",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_BROKEN_PIECES), max_size=14).map("".join))
def test_every_broken_number_passes_a_gate(text: str) -> None:
    """Each gate is read from its branch of _BROKEN: where _BROKEN matches, one of them does."""
    if moves_numbers._BROKEN.search(text):
        assert any(gate.search(text) for gate in moves_numbers._BROKEN_GATES), text
        if text.isascii():
            assert any(gate.search(text) for gate in moves_numbers._BROKEN_GATES_ASCII), text


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["U", ".", "S", "a", "m", "Inc", " ", "  ", "\t", "\xa0", "1", "%", "é", "x."]),
        max_size=10,
    )
)
def test_the_word_before_a_mark_is_what_the_regex_reads(pieces: list[str]) -> None:
    line = "".join(pieces)
    for lo in range(len(line) + 1):
        match = sentences._WORD_BEFORE.search(line[lo:])
        assert sentences._word_before(line, lo, len(line)) == (match.group(1) if match else "")


_UNIT_PIECES = [
    "%",
    " ",
    "\xa0",
    "-",
    "+",
    "odd",
    "plus",
    "points",
    "PTS",
    "percent",
    "Per",
    "cent",
    "pc",
    "x",
    "year",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_UNIT_PIECES), min_size=1, max_size=6).map("".join))
def test_a_unit_starts_with_a_listed_character(after: str) -> None:
    for unit in (moves_numbers._UNIT_ANY, moves_numbers._UNIT_LOW):
        if unit.match(after):
            assert after[0] in moves_numbers._UNIT_FIRSTS or after[0].isspace(), after


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["The ", "The", "A ", "An ", "A", "An", "T", "he ", "n ", "ever", "x", " ", "’", "é", "É", "\t"]
        ),
        max_size=12,
    )
)
def test_a_glued_headline_is_found_from_its_capital(pieces: list[str]) -> None:
    line = "".join(pieces)
    expected = False
    for word in ("The ", "A ", "An "):
        at = line.find(word, 1)
        while at > 0:
            expected = expected or line[at - 1].islower()
            at = line.find(word, at + 1)
    assert sentences._glued_before(line) == expected


def test_every_non_ascii_digit_and_the_minus_sign_lie_from_u0660_on() -> None:
    """The sign-or-digit gate of repair_numbers reads non-ASCII characters from U+0660 on."""
    digits = [c for c in range(0x80, 0x110000) if re.match(r"\d", chr(c))]
    assert digits and min(digits) >= 0x660
    assert ord("−") >= 0x660


_SPELLED_AS_WRITTEN = re.compile(
    moves_numbers._SPELLED_SOURCE.replace("(?=\\d|" + "|".join(moves_numbers._WORDS) + "|half|a)", "", 1),
    re.IGNORECASE,
)


@settings(max_examples=400, deadline=None)
@given(word_texts)
def test_the_number_word_look_ahead_keeps_the_spelled_matches(text: str) -> None:
    assert _SPELLED_AS_WRITTEN.pattern != moves_numbers._SPELLED.pattern
    assert [(m.span(), m.groups()) for m in moves_numbers._SPELLED.finditer(text)] == [
        (m.span(), m.groups()) for m in _SPELLED_AS_WRITTEN.finditer(text)
    ]


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="ab\"'“„«”»‘\r\x85\u2028 ", max_size=12),
    st.sampled_from(["“„«”»\"‘'", "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", "xyz", ""]),
)
def test_has_any_is_any_character_in_the_text(text: str, chars: str) -> None:
    from streams.extract.char_scan import has_any

    assert has_any(text, chars) == any(c in text for c in chars)
