"""Dead-letter headers say why, where and at which stage, and read back the same."""

from __future__ import annotations

from streams.deadletter import MAX_ERROR_CHARS, DeadLetter


def test_headers_round_trip() -> None:
    letter = DeadLetter.from_exception(
        ValueError("bad json"), stage="decode-article", topic="articles", partition=0, offset=41
    )
    headers = dict(letter.headers())
    assert headers["error"] == b"ValueError: bad json"
    assert headers["stage"] == b"decode-article"
    assert headers["original-topic"] == b"articles"
    assert headers["original-offset"] == b"41"
    assert DeadLetter.from_headers(letter.headers()) == letter


def test_huge_error_messages_are_cut() -> None:
    letter = DeadLetter.from_exception(
        ValueError("x" * 100_000), stage="extract", topic="t", partition=1, offset=2
    )
    assert len(letter.error) == MAX_ERROR_CHARS
