"""The substring gates in front of heavy regexes only skip texts the regex could not match."""

from __future__ import annotations

import pytest

from streams.extract.moves_clauses import INTRADAY_NEEDS
from streams.extract.moves_regexes import LOW, contains_any
from streams.extract.moves_voice import earlier_noun

# One piece per alternative of moves_regexes._INTRADAY, several spacings.
_INTRADAY_PIECES = [
    "rose as much as 1.2%",
    "fell as\tlow as 3,900",
    "was up 1% at one point",
    "dipped at some points",
    "briefly topped 20,000",
    "hit an intra-day high",
    "during today's session it rose 2%",
    "during the day",
    "traded in a narrow range of 10,600 to 10,650",
    "during the final hour",
    "was higher earlier",
    "touched 5,000",
    "rose shortly after the market opened",
    "upon the open",
    "set a session high",
    "the highest level of the day",
    "the day's high",
    "the day’s lows",
    "swung between gains and losses",
    "rose to a high of 38,924.88",
    "fell to its session low of 7,100",
    "in the morning it fell",
    "in the afternoon",
    "gained up to 2.5%",
    "rose up  to 30 points",
    "failed to hold onto an early high above 7,900",
    "gave up a late intraday low",
    "struck an intraday high of 5,010",
    "during Tuesday’s session",
]


@pytest.mark.parametrize("piece", _INTRADAY_PIECES)
def test_every_intraday_alternative_passes_the_gate(piece: str) -> None:
    low = piece.lower()
    assert LOW.intraday.search(low), piece  # the phrase is one the regex reads
    assert contains_any(low, INTRADAY_NEEDS), piece


@pytest.mark.parametrize("piece", ["closed 0.5% higher", "fell 1.2% to 3,900", "ended lower on friday"])
def test_pieces_without_a_needle_have_no_intraday_match(piece: str) -> None:
    assert not contains_any(piece, INTRADAY_NEEDS)
    assert not LOW.intraday.search(piece)


@pytest.mark.parametrize(
    "clause",
    [
        "rose 0.4%, extending Monday's 1.1% gain",
        "rose 0.4%, extending Monday's 1.1 per cent gain",
        "rose 0.4%, adding to yesterday's 120 points gain",
        "ROSE 0.4%, EXTENDING MONDAY'S 1.1 PERCENT GAIN",
    ],
)
def test_earlier_noun_units_pass_its_gate(clause: str) -> None:
    for low in (clause.lower(), None):
        blanked, _, earlier = earlier_noun(clause, low)
        assert earlier is not None and earlier.direction == "up", clause
        assert len(blanked) == len(clause)
