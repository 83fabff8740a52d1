"""Hostile text for extraction, in sizes from a few bytes to megabytes, shared by tests and bench.

Why shared: the unit tests (tests/unit/test_moves_properties.py, test_quotes_properties.py) check
what extraction gives for these inputs, deterministically; bench/bench_scaling.py times the same
inputs at 100 kB and 1 MB and prints how the time grows. Timing lives only in bench/: on a loaded
machine a timed assertion fails for reasons that are not the code's.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "GROWING_INPUTS",
    "MOVE_PIECES",
    "QUOTE_PIECES",
    "REAL_QUOTE",
    "GrowingInput",
    "clause_without_boundaries",
    "line_without_breaks",
    "pieces_text",
    "real_quotes",
]

MOVE_PIECES = [
    "Nikkei", "S&P 500", "Hang Seng", "FTSE 100", "Dow", " rose ", " fell ", " as much as ", "1,234.56",
    "%", "0.5", " points", ".", ",", " to ", " at ", "record high", " before closing ", "(", ")", "|",
    "-point-", "three-thousand-", "\n", " ", "above the 50,000 mark", "for the first time", "futures",
    "'s", ", which", " and ", "9" * 12, ",000" * 3,
]  # fmt: skip

QUOTE_PIECES = [
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

#: One well-formed quote with its speaker, 68 characters.
REAL_QUOTE = "“Markets are calm,” said Kyle Rodda, senior analyst at Capital.com. "
#: One statement of a move, repeated without a sentence break by :func:`line_without_breaks`.
LINE_UNIT = "1,234.56% Nikkei rose 0.5 points, "
#: Clauses of one move, repeated after "The Nikkei" without any boundary.
CLAUSE_UNIT = " up 1.5 points to 2,345.6 and gained 3% to a record "


def pieces_text(pieces: list[str], size: int, seed: int) -> str:
    """``size`` characters of pieces drawn at random (seeded: the same text every run)."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        piece = rng.choice(pieces)
        out.append(piece)
        total += len(piece)
    return "".join(out)[:size]


def line_without_breaks(size: int) -> str:
    """``size`` characters of :data:`LINE_UNIT` repeated: one sentence of many moves."""
    return (LINE_UNIT * (size // len(LINE_UNIT) + 1))[:size]


def clause_without_boundaries(size: int) -> str:
    """ "The Nikkei" and ``size`` characters of :data:`CLAUSE_UNIT` repeated: one clause run."""
    return "The Nikkei" + (CLAUSE_UNIT * (size // len(CLAUSE_UNIT) + 1))[:size]


def real_quotes(size: int) -> str:
    """As many whole :data:`REAL_QUOTE` as fit in ``size`` characters."""
    return REAL_QUOTE * (size // len(REAL_QUOTE))


@dataclass(frozen=True)
class GrowingInput:
    """A kind of hostile input that bench/bench_scaling.py times at growing sizes."""

    name: str
    extractor: Literal["moves", "quotes"]
    text: Callable[[int], str]


GROWING_INPUTS = (
    GrowingInput(
        "moves: random hostile pieces", "moves", lambda size: pieces_text(MOVE_PIECES, size, seed=1)
    ),
    GrowingInput("moves: one line without breaks", "moves", line_without_breaks),
    GrowingInput("moves: one clause without boundaries", "moves", clause_without_boundaries),
    GrowingInput(
        "quotes: random hostile pieces", "quotes", lambda size: pieces_text(QUOTE_PIECES, size, seed=7)
    ),
    GrowingInput(
        "quotes: hostile pieces in one paragraph",
        "quotes",
        lambda size: pieces_text(QUOTE_PIECES, size, seed=7).replace("\n", " "),
    ),
    GrowingInput("quotes: many real quotes", "quotes", real_quotes),
)
