"""Text layout for quote extraction: paragraphs and quotation-mark spans.

Why a module of its own: quotation marks are only meaningful inside a paragraph, and the
paragraph is also the bound that stops an unbalanced mark from swallowing the rest of an
article. Wire copy arrives hard-wrapped (Reuters lines of ~60 characters, sometimes with a
blank line after every line), so paragraphs are rebuilt before any mark is paired.

Everything here is a single left-to-right scan: no regular expression with nested
quantifiers ever sees a whole paragraph, so adversarial input stays linear.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["Span", "clean_inner", "find_spans", "opens_with_mark", "spans_per_paragraph", "split_paragraphs"]


# Double quotation marks. Curly marks say which side they are on; straight ones do not.
_OPENERS: Final = frozenset("“„«")
_CLOSERS: Final = frozenset("”»")
_STRAIGHT: Final = '"'
_DOUBLE_MARK = re.compile('[“„«”»"]')
_DOUBLE_MARKS: Final = '"“”„«»'
# Characters that may stand right before an opening mark.
_BEFORE_OPEN: Final = frozenset(" \t([{—–-/:;,\u00a0")


class Span:
    """One quotation inside a paragraph: [start, end) of the inner text, marks excluded.

    ``closed`` is False when the paragraph ended before a closing mark: the caller keeps
    such a span only when the next paragraph opens with a mark (British-style continuation).
    A plain class, not a NamedTuple: compiled, a NamedTuple is made by an interpreted
    ``__new__`` (about ten times slower), and nothing uses a Span as a tuple.
    """

    __slots__ = ("closed", "end", "mark_end", "mark_start", "single", "start")

    def __init__(
        self, start: int, end: int, closed: bool, mark_start: int, mark_end: int, single: bool = False
    ) -> None:
        self.start = start
        self.end = end
        self.closed = closed
        self.mark_start = mark_start
        self.mark_end = mark_end
        self.single = single

    def __repr__(self) -> str:
        return (
            f"Span(start={self.start}, end={self.end}, closed={self.closed}, mark_start={self.mark_start}, "
            f"mark_end={self.mark_end}, single={self.single})"
        )


def _hard_wrapped(lines: list[str]) -> bool:
    """True when most long lines have a wire-style fixed width (about 45-100 characters).

    Ordinary web text has one paragraph per line, hundreds of characters long, so only a
    handful of headings fall in that band.
    """
    long_lines = [len(x) for x in lines if len(x) >= 45]
    if len(long_lines) < 5:
        return False
    band = sum(1 for n in long_lines if n <= 100)
    return band >= 0.7 * len(long_lines)


# The whitespace an ASCII line of ``str.splitlines`` can hold besides the plain space (the
# other ASCII whitespace characters are line breaks to ``splitlines``; a unit test checks).
_ASCII_LINE_WHITESPACE = "\t\x1f"


def _lines(body: str) -> list[str]:
    """``[" ".join(line.split()) for line in body.splitlines()]``: the lines, whitespace runs
    collapsed and ends trimmed, without splitting every line into words.

    A line whose only whitespace is single spaces between other characters is its own
    collapsed form. An ASCII line holds no other whitespace when it has no tab and no \x1f;
    any other line when it is printable (every whitespace character but the space is
    unprintable: unit test)."""
    out: list[str] = []
    for line in body.splitlines():
        # An ASCII line's only other whitespace can be _ASCII_LINE_WHITESPACE.
        spaces_only = "\t" not in line and "\x1f" not in line if line.isascii() else line.isprintable()
        if spaces_only and "  " not in line and not line.startswith(" ") and not line.endswith(" "):
            out.append(line)
        else:
            out.append(" ".join(line.split()))
    return out


def split_paragraphs(body: str) -> list[str]:
    """The body as paragraphs, hard-wrapped lines joined, whitespace collapsed.

    In hard-wrapped copy a line that reaches the wrap width continues in the next
    non-blank line; a short line ends its paragraph.
    """
    nonblank = [x for x in _lines(body) if x]
    if not _hard_wrapped(nonblank):
        return nonblank
    widths = sorted(len(x) for x in nonblank if len(x) >= 45)
    width = widths[int(0.8 * (len(widths) - 1))]
    threshold = max(40, int(0.72 * width))
    paragraphs: list[str] = []
    current: list[str] = []
    for line in nonblank:
        current.append(line)
        if len(line) < threshold or line.startswith(("*", "•")):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def find_spans(text: str) -> list[Span]:
    """Pair the double quotation marks of one paragraph, left to right.

    Curly marks pair by side. A straight mark opens when it stands at a word start and
    closes when it follows a non-space; a straight mark that can only be a closer while no
    quotation is open (5" screens, typos) is ignored. An opening mark met inside an open
    quotation restarts it (the earlier mark was stray). Apostrophes and single marks are
    never pairing marks here: nested ‘…’ stays part of the inner text.
    """
    # Spelled out rather than has_any(text, _DOUBLE_MARKS): this runs for every paragraph.
    if not ('"' in text or "“" in text or "”" in text or "„" in text or "«" in text or "»" in text):
        return _single_spans(text)
    return _double_spans(text, _DOUBLE_MARKS)


def spans_per_paragraph(paragraphs: list[str], body: str) -> list[list[Span]]:
    """``[find_spans(para) for para in paragraphs]`` for the paragraphs of ``body``.

    The marks the body holds are looked up once: a paragraph holds no character the body does
    not (it is body lines with whitespace collapsed), so each paragraph is only searched for
    those, mostly one or two of the six double marks instead of all six, and none of the single
    marks when the body has no opening one."""
    doubles = "".join([mark for mark in _DOUBLE_MARKS if mark in body])
    singles = "‘" in body or "'" in body
    out: list[list[Span]] = []
    for para in paragraphs:
        double = False
        for mark in doubles:
            if mark in para:
                double = True
                break
        if double:
            out.append(_double_spans(para, doubles))
        elif singles:
            out.append(_single_spans(para))
        else:
            out.append([])
    return out


def _mark_positions(text: str, marks: str) -> list[int]:
    """Where the characters of ``marks`` stand in ``text``, in order: the ``finditer`` of their
    character class (``_DOUBLE_MARK`` for the double marks the text may hold, ``_SINGLE_MARK``),
    found with ``str.find`` (a memchr-style scan per mark) instead of a class tried at every
    character."""
    positions: list[int] = []
    for mark in marks:
        at = text.find(mark)
        while at >= 0:
            positions.append(at)
            at = text.find(mark, at + 1)
    positions.sort()
    return positions


def _double_spans(text: str, marks: str) -> list[Span]:
    """:func:`find_spans` of a paragraph that holds a double mark; ``marks`` holds every double
    mark the paragraph may hold."""
    spans: list[Span] = []
    open_at = -1  # index of the opening mark, -1 when outside
    n = len(text)
    for i in _mark_positions(text, marks):  # only the marks, not every character
        ch = text[i]
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch == _STRAIGHT:
            can_open = (prev in _BEFORE_OPEN or i == 0) and not nxt.isspace()
            can_close = not prev.isspace() and i > 0
        else:
            can_open = ch in _OPENERS or (prev.isspace() and _is_word_char(nxt))
            can_close = ch in _CLOSERS or ch == "»"
        if open_at < 0:
            if can_open:
                open_at = i
            continue
        if can_close:
            spans.append(Span(open_at + 1, i, True, open_at, i + 1))
            open_at = -1
        elif can_open:
            open_at = i
    if open_at >= 0 and _may_continue(text, open_at):
        spans.append(Span(open_at + 1, n, False, open_at, n))
    return spans


_SINGLE_MARK = re.compile("[‘'’]")
_SINGLE_MARKS: Final = "‘'’"
_BEFORE_SINGLE_OPEN: Final = frozenset(" ([—–:")


def _single_spans(text: str) -> list[Span]:
    """Single-mark quotations (‘We are cautious,’ he said) in a paragraph with no double marks.

    Single marks double as apostrophes (Japan’s, investors’, '90s), so an opener must stand
    at a word start before a letter, a closer must end a word, and the span must hold at
    least two words. The caller keeps such spans only as full, attributed quotes.
    """
    if "‘" not in text and "'" not in text:
        return []  # only these open a quotation; the common ’ (Japan’s) alone never does
    spans: list[Span] = []
    open_at = -1
    n = len(text)
    for i in _mark_positions(text, _SINGLE_MARKS):  # _SINGLE_MARK.finditer, by str.find
        ch = text[i]
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if open_at < 0:
            if ch != "’" and (i == 0 or prev in _BEFORE_SINGLE_OPEN) and nxt.isalpha():
                open_at = i
        elif ch != "‘" and not prev.isspace() and not nxt.isalnum():
            if " " in text[open_at + 1 : i].strip():
                spans.append(Span(open_at + 1, i, True, open_at, i + 1, single=True))
            open_at = -1
    return spans


_SPEECH_BEFORE: Final = ("said", "says", "added", "adds", "explained", "wrote", "told", "noted", "continued")


def _may_continue(text: str, open_at: int) -> bool:
    """Can an unclosed quotation be the first paragraph of a longer one (British style)?

    Only when it reads like the start of spoken sentences: it begins with a capital (or an
    ellipsis) and stands at the paragraph start, after a colon or comma, or after a speech
    verb. A stray mark in running prose ("a “liquidity squeeze") is not a quotation.
    """
    inner = text[open_at + 1 : open_at + 3].lstrip()
    if not inner or not (inner[0].isupper() or inner[0].isdigit() or inner[0] in "…."):
        return False
    before = text[:open_at].rstrip()
    return not before or before[-1] in ":,;—–" or before.endswith(_SPEECH_BEFORE)


def opens_with_mark(paragraph: str) -> bool:
    """True when the paragraph starts with an opening double mark (a continued quotation)."""
    return bool(paragraph) and (paragraph[0] in _OPENERS or paragraph[0] == _STRAIGHT)


def clean_inner(text: str) -> str:
    r"""Inner text of a quotation with whitespace collapsed.

    ``" ".join(text.split())`` is ``re.sub(r"\s+", " ", text).strip()`` (``str.split`` and the
    regex ``\s`` agree on what is whitespace) without a regex try at every character."""
    return " ".join(text.split())
