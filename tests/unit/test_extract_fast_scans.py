"""The fast scans of extraction give exactly what the plain regular expressions give.

``date_matches`` finds the date forms from the years, ``LinePattern`` jumps from newline to
newline and ``tokenize`` runs its regex only on the whitespace-separated pieces that need it;
each is only worth having if no text can tell it from the plain scan over the whole text, so
they are compared with it on generated texts made of the pieces that matter (weekdays, months,
days, years, odd whitespace, Unicode digits, glued digits, quotation markers, apostrophes).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.extract.date_forms import DATE_FORMS, date_matches, year_positions
from streams.extract.furniture import _ALL, _BY_FIRST
from streams.extract.line_patterns import LinePattern
from streams.extract.tokens import _TOKEN, tokenize

_DATE_PIECES = [
    "Mon",
    "Monday",
    "Wed.",
    "thurs",
    "Sun,",
    "SATURDAY.,",
    "Sept",
    "Sept.",
    "september",
    "MAY",
    "June",
    "of",
    "Dec.",
    "5",
    "05",
    "31st",
    "2nd",
    "20",
    "19",
    "1٩",
    "123",
    "2019",
    "2020",
    "1999",
    "20٢٥",
    "20190",
    "2025-10-27",
    "12/09/2025",
    "25.02.2026",
    "2021.01.07",
    "2021/1/7",
    "2021.",
    ".7",
    "12",
    " ",
    "  ",
    "\n",
    "\t",
    ",",
    "\u00a0",
    "/",
    ".",
    "-",
    "(",
    ")",
    "x",
]
_texts = st.lists(st.sampled_from(_DATE_PIECES), max_size=30).map("".join)


def _spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_date_matches_equal_finditer(text: str) -> None:
    for form, pattern in enumerate(DATE_FORMS):
        assert _spans(date_matches(text, form)) == _spans(pattern.finditer(text))


def test_date_matches_on_known_dates() -> None:
    text = "Published Mon, Sept. 5, 2025 (Reuters) and 5th of May 2019; 12/09/2025, 2025-10-27 and 202019."
    for form, pattern in enumerate(DATE_FORMS):
        found = _spans(date_matches(text, form))
        assert found == _spans(pattern.finditer(text))
        assert found, f"form {form} finds its date"
    assert [text[p : p + 4] for p in year_positions(text)] == ["2025", "2019", "2025", "2025", "2020"]


_LINE_PIECES = [
    "Published",
    "published:",
    "Updated",
    " on ",
    "\t",
    " ",
    "\n",
    "\n\n",
    "x",
    ": ",
    "Oct 5",
    "ET",
]
_line_texts = st.lists(st.sampled_from(_LINE_PIECES), max_size=20).map("".join)
_BODY = r"[ \t]*(?:last[ \t]+)?(?:published|updated)(?:[ \t]+on)?[ \t]*:?[ \t]*(.+)$"


@settings(max_examples=500, deadline=None)
@given(_line_texts)
def test_line_pattern_equals_multiline_caret(text: str) -> None:
    plain = re.compile("^" + _BODY, re.IGNORECASE | re.MULTILINE)
    fast = LinePattern(_BODY, re.IGNORECASE)
    assert [m.groups() for m in fast.finditer(text)] == [m.groups() for m in plain.finditer(text)]
    found, expected = fast.search(text), plain.search(text)
    assert (found and found.groups()) == (expected and expected.groups())


_TOKEN_PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "\n",
        "\t",
        "\xa0",
        "\u2028",
        "\x1c",
        "_",
        "__x",
        "\ue000",
        "\ue001",
        "’s",
        "'",
        "U.S.",
        ",",
        "(",
        ")",
        "-",
        "&",
        "/",
        ".",
        "2.5%",
        "٢٠",
        "é",
        "ſ",
        "Ⅻ",
        "said",
        "Mr",
        "—",
        "“",
        "”",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_TOKEN_PIECES, st.text(max_size=3)), max_size=25).map("".join))
def test_tokenize_equals_findall(text: str) -> None:
    assert [tok.text for tok in tokenize(text)] == _TOKEN.findall(text)


_FURNITURE_PIECES = st.sampled_from(
    [
        "share",
        "Share this story",
        "stay updated!",
        "— stay updated",
        "5 min read",
        "/ 3 minutes read",
        "- a small",
        '"Disclosure: this is an AI-generated translation',
        "photo.JPG",
        "We use cookies",
        "This website uses cookies to",
        "ſhare",
        "Kelvin",
        "İ",
        "/",
        " ",
        "x",
        "_",
        "9",
        ".",
        "Stock chart icon",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_FURNITURE_PIECES, min_size=1, max_size=4).map("".join))
def test_furniture_by_first_character_equals_all_patterns(line: str) -> None:
    by_first = _BY_FIRST.get(line[:1], _ALL).fullmatch(line)
    assert bool(by_first) == bool(_ALL.fullmatch(line))
