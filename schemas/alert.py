"""Alert: an index crossed a milestone or set a record."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from schemas._base import WireModel

__all__ = ["Alert", "AlertDirection", "AlertKind"]

AlertKind = Literal["milestone", "record"]
AlertDirection = Literal["up", "down"]


class Alert(WireModel):
    """One alert with its evidence; ``alert_id`` is deterministic, so a repeat is visible."""

    alert_id: str = Field(
        min_length=1, description="Deterministic from (index, kind, milestone or level, direction, episode)."
    )
    kind: AlertKind
    index: str = Field(min_length=1)
    direction: AlertDirection
    milestone: float | None = Field(default=None, description="For kind milestone, else null.")
    level: float | None = None
    first_time: bool = False
    article_id: str = Field(min_length=1)
    published_at: str | None = None
    sentence: str
