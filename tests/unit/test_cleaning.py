"""Boilerplate removal: small hand-written samples, the seeds, and a guard that no gold text is lost."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from streams.extract.cleaning import clean_body
from tests.gold import load_gold

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DEV_ARTICLES = ROOT / "tests" / "data" / "dev" / "articles"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _squash(text: str) -> str:
    """Whitespace-normalised form for containment checks (NFC, every whitespace run one space)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# ---------------------------------------------------------------------------------------------- samples


def test_tabs_and_blank_runs() -> None:
    raw = "Headline here today\n\n\n\nFirst\t\tparagraph  with  spaces.\t\n \t \n\t\tSecond paragraph.\n\n\t\t\t \n"
    assert clean_body(raw) == "Headline here today\n\nFirst paragraph  with  spaces.\n\nSecond paragraph."


def test_crlf_and_bom() -> None:
    assert clean_body("\ufeffTitle line here\r\n\r\nBody.\r\n") == "Title line here\n\nBody."


def test_latest_comments_and_risk_disclosure_are_cut() -> None:
    raw = (
        "The Nikkei rose 1%.\n\nLatest comments\n\nRisk Disclosure: Trading in financial instruments ...\n"
        "© 2007-2025 - Fusion Media Limited. All Rights Reserved."
    )
    assert clean_body(raw) == "The Nikkei rose 1%."
    assert (
        clean_body("The Nikkei rose 1%.\nRisk Disclosure: Trading involves risk.\nMore.")
        == "The Nikkei rose 1%."
    )


def test_furniture_lines_are_dropped() -> None:
    raw = "\n".join(
        [
            "Share",
            "Markets close higher on Friday",
            "Advertisement",
            "🔔 Stay Updated!",
            "Sign up now: Get ST's newsletters delivered to your inbox",
            "We use cookies to improve your experience.",
            "The Nikkei rose 1%.",
            "Also Read | Silver crosses a record",
            "chart_ws_stock.03.png",
            "ALL RIGHTS RESERVED © Copyright ANSA",
        ]
    )
    assert clean_body(raw) == "Markets close higher on Friday\n\nThe Nikkei rose 1%."


def test_advert_slots_between_paragraphs_are_dropped() -> None:
    raw = "\n".join(
        [
            "Advertisement 1",
            "Stocks end the year lower",
            "Article content",
            "The TSX fell 0.2%.",
            "Article content",
            "Advertisement 3",
            "Story continues below",
            "Article content",
            "Banks led the decline.",
            "Article continues after this advertisement",
            "Continue reading below",
            "Energy rose.",
        ]
    )
    assert clean_body(raw) == (
        "Stocks end the year lower\n\nThe TSX fell 0.2%.\n\nBanks led the decline.\n\nEnergy rose."
    )


def test_prose_that_mentions_advert_slot_words_is_kept() -> None:
    for line in (
        "Article content was reviewed by the exchange.",
        "The story continues below the surface, traders said.",
        "Advertisement 2025 budgets were cut.",
        "Continue reading below the line.",
    ):
        assert clean_body(line) == line


def test_prose_that_mentions_furniture_words_is_kept() -> None:
    raw = "Advertisement spending rose 3%, and shares of ad groups rallied.\nShare prices of 33 stocks declined."
    assert clean_body(raw) == raw


def test_leading_date_stamp_is_dropped_but_the_sentence_kept() -> None:
    assert (
        clean_body(" date 2025-11-12 The Stoxx 600 ended up 1.3 per cent.")
        == "The Stoxx 600 ended up 1.3 per cent."
    )


def test_leading_breadcrumbs_and_nav_bar() -> None:
    raw = (
        "financetom\nWorld\n/\nHeadline about the TSX today\n"
        "News World Market Environment Technology Personal Finance Politics Retail Business Economy\n"
        "Body."
    )
    assert clean_body(raw) == "Headline about the TSX today\n\nBody."


def test_hard_wrapped_wire_copy_is_rejoined() -> None:
    raw = (
        "Sept 18 (Reuters) - The Russell 2000 index notched a\n\n"
        "record-high close on Thursday for the first time in four years,\n\n"
        "reflecting growing optimism about small-cap U.S. companies as\n\n"
        "lower interest rates boost investor confidence.\n\n"
        "The index gained 2.5% for the session to close at\n\n"
        "2,467.70, eclipsing its previous all-time high close.\n\n"
        "Short bullet\n\n"
        "Another short bullet"
    )
    assert clean_body(raw) == (
        "Sept 18 (Reuters) - The Russell 2000 index notched a record-high close on Thursday for the first "
        "time in four years, reflecting growing optimism about small-cap U.S. companies as lower interest "
        "rates boost investor confidence.\n\n"
        "The index gained 2.5% for the session to close at 2,467.70, eclipsing its previous all-time high close.\n\n"
        "Short bullet\n\nAnother short bullet"
    )


def test_headline_is_not_glued_to_a_dateline_in_wrapped_copy() -> None:
    raw = (
        "Wall Street ends higher as investors cheer Nvidia\n\n"
        "Sept 23 (Reuters) - The S&P 500 rose on Tuesday as a rally in\n\n"
        "chip stocks lifted the market, while the Nasdaq gained as\n\n"
        "technology shares rose and the Dow added about 0.2% on\n\n"
        "the day."
    )
    assert clean_body(raw) == (
        "Wall Street ends higher as investors cheer Nvidia\n\n"
        "Sept 23 (Reuters) - The S&P 500 rose on Tuesday as a rally in chip stocks lifted the market, "
        "while the Nasdaq gained as technology shares rose and the Dow added about 0.2% on the day."
    )


def test_ordinary_text_is_not_rejoined() -> None:
    raw = "Headline without a period here\n\nSecond line of text starts upper.\n\nthird line lower case."
    assert clean_body(raw) == raw


# ---------------------------------------------------------------------------------------------- seeds


def test_seed_004_disclaimer_block_removed() -> None:
    raw = _read(SEEDS / "004_211e76bec58d9872.txt")
    body = clean_body(raw)
    for gone in ("Latest comments", "Risk Disclosure", "Fusion Media", "© Reuters"):
        assert gone not in body
    assert body.endswith("Futures for India’s Nifty 50 were largely unchanged.")
    assert "Published 12/09/2025, 04:08" in body  # the date line is not boilerplate
    assert "\n\n\n" not in body


def test_seed_000_trailing_tabs_removed() -> None:
    body = clean_body(_read(SEEDS / "000_764c2b54feedb626.txt"))
    assert "\t" not in body
    assert body.endswith("—CNBC’s Sean Conlon and Pia Singh contributed to this report.")


def test_seed_003_unchanged_apart_from_edges() -> None:
    raw = _read(SEEDS / "003_bf3e6714cf294e8b.txt")
    assert clean_body(raw) == raw.strip()


def test_no_tabs_no_blank_runs_no_edge_spaces_anywhere() -> None:
    for path in sorted(SEEDS.glob("*.txt")) + sorted(DEV_ARTICLES.glob("*.txt")):
        body = clean_body(_read(path))
        assert "\t" not in body, path.name
        assert "\n\n\n" not in body, path.name
        assert all(line == line.strip() for line in body.split("\n")), path.name
        assert body == body.strip(), path.name


# ---------------------------------------------------------------------------------------------- gold guard


def _gold_texts() -> list[tuple[str, str, str]]:
    """(file, kind, text) for every gold move sentence and quote text in seeds.json and dev.json."""
    items: list[tuple[str, str, str]] = []
    for gold_set in ("seeds", "dev"):
        articles = load_gold(gold_set)["articles"]
        for name, annotation in articles.items():
            items.extend((name, "move", move["sentence"]) for move in annotation["moves"])
            items.extend((name, "quote", quote["text"]) for quote in annotation["quotes"])
    return items


def _article_path(name: str) -> Path:
    return SEEDS / name if (SEEDS / name).exists() else DEV_ARTICLES / name


def _pieces_in(text: str, body: str) -> int | None:
    """How many consecutive pieces of ``text`` (word runs) it takes to find it in ``body``, or None.

    A gold quote joins the parts of a quotation split by its attribution or by a paragraph
    break ("..., said Rodda. ... " or a British-style continued paragraph) with one space, so
    it need not occur as one string; each part must. A part may lose trailing punctuation
    that the quotation puts inside the closing mark (``greenback," said`` gives ``greenback,``).
    """
    words = _squash(text).split()
    pieces, start = 0, 0
    while start < len(words):
        end = len(words)
        while end > start:
            chunk = " ".join(words[start:end])
            if chunk in body or chunk.rstrip(",.;:") in body:
                break
            end -= 1
        if end == start:
            return None
        pieces, start = pieces + 1, end
    return pieces


@pytest.mark.parametrize("name", sorted({name for name, _, _ in _gold_texts()}))
def test_every_gold_sentence_and_quote_survives_cleaning(name: str) -> None:
    path = _article_path(name)
    if not path.exists():
        pytest.skip(f"{path} is absent")
    body = _squash(clean_body(_read(path)))
    for file, kind, text in _gold_texts():
        if file != name:
            continue
        if kind == "move":
            assert _squash(text) in body, text
        else:
            pieces = _pieces_in(text, body)
            assert pieces is not None and pieces <= 3, text


def test_pieces_in() -> None:
    body = _squash("“It is big,” said Rodda. “Really big.”")
    assert _pieces_in("It is big, Really big.", body) == 2
    assert _pieces_in("It is small", body) is None


def test_gold_guard_covers_every_annotated_article() -> None:
    names = {name for name, _, _ in _gold_texts()}
    assert len(names) >= 33  # 5 seeds + 30 dev articles, minus any without moves and quotes
    assert all(_article_path(name).exists() for name in names)
