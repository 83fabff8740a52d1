"""Site furniture: whole lines that are banners, prompts, notices or widgets, not article text.

Why a module of its own: every line of every article is checked, and the furniture patterns
as one case-insensitive alternation were most of ``clean_body``'s time, because the engine
tries every alternative on every line. But most patterns open with fixed letters ("share",
"advertisement"...), and such a pattern can only match a line whose first character is its
first letter: an ASCII character matches an ASCII letter under IGNORECASE only when it is that
letter in either case. So a line that starts with an ASCII character is matched against the
patterns that can start with that character; any other line (the long s, the Kelvin sign and
the dotted I also match letters) against all of them. A line is furniture exactly when one
pattern matches it in full, so the answer is the same either way. A line that opens with ASCII
letters goes further: only the patterns opening with its first three characters can match it,
and for most lines there is none.
"""

from __future__ import annotations

import re
import string
from typing import Final

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
_COPYRIGHT_LINE: Final = re.compile(r".{0,80}©.{0,80}", re.IGNORECASE)
# A navigation bar: ten or more capitalised words and nothing else ("News World Market Environment ...").
_NAV_BAR: Final = re.compile(r"(?:[A-Z][a-z]+ ){9,}[A-Z][a-z]+")


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


def _leading_three(pattern: str) -> str:
    """The three characters (letters or a space) every match of a group-1 pattern starts with;
    refuses any other pattern."""
    _leading_letter(pattern)  # two plain letters first, no alternation at the top
    if not re.match(r"[a-z]{2}[a-z ](?![?*+{])", pattern):
        raise ValueError(f"furniture pattern {pattern!r} does not open with three fixed characters")
    return pattern[:3]


def _by_first_three() -> dict[str, re.Pattern[str]]:
    """Three characters in lower case -> the alternation of the group-1 patterns that open with
    them (no image pattern: it is tried on its own)."""
    led: dict[str, tuple[str, ...]] = {}
    for pattern in _LETTER_LED:
        three = _leading_three(pattern)
        led[three] = (*led.get(three, ()), pattern)
    return {three: _any_of(patterns) for three, patterns in led.items()}


_ALL: Final = _any_of(_LETTER_LED + _NOT_LETTER_LED + _ANY_LED)
_BY_FIRST: Final = _by_first_character()
_BY_FIRST_THREE: Final = _by_first_three()
_LETTER_PAIRS: Final = frozenset(a + b for a in string.ascii_letters for b in string.ascii_letters)
_IMAGE: Final = _any_of(_ANY_LED)
# The last letters of the image extensions (png, jpg, jpeg, gif, webp, svg), in either case.
_IMAGE_ENDS: Final = "gGfFpP"


def _is_furniture(line: str) -> bool:
    """Whether a trimmed line is furniture: one pattern matches it in full (module docstring).

    A line that opens with two ASCII letters can only match the group-1 patterns that open
    with its first three characters when they are ASCII (an ASCII character matches a letter
    under IGNORECASE only when it is that letter; with a third character that is not ASCII,
    the patterns of the first letter are tried), or the image pattern, which ends in "." and
    an extension of 3 or 4 letters whose last letter is g, f or p (IGNORECASE matches those in
    no other character: unit test); most lines open with three characters no pattern has and
    are not matched against anything. The navigation bar opens with [A-Z] and ends with [a-z];
    a copyright line holds a "©"."""
    pair = line[:2]
    if pair in _LETTER_PAIRS:
        head = line[:3]
        if head.isascii():  # lower() is then exactly what IGNORECASE equates
            by_head = _BY_FIRST_THREE.get(head.lower())
            if by_head is not None and by_head.fullmatch(line):
                return True
        elif _BY_FIRST[line[:1]].fullmatch(line):
            return True
        if line[-1:] in _IMAGE_ENDS and "." in line[-5:] and _IMAGE.fullmatch(line):
            return True
    elif _BY_FIRST.get(line[:1], _ALL).fullmatch(line):
        return True
    if "A" <= line[:1] <= "Z" and "a" <= line[-1:] <= "z" and _NAV_BAR.fullmatch(line):
        return True
    return "©" in line and _COPYRIGHT_LINE.fullmatch(line) is not None


def drop_furniture(lines: list[str]) -> list[str]:
    """Each furniture line (of trimmed lines) replaced by ""."""
    # (An empty line is kept as it is: "" either way, and no pattern matches it; a third of the lines.)
    return ["" if line and _is_furniture(line) else line for line in lines]
