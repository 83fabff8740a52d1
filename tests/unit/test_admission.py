"""The prose check of admission: letters among the visible characters, counted exactly."""

from __future__ import annotations

import orjson
import pytest

from streams.admission import RejectedArticle, admit_article


def _record(body: str) -> bytes:
    return orjson.dumps({"article_id": "a1", "body": body})


def test_a_body_of_figures_is_rejected_with_the_counts() -> None:
    # visible: a 1 2 3 4 5 6 7 % (9), letters: a (1); spaces, a tab and a no-break space don't count
    with pytest.raises(
        RejectedArticle, match=r"1 letters in 9 visible characters \(11%, at least 25% needed\)"
    ):
        admit_article(_record("a 1234\t567\u00a0%"))


def test_letters_in_any_script_count() -> None:
    # visible: É t é 5 % 日 本 (7); letters: É t é 日 本 (5)
    assert admit_article(_record("Été 5% 日本")).body == "Été 5% 日本"


def test_exactly_a_quarter_letters_is_enough() -> None:
    assert admit_article(_record("ab 123456")).article_id == "a1"  # 2 of 8 visible
