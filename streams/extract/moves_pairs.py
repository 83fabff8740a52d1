""" "Respectively": names joined by "and" that share one predicate with a figure per name.

"S&P 500 futures and Nasdaq 100 futures rose 0.24% and 0.26%, respectively" gives the S&P 500
+0.24% and the Nasdaq 100 +0.26% (shared/dev/README.md): the figures of each kind pair with the
names in order, when there are as many of that kind as names.

Wire copy often leaves "respectively" out: "The Sensex and the Nifty touched 49,500 and 14,600
in intraday trade", "closed at 49,500 and 14,600". The figures still pair with the names in order
when they are written as one list ("A and B", "A, B and C"), as many as the names, not a range
("between A and B"), and, for levels, when each level is plausible for the index it pairs with.
"""

from __future__ import annotations

from collections.abc import Callable

from streams.extract.moves_clauses import Reading
from streams.extract.moves_numbers import Figure, find_figures

__all__ = ["respective"]

# What may stand between two figures of one list ("49,500 and 14,600", "1%, 2% and 3%").
_LIST_GAPS = frozenset({"and", ",", ", and", "&"})
# A range's opening word before its first figure: "between 49,500 and 50,000".
_RANGE_WORDS = ("between", "from")


def _signed(value: float, direction: str | None) -> float:
    return -abs(value) if direction == "down" else value


def _one_list(clause: str, figures: list[Figure]) -> bool:
    """Whether the figures are written as one list: only "and" or commas between them, no range
    word before the first."""
    for k in range(1, len(figures)):
        if clause[figures[k - 1].end : figures[k].start].strip() not in _LIST_GAPS:
            return False
    head = clause[: figures[0].start].rstrip().lower()
    return not head.endswith(_RANGE_WORDS)


def respective(
    readings: list[Reading],
    clause: str,
    low: str | None,
    names: int,
    ids: list[str] | None = None,
    plausible: Callable[[str, float], bool] | None = None,
) -> list[list[Reading]] | None:
    """One reading list per name, each with its own figures, or None when the clause does not
    pair its figures with the names (several readings, counts that differ; without
    "respectively", figures that are not one list or levels implausible for their names; ``ids``
    are the names' indices in order and ``plausible`` tells whether a level fits an index)."""
    if len(readings) != 1 or names < 2:
        return None
    stated = "respectively" in (low if low is not None else clause.lower())
    if not stated and (ids is None or plausible is None or len(ids) != names):
        return None
    figures = find_figures(clause, low)
    # "120.5 and 40.2 points": a bare number joined to the next figure takes its unit.
    units = [f.unit for f in figures]
    for k in range(len(figures) - 2, -1, -1):
        if not units[k] and units[k + 1] and clause[figures[k].end : figures[k + 1].start].strip() == "and":
            units[k] = units[k + 1]
    # (index loops, not zip(strict=True), ~450 ns a call compiled: units is as long as figures)
    pct_figures = [figures[k] for k in range(len(figures)) if units[k] == "pct"]
    point_figures = [figures[k] for k in range(len(figures)) if units[k] == "points"]
    level_figures = [figures[k] for k in range(len(figures)) if units[k] == "" and not figures[k].signed]
    if not stated:
        # Without the word, only lists as long as the names pair, each plausible for its name.
        pct_figures = pct_figures if len(pct_figures) == names and _one_list(clause, pct_figures) else []
        point_figures = (
            point_figures if len(point_figures) == names and _one_list(clause, point_figures) else []
        )
        if len(level_figures) == names and _one_list(clause, level_figures) and ids and plausible:
            if not all(plausible(ids[k], abs(level_figures[k].value)) for k in range(names)):
                level_figures = []
        else:
            level_figures = []
    pcts = [f.value for f in pct_figures]
    points = [f.value for f in point_figures]
    levels = [abs(f.value) for f in level_figures]
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
            if r.level is not None and any(r.level == abs(p) for p in points):
                r = r._replace(level=None)  # "lost 120 and 15 points": 15 is a change, not a level
        if len(levels) == names and (r.level is not None or len(points) == names):
            r = r._replace(level=levels[k])
        out.append([r])
    return out
