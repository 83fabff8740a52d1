"""Site furniture: whole lines that are banners, prompts, notices or widgets, not article text.

Why a module of its own: every line of every article is checked, and the furniture patterns
as one case-insensitive alternation were most of ``clean_body``'s time, because the engine
tries every alternative on every line. But most patterns open with fixed letters ("share",
"advertisement"...), and such a pattern can only match a line whose first character is its
first letter: an ASCII character matches an ASCII letter under IGNORECASE only when it is that
letter in either case. So a line that starts with an ASCII character is matched against the
patterns that can start with that character; any other line (the long s, the Kelvin sign and
the dotted I also match letters) against all of them. A line is furniture exactly when one
pattern matches it in full, so the answer is the same either way.
"""

from __future__ import annotations

import re

__all__ = ["drop_furniture"]

# Whole lines that are site furniture (matched in full against the trimmed line, case-insensitively),
# in three groups by what their first character can be.
# 1. Patterns that open with two plain lower-case letters (checked at import): a match starts with that letter.
_LETTER_LED: tuple[str, ...] = (
    r"share(?: this (?:article|story|post))?",
    r"share (?:on|via) (?:facebook|twitter|x|linkedin|whatsapp|email)\b.*",
    r"advertisement(?:\s*\d{1,2})?(?:\s*[-–:]?\s*(?:scroll|continue) .*)?",
    # advert slots of newspaper templates ("Article content / Advertisement 2 / Story continues below")
    r"article (?:content|continues (?:below|after (?:the |this )?(?:ad|advertisement)))",
    r"story continues (?:below|after (?:the |this )?(?:ad|advertisement))(?: advertisement)?",
    r"continue reading below",
    r"stay updated!?",
    r"stay up to date with notifications from .{1,60}",
    r"get instant alerts on .{1,120}",
    r"sign up (?:now|for|to)\b.{0,100}",
    r"enjoy uninterrupted access to .{1,80}",
    r"follow (?:topic|us)\b:?.{0,60}",
    r"this story features",
    r"also read\s*[|:].*",
    r"our terms of service and privacy policy have changed\.?",
    r"by continuing to use this site, you are agreeing to .{1,120}",
    r"to activate the text-to-speech service.{0,120}",
    r"this (?:web)?site uses? cookies\b.{0,200}",
    r"we uses? cookies\b.{0,200}",
    r"accept (?:all )?cookies",
    r"percorso:.*",
    r"categories?:\s*\w[\w &/-]{0,40}",
    r"compare our accounts",
    r"stock chart icon.*",
    r"hide content",
    r"join the discussion:.*",
    r"stockhouse does not provide investment advice.*",
    r"for full disclaimer information.*",
    r"disclosure: this is an ai-generated translation.*",
    r"published by [a-z][\w .&-]{0,40}",
    r"all rights reserved\b.{0,80}",
)
# 2. Patterns whose first character is never an ASCII letter: a non-word character, "/", a
# space or a digit, "-", a double quote.
_NOT_LETTER_LED: tuple[str, ...] = (
    r"\W+\s*stay updated!?",
    r"/?\s*\d+\s*min(?:ute)?s? read",
    r"-\s*a (?:small|medium|bigger|large|larger)",
    r"\"disclosure: this is an ai-generated translation.*",
    r"/",
)
# 3. Patterns that may start with any word character: image file names.
_ANY_LED: tuple[str, ...] = (r"[\w.-]+\.(?:png|jpe?g|gif|webp|svg)",)

# A copyright line. Kept out of the alternations because ".{0,80}©" walks 80 characters forward
# and back on every line; it is only tried on the few lines that hold a "©".
_COPYRIGHT_LINE = re.compile(r".{0,80}©.{0,80}", re.IGNORECASE)
# A navigation bar: ten or more capitalised words and nothing else ("News World Market Environment ...").
_NAV_BAR = re.compile(r"(?:[A-Z][a-z]+ ){9,}[A-Z][a-z]+")


def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _leading_letter(pattern: str) -> str:
    """The letter every match of a group-1 pattern starts with; refuses any other pattern."""
    outer = re.sub(r"\\.|\[(?:\\.|[^]\\])*\]", "", pattern)  # escapes and classes out
    while (inner := re.sub(r"\([^()]*\)", "", outer)) != outer:  # then groups, innermost first
        outer = inner
    if not re.match(r"[a-z]{2}", pattern) or "|" in outer or "(" in outer:
        raise ValueError(f"furniture pattern {pattern!r} does not open with a fixed letter")
    return pattern[0]


def _by_first_character() -> dict[str, re.Pattern[str]]:
    """ASCII character -> the alternation of the patterns a line starting with it can match."""
    led: dict[str, tuple[str, ...]] = {}
    for pattern in _LETTER_LED:
        letter = _leading_letter(pattern)
        led[letter] = (*led.get(letter, ()), pattern)
    table: dict[str, re.Pattern[str]] = {}
    not_letter = _any_of(_NOT_LETTER_LED + _ANY_LED)
    for letter in map(chr, range(ord("a"), ord("z") + 1)):
        table[letter] = table[letter.upper()] = _any_of(led.get(letter, ()) + _ANY_LED)
    for char in map(chr, range(128)):
        table.setdefault(char, not_letter)
    return table


_ALL = _any_of(_LETTER_LED + _NOT_LETTER_LED + _ANY_LED)
_BY_FIRST = _by_first_character()


def drop_furniture(lines: list[str]) -> list[str]:
    """Each furniture line (of trimmed lines) replaced by ""."""
    by_first, everything = _BY_FIRST, _ALL
    return [
        ""
        if by_first.get(line[:1], everything).fullmatch(line)
        or _NAV_BAR.fullmatch(line)
        or ("©" in line and _COPYRIGHT_LINE.fullmatch(line))
        else line
        for line in lines
    ]
