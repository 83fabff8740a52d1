"""What an articles record must be before extraction runs on it: a size and a prose check.

Why: the extractor is linear in the text, but a 10 MB "article" still holds the agent (and its
heartbeats) for many seconds, and a body of numbers and percent signs is not news: both would
only slow everyone else's alerts. They are rejected up front, with a reason, and so go to
``articles-dlq`` like any other bad record (nothing is lost: an operator can inspect them).

Limits, decided once for the whole pipeline:

- ``MAX_ARTICLE_BYTES`` (1 MiB) of record value. Real articles are tens of kilobytes.
- ``MAX_RECORD_BYTES`` (16 MiB): what the ``articles`` and ``articles-dlq`` topics, the
  worker's consumer and producer, and the replay producer accept, so that an oversized record
  still arrives, is read and can be copied to the dead-letter topic with its reason instead of
  failing somewhere in a client.
- ``MIN_LETTER_SHARE`` (25%) of the body's non-space characters must be letters.
"""

from __future__ import annotations

from collections import Counter

from schemas import Article

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_RECORD_BYTES",
    "MIN_LETTER_SHARE",
    "RejectedArticle",
    "admit_article",
]

MAX_ARTICLE_BYTES = 1024 * 1024
MAX_RECORD_BYTES = 16 * 1024 * 1024
MIN_LETTER_SHARE = 0.25


class RejectedArticle(ValueError):
    """An articles record refused before extraction; the message says why, with the figures."""


def admit_article(value: bytes | None) -> Article:
    """Decode and check one articles record; raise ``RejectedArticle`` or the decoder's error."""
    if value is None:
        raise RejectedArticle("null value (a tombstone), not an article")
    if len(value) > MAX_ARTICLE_BYTES:
        raise RejectedArticle(
            f"article record of {len(value):,} bytes is larger than the {MAX_ARTICLE_BYTES:,}-byte limit"
        )
    article = Article.from_json_bytes(value)
    visible, letters = _visible_and_letters(article.body)
    if visible and letters / visible < MIN_LETTER_SHARE:
        raise RejectedArticle(
            f"body is not prose: {letters:,} letters in {visible:,} visible characters "
            f"({letters / visible:.0%}, at least {MIN_LETTER_SHARE:.0%} needed)"
        )
    return article


def _visible_and_letters(text: str) -> tuple[int, int]:
    """Non-space characters and letters (``str.isalpha``) in ``text``.

    Counted per distinct character (``Counter`` counts in C): a Python test of every character
    took a quarter of a millisecond per article, ~4x this.
    """
    visible = letters = 0
    for ch, count in Counter(text).items():
        if not ch.isspace():
            visible += count
            if ch.isalpha():
                letters += count
    return visible, letters
