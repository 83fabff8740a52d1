"""Numbers in market copy: "47,207.12", "1.01%", "472.51 points", "0.53 percent".

``find_figures`` reads every number of a clause with its unit (percent, points or none), the
words just before it and whether it is approximate. Currency amounts ("$47,000", "HK$194
billion"), magnitudes ("3.95 trillion"), years ("in 2025"), compound adjectives ("34-year",
"30-share") and numbers glued to letters (".N225") are skipped. Radio copy's spelled-out
numbers ("three-thousand-953-point-62") are turned into digits first by ``respell_numbers``.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from streams.extract.fold import Regexes, fold_safe, lower_pattern

__all__ = [
    "Figure",
    "find_figures",
    "has_spelled_numbers",
    "parse_number",
    "repair_numbers",
    "respell_numbers",
]

# A figure starts with a sign or a digit (not the parts of a time of day: "9:45", "1:30 pm"). As
# first written: (?=[+\-−\d])(?<![\w.,$£€¥])(?<!\d:)([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!...).
# Written here to start with that first character consumed, so that the engine scans for it from a
# bitmap instead of trying the whole pattern at every place (a third faster). Exact: the looks back
# take that character along (".") and look at the one before it; the first branch is the signed
# number, the second the unsigned one, its first digit already read ("\d{0,2}" after it is
# "\d{1,3}", "\d*" is "\d+", tried in the same order). Groups: 1 the digits after a sign, 2 the
# digits after the first one, 3 the decimals.
_NUMBER_TAIL = (
    r"(?<![\w.,$£€¥].)(?<!\d:.)"
    r"(?:(?<=[+\-−])(\d{1,3}(?:,\d{3})+|\d+)|(?<=\d)(\d{0,2}(?:,\d{3})+|\d*))"
    r"(\.\d+)?(?![\w]|,\d|\.\d|:\d)"
)
# On ASCII text (``str.isascii`` costs nothing) the first character is one of + - 0-9.
_NUMBER_ASCII: Final = re.compile(r"[+\-0-9]" + _NUMBER_TAIL)
# On other text, a sign, an ASCII digit or any character from U+0660 on, where "−" and every other
# decimal digit lie: a superset of [+\-−\d] without the Unicode digit table, the looks back then
# asking for a sign or a digit.
_NUMBER: Final = re.compile("[+\\-0-9\u0660-\U0010ffff]" + _NUMBER_TAIL)
# ("0.5pc": Australian and British copy)
_PCT = r"\s{0,3}(?:%|percent\b|per\s+cent\b|pct\b|pc\b)"
# (Not the name of a mark: "the 40,000-point mark", "its last 1,000-point milestone" is a level's
# name, read like "the 40,000 mark", not a change of 40,000 points.)
_POINTS = (
    # ("500-odd points", "1,000-plus points", "300+ points": more or less that many)
    r"(?P<more>-odd|-plus|\+)?(?:\s{1,3}|\s?-\s?)(?:points?|pts?)\b"
    # (nor a range's width: "in a 500-point range", "a 300-point band")
    r"(?!\s+(?:mark|level|milestone|barrier|threshold|line|handle|hurdle|ceiling|floor|range|band)s?\b)"
)
_SKIP_AFTER = (
    r"(?:\s?-\s?|\s)(?:year|month|week|day|session|share|stock|member|strong|basis|hour|minute|"
    r"trillion|billion|million|bn|tn|mn|times|shares|stocks|companies|firms|constituents|components|"
    r"members|issues|listed|of\s+its|"
    r"straight|consecutive|th\b|st\b|nd\b|rd\b|"
    # a time of day: "at 9 a.m.", "by 0830 GMT", "at 1400 local time"
    r"[ap]\.m\.|[ap]m\b|gmt\b|[ecmp][sd]?t\b|utc\b|hrs\b|h\b|local\s+time)"
)
_CURRENCY_BEFORE: Final = re.compile(r"(?:[$£€¥₩]|\b(?:Rs|INR|USD|US|HK|NT|S|A|C|NZ)\$?)\s?$")
# The last character of a currency before a number, which one of the last three characters
# before it must be (a space and a final newline may follow): no need to search otherwise.
_CURRENCY_TAIL: Final = frozenset("$£€¥₩sRDSKTACZ")
_APPROX_WORDS = (
    "nearly", "near", "about", "around", "almost", "roughly", "approximately", "some", "over",
    "close to", "more than", "just over", "just under", "less than", "upwards of", "an estimated",
)  # fmt: skip
_APPROX = r"(?:\b(?:" + "|".join(w.replace(" ", r"\s+") for w in _APPROX_WORDS) + r")\s+)$"
# The last word of each: a lower-cased text before a number that does not end in one of them (and
# whitespace) holds no approximation, with no need to search it.
_APPROX_ENDS: Final = tuple(sorted({w.split()[-1] for w in _APPROX_WORDS}))
# A number that looks like a year is a level after a change figure or a verb of closing
# ("fell 3.2% to 1971", "closed at 1999.5"... "ended at 2010"), not "from 2019 to 2021".
_LEVEL_NOT_YEAR = (
    r"(?:\d\s?%|\d\s(?:percent|per\s+cent|points?)|\b(?:closed|ended|finished|settled|stood|closes|ends"
    r"|finishes|settles|stands))\s+(?:at|to)\s+$"
)
_MONTHS = r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$"


# Case-insensitive: IGNORECASE on the text as written, or lower-case twins on the lower-cased text
# where that is exact (fold.py).
_ANY, _LOW = Regexes.pair(
    {
        # A unit of percent or points, or a word that makes the number no market figure, tried in
        # turn right after a number, as one match (an alternation tries its branches in order at
        # the one place: the same match as the first of them that matches, in one call).
        "unit": rf"(?P<pct>{_PCT})|(?P<points>{_POINTS})|(?P<skip>{_SKIP_AFTER})",
        "approx": _APPROX,
        "months": _MONTHS,
        "level_not_year": _LEVEL_NOT_YEAR,
    }
)
# (Bound to Final names: a C global in compiled code, where ``_LOW.unit`` is a dictionary look-up on
# an interpreted object at every figure.)
_UNIT_FIRSTS: Final = "%pP-+"  # and whitespace: the characters a unit can start with
_UNIT_ANY: Final = _ANY.unit
_UNIT_LOW: Final = _LOW.unit
_APPROX_ANY: Final = _ANY.approx
_APPROX_LOW: Final = _LOW.approx
_MONTHS_ANY: Final = _ANY.months
_MONTHS_LOW: Final = _LOW.months
_LEVEL_ANY: Final = _ANY.level_not_year
_LEVEL_LOW: Final = _LOW.level_not_year

_WORDS: Final = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_PART = r"(?:\d+|" + "|".join(_WORDS) + r")"
_TENS = "|".join(w for w, n in _WORDS.items() if n >= 20)
_UNITS = "|".join(w for w, n in _WORDS.items() if 0 < n < 10)
# Groups: 1-3 "three-thousand-953-point-62" / "5-point-26"; 4-5 "four-thousand-949"; 6 "five-thousand"
# and "137 thousand" (not followed by "-" and more digits); 7 a number in words before a unit
# ("five percent", "twenty-five points").
# Every branch starts at a word start with a digit or the first letter of a number word: that
# test comes once, before the branches, so most places are turned away at once (same matches,
# 3x faster).
_SPELLED_SOURCE = (
    rf"(?=[\d{''.join(sorted({w[0] for w in _WORDS} | {'h', 'a'}))}])\b"
    # (and a digit, a number word, "half" or "a" there: once, not in each branch in turn)
    rf"(?=\d|{'|'.join(_WORDS)}|half|a)"
    rf"(?:(?:({_PART})-thousand-)?({_PART})-point-(\d+)\b|({_PART})-thousand-(\d+)\b"
    rf"|((?:{_TENS})-(?:{_UNITS})|{_PART})[- ]thousand\b(?!-\d)"
    rf"|((?:{_TENS})(?:-(?:{_UNITS}))?|{'|'.join(_WORDS)})(?=\s+(?:percent|per\s+cent|points)\b)"
    # 8-9: "five hundred points", "two hundred and fifty points"
    rf"|({_PART})[- ]hundred(?:(?:[- ]and)?[- ]((?:{_TENS})(?:-(?:{_UNITS}))?|{'|'.join(_WORDS)}|\d{{1,2}}))?\b"
    # 10-13: fractions of a percent: "one-and-a-half percent", "half a percent", "three-quarters of a
    # per cent"
    rf"|(?:({_PART})[- ]and[- ]a[- ]half|(half)\s+(?:a|of\s+a|of\s+one|one)|(a\s+quarter|one[- ]quarter)\s+of\s+a"
    r"|(three[- ]quarters)\s+of\s+a)(?=\s+(?:percent|per\s+cent)\b))"
)
_SPELLED: Final = re.compile(_SPELLED_SOURCE, re.IGNORECASE)
# Its case-sensitive twin for fold-safe text, lower-cased (fold.py): the same spans, several times
# faster (under IGNORECASE the engine enters every branch of the words to compare them).
_SPELLED_LOW: Final = re.compile(lower_pattern(_SPELLED_SOURCE))


class Figure(NamedTuple):
    """One number of a clause."""

    value: float  # unsigned unless the text writes a sign ("+50.90", "-0.5%")
    signed: bool
    unit: str  # "pct", "points" or ""
    start: int
    end: int  # end of the number and its unit
    before: int  # where the clause text before the number (60 characters at most) starts
    before_end: int  # and ends: approximation words removed
    approximate: bool


def _part(text: str) -> int:
    return int(text) if text.isdigit() else _WORDS[text.lower()]


def _respell(match: re.Match[str]) -> str:
    if match.group(8) is not None:
        tail = match.group(9)
        return str(_part(match.group(8)) * 100 + (sum(_part(w) for w in tail.split("-")) if tail else 0))
    if match.group(10) is not None:
        return f"{_part(match.group(10))}.5"
    if match.group(11) is not None:
        return "0.5"
    if match.group(12) is not None:
        return "0.25"
    if match.group(13) is not None:
        return "0.75"
    if match.group(7) is not None:
        words = match.group(7).split("-")
        return str(sum(_part(word) for word in words))
    if match.group(6) is not None:
        return str(sum(_part(w) for w in match.group(6).split("-")) * 1000)
    if match.group(4) is not None:
        return str(_part(match.group(4)) * 1000 + int(match.group(5)))
    whole = _part(match.group(2))
    if match.group(1) is not None:
        whole += _part(match.group(1)) * 1000
    return f"{whole}.{match.group(3)}"


_UNITS_LOWER: Final = (" percent", " per cent", " points")
_UNITS_ANY_CASE: Final = (*_UNITS_LOWER, " Percent", " Per Cent", " Points", " PERCENT", " POINTS")


def has_spelled_numbers(text: str, lowered: bool = False) -> bool:
    """Whether ``respell_numbers`` may change the text: cheap substring tests (a word, not a
    digit, right before " percent" / " per cent" / " points"), the regex only then.
    ``lowered``: the text is lower-cased, so the units' capitalised forms cannot occur in it."""
    if "-point-" in text or "thousand" in text or "hundred" in text:
        return _has_spelled(text)
    for unit in _UNITS_LOWER if lowered else _UNITS_ANY_CASE:
        at = text.find(unit)
        while at > 0:
            if text[at - 1].isalpha():
                return _has_spelled(text)
            at = text.find(unit, at + 1)
    return False


def _has_spelled(text: str) -> bool:
    if fold_safe(text):
        return _SPELLED_LOW.search(text.lower()) is not None
    return _SPELLED.search(text) is not None


def respell_numbers(text: str) -> str:
    """ "three-thousand-953-point-62" -> "3953.62"; "135-point-63" -> "135.63"; "five-thousand" ->
    "5000"; "137 thousand" -> "137000"; "five percent" -> "5 percent"."""
    if not fold_safe(text):
        return _SPELLED.sub(_respell, text)
    # The matches of the twin on the lower-cased text are those of _SPELLED on the text (fold.py),
    # and _respell reads only digits and lower-cased words: the same pieces as ``sub``, which also
    # gives the text itself back when nothing matches.
    pieces: list[str] = []
    at = 0
    for match in _SPELLED_LOW.finditer(text.lower()):
        pieces.append(text[at : match.start()])
        pieces.append(_respell(match))
        at = match.end()
    if not pieces:
        return text
    pieces.append(text[at:])
    return "".join(pieces)


# Numbers broken by scraping, read as a reader reads them: a space after a thousands comma before
# a level's decimals ("20, 572.97"), a decimal split by a space or a line break before a unit of
# percent ("0. 19 percent", "0.\n\n13 percent"), a word of motion glued to its figure ("down1.7%"), a
# unit glued to its figure ("300pts").
_BROKEN_SOURCE = (
    r"(?<![\d.,])(\d{1,3}), (\d{3}\.\d)"
    r"|(?<=[a-z] )(\d{1,2})\.\s+(\d+\s?(?:%|percent\b|per\s+cent\b|pct\b|pc\b))"
    r"|\b(up|down|higher|lower|rose|fell|gained|lost|added|shed|dropped|declined|climbed|jumped|slipped"
    r"|eased|advanced|by|at|to)(?=[+\-−]?\d[\d,.]*\s?(?:%|percent\b|per\s+cent\b|points?\b|pts\b))"
    # a unit glued to its figure: "up more than 300pts", "fell 12points"
    r"|(?<![\w.,])(\d[\d,]*(?:\.\d+)?)(?=(?:pts?|points?|pct|pc)\b)"
)
_BROKEN: Final = re.compile(_BROKEN_SOURCE, re.IGNORECASE)
# Its case-sensitive twin for fold-safe text, lower-cased (fold.py): the same spans, the groups read
# from the text as written at those spans; several times faster than the IGNORECASE alternation.
_BROKEN_LOW: Final = re.compile(lower_pattern(_BROKEN_SOURCE))


# Where _BROKEN can match at all, found cheaply and turned away in nine sentences in ten, one gate
# per branch, each the branch's own text read from a character the engine jumps to (a literal, or a
# set of signs and digits): the digits after a comma and a space; a space after a point after a
# digit, then digits and a unit of percent; a sign or digit glued to the last letter of one of its
# words (d e l n o p r t y: no other character matches those under IGNORECASE), then the figure and
# its unit; a p glued to a digit (a unit: "300pts"; lower and upper case apart: a literal is
# scanned for several times faster than a set of two). The alternation of words under IGNORECASE
# tries every place of every named sentence; these gates cost a fifth of it.
_PCT_UNIT = r"(?i:%|percent\b|per\s+cent\b|pct\b|pc\b)"
_MOVE_UNIT = r"[\d,.]*\s?(?i:%|percent\b|per\s+cent\b|points?\b|pts\b)"
_GLUED_UNIT = r"(?i:ts?|oints?|ct|c)\b"
_BROKEN_GATES: Final = (
    re.compile(r", (?<=\d, )\d{3}\.\d"),
    re.compile(r"\.(?<=\d\.)\s+\d+\s?" + _PCT_UNIT),
    # (Read from a sign, an ASCII digit or any character from U+0660 on, where "−" and every other
    # decimal digit lie: a superset of [+\-−\d] tested without the Unicode digit table, the looks
    # back then asking for a digit or a sign as before.)
    re.compile(
        "[+\\-0-9\u0660-\U0010ffff]"
        r"(?:(?<=[delnoprtyDELNOPRTY]\d)|(?<=[delnoprtyDELNOPRTY][+\-−])(?=\d))" + _MOVE_UNIT
    ),
    re.compile(r"p(?<=\dp)" + _GLUED_UNIT),
    re.compile(r"P(?<=\dP)" + _GLUED_UNIT),
)
# The same gates for ASCII text (most sentences; ``str.isascii`` costs nothing): there ``\d`` is
# [0-9] and "−" cannot occur, and a set of ASCII characters is tested from a bitmap instead of
# through the Unicode digit table at every character (the third gate: a third of its time).
_BROKEN_GATES_ASCII: Final = (
    _BROKEN_GATES[0],
    _BROKEN_GATES[1],
    re.compile(
        r"[+\-0-9](?:(?<=[delnoprtyDELNOPRTY][0-9])|(?<=[delnoprtyDELNOPRTY][+\-])(?=[0-9]))" + _MOVE_UNIT
    ),
    _BROKEN_GATES[3],
    _BROKEN_GATES[4],
)


def _repair(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return f"{match.group(1)},{match.group(2)}"
    if match.group(3) is not None:
        return f"{match.group(3)}.{match.group(4)}"
    if match.group(5) is not None:
        return match.group(5) + " "
    return match.group(6) + " "


def _repair_from(text: str, match: re.Match[str]) -> str:
    """``_repair`` of a match of _BROKEN_LOW on ``text.lower()``, its groups read from ``text``."""
    if match.start(1) >= 0:
        return f"{text[match.start(1) : match.end(1)]},{text[match.start(2) : match.end(2)]}"
    if match.start(3) >= 0:
        return f"{text[match.start(3) : match.end(3)]}.{text[match.start(4) : match.end(4)]}"
    if match.start(5) >= 0:
        return text[match.start(5) : match.end(5)] + " "
    return text[match.start(6) : match.end(6)] + " "


def repair_numbers(text: str) -> str:
    """ "20, 572.97" -> "20,572.97"; "0. 19 percent" -> "0.19 percent"; "down1.7%" -> "down 1.7%";
    "300pts" -> "300 pts".
    The text itself (the same object) when nothing is broken."""
    for gate in _BROKEN_GATES_ASCII if text.isascii() else _BROKEN_GATES:
        if gate.search(text) is not None:
            break
    else:
        return text
    if not fold_safe(text):
        return _BROKEN.sub(_repair, text) if _BROKEN.search(text) is not None else text
    # (As ``_BROKEN.sub``: the text itself when nothing matches, else the pieces joined.)
    pieces: list[str] = []
    at = 0
    for match in _BROKEN_LOW.finditer(text.lower()):
        pieces.append(text[at : match.start()])
        pieces.append(_repair_from(text, match))
        at = match.end()
    if not pieces:
        return text
    pieces.append(text[at:])
    return "".join(pieces)


def parse_number(text: str) -> float:
    """ "47,207.12" -> 47207.12."""
    return float(text.replace(",", "").replace("−", "-"))


def _is_year(digits: str, decimals: str | None, unit: str) -> bool:
    return not decimals and unit == "" and "," not in digits and 1900 <= int(digits) <= 2100


def find_figures(clause: str, low: str | None = None) -> list[Figure]:
    """Every number of the clause that can be a market figure, in order.

    ``low`` is ``clause.lower()`` where that is fold-safe (fold.py), else None."""
    figures: list[Figure] = []
    if low is not None:
        text, unit_re, approx_re, months_re, level_re = low, _UNIT_LOW, _APPROX_LOW, _MONTHS_LOW, _LEVEL_LOW
    else:
        text, unit_re, approx_re, months_re, level_re = (
            clause,
            _UNIT_ANY,
            _APPROX_ANY,
            _MONTHS_ANY,
            _LEVEL_ANY,
        )
    for match in (_NUMBER_ASCII if clause.isascii() else _NUMBER).finditer(clause):
        start, end = match.span()
        signed_digits, rest, decimals = match.groups()
        if signed_digits is not None:  # (the groups: see _NUMBER)
            sign, digits = clause[start], signed_digits
        else:
            sign, digits = "", clause[start : start + 1 + len(rest)]
        # (The last three characters first: a slice and a set test, the search only where one of
        # them is the last character of a currency.)
        if not _CURRENCY_TAIL.isdisjoint(clause[max(0, start - 3) : start]) and _CURRENCY_BEFORE.search(
            clause[max(0, start - 4) : start]
        ):
            continue
        unit = ""
        more = False
        # (pos and endpos instead of a slice: the same match, as the pattern has no look back and
        # no word boundary at its start.)
        # (Every unit starts with whitespace, "%", "p", "-" or "+": no need to try it otherwise.)
        after = (
            unit_re.match(text, end, end + 24)
            if end < len(text) and (text[end] in _UNIT_FIRSTS or text[end].isspace())
            else None
        )
        if after is not None:
            if after.lastgroup == "skip":
                continue
            if after.lastgroup == "pct":
                unit = "pct"
            else:
                unit = "points"
                more = after.group("more") is not None
            end = after.end()
        if (_is_year(digits, decimals, unit) and not level_re.search(text[max(0, start - 24) : start])) or (
            unit == "" and months_re.search(text[max(0, start - 12) : start])
        ):
            continue
        # (parse_number, its "−" gone: the sign is read apart; only the digits hold commas)
        value = float((digits.replace(",", "") if "," in digits else digits) + (decimals or ""))
        before = text[max(0, start - 24) : start]
        # (On lower-cased text an approximation ends in one of _APPROX_ENDS, then whitespace.)
        approx = approx_re.search(before) if low is None or before.rstrip().endswith(_APPROX_ENDS) else None
        # (tuple.__new__: a NamedTuple's own constructor is interpreted Python, twice the cost.)
        figures.append(
            tuple.__new__(
                Figure,
                (
                    -value if sign in ("-", "−") else value,  # value
                    bool(sign),  # signed
                    unit,
                    start,
                    end,
                    max(0, start - 60),  # before
                    start - len(approx.group(0)) if approx else start,  # before_end
                    approx is not None or more,  # approximate
                ),
            )
        )
    return figures
