"""The gold sets' figures may only go up: dev (84 real articles, tuned on) and the two halves of the
fresh set (73 real articles annotated blind: one half visible while writing rules, one holdout).

Scores ``milestones extract`` over each set's articles and ``milestones backtest`` over each of
its gold streams with the shared scorer, exactly as the hidden hold-out is scored
(tests/dev_scoring.py). Each figure must stay at or above the best reached so far, and every
article or stream listed as exact must stay exact (tests/data/*_floor.json; raise the floors
with ``scripts/dev_scores.py --raise`` after an improvement).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.dev_scoring import GOLD_SETS, GoldSet, below_floor, dev_report, figures, load_floor

SIZES = {"dev": 84, "fresh-visible": 37, "fresh-holdout": 36}


@pytest.fixture(scope="module", params=sorted(GOLD_SETS))
def scored(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[GoldSet, dict[str, Any]]:
    gold_set = GOLD_SETS[request.param]
    return gold_set, dev_report(Path(tmp_path_factory.mktemp(request.param)), gold_set)


def test_every_article_of_the_set_is_read(scored: tuple[GoldSet, dict[str, Any]]) -> None:
    gold_set, report = scored
    assert report["extract"]["articles"]["matched"] == SIZES[gold_set.name]
    assert report["extract"]["articles"]["missing"] == []


def test_every_stream_is_scored(scored: tuple[GoldSet, dict[str, Any]]) -> None:
    gold_set, report = scored
    assert len(report["backtest"]) == len(gold_set.gold()["streams"])
    assert all(not s["input_problems"] for s in report["backtest"].values())


def test_no_figure_drops_below_its_floor(scored: tuple[GoldSet, dict[str, Any]]) -> None:
    gold_set, report = scored
    assert load_floor(gold_set), f"{gold_set.floor_file} is missing"
    assert below_floor(figures(report), load_floor(gold_set)) == []
