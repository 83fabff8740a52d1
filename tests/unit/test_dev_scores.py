"""The dev set (84 real wire articles from 78 outlets, hand-annotated): its figures may only go up.

Scores ``milestones extract`` over tests/data/dev/articles and ``milestones backtest`` over each
of its six gold streams with the shared scorer, exactly as the hidden hold-out is scored
(tests/dev_scoring.py). Each figure must stay at or above the best reached so far, and every
article or stream listed as exact must stay exact (tests/data/dev_floor.json; raise the floors
with ``scripts/dev_scores.py --raise`` after an improvement).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.dev_scoring import DEV_ARTICLES, below_floor, dev_report, figures, load_floor


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return dev_report(Path(tmp_path_factory.mktemp("dev")))


def test_the_whole_dev_set_is_here() -> None:
    assert len(list(DEV_ARTICLES.glob("*.txt"))) == 84


def test_every_dev_article_is_read(report: dict[str, Any]) -> None:
    assert report["extract"]["articles"]["matched"] == 84
    assert report["extract"]["articles"]["missing"] == []


def test_every_dev_stream_is_scored(report: dict[str, Any]) -> None:
    assert len(report["backtest"]) == 6
    assert all(not s["input_problems"] for s in report["backtest"].values())


def test_no_dev_figure_drops_below_its_floor(report: dict[str, Any]) -> None:
    assert below_floor(figures(report), load_floor()) == []
