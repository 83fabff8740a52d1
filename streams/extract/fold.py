"""Case folding for speed: run IGNORECASE patterns case-sensitively on lower-cased text.

Python's regex engine cannot skip ahead or reject alternatives quickly under IGNORECASE (every
literal is compared through a case table), so a big case-insensitive alternation costs 3-4× the
same alternation run case-sensitively. The move patterns only hold ASCII literals, so on a text
``t`` they find exactly what their lower-case, case-sensitive twin finds on ``t.lower()`` --
provided ``t.lower()`` lower-cases character by character and no character of ``t`` behaves
differently under the two. ``fold_safe`` checks that: ASCII always qualifies; a non-ASCII
character qualifies when it lower-cases to one non-ASCII character with the same ``\\w``,
``\\s`` and ``\\d`` class, matches no ASCII character under IGNORECASE (which rules out the
Kelvin sign, dotted and dotless i and the long s) and is not the context-dependent capital sigma.
Text that fails the check takes the original IGNORECASE pattern, so results never change.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

__all__ = ["Regexes", "fold_safe", "lower_pattern"]

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ANY_ASCII = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
_CLASSES = (re.compile(r"\w"), re.compile(r"\s"), re.compile(r"\d"))
_SIGMA = "\u03a3"  # lower-cases to final or medial sigma depending on the next letter
_checked: dict[str, bool] = {}


def _char_safe(char: str) -> bool:
    low = char.lower()
    if len(low) != 1 or low.isascii() or char == _SIGMA or _ANY_ASCII.match(char):
        return False
    return all(bool(c.match(char)) == bool(c.match(low)) for c in _CLASSES)


_ASCII_BYTES = bytes(range(128))


def fold_safe(text: str) -> bool:
    """Whether ASCII-literal IGNORECASE patterns match ``text`` exactly where their lower-case
    twins match ``text.lower()`` (same spans; ``text.lower()`` has the same length)."""
    if text.isascii():
        return True
    # Only the non-ASCII characters need a look: dropping the ASCII bytes of the UTF-8 form
    # leaves whole multi-byte sequences, in C and far faster than a regex scan of the text.
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    for char in set(rest.decode("utf-8", "surrogatepass")):
        safe = _checked.get(char)
        if safe is None:
            safe = _checked[char] = _char_safe(char)
        if not safe:
            return False
    return True


def lower_pattern(pattern: str) -> str:
    """The case-sensitive twin of an IGNORECASE pattern: literal letters lower-cased; escapes
    (``\\S``, ``\\W``, ``\\b``...) and group names kept as written.

    Only for patterns whose literals are ASCII or caseless; an inline ``(?-i:...)`` group cannot
    be folded and is refused."""
    if "(?-i" in pattern:
        raise ValueError(f"lower_pattern: a case-sensitive group cannot be folded: {pattern[:60]!r}")
    for char in set(_NON_ASCII.findall(pattern)):
        if char.lower() != char or char.upper() != char:
            raise ValueError(f"lower_pattern: non-ASCII cased literal {char!r} in {pattern[:60]!r}")
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if pattern.startswith(("(?P<", "(?P="), i):
            close = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i : close + 1])
            i = close + 1
            continue
        out.append(char.lower())
        i += 1
    return "".join(out)


class Regexes:
    """Named IGNORECASE regexes, compiled either as written or as lower-case twins.

    ``Regexes.pair(sources)`` gives both sets; a caller picks one per text:
    ``r, t = (low_set, low) if low is not None else (any_set, text)``, then ``r.name.search(t)``.
    """

    def __init__(self, sources: dict[str, str], folded: bool, ascii_only: bool = False) -> None:
        # (ascii_only: compiled with re.ASCII, for ASCII text only, where \w, \b, \d and \s mean
        # what they mean under Unicode and the engine tests them from a table, not the Unicode
        # database: see ascii_twins.)
        flags = (re.ASCII if ascii_only else 0) | (0 if folded else re.IGNORECASE)
        for name, pattern in sources.items():
            setattr(self, name, re.compile(lower_pattern(pattern) if folded else pattern, flags))

    if TYPE_CHECKING:  # for the type checker only: a class with __getattr__ pays for it on every lookup

        def __getattr__(self, name: str) -> re.Pattern[str]: ...

    @classmethod
    def pair(cls, sources: dict[str, str]) -> tuple[Regexes, Regexes]:
        """(as written, IGNORECASE; lower-case twins, case-sensitive)."""
        return cls(sources, folded=False), cls(sources, folded=True)

    @classmethod
    def ascii_twins(cls, sources: dict[str, str]) -> Regexes:
        """The lower-case twins compiled with re.ASCII: on lower-cased text that ``str.isascii``
        they find exactly what the twins find (only non-ASCII characters tell the two apart),
        10-15% faster where the patterns test \\b or \\w."""
        return cls(sources, folded=True, ascii_only=True)
