"""Fast paths of normalisation and quote extraction give what the plain code gives.

Each check pins a shortcut to the slow, obvious form it replaces: the whitespace lists against
``str.isspace``, ``split_paragraphs`` against per-line ``" ".join(line.split())``, the date
scanner's per-year gate against ``finditer`` (with month names IGNORECASE may match oddly), and
``tokenize``'s cut of "word," / "word." pieces against the token regex.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.extract.cleaning import _TAIL_LEADS, _TAIL_MARKERS, _tail_start, _tidy_lines
from streams.extract.date_forms import (
    _MONTH as _MONTH_PATTERN,
)
from streams.extract.date_forms import (
    DATE_FORMS,
    MONTH_NAMES,
    all_date_matches,
    date_matches,
    next_date_match,
    year_positions,
)
from streams.extract.dates import _YEAR_THEN_AGENCY, _YEAR_THEN_CLOSE, _year_before, _year_lines
from streams.extract.furniture import _ALL, _COPYRIGHT_LINE, _IMAGE_ENDS, _NAV_BAR, drop_furniture
from streams.extract.quotes_text import (
    _ASCII_LINE_WHITESPACE,
    _DOUBLE_MARK,
    _DOUBLE_MARKS,
    _SINGLE_MARK,
    _SINGLE_MARKS,
    _lines,
    _mark_positions,
    find_spans,
    spans_per_paragraph,
    split_paragraphs,
)
from streams.extract.sources import (
    _CNBC_CREDIT_END,
    _DOW_JONES_FOOTER,
    _SITE_MARKERS,
    _at_parenthesis,
    detect_source,
)
from streams.extract.tokens import _GLUE, _TOKEN, tokenize


def test_line_whitespace_other_than_the_space_is_tab_and_x1f_or_unprintable() -> None:
    every = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} - {" "}
    assert not any(c.isprintable() for c in every)
    in_ascii_lines = {c for c in every if c.isascii() and len(("a" + c + "b").splitlines()) == 1}
    assert in_ascii_lines == set(_ASCII_LINE_WHITESPACE)


_LINE_PIECES = st.sampled_from(
    [
        "a",
        "Word",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "\r",
        "\r\n",
        "\xa0",
        "\u2028",
        "\x1c",
        "\x1f",
        "\x85",
        "“",
        "é",
        ".",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=30).map("".join))
def test_lines_equal_split_and_join_per_line(body: str) -> None:
    expected = [" ".join(line.split()) for line in body.splitlines()]
    assert [x for x in _lines(body) if x] == [x for x in expected if x]


_DATE_PIECES = st.sampled_from(
    [
        *("Jan", "january", "AUG", "Auguſt", "ſept", "Sept.", "May", "mar", "March", "of", "Mon,", "thurs"),
        *("5", "5th", "5TH", "1st,", "31", "2025", "2019", "1999", "20٢٥", "٢", "2025-10-27", "12/09/2025"),
        *("2021.01.07", "2021/1/7", " ", "  ", "\n", "\xa0", ",", ".", "/", "-", "x", "9"),
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_DATE_PIECES, max_size=25).map("".join))
def test_date_matches_with_year_gate_equal_finditer(text: str) -> None:
    for form, pattern in enumerate(DATE_FORMS):
        found = [(m.span(), m.groupdict()) for m in date_matches(text, form)]
        assert found == [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_glue_is_what_continues_a_word_token() -> None:
    # A one-character piece after letters: in _GLUE exactly when the regex keeps it in the word.
    for char in [*_GLUE, ",", ":", ")", "%", "!", "\ue000", "—", "”", "’", "$"]:
        assert (_TOKEN.findall("ab" + char) == ["ab" + char]) == (char in _GLUE)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["said", "U.S", "x", "9", ",", ".", "_", "’", "'", "&", "-", "/", ":", "\ue000", " ", "é"]
        ),
        max_size=25,
    ).map("".join)
)
def test_tokenize_equals_findall_on_word_and_mark_pieces(text: str) -> None:
    assert [tok.text for tok in tokenize(text)] == _TOKEN.findall(text)


def test_tail_leads_are_every_first_character_a_tail_marker_can_have() -> None:
    # Each marker opens with one of these letters; IGNORECASE matches them in no other character.
    leads = re.compile("[" + "".join({p[0] for p in ("latest", "risk", "fusion")}) + "]", re.IGNORECASE)
    assert {chr(c) for c in range(sys.maxunicode + 1) if leads.match(chr(c))} == set(_TAIL_LEADS)
    for line in ("Latest comments", "RISK DISCLOSURE: x", "fusion media would like to remind you"):
        assert _TAIL_MARKERS.match(line) and line[0] in _TAIL_LEADS
    assert _tail_start(["a", "Latest comments", "b"]) == 1
    assert _tail_start(["a", "Risk Disclosure:"]) == 1
    assert _tail_start(["", "b"]) == 2


@settings(max_examples=500, deadline=None)
@given(st.lists(_DATE_PIECES, max_size=25).map("".join))
def test_next_date_match_and_list_follow_date_matches(text: str) -> None:
    years = year_positions(text)
    for form in range(len(DATE_FORMS)):
        every = list(date_matches(text, form, years))
        assert [m.span() for m in all_date_matches(text, form, years)] == [m.span() for m in every]
        first = next_date_match(text, form, years)
        assert (first and first.span()) == (every[0].span() if every else None)


_FURNITURE_LINES = st.lists(
    st.sampled_from(
        [
            *(
                "share",
                "Share this story",
                "SHARE ON X",
                "stay updated!",
                "Stay up to date with notifications from x",
            ),
            *(
                "Advertisement 2",
                "advertisement - scroll",
                "All rights reserved",
                "Also Read | x",
                "photo.JPG",
            ),
            *("a.webp", "img-1.svg", "This website uses cookies", "We use cookies", "Categories: Markets"),
            *("ſhare", "Kelvin", "İ", "/", "— stay updated", "5 min read", "©", " ", "x", "The", "St", "Th"),
            *(
                "News World Market Environment Sports Business Tech Science Health Travel Opinion",
                "Ab",
                "9",
                ".",
            ),
        ]
    ),
    min_size=1,
    max_size=4,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_FURNITURE_LINES)
def test_furniture_by_pair_equals_all_patterns(line: str) -> None:
    expected = bool(
        _ALL.fullmatch(line) or _NAV_BAR.fullmatch(line) or ("©" in line and _COPYRIGHT_LINE.fullmatch(line))
    )
    assert drop_furniture([line]) == ["" if expected else line]


def test_image_ends_are_every_character_an_extension_can_end_with() -> None:
    ends = re.compile(
        "[" + "".join({ext[-1] for ext in ("png", "jpg", "jpeg", "gif", "webp", "svg")}) + "]", re.I
    )
    assert {chr(c) for c in range(sys.maxunicode + 1) if ends.match(chr(c))} == set(_IMAGE_ENDS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["\t", "\t\t", "a", " ", "\n", "x\t"]), max_size=20).map("".join))
def test_tabs_become_one_space_per_run(text: str) -> None:
    assert _tidy_lines(text) == [line.strip() for line in re.sub(r"\t+", " ", text).split("\n")]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ['"', "“", "”", "„", "«", "»", "‘", "’", "'", "We said", " ", "\n", "\n\n", "x", "A", ":"]
        ),
        max_size=30,
    ).map("".join)
)
def test_spans_per_paragraph_equal_find_spans_of_each(body: str) -> None:
    paragraphs = split_paragraphs(body)
    expected = [[repr(s) for s in find_spans(p)] for p in paragraphs]
    assert [[repr(s) for s in spans] for spans in spans_per_paragraph(paragraphs, body)] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(['"', "“", "”", "„", "«", "»", "x", " ", "é"]), max_size=30).map("".join))
def test_mark_positions_equal_the_double_mark_class(text: str) -> None:
    assert _mark_positions(text, _DOUBLE_MARKS) == [m.start() for m in _DOUBLE_MARK.finditer(text)]


def test_month_names_are_every_spelling_the_month_pattern_matches() -> None:
    full = ["january", "february", "march", "april", "may", "june", "july", "august", "september"]
    full += ["october", "november", "december"]
    candidates = {name[:k] for name in full for k in range(1, len(name) + 1)} | {"sept", "sep", "mayo"}
    month = re.compile(_MONTH_PATTERN, re.IGNORECASE)
    for word in candidates:
        for spelled in (word, word.upper(), word.capitalize()):
            assert bool(month.fullmatch(spelled)) == (word in MONTH_NAMES), spelled


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["(END)", "(", ")", " ", "\n", "Dow Jones Newswires", "x", "END"]), max_size=12
    ).map("".join)
)
def test_parenthesis_scan_equals_search(text: str) -> None:
    assert _at_parenthesis(_DOW_JONES_FOOTER, text) == bool(_DOW_JONES_FOOTER.search(text))


def test_cnbc_credit_needs_its_closing_words() -> None:
    credit = next(pattern for literal, pattern, _ in _SITE_MARKERS if literal == "CNBC")
    assert _CNBC_CREDIT_END in credit.pattern
    assert detect_source("CNBC's Jane Doe contributed to this report.") == "CNBC"


@settings(max_examples=500, deadline=None)
@given(st.lists(_DATE_PIECES, max_size=25).map("".join))
def test_year_lines_carry_the_year_positions_of_each_line(text: str) -> None:
    for line, years in _year_lines(text, year_positions(text)):
        assert years is None or years == year_positions(line)


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.sampled_from(["2019", "1999", "20٢٥", "9", "(", ")", "(Reuters)", "(a", " ", "\n", "\xa0", "x"]),
        max_size=15,
    ).map("".join)
)
def test_year_before_bracket_equals_the_year_bracket_searches(text: str) -> None:
    assert _year_before(text, "(", True) == any(p.search(text) for p in _YEAR_THEN_AGENCY)
    assert _year_before(text, ")", False) == any(p.search(text) for p in _YEAR_THEN_CLOSE)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["‘", "'", "’", "x", " ", "é", "We said"]), max_size=30).map("".join))
def test_mark_positions_equal_the_single_mark_class(text: str) -> None:
    assert _mark_positions(text, _SINGLE_MARKS) == [m.start() for m in _SINGLE_MARK.finditer(text)]
