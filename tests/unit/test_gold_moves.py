"""The five seed articles against their gold index moves: precision and recall 1.0 with every
field right (index, direction, figures, level, milestone and every flag)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from streams.extract import extract_moves, normalise_article
from tests.gold import load_gold

ROOT = Path(__file__).resolve().parents[2]
GOLD = load_gold("seeds")["articles"]
FIELDS = (
    "index",
    "direction",
    "change_pct",
    "change_points",
    "level",
    "milestone",
    "record_high",
    "first_time",
    "futures",
    "approximate",
    "intraday",
)


def _key(move: dict[str, Any]) -> tuple[Any, ...]:
    """A move as a comparable tuple; numbers rounded so 47000 and 47000.0 compare equal."""
    return tuple(round(float(move[f]), 3) if isinstance(move[f], int | float) and not isinstance(move[f], bool)
                 else move[f] for f in FIELDS)  # fmt: skip


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_moves_match_gold_exactly(name: str) -> None:
    text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
    article = normalise_article(text, name)
    predicted = Counter(_key(m.to_dict()) for m in extract_moves(article))
    expected = Counter(_key(m) for m in GOLD[name]["moves"])
    assert predicted == expected, (
        f"missing: {sorted((expected - predicted).elements(), key=str)}\n"
        f"extra: {sorted((predicted - expected).elements(), key=str)}"
    )


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_moves_carry_article_fields(name: str) -> None:
    text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
    article = normalise_article(text, name)
    for move in extract_moves(article):
        assert move.article_id == article.article_id
        assert move.published_at == article.published_at
        assert move.sentence in article.body
