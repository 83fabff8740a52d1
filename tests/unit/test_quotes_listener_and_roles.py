"""Attribution forms: the listener of "told", prefixed roles, and ", saying," after an adverb.

- "X, title, told Reuters": the name after "told" is who was told, never the speaker (there is no
  inverted "“…,” told X" as there is "“…,” said X").
- A role word with a prefix of rank or sharing glued by a hyphen is that role ("co-manager",
  "vice-chairman", "deputy-governor"), so "X, co-head of equities at Y, said" gives X and the title.
- ", saying, “…”" takes the subject of the clause it hangs on, also when an adverb stands between
  that subject and its verb ("Governor Min-ji Kang also urged caution, saying, “…”").

Hand-written passages, in the style of test_quotes_passages.py.
"""

from __future__ import annotations

import pytest

from streams.extract.tokens import is_role
from tests.quote_cases import Q, expect, run

CASES: list[tuple[str, str, list[Q]]] = [
    (
        "told-outlet-after-appositive",
        "Stocks rose.\n“Valuations are stretched,” Anna Berg, co-manager of equities at Nordic Capital, "
        "told Bloomberg on Monday.",
        expect(("Valuations are stretched", "Anna Berg", "co-manager of equities at Nordic Capital", False)),
    ),
    (
        "told-outlet-after-plain-name",
        "Stocks rose.\n“Valuations are stretched,” Anna Berg told Reuters.",
        expect(("Valuations are stretched", "Anna Berg", None, False)),
    ),
    (
        "told-outlet-with-no-subject-names-nobody",
        "Stocks rose.\n“Valuations are stretched,” told Reuters.",
        expect(("Valuations are stretched", None, None, False)),
    ),
    (
        "said-name-after-still-inverted",
        "Stocks rose.\n“Valuations are stretched,” said Anna Berg, a strategist at Nordic Capital.",
        expect(("Valuations are stretched", "Anna Berg", "strategist at Nordic Capital", False)),
    ),
    (
        "vice-prefixed-role",
        "The yen slipped.\n“We will act if needed,” Kenji Mori, vice-chairman of the Osaka Bankers Group, said.",
        expect(("We will act if needed", "Kenji Mori", "vice-chairman of the Osaka Bankers Group", False)),
    ),
    (
        "saying-comma-after-adverb",
        "Bond yields rose.\nFinance Minister Jae-won Cho said liquidity was ample.\n\n"
        "Bank of Hanseong Governor Min-ji Kang also ordered a high level of caution, saying, “Debt can shake "
        "the market.”",
        expect(("Debt can shake the market", "Min-ji Kang", "Bank of Hanseong Governor", False)),
    ),
    (
        "saying-comma-without-adverb",
        "Bond yields rose.\nFinance Minister Jae-won Cho said liquidity was ample.\n"
        "Bank of Hanseong Governor Min-ji Kang urged caution, saying, “Debt can shake the market.”",
        expect(("Debt can shake the market", "Min-ji Kang", "Bank of Hanseong Governor", False)),
    ),
]


@pytest.mark.parametrize(("passage", "expected"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_attribution_form(passage: str, expected: list[Q]) -> None:
    assert run(passage) == expected


@pytest.mark.parametrize(
    "word", ["co-manager", "Co-Head", "vice-chairman", "Deputy-Governor", "acting-director"]
)
def test_a_prefixed_role_is_a_role(word: str) -> None:
    assert is_role(word)


@pytest.mark.parametrize(
    "word", ["co-operation", "long-time", "vice-versa", "manager-led", "ex-trader", "co-"]
)
def test_a_hyphenated_word_that_is_not_a_prefixed_role_is_no_role(word: str) -> None:
    assert not is_role(word)
