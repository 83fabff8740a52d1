"""Properties of move extraction: any text gives a list without raising, and hostile input of
digits, percent signs, index names, dots and commas stays linear (no catastrophic backtracking)."""

from __future__ import annotations

import random
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from schemas import Article
from streams.extract.indices import default_registry
from streams.extract.moves import extract_moves, sentence_moves
from streams.extract.sentences import split_sentences

PIECES = [
    "Nikkei", "S&P 500", "Hang Seng", "FTSE 100", "Dow", " rose ", " fell ", " as much as ", "1,234.56",
    "%", "0.5", " points", ".", ",", " to ", " at ", "record high", " before closing ", "(", ")", "|",
    "-point-", "three-thousand-", "\n", " ", "above the 50,000 mark", "for the first time", "futures",
    "'s", ", which", " and ", "9" * 12, ",000" * 3,
]  # fmt: skip


def _article(body: str) -> Article:
    return Article(
        article_id="x" * 16, origin=None, title=None, source=None, url=None, published_at=None, body=body
    )


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_a_list(text: str) -> None:
    assert isinstance(sentence_moves(text, default_registry()), list)
    for sentence in split_sentences(text):
        assert sentence in text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80))
def test_hostile_pieces_give_moves_with_known_ids(pieces: list[str]) -> None:
    text = "".join(pieces)
    registry = default_registry()
    for move in sentence_moves(text, registry):
        assert move.index_id in registry.ids


def _hostile(size: int, seed: int) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        piece = rng.choice(PIECES)
        out.append(piece)
        total += len(piece)
    return "".join(out)[:size]


def _time(text: str) -> float:
    start = time.perf_counter()
    extract_moves(_article(text))
    return time.perf_counter() - start


def test_one_megabyte_is_linear() -> None:
    small = _time(_hostile(100_000, 1))
    large = _time(_hostile(1_000_000, 2))
    assert large <= 30 * max(small, 1e-3)


def test_one_long_line_without_breaks_is_linear() -> None:
    small = _time(("1,234.56% Nikkei rose 0.5 points, " * 4000)[:100_000])
    large = _time(("1,234.56% Nikkei rose 0.5 points, " * 40000)[:1_000_000])
    assert large <= 30 * max(small, 1e-3)


def test_one_clause_without_boundaries_is_linear() -> None:
    unit = " up 1.5 points to 2,345.6 and gained 3% to a record "
    small = _time("The Nikkei" + (unit * 2000)[:100_000])
    large = _time("The Nikkei" + (unit * 20000)[:1_000_000])
    assert large <= 30 * max(small, 1e-3)
