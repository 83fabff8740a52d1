"""Properties of quote extraction that must hold for any text, hostile text included.

No timing thresholds: the size test compares a 1 MB input with a 100 KB one and allows a
very generous ratio, which only fails on super-linear (catastrophic) behaviour.
"""

from __future__ import annotations

import random
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import Article
from streams.extract.quotes import extract_quotes

_PIECES = [
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    " said ",
    " he said",
    " she added.",
    " Mr Smith said: ",
    "Adding: ",
    ", adding that ",
    " according to ",
    "Kyle Rodda",
    " Rodda, senior analyst at Capital.com, said",
    ". ",
    "\n",
    "\n\n",
    "U.S. ",
    " the ",
    "“Q",
    "” said ",
    ", who said ",
    "He Lifeng ",
    "investors’ ",
    "'90s ",
    "Japan’s ",
    "a.b.c.",
    ":",
    ",",
]

_TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=12)), max_size=80).map("".join)


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


def _adversarial(size: int, seed: int) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        piece = rng.choice(_PIECES)
        out.append(piece)
        total += len(piece)
    return "".join(out)[:size]


def _elapsed(body: str) -> float:
    start = time.perf_counter()
    extract_quotes(_article(body))
    return time.perf_counter() - start


def test_one_megabyte_adversarial_input_completes_in_linear_time() -> None:
    small = _adversarial(100_000, seed=7)
    large = _adversarial(1_000_000, seed=7)
    small_flat = small.replace("\n", " ")  # one enormous paragraph and sentence run
    large_flat = large.replace("\n", " ")
    t_small = max(_elapsed(small), 1e-3)
    t_large = _elapsed(large)
    assert t_large / t_small < 30
    t_small_flat = max(_elapsed(small_flat), 1e-3)
    t_large_flat = _elapsed(large_flat)
    assert t_large_flat / t_small_flat < 30


def test_many_real_quotes_scale_linearly() -> None:
    unit = "“Markets are calm,” said Kyle Rodda, senior analyst at Capital.com. "
    small = unit * (100_000 // len(unit))
    large = unit * (1_000_000 // len(unit))
    t_small = max(_elapsed(small), 1e-3)
    assert _elapsed(large) / t_small < 30
    assert len(extract_quotes(_article(small))) == 100_000 // len(unit)
