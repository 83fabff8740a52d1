"""Article: one news article as it travels on the ``articles`` topic."""

from __future__ import annotations

from pydantic import Field

from schemas._base import WireModel

__all__ = ["Article"]


class Article(WireModel):
    """A cleaned article. ``article_id`` is derived from the content, so a replay gets the same id."""

    article_id: str = Field(min_length=1, description="Stable id derived from the article's content.")
    origin: str | None = Field(
        default=None, description="File name for a replayed file, else a URI, or null."
    )
    title: str | None = None
    source: str | None = Field(
        default=None, description='Publisher, e.g. "CNBC", "Investing.com", "Reuters".'
    )
    url: str | None = None
    published_at: str | None = Field(
        default=None, description="ISO 8601 date or datetime, or null when the text does not say."
    )
    body: str = Field(description="The article text with boilerplate removed.")
    updates: str | None = Field(
        default=None,
        description=(
            "The article_id of the earlier version of this story that this one replaces "
            "(a feed item whose text changed, or a corrected story pushed again), else null."
        ),
    )
