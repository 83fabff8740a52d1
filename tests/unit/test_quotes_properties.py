"""Properties of quote extraction that must hold for any text, hostile text included.

Hostile input up to a megabyte gives well-formed quotes, as many as it holds. How the time grows
with it (linear: no catastrophic backtracking) is measured by bench/bench_scaling.py on the same
inputs (tests/hostile_text.py); no test here is timed.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import Article, Quote
from streams.extract.quotes import extract_quotes
from tests.hostile_text import QUOTE_PIECES, REAL_QUOTE, pieces_text, real_quotes

_TEXT = st.lists(st.one_of(st.sampled_from(QUOTE_PIECES), st.text(max_size=12)), max_size=80).map("".join)


def _article(body: str) -> Article:
    return Article(article_id="prop", body=body)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_never_raises_and_quotes_are_well_formed(body: str) -> None:
    quotes = extract_quotes(_article(body))
    for q in quotes:
        assert q.article_id == "prop"
        assert q.text.strip() == q.text and q.text
        assert "\n" not in q.text
        assert q.speaker is None or q.speaker.strip()
        assert q.speaker is not None or q.speaker_title is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_raises(body: str) -> None:
    extract_quotes(_article(body))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Japan’s", "investors’", "'90s", "it's", "don't", "rock 'n' roll", "rose", "1%"]),
        max_size=40,
    )
)
def test_apostrophes_alone_make_no_quotes(words: list[str]) -> None:
    assert extract_quotes(_article(" ".join(words) + " he said.")) == []


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=30))
def test_unbalanced_mark_does_not_swallow_the_article(n_paragraphs: int) -> None:
    filler = "\n".join(f"Shares of company {i} rose {i}% on the day." for i in range(n_paragraphs))
    body = f"An analyst warned of a “crunch ahead, traders said.\n{filler}\n“Buy the dip,” said Ann Lee."
    quotes = extract_quotes(_article(body))
    assert [q.text for q in quotes] == ["Buy the dip,"]
    assert quotes[0].speaker == "Ann Lee"


def _well_formed(body: str) -> list[Quote]:
    quotes = extract_quotes(_article(body))
    for q in quotes:
        assert q.text.strip() == q.text and q.text and "\n" not in q.text
        assert q.speaker is None or q.speaker.strip()
    return quotes


@pytest.mark.parametrize("one_paragraph", [False, True], ids=["paragraphs", "one-paragraph"])
def test_a_megabyte_of_hostile_pieces_gives_well_formed_quotes_growing_with_it(one_paragraph: bool) -> None:
    small, large = (pieces_text(QUOTE_PIECES, size, seed=7) for size in (100_000, 1_000_000))
    if one_paragraph:  # one enormous paragraph and sentence run
        small, large = small.replace("\n", " "), large.replace("\n", " ")
    n_small, n_large = len(_well_formed(small)), len(_well_formed(large))
    assert 5 * n_small <= n_large <= 15 * n_small  # ten times the text: about ten times the quotes


@pytest.mark.parametrize("size", [100_000, 1_000_000])
def test_many_real_quotes_are_each_found_with_their_speaker(size: int) -> None:
    quotes = extract_quotes(_article(real_quotes(size)))
    assert len(quotes) == size // len(REAL_QUOTE)
    assert {(q.text, q.speaker) for q in quotes} == {("Markets are calm,", "Kyle Rodda")}
