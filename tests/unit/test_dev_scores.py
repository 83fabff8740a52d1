"""The dev set (30 real wire articles, hand-annotated): scores may only go up.

Runs ``milestones extract`` over tests/data/dev/articles and scores it with the project's
scorer (tests/tools/score.py, a copy of shared/tools/score.py) against tests/data/dev.json.
Each figure must stay at or above the best reached so far (tests/data/dev_floor.json).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from streams.offline import run_extract

DATA = Path(__file__).resolve().parents[1] / "data"
SCORER = Path(__file__).resolve().parents[1] / "tools" / "score.py"


def score(gold: Path, articles: list[Path], tmp_path: Path) -> dict[str, Any]:
    """Extract ``articles`` to JSON lines and return the scorer's JSON report."""
    out = tmp_path / "extract.jsonl"
    with out.open("w") as fh:
        assert run_extract(articles, out=fh) == 0
    report = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(gold), "--extract", str(out), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(report.stdout)["extract"])


@pytest.fixture(scope="module")
def dev_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    articles = sorted((DATA / "dev" / "articles").glob("*.txt"))
    assert len(articles) == 30
    return score(DATA / "dev.json", articles, tmp_path_factory.mktemp("dev"))


FLOOR = json.loads((DATA / "dev_floor.json").read_text())


def test_every_dev_article_is_read(dev_report: dict[str, Any]) -> None:
    assert dev_report["articles"]["matched"] == 30
    assert dev_report["articles"]["missing"] == []


def test_moves_f1_does_not_drop(dev_report: dict[str, Any]) -> None:
    assert dev_report["moves"]["f1"] >= FLOOR["moves_f1"]


def test_quotes_f1_does_not_drop(dev_report: dict[str, Any]) -> None:
    assert dev_report["quotes"]["f1"] >= FLOOR["quotes_f1"]


def test_quote_attribution_does_not_drop(dev_report: dict[str, Any]) -> None:
    attribution = dev_report["quotes"]["attribution"]["accuracy"] or 0.0
    assert attribution >= FLOOR["quotes_attribution"]


def test_published_at_does_not_drop(dev_report: dict[str, Any]) -> None:
    assert dev_report["articles"]["published_at"]["accuracy"] >= FLOOR["published_at_accuracy"]
