"""Market table rows: "| TSX | 30,022.81 | +50.90 | |" is a move; the row is the sentence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from streams.extract.moves_clauses import Reading

if TYPE_CHECKING:
    from streams.extract.indices import IndexRegistry
    from streams.extract.moves import SentenceMove

__all__ = ["read_table_row"]

_CELL_NUMBER = re.compile(
    r"^\(?(?P<sign>[+\-−]?)\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?P<pct>%)?\)?$"
)


def read_table_row(row: str, registry: IndexRegistry) -> list[SentenceMove]:
    """The move of one table row whose first cell names an index, else nothing."""
    from streams.extract.moves import SentenceMove

    cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
    if len(cells) < 2 or not cells[0]:
        return []
    index_id = registry.index_of(cells[0])
    futures = False
    if index_id is None and cells[0].lower().endswith(" futures"):
        index_id = registry.index_of(cells[0][: -len(" futures")])
        futures = index_id is not None
    if index_id is None:
        return []
    level: float | None = None
    points: float | None = None
    pct: float | None = None
    for cell in cells[1:]:
        match = _CELL_NUMBER.match(cell)
        if match is None:
            continue
        value = float(match.group("num").replace(",", ""))
        signed = bool(match.group("sign"))
        if match.group("sign") in ("-", "−"):
            value = -value
        if match.group("pct"):
            pct = value if pct is None else pct
        elif signed or level is not None:
            points = value if points is None else points
        else:
            level = value
    if level is None and points is None and pct is None:
        return []
    change = points if points is not None else pct
    direction = None if change is None else "up" if change > 0 else "down" if change < 0 else "flat"
    reading = Reading(direction=direction, change_pct=pct, change_points=points, level=level, motion=True)
    return [SentenceMove(index_id, reading, futures)]
