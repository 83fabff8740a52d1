"""A passage's quotes as comparable tuples: the case tables of the quote-attribution unit tests.

Why one module: the passage tests and the named-forms tests wrote the same runner and normaliser.
A case expects ``(text, speaker, speaker_title, partial)`` per quote, text compared without case,
curly quotes or trailing punctuation.
"""

from __future__ import annotations

import re

from streams.extract import extract_quotes, normalise_article

__all__ = ["Q", "expect", "run"]

Q = tuple[str, str | None, str | None, bool]


def norm(text: str) -> str:
    """Lower case, straight quotes, one space, no end punctuation."""
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'").lower()
    return re.sub(r"\s+", " ", text).strip().strip(" .,;:!?\"'")


def run(text: str) -> list[Q]:
    """The quotes extraction finds in ``text`` (after a headline line)."""
    article = normalise_article("Markets wrap\n" + text, origin="passage.txt")
    return [(norm(q.text), q.speaker, q.speaker_title, q.partial) for q in extract_quotes(article)]


def expect(*quotes: Q) -> list[Q]:
    """The expected quotes, normalised like ``run``'s."""
    return [(norm(t), s, ti, p) for t, s, ti, p in quotes]
