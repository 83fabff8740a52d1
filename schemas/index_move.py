"""IndexMove: one statement that a named index moved or stands at a level."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from schemas._base import WireModel

__all__ = ["Direction", "IndexMove"]

Direction = Literal["up", "down", "flat"]


class IndexMove(WireModel):
    """One (sentence, index) statement, with the figures exactly as the text gives them."""

    article_id: str = Field(min_length=1)
    sentence: str = Field(description="The sentence it was read from; a headline counts as a sentence.")
    index: str = Field(min_length=1, description="Canonical index id, e.g. NIKKEI225.")
    direction: Direction | None = None
    change_pct: float | None = Field(default=None, description='Signed: "slipped 0.4%" is -0.4.')
    change_points: float | None = None
    level: float | None = None
    approximate: bool = False
    intraday: bool = False
    record_high: bool = False
    first_time: bool = False
    milestone: float | None = Field(default=None, description="Round level the text says was crossed.")
    futures: bool = False
    published_at: str | None = Field(
        default=None,
        description="Extra field (not in the contract table): the article's published_at, carried so the "
        "alert agent can judge stale news (rule 3) from the move alone.",
    )
