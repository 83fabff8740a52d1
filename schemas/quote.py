"""Quote: one direct quotation with its speaker."""

from __future__ import annotations

from pydantic import Field

from schemas._base import WireModel

__all__ = ["Quote"]


class Quote(WireModel):
    """A direct quotation; a quote split by its attribution is one quote."""

    article_id: str = Field(min_length=1)
    text: str = Field(description="The quoted words without the quotation marks.")
    speaker: str | None = Field(default=None, description="Person or organisation as the article names them.")
    speaker_title: str | None = Field(
        default=None, description='Role given with the name, e.g. "senior analyst at Capital.com".'
    )
    partial: bool = Field(default=False, description="A fragment inside reported speech.")
