"""``published_at``: the date an article text itself shows, or None.

Why so strict: alert rule 3 (stale news) compares the days of two articles, so a wrong date
silently suppresses or fires alerts, while a null date only falls back to the direction test.
Following the dev-set convention, only a date *with a year* in a place that dates the page
counts; a date mentioned in passing in prose ("the highest level since May 4, 2009", "last
seen July 5, 2011") never does, and a dateline without a year ("Dec 16 (Reuters)") gives None.

Signals, strongest first (the first signal kind that yields a date wins; inside one kind the
first occurrence in the text wins):

1. the page date stamp at the very start: ``" date 2025-10-27 ..."``;
2. a "Published" line: ``Published 12/09/2025, 04:08``, ``Published: Oct 28, 2025 11:15 PM``;
3. a line that is only a date (and maybe a time): ``Sep 23, 2025 2:36 PM``,
   ``Dec 29, 2025 16:56 IST``, ``September 16, 2025``, ``19 Aug, 2025 @ 13:00``, the Dow Jones
   footer ``09-06-21 1247ET``; such a line may open with a byline or credit (a few capitalised
   words, maybe a time: ``Stephanie Hughes Nov 4, 2024``, ``Anna Wise29 April 2024``,
   ``(Xinhua) 17:02, July 22, 2025``, a bare ``By``) and end with page furniture (``| By | Category: ...``,
   ``Adjust font size:``, ``08:09 ET (13:09 GMT)``, ``(Gmt+09:00)``); and the headline may end with its
   date after a dash or a weekday (``... for the first time – 03/07/2024 at 6:43 p.m.``,
   ``How major US stock indexes fared Monday 3/20/2023``); and a text may open with its stamp, a
   date and a time, before prose on the same line (``09 March 202017.53 The closure ...``, the time
   glued to the year);
4. a dated dateline: ``NEW YORK, Oct. 27, 2025 (Reuters) -``, ``05:06 PM EST, 11/13/2025 (MT Newswires) --``,
   ``Hong Kong, (UrduPoint / Pakistan Point News - 23rd Dec, 2019 ) :``;
5. a session date: a parenthesised full date ``(Thursday, January 8, 2026)`` or
   ``the TSX close for Sept. 30, 2025``;
6. an "Updated" line (only when nothing above dated the page).

All-numeric dates (``12/09/2025``) are read day-first unless the text or the publisher says
otherwise: a first number above 12 forces day-first, a second number above 12 forces
month-first, and for an ambiguous pair US publishers (CNBC, AP, Bloomberg, Dow Jones, ...) are
read month-first; everyone else, Investing.com included (the contract says so), day-first. A
weekday written right before an ambiguous date settles it: ``Thursday 03/07/2024`` is 7 March
2024 whoever publishes it, and a stamp whose weekday fits neither reading is not trusted.

The value is a date (``YYYY-MM-DD``). A datetime is returned only when a time comes with an
explicit UTC offset or GMT/UTC, because the stamps seen so far ("2:36 PM", "16:56 IST",
"04:08") have no reliable zone; the evaluation compares only the date part anyway.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Final

from streams.extract.char_scan import has_any
from streams.extract.date_forms import DATE_FORMS, MONTHS, all_date_matches, next_date_match, year_positions
from streams.extract.line_patterns import LinePattern

__all__ = ["find_published_at", "parse_date"]

# A time after the date: "04:08", "2:36 PM", "16:56 IST", "T04:08:00Z", "11:15 PM GMT+8", and the
# Guardian's "10.05 GMT" (a dot, then a zone).
_TIME: Final = re.compile(
    r"\A\s*(?:,|at|T|@|[·•|–—-])?\s*(?P<h>\d{1,2})(?::|\.(?=\d{2}\s*(?:[AaPp]\.?[Mm]|GMT|BST|UTC|CET|CEST)\b))(?P<m>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"
    r"\s*(?P<tz>(?:GMT|UTC)\s*[+-]\d{1,2}(?::?\d{2})?|Z|GMT|UTC|[+-]\d{2}:?\d{2}|[A-Z]{2,4})?"
)

_LEADING_STAMP: Final = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")
_PUBLISHED_LINE: Final = LinePattern(
    r"[ \t]*(?:first[ \t]+)?(?:published|posted|written|aired|date)(?:[ \t]+on)?[ \t]*:?[ \t]*(.+)$",
    re.IGNORECASE,
)
_UPDATED_LINE: Final = LinePattern(
    r"[ \t]*(?:last[ \t]+)?updated(?:[ \t]+on)?[ \t]*:?[ \t]*(.+)$", re.IGNORECASE
)
_DOW_JONES_FOOTER: Final = LinePattern(
    r"[ \t]*(?P<m>\d{2})-(?P<d>\d{2})-(?P<y>\d{2})[ \t]+\d{4}[ \t]*ET[ \t]*$"
)
# "Updated 4:05 PM EDT, October 27, 2025": a time (and zone) may come before the date on a stamp.
_LEADING_TIME: Final = re.compile(r"\A\s*\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4})?\s*,?\s*")
_AGENCY_AFTER: Final = re.compile(r"\s*\([A-Z][\w.& ]{0,30}\)")  # used with match(text, pos)
_SESSION_LEAD: Final = re.compile(
    r"\b(?:close|closing|session|trading(?:\s+day)?)\s+(?:for|of|on)\s+\Z", re.IGNORECASE
)

# A dated dateline has "(Agency)" right after the year: a fast test of the text says whether to look for one.
# Two patterns with a literal start, not one (?:19|20)..., for which the engine tests every character.
_YEAR_THEN_AGENCY = (re.compile(r"19\d{2}\s*\([A-Z]"), re.compile(r"20\d{2}\s*\([A-Z]"))
# "Hong Kong, (UrduPoint / Pakistan Point News - 23rd Dec, 2019 ) :": the date inside the agency's
# parenthesis, after its name and a dash or comma; a year right before ")" is the fast test.
_YEAR_THEN_CLOSE = (re.compile(r"19\d{2}\s*\)"), re.compile(r"20\d{2}\s*\)"))
_AGENCY_DATELINE_OPEN: Final = re.compile(
    r"\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*,?\s*)?\(\s*[A-Z][\w.&/’' ]{0,50}?(?:\s[-–—]|,)\s*"
)
# "NEW YORK, 2025-10-27 (Reuters) -": an ISO date before the agency, which the year gate above
# (a year right before the parenthesis) and the month-name forms do not see.
_ISO_DATELINE: Final = re.compile(r"(?<![\d-])((?:19|20)\d{2}-\d{2}-\d{2})(?=\s*\([A-Z][\w.& ]{0,30}\))")
# Line breaks of str.splitlines other than "\n"; without them a line is what lies between two "\n".
_OTHER_LINE_BREAKS: Final = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

# US publishers, and Taiwan's CNA / Focus Taiwan, whose page stamps read "02/25/2026 03:05 PM".
_MONTH_FIRST_SOURCES: Final = frozenset(
    {
        "CNBC",
        "AP",
        "Bloomberg",
        "Dow Jones",
        "MarketWatch",
        "MT Newswires",
        "CNN",
        "CNNMoney",
        "CNA",
        "Focus Taiwan",
    }
)


# Publishers whose order is known to be day-first (the contract says so for Investing.com).
_DAY_FIRST_SOURCES: Final = frozenset({"Investing.com"})


def _fits(year: int, month: int, day: int, weekday: int) -> bool:
    """Whether year-month-day is a real date that falls on ``weekday`` (0 = Monday)."""
    try:
        return date(year, month, day).weekday() == weekday
    except ValueError:
        return False


def _numeric(a: int, b: int, source: str | None, year: int = 0, weekday: int = -1) -> tuple[int, int] | None:
    """(month, day) for an all-numeric date, following the day-first/month-first rule of the module docstring.

    ``weekday`` (0 = Monday, -1 = none) is the session weekday the article names first: for a
    publisher of unknown order it settles an ambiguous pair when exactly one reading falls on it.
    """
    if a > 12 and b > 12:
        return None
    if a > 12:
        return b, a
    if b > 12:
        return a, b
    if source in _MONTH_FIRST_SOURCES:
        return a, b
    settles = weekday >= 0 and source not in _DAY_FIRST_SOURCES and a != b
    if settles and _fits(year, a, b, weekday) and not _fits(year, b, a, weekday):
        return a, b
    return b, a


def _match_to_date(match: re.Match[str], source: str | None, weekday: int = -1) -> date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("mon"):
        month = MONTHS[groups["mon"][:3].lower()]
        day = int(groups["day"])
    elif groups.get("mnum"):
        month, day = int(groups["mnum"]), int(groups["day"])
    elif groups.get("mnum2"):
        month, day = int(groups["mnum2"]), int(groups["day2"])
    else:
        order = _numeric(int(groups["a"]), int(groups["b"]), source, year, weekday)
        if order is None:
            return None
        month, day = order
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(
    text: str, source: str | None = None, weekday: int = -1, years: list[int] | None = None
) -> tuple[date, int, int] | None:
    """The first date in ``text`` as (date, start, end), any supported form, else None.

    ``weekday`` is the article's session weekday (:func:`_numeric`), -1 when unknown; ``years``
    is :func:`year_positions` of ``text`` when the caller already has it.
    """
    if years is None:
        years = year_positions(text)
    if not years:
        return None
    best: tuple[date, int, int] | None = None
    for form in range(len(DATE_FORMS)):
        match = next_date_match(text, form, years)
        while match is not None:  # date_matches(text, form, years) up to the first real date
            found = _match_to_date(match, source, weekday)
            if found is not None:
                if best is None or match.start() < best[1]:
                    best = (found, match.start(), match.end())
                break
            match = next_date_match(text, form, years, match.end())
    return best


def _with_time(day: date, rest: str) -> str:
    """ISO date, or datetime when ``rest`` starts with a time that carries an explicit UTC offset."""
    match = _TIME.match(rest)
    if match is None or match.group("tz") is None:
        return day.isoformat()
    tz = match.group("tz").upper().replace(" ", "")
    if tz in {"Z", "GMT", "UTC"}:
        offset = timedelta(0)
    else:
        numeric = re.fullmatch(r"(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?", tz)
        if numeric is None:  # a zone abbreviation such as IST or ET: ambiguous, keep the date only
            return day.isoformat()
        sign = 1 if numeric.group(1) == "+" else -1
        offset = sign * timedelta(hours=int(numeric.group(2)), minutes=int(numeric.group(3) or 0))
    hour, minute = int(match.group("h")), int(match.group("m"))
    ampm = (match.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return day.isoformat()
    stamp = datetime(
        day.year, day.month, day.day, hour, minute, int(match.group("s") or 0), tzinfo=timezone(offset)
    )
    return stamp.isoformat()


def _date_at_start(fragment: str, source: str | None, weekday: int = -1) -> str | None:
    """A date that starts ``fragment`` (after optional spaces), with its time when reliable.

    A time written before the date ("4:05 PM EDT, October 27, 2025") is skipped, and then only
    the date is kept.
    """
    leading_time = _LEADING_TIME.match(fragment)
    if leading_time is not None:
        fragment = fragment[leading_time.end() :]
    found = parse_date(fragment, source, weekday)
    if found is None or fragment[: found[1]].strip(" ,:-–—"):
        return None
    if leading_time is not None:
        return found[0].isoformat()
    return _with_time(found[0], fragment[found[2] :])


# A byline or credit before the date on a stamp line: up to four capitalised words (a name, an
# agency, "By ..."), maybe in or before a parenthesis or a separator, then maybe a time.
# "Stephanie Hughes ", "(Xinhua) 17:02, ", "By Anna Wise | ". A word that opens prose or another
# signal ("Since", "On", "Updated") is no credit: "Since March 23, 2020" dates nothing.
_CREDIT_PREFIX: Final = re.compile(
    r"\(?(?:By\s+)?(?P<words>(?:[A-Z][\w.'’&-]*\)?,?\s*){1,4})(?:[|·•–—-]\s*)?"
    r"(?:\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4}\b)?\s*,?\s*)?"
)
_NOT_CREDIT: Final = frozenset(
    {
        *("since", "on", "from", "until", "till", "before", "after", "in", "of", "to", "than", "at"),
        *("as", "by", "through", "between", "and", "or", "for"),
        *("updated", "last", "published", "posted", "record", "high", "low", "close", "closed", "opened"),
        # captions, copyright lines and review or effective dates date no page
        *("photo", "file", "picture", "image", "copyright", "next", "review", "reviewed", "effective"),
    }
)
# Page furniture after the date (and time) on a stamp line: more metadata after a separator
# ("| By | Category: ETF and Index News"), the time in another zone ("(13:09 GMT)") or the page's
# zone alone ("(Gmt+09:00)"), a widget label.
_STAMP_TAIL: Final = re.compile(
    r"(?:[|·•]\s*.*"
    r"|\(\s*\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:GMT|UTC|[A-Z]{2,4})?\s*\)"
    r"|\(\s*(?:GMT|UTC)\s*[+-]\d{1,2}(?::?\d{2})?\s*\)"
    r"|(?:adjust\s+)?(?:font|text)(?:\s+size)?\s*:?|(?:last\s+)?updated\b.*)\Z",
    re.IGNORECASE,
)
# The headline's own date at its end: after a dash ("... for the first time – 03/07/2024 at 6:43 p.m.")
# or right after a weekday ("How major US stock indexes fared Monday 3/20/2023").
_HEADLINE_DASH: Final = re.compile(r"\s[–—-]\s*\Z")
_WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_BEFORE: Final = re.compile(
    r"\b(?P<wd>(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Satur|Sun)(?:day)?)\.?,?\s*\Z", re.IGNORECASE
)


def _is_credit(prefix: str) -> bool:
    """Whether ``prefix`` (what stands before the date on its line) is a byline or credit.

    A bare "By" is a byline whose name the page left out ("By Jan 07, 2021 (Gmt+09:00)")."""
    if prefix.strip().lower() == "by":
        return True
    match = _CREDIT_PREFIX.fullmatch(prefix)
    if match is None:
        return False
    words = match.group("words").replace(",", " ").replace(")", " ").split()
    return not any(word.lower().rstrip(".") in _NOT_CREDIT for word in words)


def _weekday_fit(prefix: str, line: str, start: int, found: date) -> date | None:
    """``found``, or the other reading of an ambiguous all-numeric date, as the weekday before it says.

    With no weekday right before the date, ``found`` as it is; a weekday that fits neither
    reading makes the date untrustworthy (None).
    """
    weekday = _WEEKDAY_BEFORE.search(prefix)
    if weekday is None:
        return found
    wanted = _WEEKDAYS.index(weekday.group("wd")[:3].lower())
    if found.weekday() == wanted:
        return found
    numeric = DATE_FORMS[-1].match(line, start)
    if numeric is not None:
        try:
            swapped = date(found.year, found.day, found.month)
        except ValueError:
            return None
        if int(numeric.group("a")) <= 12 and int(numeric.group("b")) <= 12 and swapped.weekday() == wanted:
            return swapped
    return None


def _stamp_line(
    line: str, source: str | None, headline: bool = False, weekday: int = -1, years: list[int] | None = None
) -> str | None:
    """A line that is only a date, maybe with a time and zone ("Sep 23, 2025 2:36 PM").

    The date may follow a byline or credit and come before page furniture; on the headline it
    may also end the line after a dash or a weekday (module docstring, signal 3). ``years`` is
    :func:`year_positions` of ``line`` when the caller already has it.
    """
    stripped = line.strip()
    if years is not None:  # strip cuts only whitespace, never a year: the same years, shifted
        lead = len(line) - len(line.lstrip())
        years = [year - lead for year in years]
    found = parse_date(stripped, source, weekday, years)
    if found is None:
        return None
    day, start, end = found
    prefix = stripped[:start]
    by_headline = False
    if prefix:
        by_headline = headline and (
            _HEADLINE_DASH.search(prefix) is not None or _WEEKDAY_BEFORE.search(prefix) is not None
        )
        if not by_headline and not _is_credit(prefix):
            return None
        settled = _weekday_fit(prefix, stripped, start, day)
        if settled is None:
            return None
        day = settled
    rest = stripped[end:]
    time = _TIME.match(rest)
    tail = (rest[time.end() :] if time is not None and time.group("h") else rest).strip(" ,")
    if tail and (by_headline or not _STAMP_TAIL.match(tail)):
        return None
    return _with_time(day, rest)


# A time glued to the year before it ("09 March 202017.53": 2020, 17.53), as some pages print their stamp.
_GLUED_TIME: Final = re.compile(r"((?:19|20)\d{2})((?:[01]?\d|2[0-3])[.:][0-5]\d)(?!\d)")
# The time after an opening date: "17.53", "17:53", ", 9:05", "at 10.15" (a dot as in European stamps).
_OPENING_TIME: Final = re.compile(r"\s*,?\s*(?:at\s+)?(?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d.:])")


def _opening_stamp(first_line: str, source: str | None, weekday: int) -> str | None:
    """The page stamp that opens the text when prose follows on the same line: a date and a time
    ("09 March 2020 17.53 The closure of ...", the time maybe glued to the year). The time is what
    marks it as a stamp: "09 March 2020 was a black day" dates nothing."""
    head = _GLUED_TIME.sub(r"\1 \2", first_line[:40], count=1) + first_line[40:]
    found = parse_date(head[:40], source, weekday)
    if found is None or found[1] != 0:
        return None
    time = _OPENING_TIME.match(head, found[2])
    if time is None or (time.end() < len(head) and not head[time.end()].isspace()):
        return None
    after = _visible_after(head, time.end())
    if after and not (after.isupper() or after in "-–—|·•("):
        return None  # "March 9, 2020, 10.50 points higher": a figure in prose, not a time
    return found[0].isoformat()


def _year_lines(text: str, years: list[int]) -> list[tuple[str, list[int] | None]]:
    """The lines of ``text`` (as ``str.splitlines`` cuts them) that hold a year, in order, each
    with :func:`year_positions` of the line (None where not known).

    Only these can be a date stamp line; the other lines are not even looked at. A line's years
    are the text's years on it, shifted: a line starts after a newline (no digit) and ends
    before one, so no year reaches across its ends.
    """
    if has_any(text, _OTHER_LINE_BREAKS):
        return [(line, None) for line in text.splitlines()]
    lines: list[tuple[str, list[int] | None]] = []
    end = -1
    for k, year in enumerate(years):
        if year < end:
            continue  # on the line already taken
        end = text.find("\n", year)
        if end < 0:
            end = len(text)
        start = text.rfind("\n", 0, year) + 1
        on_line: list[int] = []
        for later in years[k:]:
            if later >= end:
                break
            on_line.append(later - start)
        lines.append((text[start:end], on_line))
    return lines


def _first_line(text: str) -> str:
    """The first line of ``text`` that holds more than spaces, stripped (the headline, where there is one)."""
    start = 0
    n = len(text)
    while start < n:
        end = text.find("\n", start)
        if end < 0:
            end = n
        line = text[start:end].strip()
        if line:
            return line
        start = end + 1
    return ""


def _dated_dateline(text: str, source: str | None, years: list[int], weekday: int = -1) -> str | None:
    """A dateline with a year: "NEW YORK, Oct. 27, 2025 (Reuters) -", "NEW YORK, 2025-10-27 (Reuters) -",
    or the date inside the agency's parenthesis: "Hong Kong, (UrduPoint / Pakistan Point News - 23rd Dec, 2019 ) :"."""
    if not _year_before(text, "(", True):  # any(p.search(text) for p in _YEAR_THEN_AGENCY)
        # _ISO_DATELINE.finditer(text), but tried only where a year starts: its matches start with
        # a year not after a digit (year_positions lists every such place) and cannot overlap,
        # and the pattern has no literal start to skip ahead to (it costs more than this whole
        # function when tried at every position).
        for year in years:
            iso = _ISO_DATELINE.match(text, year)
            if iso is None:
                continue
            try:
                return date.fromisoformat(iso.group(1)).isoformat()
            except ValueError:  # 2025-13-45 is no date
                continue
    else:
        for form in range(len(DATE_FORMS)):
            match = next_date_match(text, form, years)
            while match is not None:  # date_matches(text, form, years), until a dated dateline
                if _AGENCY_AFTER.match(text, match.end()):
                    found = _match_to_date(match, source, weekday)
                    if found is not None:
                        return found.isoformat()
                match = next_date_match(text, form, years, match.end())
        return None
    if _year_before(text, ")", False):  # any(p.search(text) for p in _YEAR_THEN_CLOSE)
        return _agency_parenthesis_date(text, source, years, weekday)
    return None


def _year_before(text: str, bracket: str, capital_after: bool) -> bool:
    r"""Whether a ``bracket`` stands right after a ``(19|20)dd`` and maybe spaces (and, with
    ``capital_after``, before an A-Z): the search of ``_YEAR_THEN_AGENCY`` or ``_YEAR_THEN_CLOSE``.

    Only the brackets are visited, found by a one-character scan; the engine searched for every
    "19" and "20" of the text instead. Exact: ``\s*`` between the year and the bracket can only
    be the whole run of spaces before the bracket (a shorter one is followed by a space)."""
    at = text.find(bracket)
    while at >= 0:
        if not capital_after or "A" <= text[at + 1 : at + 2] <= "Z":
            end = at - 1  # the year's last digit, before the spaces
            while end >= 0 and text[end].isspace():
                end -= 1
            if (
                end >= 3
                and text[end - 3 : end - 1] in ("19", "20")
                and text[end - 1].isdecimal()
                and text[end].isdecimal()
            ):
                return True
        at = text.find(bracket, at + 1)
    return False


def _agency_parenthesis_date(text: str, source: str | None, years: list[int], weekday: int) -> str | None:
    """A dateline whose date closes the agency's parenthesis: "(Agency - 23rd Dec, 2019 )", at the
    start of its line, maybe after the place ("Hong Kong, "). A date closing any other parenthesis
    (a session date, a link title) is not looked at here."""
    candidates: list[tuple[int, date]] = []
    for form in range(len(DATE_FORMS)):
        for match in all_date_matches(text, form, years):
            start, end = match.span()
            if _visible_after(text, end) != ")":
                continue
            line_start = text.rfind("\n", 0, start) + 1
            if start - line_start > 90 or _AGENCY_DATELINE_OPEN.fullmatch(text, line_start, start) is None:
                continue
            found = _match_to_date(match, source, weekday)
            if found is not None:
                candidates.append((start, found))
    return min(candidates)[1].isoformat() if candidates else None


def _visible_before(text: str, end: int) -> str:
    """The last non-space character before ``end`` ("" when none): ``text[:end].rstrip()[-1:]`` without the copy."""
    i = end
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return text[i - 1] if i else ""


def _visible_after(text: str, start: int) -> str:
    """The first non-space character from ``start`` on ("" when none)."""
    i, n = start, len(text)
    while i < n and text[i].isspace():
        i += 1
    return text[i] if i < n else ""


def _session_date(text: str, source: str | None, years: list[int], weekday: int = -1) -> str | None:
    """A parenthesised full date "(Thursday, January 8, 2026)" or "the TSX close for Sept. 30, 2025"."""
    candidates: list[tuple[int, date]] = []
    for form in (1, 2):
        for match in all_date_matches(text, form, years):
            start, end = match.span()
            parenthesised = _visible_before(text, start) == "(" and _visible_after(text, end) == ")"
            if parenthesised or _SESSION_LEAD.search(text[max(0, start - 40) : start]):
                found = _match_to_date(match, source, weekday)
                if found is not None:
                    candidates.append((match.start(), found))
    return min(candidates)[1].isoformat() if candidates else None


_WEEKDAY_STEMS: Final = ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")


def _session_weekday(text: str) -> int:
    """The first weekday the text names ("on Thursday"), 0 = Monday, or -1.

    Found from the literal "day", which every weekday name ends with, instead of a regex that
    would be tried at every position.
    """
    at = text.find("day")
    n = len(text)
    while at >= 0:
        end = at + 3
        if end >= n or not text[end].isalnum():
            for number, stem in enumerate(_WEEKDAY_STEMS):
                start = at - len(stem)
                if (
                    start >= 0
                    and text.startswith(stem, start)
                    and (start == 0 or not text[start - 1].isalnum())
                ):
                    return number
        at = text.find("day", at + 1)
    return -1


def find_published_at(text: str, source: str | None = None) -> str | None:
    """The article's publication (or session) date as ISO 8601, or None when the text does not show one.

    ``source`` is the detected publisher; it only decides how an ambiguous all-numeric date is read.
    """
    stamp = _LEADING_STAMP.match(text)
    if stamp is not None:
        try:
            return date.fromisoformat(stamp.group(1)).isoformat()
        except ValueError:
            pass
    years = year_positions(text)
    # An all-numeric date of ambiguous order may be settled by the session's weekday (_numeric).
    numeric = bool(years) and next_date_match(text, len(DATE_FORMS) - 1, years) is not None
    weekday = _session_weekday(text) if numeric else -1
    for match in _PUBLISHED_LINE.finditer(text):
        found = _date_at_start(match.group(1), source, weekday)
        if found is not None:
            return found
    first_line = _first_line(text)
    for line, line_years in _year_lines(text, years) if years else ():
        found = _stamp_line(line, source, line.strip() == first_line, weekday, line_years)
        if found is not None:
            return found
    if years and ("20" in first_line[:40] or "19" in first_line[:40]):
        found = _opening_stamp(first_line, source, weekday)
        if found is not None:
            return found
    footer = _DOW_JONES_FOOTER.search(text) if "ET" in text else None
    if footer is not None:
        try:  # Dow Jones Newswires footers are month-first with a two-digit year: 09-06-21 is 6 Sept 2021.
            return date(
                2000 + int(footer.group("y")), int(footer.group("m")), int(footer.group("d"))
            ).isoformat()
        except ValueError:
            pass
    for finder in (_dated_dateline, _session_date) if years else ():
        found = finder(text, source, years, weekday)
        if found is not None:
            return found
    for match in _UPDATED_LINE.finditer(text):
        found = _date_at_start(match.group(1), source, weekday)
        if found is not None:
            return found
    return None
