"""Boilerplate removal: raw article text in, the article's own text out.

Why conservative: the move and quote extractors read sentences from the body, and the gold
annotations copy sentences verbatim from the article. So cleaning never edits text inside a
sentence. It only

* normalises line endings and trims each line (tabs become spaces; tab runs inside a line
  become one space);
* drops the page date stamp that some stored pages carry at the very start (``" date
  2025-11-12 "``: it is metadata, read by ``dates.py``, and would otherwise glue itself to
  the first sentence);
* cuts the tail from a "Latest comments" / "Risk Disclosure:" block to the end (Investing.com);
* drops whole lines that are site furniture: banners, navigation, cookie and terms notices,
  "Advertisement", sign-up prompts, "Also Read" teasers, font-size widgets, chart widgets, image
  file names, copyright lines, Stockhouse and machine-translation disclaimers;
* re-joins hard-wrapped wire copy (Reuters text stored with a blank line after every ~65
  characters) so that a sentence is no longer cut by paragraph breaks; only whitespace changes;
* re-joins a decimal that a paragraph break split ("edged up 0." / "13 percent, or 35.06
  points"): only whitespace changes;
* collapses runs of blank lines to one.

Captions, bylines, datelines, bullets and repeated headlines stay: the gold annotates moves in
captions and in every repetition of a headline.
"""

from __future__ import annotations

import re
from typing import Final

from streams.extract.furniture import drop_furniture

__all__ = ["clean_body", "normalise_newlines"]

_LEADING_STAMP: Final = re.compile(r"\A[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}[ \t]*")

# A line from which everything to the end of the text is boilerplate.
_TAIL_MARKERS: Final = re.compile(
    r"^(?:latest comments\b|risk disclosure:|fusion media would like to remind you\b)", re.IGNORECASE
)
_TAIL_LEADS: Final = "lLrRfF"

_CRUMB_SEPARATOR: Final = re.compile(r"[/>|»]")
_DIGIT: Final = re.compile(r"\d")
_BLANK_RUN: Final = re.compile("\n\n\n+")  # not \n{3,}: a literal start lets the engine skip ahead

# A bare URL line right after a "Source :" label is the article's own link (``sources.find_url``), not text.
_URL_LINE: Final = re.compile(r"https?://\S+")
_SOURCE_LABEL: Final = re.compile(r"source\s*:?", re.IGNORECASE)

# Lines that open a new block even after an unfinished line: a dateline ("Sept 23 (Reuters) -",
# "TORONTO, Sept 23 -"), a byline, or a date stamp; a headline must not be glued to them.
_NEW_BLOCK: Final = re.compile(
    r"(?:By\s+[A-Z]|[A-Z][\w.,' ]{0,40}\((?:Reuters|AP|AFP|Bloomberg|CNA|ANSA|PTI|[A-Za-z.]+\.com)\)"
    r"|[A-Z]{3,}[A-Z ]*,\s|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4})"
)
_TERMINAL: Final = re.compile(r"[.!?:;\"”’)\]]$")
_JOINING_WORDS: Final = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "and", "or", "but", "by", "from", "as"}
    | {"than", "that", "which", "who", "its", "their", "his", "her"}
)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading byte-order mark goes."""
    text = text.lstrip("\ufeff")
    if "\r" not in text:  # one scan instead of two replacements that change nothing
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _tidy_lines(text: str) -> list[str]:
    """The lines, each trimmed and with tab runs collapsed to one space (spaces inside sentences
    are left alone). Tab runs never cross a line end, so they are collapsed line by line, after
    the trim: the tabs at a line's ends (most of them, indentation) are whitespace the trim
    takes either way, and the trimmed line has no whitespace left at its ends to trim."""
    lines = list(map(str.strip, text.split("\n")))
    if "\t" not in text:
        return lines
    return [_collapse_tabs(line) if "\t" in line else line for line in lines]


def _collapse_tabs(line: str) -> str:
    """``re.sub(r"\t+", " ", line)`` with str.replace, far cheaper: every tab run is halved
    until none is longer than one tab, then each becomes one space."""
    while "\t\t" in line:
        line = line.replace("\t\t", "\t")
    return line.replace("\t", " ")


def _tail_start(lines: list[str]) -> int:
    """Index of the first line from which everything is boilerplate (``len(lines)`` when none)."""
    for i, line in enumerate(lines):
        # Every marker opens with l, r or f, which IGNORECASE matches only in these two cases
        # (a unit test checks every character), so other lines are not tried.
        if line and line[0] in _TAIL_LEADS and _TAIL_MARKERS.match(line):
            return i
    return len(lines)


def _drop_leading_crumbs(lines: list[str]) -> list[str]:
    """Drop site names and breadcrumbs ("financetom", "World", "/") above the first real line.

    Only lines above the first other line are dropped, and only single words or up to three
    words around a separator (``SOURCE / ECONOMY``), without digits: a short headline or a
    section heading further down is never touched.
    """
    out: list[str] = []
    in_header = True
    for line in lines:
        if in_header and line:
            words = line.split()
            crumb = len(words) == 1 or (len(words) <= 3 and bool(_CRUMB_SEPARATOR.search(line)))
            if crumb and not _DIGIT.search(line):
                continue
            in_header = False
        out.append(line)
    return out


def _drop_source_link(lines: list[str]) -> list[str]:
    """Drop a "Source :" label followed by a bare URL line, and the bare URL line itself."""
    out: list[str] = []
    for line in lines:
        if _URL_LINE.fullmatch(line):
            while out and not out[-1]:
                out.pop()
            if out and _SOURCE_LABEL.fullmatch(out[-1]):
                out.pop()
            continue
        out.append(line)
    return out


def _is_hard_wrapped(paragraphs: list[str]) -> bool:
    """True for wire copy wrapped at ~65 characters: many mid-sentence breaks before a lower-case word."""
    wrap_width = [i for i, n in enumerate(map(len, paragraphs[:-1])) if 40 <= n <= 80]
    if len(wrap_width) < 3:
        return False
    breaks = 0
    for i in wrap_width:
        if not _TERMINAL.search(paragraphs[i]) and paragraphs[i + 1][:1].islower():
            breaks += 1
    return breaks >= 3


def _continues(current: str, following: str) -> bool:
    """Whether ``following`` continues the sentence that a hard wrap cut after ``current``."""
    if len(current) < 40 or len(current) > 90 or _TERMINAL.search(current) or not following:
        return False
    if not (following[0].isalnum() or following[0] in "(\"“'‘$") or _NEW_BLOCK.match(following):
        return False
    if following[0].islower() or following[0].isdigit() or current.endswith(","):
        return True
    last_word = current.split()[-1]
    return last_word.lower() in _JOINING_WORDS or last_word[:1].isupper()


def _inside_quotation(paragraph: str, following: str) -> bool:
    """True when ``paragraph`` leaves a quotation open and ``following`` goes on with it (not a new quote)."""
    opened = paragraph.count('"') % 2 == 1 or paragraph.count("“") > paragraph.count("”")
    return opened and bool(following) and following[0].isalnum()


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines back into paragraphs (only when the text is detected as hard-wrapped)."""
    if not _is_hard_wrapped(list(filter(None, lines))):
        return lines
    out: list[str] = []
    previous = ""  # the last physical line, which decides whether the next one continues it
    pending_blank = False
    for line in lines:
        if not line:
            pending_blank = True
            continue
        if out and out[-1] and (_continues(previous, line) or _inside_quotation(out[-1], line)):
            out[-1] = out[-1] + " " + line
        else:
            if pending_blank and out:
                out.append("")
            out.append(line)
        previous = line
        pending_blank = False
    return out


# A paragraph ending in a lower-case word (not a preposition of a level: "closed at 12."), a one-
# or two-digit whole and a point, and one starting with the decimals and a unit of percent: a
# decimal split by a paragraph break ("edged up 0." / "13 percent").
_SPLIT_WHOLE: Final = re.compile(r"(?<![\w-])(?!(?:at|to|from|on|in|than)\s)[a-z]+\s\d{1,2}\.$")
_SPLIT_DECIMALS: Final = re.compile(r"\d+\s?(?:%|percent\b|per\s+cent\b|pct\b)", re.IGNORECASE)


def _join_split_decimals(lines: list[str]) -> list[str]:
    """ "edged up 0.", "", "13 percent, ..." -> "edged up 0. 13 percent, ..." (a reader's reading)."""
    out: list[str] = []
    for line in lines:
        if line[:1].isdigit() and _SPLIT_DECIMALS.match(line):
            back = len(out) - 1
            while back >= 0 and not out[back]:
                back -= 1
            if back >= 0 and out[back][-1:] == "." and _SPLIT_WHOLE.search(out[back]):
                del out[back + 1 :]
                out[back] = out[back] + " " + line
                continue
        out.append(line)
    return out


def _collapse_blank_runs(lines: list[str]) -> str:
    """The lines joined, with no blank line at either end and no two blank lines in a row.

    No line holds a newline, so runs of three or more newlines are exactly the blank runs."""
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


def clean_body(raw: str) -> str:
    """The article text with boilerplate removed (see the module docstring for exactly what goes)."""
    text = normalise_newlines(raw)
    stamp = _LEADING_STAMP.match(text)  # not .sub(): that would try the \A pattern at every position
    if stamp is not None:
        text = text[stamp.end() :]
    lines = _tidy_lines(text)
    lines = drop_furniture(lines[: _tail_start(lines)])
    lines = _drop_leading_crumbs(lines)
    if "://" in text:  # a bare URL line needs one
        lines = _drop_source_link(lines)
    lines = _unwrap(lines)
    lines = _join_split_decimals(lines)
    return _collapse_blank_runs(lines)
