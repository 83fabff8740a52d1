""" "Respectively": names joined by "and" that share one predicate with a figure per name.

"S&P 500 futures and Nasdaq 100 futures rose 0.24% and 0.26%, respectively" gives the S&P 500
+0.24% and the Nasdaq 100 +0.26% (shared/dev/README.md): the figures of each kind pair with the
names in order, when there are as many of that kind as names.
"""

from __future__ import annotations

from streams.extract.moves_clauses import Reading
from streams.extract.moves_numbers import find_figures

__all__ = ["respective"]


def _signed(value: float, direction: str | None) -> float:
    return -abs(value) if direction == "down" else value


def respective(
    readings: list[Reading], clause: str, low: str | None, names: int
) -> list[list[Reading]] | None:
    """One reading list per name, each with its own figures, or None when the clause does not
    pair its figures with the names (no "respectively", several readings, counts that differ)."""
    if len(readings) != 1 or names < 2 or "respectively" not in (low if low is not None else clause.lower()):
        return None
    figures = find_figures(clause, low)
    # "120.5 and 40.2 points": a bare number joined to the next figure takes its unit.
    units = [f.unit for f in figures]
    for k in range(len(figures) - 2, -1, -1):
        if not units[k] and units[k + 1] and clause[figures[k].end : figures[k + 1].start].strip() == "and":
            units[k] = units[k + 1]
    pcts = [f.value for f, u in zip(figures, units, strict=True) if u == "pct"]
    points = [f.value for f, u in zip(figures, units, strict=True) if u == "points"]
    levels = [abs(f.value) for f, u in zip(figures, units, strict=True) if u == "" and not f.signed]
    reading = readings[0]
    if names not in (len(pcts), len(points), len(levels)):
        return None
    out: list[list[Reading]] = []
    for k in range(names):
        r = reading
        if len(pcts) == names:
            r = r._replace(change_pct=_signed(pcts[k], r.direction))
        if len(points) == names:
            r = r._replace(change_points=_signed(points[k], r.direction))
        if len(levels) == names and (r.level is not None or len(points) == names):
            r = r._replace(level=levels[k])
        out.append([r])
    return out
