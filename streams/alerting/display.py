"""An alert as people read it: the one place that decides its words and numbers.

    alert_line(alert)     NIKKEI225  milestone 50,000   up   level 50,212.27  FIRST TIME  [2025-10-27]  <sentence>
    alert_summary(alert)  NIKKEI225 milestone 50,000 up level 50,212.27 FIRST TIME
    alert_cells(alert)    AlertCells(index='NIKKEI225', alert='milestone 50,000', dir='up', ...)

Why one module: ``milestones tail``, ``milestones backtest --pretty``, the demo's live table and
the worker's log each used to word an alert on their own, and they drifted (``milestone 50000``
in the tables, ``milestone 50,000`` in tail, no date in the demo, no first-time flag in the log).
A desk that reads one of them should be able to read the others.

The words: the index id, ``milestone M`` or ``record``, the direction, ``level L`` (``-`` when
the article gave a milestone but no level), ``FIRST TIME`` when the text said so, the article's
date in brackets, and the sentence that triggered it. Numbers get thousands separators and at
most two decimals, with no trailing zeros (``50,000``, ``3,177.2``): a level the article gave
rounded ("closed at 4,100") is not shown with a precision it never had (``4,100.00``).

The line is the full form (tail). The summary drops the evidence and an unknown level (the log,
whose ``alert`` object carries the ids). The cells are the same texts for a table's columns
(:data:`COLUMNS`, in the line's order; the demo leaves ``published`` out for room).

Pure: no I/O, no terminal library; callers print or render.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields

from schemas import Alert

__all__ = ["COLUMNS", "AlertCells", "alert_cells", "alert_line", "alert_summary", "number"]

FIRST_TIME = "FIRST TIME"
MISSING = "-"


def number(value: float | None) -> str:
    """``50,212.27``, ``50,000``, ``4,100.5``; ``-`` for None."""
    return MISSING if value is None else f"{value:,.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class AlertCells:
    """One alert as the texts of a table row; the field names are the column headers."""

    index: str
    alert: str
    dir: str
    level: str
    first: str
    published: str
    sentence: str

    def __iter__(self) -> Iterator[str]:
        """The texts in column order, for ``table.add_row(*cells)``."""
        return (getattr(self, name) for name in COLUMNS)


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(AlertCells))


def alert_cells(alert: Alert) -> AlertCells:
    """The alert's texts, one per column of :data:`COLUMNS`."""
    what = f"milestone {number(alert.milestone)}" if alert.kind == "milestone" else "record"
    return AlertCells(
        index=alert.index,
        alert=what,
        dir=alert.direction,
        level=number(alert.level),
        first=FIRST_TIME if alert.first_time else "",
        published=alert.published_at or MISSING,
        sentence=alert.sentence,
    )


def alert_summary(alert: Alert) -> str:
    """What fired, without the evidence: ``NIKKEI225 milestone 50,000 up level 50,212.27 FIRST TIME``.

    Not padded, so an unknown level is left out rather than shown as ``level -``.
    """
    c = alert_cells(alert)
    level = "" if alert.level is None else f" level {c.level}"
    return f"{c.index} {c.alert} {c.dir}{level}" + (f" {c.first}" if c.first else "")


def alert_line(alert: Alert) -> str:
    """The full line, columns padded so that lines one under the other line up (tail)."""
    c = alert_cells(alert)
    first = f"  {c.first}" if c.first else ""
    return f"{c.index:<10} {c.alert:<18} {c.dir:<4} level {c.level}{first}  [{c.published}]  {c.sentence}"
