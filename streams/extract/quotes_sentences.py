"""Sentences of a paragraph whose quotations have been replaced by one-character markers.

Why markers: a quotation may hold full stops of its own ("… for 2025.”), so sentence
splitting must see each quotation as one atom. A quotation whose words end a sentence gets
the marker ``END`` so that “… off the table.” He added … still splits after it, while
“…,” he said stays one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final


def _wordset(text: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (easier to read and edit)."""
    return frozenset(text.split())


__all__ = ["MARK", "MARK_END", "Sentence", "split_sentences"]

MARK: Final = "\ue000"
MARK_END: Final = "\ue001"
MARKERS: Final = MARK + MARK_END
# A sentence ends only where an ender is followed by whitespace (``_boundary_after`` asks that
# first), so the decimal points of figures are not even visited. Most paragraphs hold no ender
# but the full stop, and a pattern starting with a literal lets the engine skip to each one
# (the character class makes it test every character).
_ENDERS: Final = re.compile("[.!?…" + MARK_END + r"](?=\s)")
_FULL_STOPS: Final = re.compile(r"\.(?=\s)")

_ABBREV: Final = _wordset(
    """mr mrs ms dr st inc corp co ltd jr sr no vs gov sen rep prof gen jan feb mar apr jun jul
    aug sep sept oct nov dec u.s u.k u.n e.u st plc bros est approx etc"""
)


class Sentence:
    """One sentence: its text (markers included) and the ids of the quotations it holds.

    A plain class, not a NamedTuple: compiled, a NamedTuple is made by an interpreted
    ``__new__`` (about ten times slower), and nothing uses a Sentence as a tuple."""

    __slots__ = ("quote_ids", "text")

    def __init__(self, text: str, quote_ids: tuple[int, ...]) -> None:
        self.text = text
        self.quote_ids = quote_ids

    def __repr__(self) -> str:
        return f"Sentence(text={self.text!r}, quote_ids={self.quote_ids!r})"


def _boundary_after(text: str, i: int) -> bool:
    """Is there a sentence boundary right after text[i] (a ., !, ? or end marker)?"""
    j = i + 1
    n = len(text)
    if j >= n or not text[j].isspace():
        return False
    while j < n and text[j].isspace():
        j += 1
    if j >= n:
        return True
    nxt = text[j]
    if not (nxt.isupper() or nxt in MARKERS or nxt in '“"‘(' or nxt.isdigit()):
        return False
    if text[i] == ".":
        k = i
        while k > 0 and i - k < 12 and (text[k - 1].isalpha() or text[k - 1] == "."):
            k -= 1
        word = text[k:i].lower()
        if word in _ABBREV or (len(word) == 1 and text[k].isupper()):
            return False
    return True


def split_sentences(text: str, first_id: int) -> list[Sentence]:
    """Split a marked paragraph; quotation ids are numbered from ``first_id`` in order.

    Only the characters that can end a sentence are visited (a regex finds them), and the
    quotation markers of each piece are counted in one go, instead of a Python loop over
    every character."""
    if MARK not in text and MARK_END not in text:
        return _split_plain(text)
    out: list[Sentence] = []
    start = 0
    qid = first_id
    for match in _enders(text):
        i = match.start()
        if not _boundary_after(text, i):
            continue
        raw = text[start : i + 1]
        count = raw.count(MARK) + raw.count(MARK_END)
        piece = raw.strip()
        if piece:
            out.append(Sentence(piece, tuple(range(qid, qid + count))))
        qid += count
        start = i + 1
    raw = text[start:]
    count = raw.count(MARK) + raw.count(MARK_END)
    piece = raw.strip()
    if piece or count:
        out.append(Sentence(piece, tuple(range(qid, qid + count))))
    return out


def _enders(text: str) -> Iterator[re.Match[str]]:
    """Every ``.``, ``!``, ``?``, ``…`` or end marker followed by whitespace, in order."""
    # Spelled out rather than char_scan.has_any: this runs for every paragraph.
    rare = "!" in text or "?" in text or "…" in text or MARK_END in text
    return (_ENDERS if rare else _FULL_STOPS).finditer(text)


def _split_plain(text: str) -> list[Sentence]:
    """:func:`split_sentences` of a text without quotation markers (most paragraphs)."""
    out: list[Sentence] = []
    start = 0
    for match in _enders(text):
        i = match.start()
        if _boundary_after(text, i):
            piece = text[start : i + 1].strip()
            if piece:
                out.append(Sentence(piece, ()))
            start = i + 1
    piece = text[start:].strip()
    if piece:
        out.append(Sentence(piece, ()))
    return out
