"""Properties of move extraction: any text gives a list without raising, and hostile input of
digits, percent signs, index names, dots and commas up to a megabyte gives the moves it states.

How the time grows with such input (linear: no catastrophic backtracking) is measured by
bench/bench_scaling.py on the same inputs (tests/hostile_text.py); no test here is timed.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas import Article
from streams.extract.indices import default_registry
from streams.extract.moves import extract_moves, sentence_moves
from streams.extract.sentences import split_sentences
from tests.hostile_text import MOVE_PIECES, clause_without_boundaries, line_without_breaks, pieces_text


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
@given(st.lists(st.sampled_from(MOVE_PIECES), max_size=80))
def test_hostile_pieces_give_moves_with_known_ids(pieces: list[str]) -> None:
    text = "".join(pieces)
    registry = default_registry()
    for move in sentence_moves(text, registry):
        assert move.index_id in registry.ids


def test_a_megabyte_of_hostile_pieces_gives_moves_of_known_indices_growing_with_it() -> None:
    ids = default_registry().ids
    small = extract_moves(_article(pieces_text(MOVE_PIECES, 100_000, seed=1)))
    large = extract_moves(_article(pieces_text(MOVE_PIECES, 1_000_000, seed=2)))
    assert all(move.index in ids for move in small + large)
    assert 5 * len(small) <= len(large) <= 15 * len(small)  # ten times the text: about ten times the moves


@pytest.mark.parametrize("size", [100_000, 1_000_000])
def test_one_long_line_without_breaks_gives_every_move_it_states(size: int) -> None:
    text = line_without_breaks(size)
    moves = extract_moves(_article(text))
    assert len(moves) == text.count("Nikkei rose 0.5 ")
    # the whole line is the one sentence; a statement cut short at the end has no points
    assert {(m.index, m.direction, m.sentence) for m in moves} == {("NIKKEI225", "up", text.strip())}
    assert sum(m.change_points == 0.5 for m in moves) == text.count("Nikkei rose 0.5 points")


def test_one_clause_without_boundaries_gives_the_same_move_at_any_length() -> None:
    small = extract_moves(_article(clause_without_boundaries(100_000)))
    large = extract_moves(_article(clause_without_boundaries(1_000_000)))
    assert len(small) == len(large) == 1
    assert small[0].model_copy(update={"sentence": ""}) == large[0].model_copy(update={"sentence": ""})
    assert (small[0].index, small[0].direction) == ("NIKKEI225", "up")
