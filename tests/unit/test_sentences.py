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


# Scraped copy loses the space between sentences; "a.m."/"p.m." end a sentence only before a word
# that opens one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kospi fell 2.1 percent.The Kosdaq lost 3%.", ["The Kospi fell 2.1 percent.", "The Kosdaq lost 3%."]),
        ("It closed at 4,949.67.It was the first dip.", ["It closed at 4,949.67.", "It was the first dip."]),
        ("Losses were broad.”The index fell.", ["Losses were broad.”", "The index fell."]),
        ("a loss of 0.4% or -16.7 point.the FTSE 100 closed up.",
         ["a loss of 0.4% or -16.7 point.", "the FTSE 100 closed up."]),
        ("for the first time since May.>> The FTSE 100 rose.", ["for the first time since May.", ">> The FTSE 100 rose."]),
        ("Markets rally on rate hopes everThe Ibex hit a new high.",
         ["Markets rally on rate hopes ever", "The Ibex hit a new high."]),
        ("The index rose at 9:25 a.m. On Friday, it fell.", ["The index rose at 9:25 a.m.", "On Friday, it fell."]),
        ("It closed at a record on Tuesday. (jane.doe@example.com)",
         ["It closed at a record on Tuesday.", "(jane.doe@example.com)"]),
        # near-misses: no sentence end
        ("As of 12:30 p.m. ET, the index was up.", ["As of 12:30 p.m. ET, the index was up."]),
        ("At 9 a.m. Tokyo time the Nikkei fell.", ["At 9 a.m. Tokyo time the Nikkei fell."]),
        ("Shares of U.S.Steel rose. Visit Investing.com for more.", ["Shares of U.S.Steel rose.", "Visit Investing.com for more."]),
        ("The Nikkei rose 1.5%; the Topix rose 1.2%.", ["The Nikkei rose 1.5%; the Topix rose 1.2%."]),
        ("Shares of Inc. (AAPL) rose.", ["Shares of Inc. (AAPL) rose."]),
    ],
)  # fmt: skip
def test_split_scraped_copy(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected
