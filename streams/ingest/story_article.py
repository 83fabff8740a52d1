"""A story from a feed or a push, as an Article: the same normalisation replay uses, plus what the source says.

``normalise_article`` reads the text exactly as it reads an article file (content id, title,
source, date, clean body). What the text does not say, the feed or the pusher may: the item's
link is the article's ``url``, the outlet is its ``source``, and the item's publication time is
its ``published_at`` when the text gives none (the text wins: it is what replay would find).
"""

from __future__ import annotations

from datetime import date, datetime

from schemas import Article
from streams.extract.article import normalise_article

__all__ = ["iso_published", "story_article"]


def story_article(
    text: str,
    *,
    origin: str | None,
    url: str | None = None,
    source: str | None = None,
    published_at: str | None = None,
    title: str | None = None,
    updates: str | None = None,
) -> Article:
    """The Article for a story's text; ``url``, ``source`` and ``title`` given win over what the text shows."""
    article = normalise_article(text, origin)
    fields = article.model_dump()
    fields["url"] = url or article.url
    fields["source"] = source or article.source
    fields["title"] = title or article.title
    fields["published_at"] = article.published_at or published_at
    fields["updates"] = updates
    return Article(**fields)


def iso_published(value: str) -> str:
    """``value`` if it is an ISO 8601 date or datetime (as ``published_at`` must be), else ValueError."""
    text = value.strip()
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(text)
            return text
        except ValueError:
            continue
    raise ValueError(f"published_at {value!r} is not an ISO 8601 date or datetime")
