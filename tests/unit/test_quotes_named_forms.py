"""Attribution forms met on unseen wire copy (round 3): the title first and the name alone
between commas ("the vice president of the ECB, Luis de Guindos, has stated ..."), and a named
person who "called" something a quoted phrase (a partial quote of theirs; a label otherwise).

Hand-written passages, in the style of test_quotes_passages.py.
"""

from __future__ import annotations

import pytest

from tests.quote_cases import Q, expect, run

CASES: list[tuple[str, str, list[Q]]] = [
    (
        "title-comma-name-has-stated",
        "Bond yields fell.\nFor her part, the chief economist of the Bank of Canada, Maria Olsen, has stated "
        "in an interview that it is “far too early” to cut rates.",
        expect(("far too early", "Maria Olsen", "chief economist of the Bank of Canada", True)),
    ),
    (
        "title-comma-name-said",
        "The euro slipped.\nThe governor of the central bank, Pedro da Costa, said it was “not the time to relax”.",
        expect(("not the time to relax", "Pedro da Costa", "governor of the central bank", True)),
    ),
    (
        "person-called",
        "The Kospi rose.\nHana Bank strategist Min-jun Park called the data “the clearest sign yet of a recovery "
        "in chip exports”.",
        expect(
            (
                "the clearest sign yet of a recovery in chip exports",
                "Min-jun Park",
                "Hana Bank strategist",
                True,
            )
        ),
    ),
    (
        "so-called-is-a-label",
        "Tech shares rose.\nThe so-called “Magnificent Seven” stocks led gains.",
        expect(),
    ),
    (
        "what-wall-street-called-is-a-label",
        "Stocks climbed.\nWhat Wall Street called the “Santa Claus rally” arrived early.",
        expect(),
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_passage(text: str, expected: list[Q]) -> None:
    assert run(text) == expected


# An organisation with its abbreviation in parentheses before the verb speaks under its full
# name; a later citation by the abbreviation keeps it as written (dev 128: "SGX said", although
# the article gives "Singapore Exchange (SGX)").
ABBREVIATIONS: list[tuple[str, str, list[Q]]] = [
    (
        "abbreviation-in-parentheses-before-the-verb",
        'Stocks rose.\nThe Korea Exchange (KRX) said in a statement: "Volume hit a record."\n'
        'Later, the KRX added: "Margin debt was also high."',
        expect(
            ("Volume hit a record.", "Korea Exchange", None, False),
            ("Margin debt was also high.", "KRX", None, False),
        ),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in ABBREVIATIONS], ids=[c[0] for c in ABBREVIATIONS]
)
def test_abbreviations_in_parentheses(text: str, expected: list[Q]) -> None:
    assert run(text) == expected
