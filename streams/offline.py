"""``milestones extract`` and ``milestones backtest``: the pure core run in-process over files.

The same ``extract_article`` and alert state machine the agents call, so offline output equals
what the stream produces for the same articles in the same order.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import orjson
from rich.console import Console
from rich.table import Table
from rich.text import Text

from schemas import Alert
from streams.alerting import backtest, load_alert_rules
from streams.alerting.display import COLUMNS, alert_cells
from streams.extract import Extraction, IndexRegistry, extract_article
from streams.replay.files import ArticleFile, SkippedFile, load_articles, order_articles

__all__ = ["run_backtest", "run_extract"]


def _split(paths: Sequence[str | Path], err: TextIO) -> tuple[list[ArticleFile], int]:
    """Readable articles, and how many files were skipped (each reported on ``err``)."""
    files: list[ArticleFile] = []
    skipped = 0
    for item in load_articles(paths):
        if isinstance(item, SkippedFile):
            print(f"milestones: {item}", file=err)
            skipped += 1
        else:
            files.append(item)
    return files, skipped


def run_extract(
    paths: Sequence[str | Path],
    out: TextIO | None = None,
    err: TextIO | None = None,
    registry: IndexRegistry | None = None,
) -> int:
    """Print one contract JSON line per readable article; 1 when any file was skipped."""
    out, err = out or sys.stdout, err or sys.stderr
    files, skipped = _split(paths, err)
    for f in files:
        out.write(orjson.dumps(extract_article(f.article, registry).to_dict()).decode() + "\n")
    out.flush()
    return 1 if skipped else 0


def run_backtest(
    paths: Sequence[str | Path],
    *,
    order: str = "name",
    pretty: bool = False,
    rules_path: Path | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    registry: IndexRegistry | None = None,
) -> int:
    """Extraction plus the alert rules in-process, in the order given; print the alerts."""
    out, err = out or sys.stdout, err or sys.stderr
    files, skipped = _split(paths, err)
    extractions: list[Extraction] = [
        extract_article(f.article, registry) for f in order_articles(files, order)
    ]
    alerts = backtest(extractions, load_alert_rules(rules_path, registry))
    if pretty:
        print_alert_table(alerts, out)
    else:
        for alert in alerts:
            out.write(alert.to_json_bytes().decode() + "\n")
    out.flush()
    return 1 if skipped else 0


def print_alert_table(alerts: Sequence[Alert], out: TextIO) -> None:
    """A readable table, one row per alert, worded as ``milestones tail`` words it (``alert_cells``)."""
    table = Table(title=f"{len(alerts)} alert(s)")
    for col in COLUMNS:
        table.add_column(col, overflow="fold")
    for a in alerts:
        table.add_row(
            *(Text(cell) for cell in alert_cells(a))
        )  # Text: a sentence's [brackets] are not markup
    Console(file=out, width=160).print(table)
