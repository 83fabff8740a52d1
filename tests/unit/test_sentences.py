"""Sentence splitting: lines first, then sentence ends, not after abbreviations or decimals."""

from __future__ import annotations

import pytest

from streams.extract.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nikkei tops 50,000\nThe index rose 2.5%.", ["Nikkei tops 50,000", "The index rose 2.5%."]),
        ("The Dow rose 1.01%. The S&P 500 fell.", ["The Dow rose 1.01%.", "The S&P 500 fell."]),
        ("U.S. stocks rose. Oct. 27 was busy.", ["U.S. stocks rose.", "Oct. 27 was busy."]),
        ("Japan's Nikkei, S. Korea's KOSPI hit records", ["Japan's Nikkei, S. Korea's KOSPI hit records"]),
        ("Trump said the U.S . was poised to gain. Stocks rose.",
         ["Trump said the U.S . was poised to gain.", "Stocks rose."]),
        ("Nvidia (NASDAQ:NVDA) rose. SK Hynix Inc (KS:000660) fell.",
         ["Nvidia (NASDAQ:NVDA) rose.", "SK Hynix Inc (KS:000660) fell."]),
        ("It was on Dec. 1, at 26,325.8 points. Then it fell.", ["It was on Dec. 1, at 26,325.8 points.", "Then it fell."]),
        ("He said: \"Buy.\" The index rose.", ["He said: \"Buy.\"", "The index rose."]),
        ("  \n\n  ", []),
    ],
)  # fmt: skip
def test_split(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_sentences_are_exact_substrings() -> None:
    text = "Headline here\n\n  First sentence.  Second one!\tThird?\nLast line"
    for sentence in split_sentences(text):
        assert sentence in text
        assert sentence == sentence.strip()
