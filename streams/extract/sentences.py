"""Sentence splitting for market copy.

Every line is at least its own sentence (headlines, bullets and table rows carry no final
period); a leading list bullet ("• ") is not part of the sentence. Inside a line, a sentence ends at ``.``, ``!`` or ``?`` (optionally followed by a
closing quote or bracket) before whitespace and a capital, digit, opening quote or bracket -- except
after abbreviations ("U.S.", "Oct.", "Inc."), single initials ("S. Korea") and "U.S ." with a
stray space; after "a.m."/"p.m." only before a word that opens a sentence ("9:25 a.m. On Friday,"
but "9 a.m. Tokyo time"). Scraped copy loses the space between sentences: a mark glued to the
next sentence's first word ("five percent.The KOSPI", "point.the FTSE 100"), a transcript's
speaker mark (">>") and a headline glued to the next sentence without a mark ("for the first time
everThe Ibex has hit ...") end a sentence too. Sentences are returned as exact, stripped
substrings of the text, in order.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["sentence_spans", "spans_holding", "split_sentences"]

_ABBREVIATIONS: Final = frozenset(
    {
        "u.s", "u.k", "u.n", "e.u", "inc", "corp", "co", "ltd", "plc", "no", "nos", "st", "mr", "mrs",
        "ms", "dr", "prof", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "gov", "sen", "rep", "gen", "lt", "col", "approx", "est", "vol",
        "fig", "jr", "sr", "mt", "ft", "dept", "univ", "e.g", "i.e", "a.m", "p.m", "etc", "s.a",
        "n.v", "ag", "cos", "bros", "pte", "bhd", "tbk", "hk",
    }
)  # fmt: skip

# A candidate end: terminal punctuation, optional closing quotes/brackets, whitespace, then
# something that can start a sentence. Linear: no nested quantifiers.
# A figure closing a sentence ("rose 1.45%. hong kong ...") ends it even before a lower-case
# word: scraped copy loses capitals, and no abbreviation ends in a digit or "%".
# Written with the terminal mark first in both branches ("(?<=[%0-9]\.)" is the second branch's
# look back from after its "."), so the engine skips straight to the marks.
# A mark glued to the next sentence (no space) ends it before a capitalised word or "the", after a
# letter, digit or "%": "percent.The", "4,949.67.It", "point.the"; and before a transcript's ">>".
_END: Final = re.compile(
    r"[.!?](?:[\"'”’)\]]*(?=[ \t]+(?:[\"'“‘]?[A-Z0-9]|[(\[]))|(?<=[%0-9]\.)(?=[ \t]+[a-z])"
    r"|(?<=[a-z0-9%][.!?])[\"'”’)\]]*(?=[A-Z][a-z]|the\s)|[\"'”’)\]]*(?=[ \t]*>>))"
)
# The same for a line without "!" and "?" (most lines): its matches all start at a ".", which the
# engine scans for as a literal, several times faster than the set of three.
_END_DOT: Final = re.compile("\\." + _END.pattern[len("[.!?]") :])
# A headline glued to the next sentence without a mark: "... for the first time everThe Ibex".
_GLUED_HEADLINE: Final = re.compile(r"[a-z](?=(?:The|An?)\s)")
# Words that open a sentence after "a.m."/"p.m." (a proper noun, "ET" or "Tokyo", continues it).
_OPENERS: Final = frozenset(
    {
        "The", "On", "In", "It", "At", "A", "An", "But", "And", "This", "That", "These", "Those",
        "Meanwhile", "However", "By", "For", "As", "After", "Before", "Earlier", "Later", "Its",
        "He", "She", "They", "We", "There", "Shares", "Stocks", "Markets", "Trading", "Investors",
    }
)  # fmt: skip
_NEXT_WORD: Final = re.compile(r"[ \t]+([A-Za-z]+)")
# A list bullet in front of a sentence is layout, not part of the sentence.
_BULLETS: Final = "•▪●◦·*-"
_BULLET: Final = re.compile(f"[{_BULLETS}][ \\t]+")
_WORD_BEFORE: Final = re.compile(r"([A-Za-z][A-Za-z.]*)\s?$")
_WORD_CHARS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."  # [A-Za-z.], one at a time


# A decimal split by a space ("edged up 0. 19 percent"): a lower-case word (not a preposition of a
# level: "closed at 12. 15 percent of ..."), one or two digits, the point, a space, digits and a
# unit of percent.
_SPLIT_WHOLE: Final = re.compile(r"(?<![\w-])(?!(?:at|to|from|on|in|than)[ \t])[a-z]+[ \t]\d{1,2}$")
_SPLIT_DECIMAL: Final = re.compile(r"[ \t]+\d+\s?(?:%|percent\b|per\s+cent\b|pct\b)", re.IGNORECASE)


def _is_sentence_end(line: str, pos: int) -> bool:
    """Whether the punctuation at ``pos`` ends a sentence."""
    if line[pos] != ".":
        return True
    if (
        line[pos - 1 : pos].isdigit()
        and _SPLIT_WHOLE.search(line, max(0, pos - 14), pos)
        and (_SPLIT_DECIMAL.match(line, pos + 1))
    ):
        return False
    word = _word_before(line, max(0, pos - 12), pos)
    if not word:
        return True
    if len(word) == 1 and word.isupper():
        return False  # an initial: "S. Korea", "J. Smith"
    lowered = word.lower().rstrip(".")
    if lowered in ("a.m", "p.m"):
        after = _NEXT_WORD.match(line, pos + 1)
        return after is not None and after.group(1) in _OPENERS
    if lowered in _ABBREVIATIONS:
        return False
    # Dotted acronyms ("U.S", "U.S.", "N.Y") and "U.S ." with a stray space.
    return not ("." in lowered and all(len(part) <= 2 for part in lowered.split(".") if part))


def _word_before(line: str, lo: int, hi: int) -> str:
    """What ``_WORD_BEFORE.search(line[lo:hi])`` reads as its group, or "" when it finds nothing,
    read backwards without a regex: one optional whitespace character at the end, before it the
    run of letters and dots, from its first letter (the leftmost place the regex can start). (A
    line holds no newline, before which "$" would also match.)"""
    end = hi
    if end > lo and line[end - 1].isspace():  # (str.isspace is the regex's \s)
        end -= 1
    start = end
    while start > lo and line[start - 1] in _WORD_CHARS:
        start -= 1
    while start < end and line[start] == ".":
        start += 1
    return line[start:end]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of ``text``, stripped, in order."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        _line_spans(spans, line, line_start)
        line_start += len(line) + 1
    return spans


def spans_holding(text: str, positions: list[int]) -> list[tuple[int, int]]:
    """The sentence spans of ``text`` that hold at least one of the (sorted) positions.

    Equal to filtering ``sentence_spans(text)``, but only the lines holding a position are
    split: sentences never cross a line, and most lines of an article hold no index name."""
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(positions):
        line_start = text.rfind("\n", 0, positions[k]) + 1
        line_end = text.find("\n", positions[k])
        if line_end < 0:
            line_end = len(text)
        line: list[tuple[int, int]] = []
        _line_spans(line, text[line_start:line_end], line_start)
        for start, end in line:
            while k < len(positions) and positions[k] < start:
                k += 1
            if k < len(positions) and positions[k] < end:
                spans.append((start, end))
        while k < len(positions) and positions[k] <= line_end:
            k += 1
    return spans


def _glued_headlines(line: str) -> list[int]:
    """Where a headline glued to the next sentence ends ("...everThe Ibex"): a lower-case letter
    right before "The "/"A "/"An " (a few substring searches; the regex only then)."""
    if _glued_before(line):
        return [match.end() for match in _GLUED_HEADLINE.finditer(line)]
    return []


def _glued_before(line: str) -> bool:
    """Whether "The ", "A " or "An " follows a lower-case letter somewhere in the line (after its
    start). Found from their capitals: a one-character search is a plain scan, where a longer
    needle on a line with non-Latin-1 characters (curly quotes) is first copied to its width."""
    at = line.find("T", 1)
    while at > 0:
        if line[at - 1].islower() and line.startswith("he ", at + 1):
            return True
        at = line.find("T", at + 1)
    at = line.find("A", 1)
    while at > 0:
        if line[at - 1].islower() and (line.startswith(" ", at + 1) or line.startswith("n ", at + 1)):
            return True
        at = line.find("A", at + 1)
    return False


def _line_spans(spans: list[tuple[int, int]], line: str, line_start: int) -> None:
    glued = _glued_headlines(line)
    cut = 0
    # (Every match of _END starts at a mark: a line without one is not searched.)
    ends = _END if "!" in line or "?" in line else _END_DOT if "." in line else None
    if ends is not None:
        for match in ends.finditer(line):
            if not _is_sentence_end(line, match.start()):
                continue
            while glued and glued[0] < match.end():
                _append(spans, line, line_start, cut, glued[0])
                cut = glued.pop(0)
            _append(spans, line, line_start, cut, match.end())
            cut = match.end()
    for end in glued:
        _append(spans, line, line_start, cut, end)
        cut = end
    _append(spans, line, line_start, cut, len(line))


def _append(spans: list[tuple[int, int]], line: str, offset: int, start: int, end: int) -> None:
    piece = line[start:end]
    left = piece.lstrip()
    if not left:
        return
    stripped = left.rstrip()
    lead = len(piece) - len(left)
    # (The bullet's first character looked at first: most sentences start otherwise.)
    bullet = _BULLET.match(piece, lead) if piece[lead] in _BULLETS else None
    if bullet is not None and bullet.end() < len(piece.rstrip()):
        rest = piece[bullet.end() :]
        stripped = rest.strip()
        lead = bullet.end() + len(rest) - len(rest.lstrip())  # (a no-break space may follow)
    begin = offset + start + lead
    spans.append((begin, begin + len(stripped)))


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``: exact stripped substrings, in order."""
    return [text[start:end] for start, end in sentence_spans(text)]
