"""Numbers broken by scraping, read as a reader reads them (tests/data/fresh/README.md, "Broken
numbers"): a space after a thousands comma, a decimal split by a space or a paragraph break, a
word of motion glued to its figure. Hand-written sentences, with near-misses that stay apart.
"""

from __future__ import annotations

from typing import Any

import pytest

from streams.extract import normalise_article
from streams.extract.cleaning import clean_body
from streams.extract.indices import default_registry
from streams.extract.moves import extract_moves, sentence_moves
from streams.extract.moves_numbers import repair_numbers
from streams.extract.sentences import split_sentences


def _key(move: Any) -> tuple[Any, ...]:
    r = move.reading
    return (move.index_id, r.direction, r.change_pct, r.change_points, r.level)


CASES: list[tuple[str, list[tuple[Any, ...]]]] = [
    (
        "The Hang Seng index closed up 0.8 percent at 20, 572.97 on Tuesday.",
        [("HSI", "up", 0.8, None, 20572.97)],
    ),
    ("Japan's Nikkei rose 0. 19 percent to 38, 104.55.", [("NIKKEI225", "up", 0.19, None, 38104.55)]),
    ("The Kospi slipped 1. 5 per cent to 2,611.02.", [("KOSPI", "down", -1.5, None, 2611.02)]),
    (
        "The Shanghai Composite lost 42.19 points, or 1. 40 percent, to 2,962.75.",
        [("SSEC", "down", -1.4, -42.19, 2962.75)],
    ),
    ("The TSX posted a rise of 0. 6 percent.", [("TSX", "up", 0.6, None, None)]),
    ("The FTSE 100 was down1.7% at 7,402.1.", [("FTSE100", "down", -1.7, None, 7402.1)]),
    ("The DAX closed up0.6% at 15,110.3.", [("DAX", "up", 0.6, None, 15110.3)]),
    ("The Sensex fell by1.2 percent.", [("SENSEX", "down", -1.2, None, None)]),
    # near-misses: nothing broken, nothing joined
    ("The S&P 500 rose 12, its best run since 2019.", [("SPX", "up", None, None, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_broken_numbers_are_read_whole(sentence: str, expected: list[tuple[Any, ...]]) -> None:
    assert [_key(m) for m in sentence_moves(sentence, default_registry())] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20, 572.97", "20,572.97"),
        ("up 0. 19 percent", "up 0.19 percent"),
        ("down1.7%", "down 1.7%"),
        ("gained12 points", "gained 12 points"),
        # near-misses
        ("in 2019, 572 companies", "in 2019, 572 companies"),
        ("1, 2 and 3", "1, 2 and 3"),
        ("setup1%", "setup1%"),
        ("Kospi200 rose", "Kospi200 rose"),
        ("rose 10. 5 companies fell", "rose 10. 5 companies fell"),
        ("at 1,234. 5 percent of", "at 1,234. 5 percent of"),
    ],
)
def test_repair_numbers(text: str, expected: str) -> None:
    assert repair_numbers(text) == expected


def test_unbroken_text_is_returned_as_is() -> None:
    text = "The Nikkei rose 1.2% to 38,100.5."
    assert repair_numbers(text) is text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Nikkei edged up 0. 13 percent. The Kospi fell.", ["The Nikkei edged up 0. 13 percent.", "The Kospi fell."]),
        ("It rose 2. 5 per cent on Monday.", ["It rose 2. 5 per cent on Monday."]),
        ("The Dow closed at 12. 15 percent of its members rose.",
         ["The Dow closed at 12.", "15 percent of its members rose."]),
        # near-misses: a sentence ending in a figure before a new one
        ("The Dow ended at 30,000. 15 percent of its members fell.",
         ["The Dow ended at 30,000.", "15 percent of its members fell."]),
        ("Stocks rose on Jan. 2. 15 companies fell.", ["Stocks rose on Jan. 2.", "15 companies fell."]),
    ],
)  # fmt: skip
def test_a_split_decimal_does_not_end_a_sentence(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_a_decimal_split_by_a_paragraph_break_is_rejoined() -> None:
    body = clean_body(
        "Stocks rose.\n\nThe Hang Seng index edged up 0.\n\n13 percent, or 35.06 points, to 27,906.41.\n"
    )
    assert "edged up 0. 13 percent, or 35.06 points" in body
    moves = extract_moves(normalise_article("Hong Kong close\n\n" + body))
    assert [(m.index, m.direction, m.change_pct, m.change_points, m.level) for m in moves] == [
        ("HSI", "up", 0.13, 35.06, 27906.41)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The index closed at 12.\n\n15 percent of its members rose.",  # a whole number ends the paragraph
        "Stocks rose 1,200.\n\n15 percent of them were banks.",
        "The Nikkei rose 0.\n\nShares of Sony rose 5 percent.",
    ],
)
def test_paragraphs_that_are_not_a_split_decimal_stay_apart(text: str) -> None:
    assert "\n\n" in clean_body(text)


def test_the_cheap_gate_lets_every_broken_number_through() -> None:
    """Speed: repair_numbers searches its regex only where its gate finds a place it can match;
    every word of motion in every case, glued to a signed or unsigned figure, and both spacing
    faults pass the gate (the gate may pass more, never less)."""
    from streams.extract.moves_numbers import _BROKEN, _BROKEN_GATES

    words = "up down higher lower rose fell gained lost added shed dropped declined climbed jumped slipped"
    texts = [
        f"The index {form}{sign}1.7{unit} today"
        for word in (*words.split(), "eased", "advanced", "by", "at", "to")
        for form in (word, word.upper(), word.title())
        for sign in ("", "+", "-", "−")
        for unit in ("%", " percent", " points", " pts")
    ]
    texts += ["closed at 20, 572.97", "rose 0. 19 percent", "rose 0.\n\n13 percent", "ROSE 1.  5 PCT"]
    for text in texts:
        assert _BROKEN.search(text) is not None, text
        assert any(gate.search(text) for gate in _BROKEN_GATES), text
    for text in ("The Nikkei rose 1.2% to 38,100.5.", "The DAX fell 0.4 percent, to 15,110.3."):
        assert not any(gate.search(text) for gate in _BROKEN_GATES)
