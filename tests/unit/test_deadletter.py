"""Dead-letter headers say why, where, at which stage and which fields, never what the record held."""

from __future__ import annotations

import pytest

from schemas import Article
from streams.admission import RejectedArticle, admit_article
from streams.worker.deadletter import MAX_ERROR_CHARS, DeadLetter

CANARY = "hunter2-canary"


def _letter(exc: BaseException) -> DeadLetter:
    return DeadLetter.from_exception(exc, stage="decode-article", topic="articles", partition=0, offset=41)


def _raised(value: bytes) -> BaseException:
    with pytest.raises(Exception) as caught:
        admit_article(value)
    return caught.value


def test_a_validation_error_names_the_fields_and_quotes_no_value() -> None:
    exc = _raised(b'{"article_id": "a1", "body": {"password": "' + CANARY.encode() + b'"}}')
    letter = _letter(exc)
    assert letter.error == "ValidationError: body: Input should be a valid string"
    assert letter.fields == ("body",)
    headers = dict(letter.headers())
    assert headers["error-fields"] == b"body"
    assert CANARY.encode() not in b"".join(headers.values())


def test_a_missing_field_and_a_nested_path_are_named() -> None:
    with pytest.raises(Exception) as caught:
        Article.model_validate({"article_id": "a1"})
    letter = _letter(caught.value)
    assert letter.fields == ("body",) and "body: Field required" in letter.error


def test_a_json_error_gives_its_position_only() -> None:
    letter = _letter(_raised(b'{"body": "' + CANARY.encode() + b'" oops}'))
    assert letter.error.startswith("JSONDecodeError: ") and "char" in letter.error
    assert CANARY not in letter.error


def test_our_own_rejection_keeps_its_figures() -> None:
    letter = _letter(_raised(b'{"article_id": "a1", "body": "12 34 56 78 90 %%%"}'))
    assert letter.error.startswith("RejectedArticle: body is not prose: ")


def test_any_other_exception_gives_its_type_and_place_but_not_its_message() -> None:
    def extract() -> None:
        raise ValueError(f"could not read {CANARY}")

    with pytest.raises(ValueError) as caught:
        extract()
    letter = _letter(caught.value)
    assert letter.error.startswith("ValueError raised at test_deadletter.py:")
    assert CANARY not in letter.error


def test_a_text_decoding_error_gives_the_position() -> None:
    with pytest.raises(UnicodeDecodeError) as caught:
        b"ok \xff".decode("utf-8")
    assert _letter(caught.value).error == (
        "UnicodeDecodeError: utf-8 cannot decode byte at position 3: invalid start byte"
    )


def test_headers_round_trip() -> None:
    letter = _letter(_raised(b'{"article_id": 1}'))
    headers = dict(letter.headers())
    assert headers["stage"] == b"decode-article"
    assert headers["original-topic"] == b"articles"
    assert headers["original-offset"] == b"41"
    assert DeadLetter.from_headers(letter.headers()) == letter


def test_huge_error_messages_are_cut() -> None:
    letter = _letter(RejectedArticle("x" * 100_000))
    assert len(letter.error) == MAX_ERROR_CHARS
