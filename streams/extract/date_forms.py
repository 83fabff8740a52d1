"""The date forms (``2025-10-27``, ``Mon, Sept. 5, 2025``, ``5th of May 2019``, ``12/09/2025``) and a
fast, exact way to find them in a whole text.

Why a scanner of its own: a date form must be tried at every position of a text, and the month
names are matched case-insensitively, so the regex engine has no literal to skip to; over a 3 kB
article one month-name form cost more than the rest of normalisation together. But every date
holds a year, years are rare, and a search for the literal "19" or "20" jumps straight from one
occurrence to the next. So the years are found first and each form is tried only in a short window
that ends just after one year. :func:`date_matches` returns exactly the matches of
``DATE_FORMS[i].finditer(text)``, for these reasons:

* The year of a match always follows a non-digit (a space, ``/``, ``.`` or a word boundary), and a
  match holds no other such ``(19|20)dd`` than its year: day and month numbers have at most two
  digits and every other part is letters, spaces or punctuation.
* So the leftmost match at or after ``pos`` either uses the first year after ``pos`` or starts
  after that year; and a match using year ``y`` starts no earlier than the start of the ``k``-th
  whitespace-separated chunk before ``y`` (``k`` = 0 for ISO, whose year comes first; 1 for
  ``12/09/``; 3 for ``Mon, Sept. 5,``; 4 for ``Mon, 5th of May,``) and ends 4 characters after
  ``y`` (10 for ISO and its dotted or slashed forms). The window search keeps one more character
  (two for the year-first form, whose lookahead reads two), so the closing ``\\b`` or ``(?!\\d)``
  sees the real text; the engine's ``pos`` argument lets a leading ``\\b`` look behind the window.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

__all__ = [
    "DATE_FORMS",
    "MONTHS",
    "MONTH_NAMES",
    "all_date_matches",
    "date_matches",
    "next_date_match",
    "year_positions",
]

MONTHS: Final[dict[str, int]] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Every spelling ``_MONTH`` matches (without its optional full stop), in lower case.
MONTH_NAMES: Final = frozenset(
    [
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    ]
)
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

# Each date form is a template with named groups; the same names are reused, so they are compiled one by one.
_MDY = _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b"
_DMY = _WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b"
# Year first: ISO "2025-10-27", and the dotted or slashed stamps of East Asian pages ("2021.01.07",
# "2021/1/7"); year-first is never day-first, so these are unambiguous.
_ISO = (
    r"\b(?P<year>(?:19|20)\d{2})(?:-(?P<mnum>\d{2})-(?P<day>\d{2})(?!\d)"
    r"|(?P<sep>[./])(?P<mnum2>\d{1,2})(?P=sep)(?P<day2>\d{1,2})(?![\d]|[./]\d))"
)
_NUMERIC = r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>(?:19|20)\d{2})\b"
DATE_FORMS: Final[tuple[re.Pattern[str], ...]] = tuple(
    re.compile(form, re.IGNORECASE) for form in (_ISO, _MDY, _DMY, _NUMERIC)
)
# Per form: whitespace-separated chunks that may stand between a match's start and its year, and
# characters from the year's start to one past the match's end (the closing lookaround's character).
_CHUNKS_BEFORE_YEAR: Final = (0, 3, 4, 1)
# The year-first form's closing lookahead reads two characters ("2021.01.07.5" is no date).
_TAIL_FROM_YEAR: Final = (12, 5, 5, 5)

# Two scans with a literal start ("19", "20") are 3-4 times faster than one (?:19|20)\d{2}, for
# which the engine tests every character against a two-character set.
_YEARS: Final = (re.compile(r"19\d{2}"), re.compile(r"20\d{2}"))


def year_positions(text: str) -> list[int]:
    """Where a date's year can start, in order: ``(19|20)dd`` not right after another digit.

    A year that follows a digit is skipped: no form allows it, and such a candidate can only
    overlap the one before it, so the non-overlapping scans miss no year that counts. (Plain
    loops, not a generator expression: this runs for every line that holds a year.)
    """
    found: list[int] = []
    for pattern in _YEARS:
        for match in pattern.finditer(text):
            at = match.start()
            if not (at and text[at - 1].isdecimal()):
                found.append(at)
    found.sort()
    return found


def _chunk_start(text: str, end: int, chunks: int, floor: int) -> int:
    """Start of the ``chunks``-th run of non-space characters before ``end`` (not below ``floor``).

    ``str.isspace`` is the regex engine's ``\\s`` (both are Unicode whitespace).
    """
    i = end
    for _ in range(chunks):
        while i > floor and text[i - 1].isspace():
            i -= 1
        while i > floor and not text[i - 1].isspace():
            i -= 1
    return i


def _may_use(text: str, form: int, year: int, start: int) -> bool:
    r"""Whether a match of ``DATE_FORMS[form]`` can use the year at ``year``, from what stands
    right around it; ``start`` is where the ``_CHUNKS_BEFORE_YEAR`` chunks before it start.

    Exact (it only says no where the form cannot match): the month-name forms have ``\s+`` right
    before the year, and the chunk before that space is the day (MDY: it starts with a digit) or
    the month name (DMY: one of ``MONTH_NAMES``, maybe then "." and ","); the numeric form has
    ``\d[/.]`` right before the year; the year-first form has "-", "." or "/" right after it.
    ``str.isspace`` / ``str.isdecimal`` / ``str.isalpha`` are the engine's ``\s`` / ``\d`` and
    contain every letter IGNORECASE may match."""
    if form == 0:
        after = year + 4
        return after < len(text) and text[after] in "-./"
    if form == 3:
        return year >= 2 and text[year - 1] in "/." and text[year - 2].isdecimal()
    if year == 0 or not text[year - 1].isspace():
        return False
    end = year - 1  # the last character of the chunk before the year's space run
    while end > start and text[end].isspace():
        end -= 1
    chunk_start = end
    while chunk_start > start and not text[chunk_start - 1].isspace():
        chunk_start -= 1
    if form == 1:  # the day: the chunk starts with a digit
        return text[chunk_start].isdecimal()
    chunk = text[chunk_start : end + 1]  # the month name, then maybe "." and ","
    if chunk.endswith(","):
        chunk = chunk[:-1]
    if chunk.endswith("."):
        chunk = chunk[:-1]
    # An ASCII character matches a letter under IGNORECASE only as that letter, so an ASCII
    # chunk is a month name exactly when its lower case is one; any other chunk is searched.
    return not chunk.isascii() or chunk.lower() in MONTH_NAMES


def next_date_match(text: str, form: int, years: list[int], pos: int = 0) -> re.Match[str] | None:
    """The first match of ``DATE_FORMS[form].finditer(text)`` at or after ``pos``, where ``pos`` is
    0 or the end of the match before (module docstring); ``years`` is :func:`year_positions` of
    ``text``. A year that :func:`_may_use` rules out is not searched (the search would find nothing).

    A plain function rather than a generator (compiled generators are slow to make, and the
    callers mostly want the first match only): calling it again from the end of each match gives
    :func:`date_matches` in order."""
    pattern = DATE_FORMS[form]
    chunks = _CHUNKS_BEFORE_YEAR[form]
    tail = _TAIL_FROM_YEAR[form]
    n = len(text)
    for year in years:
        if year < pos:
            continue
        start = _chunk_start(text, year, chunks, pos)
        if _may_use(text, form, year, start):
            match = pattern.search(text, start, min(n, year + tail))
            if match is not None:
                return match
        pos = year + 1  # no match uses this year, so none starts at or before it
    return None


def all_date_matches(text: str, form: int, years: list[int]) -> list[re.Match[str]]:
    """:func:`date_matches` as a list (no generator), for callers that read every match."""
    found: list[re.Match[str]] = []
    match = next_date_match(text, form, years)
    while match is not None:
        found.append(match)
        match = next_date_match(text, form, years, match.end())
    return found


def date_matches(text: str, form: int, years: list[int] | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``DATE_FORMS[form].finditer(text)``, found from the years (module docstring).

    ``years`` is :func:`year_positions` of ``text`` when the caller already has it.
    """
    known = year_positions(text) if years is None else years
    match = next_date_match(text, form, known)
    while match is not None:
        yield match
        match = next_date_match(text, form, known, match.end())
