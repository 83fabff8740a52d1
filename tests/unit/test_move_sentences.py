"""Every move's ``sentence`` is exactly the sentence the gold annotators copied from the article.

The scorer only uses sentences to break ties, so this is checked here: an alert's evidence must
be the sentence a trader would find in the article, not two sentences run together. Every seed
article, and every dev article whose moves the floor lists as exact (tests/data/dev_floor.json).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.extract import extract_article, normalise_article
from streams.extract.sentences import split_sentences
from tests.dev_scoring import load_floor
from tests.gold import GoldName, articles_dir, load_gold

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
CASES: list[tuple[GoldName, str | None]] = [("seeds", None), ("dev", "exact_moves")]
ARTICLES = [
    (articles_dir(gold_set) / name, moves)
    for gold_set, listed in CASES
    for name, moves in ((n, a["moves"]) for n, a in load_gold(gold_set)["articles"].items())
    if listed is None or name in load_floor()[listed]
]


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("path", "gold_moves"), ARTICLES, ids=[p.name[:3] for p, _ in ARTICLES])
def test_move_sentences_are_the_gold_sentences(path: Path, gold_moves: list[dict[str, object]]) -> None:
    article = normalise_article(path.read_text(), origin=path.name)
    got = sorted(_norm(m.sentence) for m in extract_article(article).moves)
    assert got == sorted(_norm(str(m["sentence"])) for m in gold_moves)


def test_a_figure_ends_a_sentence_even_before_a_lower_case_word() -> None:
    text = "the small-cap Kosdaq also rose 1.45%. hong kong Hang Seng Index rose 1.15%."
    assert split_sentences(text) == [
        "the small-cap Kosdaq also rose 1.45%.",
        "hong kong Hang Seng Index rose 1.15%.",
    ]


def test_abbreviations_still_do_not_end_sentences_before_lower_case() -> None:
    assert split_sentences("Shares of Acme Inc. rose 2% at 10 a.m. on Monday.") == [
        "Shares of Acme Inc. rose 2% at 10 a.m. on Monday."
    ]


@pytest.mark.parametrize("bullet", ["•", "-", "*", "▪"])
def test_a_list_bullet_is_not_part_of_the_sentence(bullet: str) -> None:
    text = f"{bullet} The FTSE 100 closed above 10,000 points for the first time.\n{bullet} Gilts fell."
    assert split_sentences(text) == [
        "The FTSE 100 closed above 10,000 points for the first time.",
        "Gilts fell.",
    ]


def test_a_bullet_followed_by_a_no_break_space() -> None:
    text = "• \xa0The Nikkei rose 1%."
    assert split_sentences(text) == ["The Nikkei rose 1%."]
