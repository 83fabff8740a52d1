"""Patterns that only match at a line start (``(?m)^...``), searched without trying every position.

Why: the regex engine tries a ``^``-anchored pattern at every character and only then finds out
that it is not at a line start; with IGNORECASE it has no literal to skip to either. The same
pattern written after a literal newline lets the engine jump from one newline to the next, which
is about four times faster on an article. Line starts are the text start and the characters after
each ``\\n``, so matching the pattern at position 0 and then ``"\\n" + pattern`` from the end of
that match gives the same matches in the same order (each pattern here ends at a line end, so no
match ends right after a newline that the next one needs). Callers use the groups, never
``match.start()``, which includes the newline.
"""

from __future__ import annotations

import re

__all__ = ["LinePattern"]


class LinePattern:
    """``re.compile("^" + body, flags | re.MULTILINE)``, with ``finditer`` and ``search`` only."""

    def __init__(self, body: str, flags: int = 0) -> None:
        self._first = re.compile(body, flags | re.MULTILINE)
        self._later = re.compile("\n" + body, flags | re.MULTILINE)

    def finditer(self, text: str) -> list[re.Match[str]]:
        """The matches in text order; groups as the ``^`` pattern gives them. A list, not a
        generator (compiled generators are slow to make; there are rarely more than one or two)."""
        first = self._first.match(text)
        if first is None:
            return list(self._later.finditer(text))
        return [first, *self._later.finditer(text, first.end())]

    def search(self, text: str) -> re.Match[str] | None:
        """The first match, or None."""
        first = self._first.match(text)
        return first if first is not None else self._later.search(text)
