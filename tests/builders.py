"""One builder for the IndexMove objects tests feed to the alert engine, the agents and the page.

Why one: each test file used to build moves its own way (positional helpers, dicts spread into
the constructor), with its own defaults. ``index_move`` gives the defaults once: a rise of the
Nikkei 225 read from sentence ``"s"`` of article ``"a1"``, no figures. The four figures a test
most often varies (index, direction, level, milestone) may be given by position, as in
``index_move("DJIA", "up", 47100, record_high=True)``; every other field by its schema name.
"""

from __future__ import annotations

from typing import Any

from schemas import IndexMove
from schemas.index_move import Direction

__all__ = ["index_move"]


def index_move(
    index: str = "NIKKEI225",
    direction: Direction | None = "up",
    level: float | None = None,
    milestone: float | None = None,
    **fields: Any,
) -> IndexMove:
    """A validated :class:`IndexMove`; ``fields`` override the defaults by schema field name.

    A name that is no field is refused (the schema itself ignores unknown fields, so a typo such
    as ``record=True`` would otherwise build a move without the flag).
    """
    unknown = sorted(set(fields) - set(IndexMove.model_fields))
    if unknown:
        raise TypeError(f"IndexMove has no field(s) {', '.join(unknown)}")
    values: dict[str, Any] = {
        "article_id": "a1",
        "sentence": "s",
        "index": index,
        "direction": direction,
        "level": level,
        "milestone": milestone,
    }
    return IndexMove.model_validate(values | fields)
