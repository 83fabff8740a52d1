"""Article normalisation: decoding, content ids, titles, source and url, against hand-checked values."""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.extract.article import (
    UnreadableArticle,
    article_id,
    decode_article_bytes,
    extract_title,
    normalise_article,
)
from streams.extract.sources import detect_source, find_url
from tests.dev_scoring import load_floor
from tests.gold import load_gold

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DEV_ARTICLES = ROOT / "tests" / "data" / "dev" / "articles"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _gold_published() -> dict[Path, str | None]:
    """Gold dates of every seed, and of the dev articles the floor lists as dated exactly."""
    exact = set(load_floor()["exact_dates"])
    out: dict[Path, str | None] = {}
    for gold_set, folder in (("seeds", SEEDS), ("dev", DEV_ARTICLES)):
        articles = load_gold(gold_set)["articles"]
        for name, annotation in articles.items():
            if folder == SEEDS or name in exact:
                out[folder / name] = annotation["published_at"]
    return out


GOLD_PUBLISHED = _gold_published()


# ---------------------------------------------------------------------------------------------- decoding


def test_decode_plain_utf8() -> None:
    assert (
        decode_article_bytes("Nikkei tops 50,000 — “record”".encode(), "a.txt")
        == "Nikkei tops 50,000 — “record”"
    )


def test_decode_accepts_and_removes_bom() -> None:
    assert decode_article_bytes(b"\xef\xbb\xbfHello markets", "bom.txt") == "Hello markets"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf  \n"])
def test_decode_rejects_empty(data: bytes) -> None:
    with pytest.raises(UnreadableArticle) as info:
        decode_article_bytes(data, "empty.txt")
    assert info.value.name == "empty.txt"
    assert info.value.reason == "empty file"
    assert str(info.value) == "empty.txt: empty file"


def test_decode_rejects_latin1_with_offset() -> None:
    data = "Zürich stocks".encode("latin-1")  # ü is the single byte 0xfc at offset 1
    with pytest.raises(UnreadableArticle) as info:
        decode_article_bytes(data, "latin.txt")
    assert str(info.value) == "latin.txt: not UTF-8 text: invalid byte 0xfc at offset 1"
    assert isinstance(info.value, ValueError)


def test_decode_rejects_nul_bytes_as_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    with pytest.raises(UnreadableArticle) as info:
        decode_article_bytes(png, "chart.png")
    assert str(info.value) == "chart.png: binary, not text"


def test_decode_rejects_control_characters_as_binary() -> None:
    data = bytes(range(1, 9)) * 10 + b"some text"
    with pytest.raises(UnreadableArticle, match=r"^blob\.bin: binary, not text$"):
        decode_article_bytes(data, "blob.bin")


def test_decode_every_seed_and_dev_file() -> None:
    for path in GOLD_PUBLISHED:
        assert decode_article_bytes(path.read_bytes(), path.name) == _read(path)


# ---------------------------------------------------------------------------------------------- ids


def test_id_is_stable_for_the_same_text() -> None:
    text = _read(SEEDS / "004_211e76bec58d9872.txt")
    assert article_id(text) == article_id(text)
    assert normalise_article(text).article_id == normalise_article(text, origin="x.txt").article_id


def test_id_ignores_line_endings_bom_and_surrounding_whitespace() -> None:
    text = "Headline\n\nThe Nikkei rose 1%.\n"
    assert article_id(text) == article_id(text.replace("\n", "\r\n"))
    assert article_id(text) == article_id("\ufeff  " + text + "\n\n\t")


def test_id_ignores_unicode_normal_form() -> None:
    assert article_id("Zu\u0308rich") == article_id("Z\u00fcrich")


def test_id_differs_for_different_text() -> None:
    assert article_id("The Nikkei rose 1%.") != article_id("The Nikkei rose 2%.")


def test_id_recipe_is_sha256_prefix() -> None:
    # sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    assert article_id("  abc\r\n") == "ba7816bf8f01cfea"


def test_ids_of_all_articles_are_distinct() -> None:
    ids = {article_id(_read(path)) for path in GOLD_PUBLISHED}
    assert len(ids) == len(GOLD_PUBLISHED)


# ---------------------------------------------------------------------------------------------- titles

SEED_TITLES = {
    # 000, 001 and 002 start straight into prose (001 after its page date stamp): no headline.
    "000_764c2b54feedb626.txt": None,
    "001_f196a04fcb3c95be.txt": None,
    "002_24b7b0a85c059f52.txt": None,
    "003_bf3e6714cf294e8b.txt": "Asian stocks rally after US-China trade breakthrough",
    "004_211e76bec58d9872.txt": "Asia stocks extend rally tracking Wall St record highs; tech sector leads gains",
}


@pytest.mark.parametrize(("name", "title"), sorted(SEED_TITLES.items()))
def test_seed_titles(name: str, title: str | None) -> None:
    assert normalise_article(_read(SEEDS / name), origin=name).title == title


DEV_TITLES = {
    "102_brusselstimes-ftse-close-9000.txt": None,  # stored without headline, starts with prose
    "104_businesstimes-stoxx600-record-close.txt": None,  # starts with a photo caption of two sentences
    "105_independent-ftse-10000.txt": "FTSE 100 closes above milestone 10,000 mark for first time",
    "107_financetom-reuters-tsx-ends-lower.txt": "CANADA STOCKS-TSX ends lower after flirting with 30,000 threshold",
    "116_cnnmoney-vix-fear-index-13-month-high.txt": "Fear index skyrockets to 13-month high",
    "119_ansa-ftse-mib-20000.txt": "Milan stock exchange rises by 1.6% to pre-crisis levels",
    "120_sharecast-europe-close-stoxx-dax-records.txt": "Europe close: Stocks rise to record highs.",
    "124_globaltimes-shanghai-composite-4000.txt": (
        "China's benchmark stock index surpasses 4,000 points in morning trade"
    ),
    "126_focustaiwan-taiex-record-35413.txt": None,  # dateline prose after the banner
    "130_cnbc-asia-live-blog-nikkei-38000.txt": (
        "Most Asian markets fall after hotter-than-expected U.S. inflation data sends Wall Street lower; "
        "Hong Kong gains"
    ),
}


@pytest.mark.parametrize(("name", "title"), sorted(DEV_TITLES.items()))
def test_dev_titles(name: str, title: str | None) -> None:
    assert normalise_article(_read(DEV_ARTICLES / name), origin=name).title == title


@pytest.mark.parametrize(
    ("body", "title"),
    [
        (
            "Nikkei tops 50,000 for the first time\n\nThe Nikkei rose.",
            "Nikkei tops 50,000 for the first time",
        ),
        ("The Nikkei rose 2.5% to a record on Monday, traders said.\nMore text.", None),
        ("Stocks rally\nBody.", None),  # too short to tell from a label
        ("Market wrap:\nBody.", None),
        ("Sept 18 (Reuters) - The Russell 2000 index notched a record", None),
        ("", None),
    ],
)
def test_title_rule(body: str, title: str | None) -> None:
    assert extract_title(body) == title


# ---------------------------------------------------------------------------------------------- source and url

SOURCES = {
    "seeds/000_764c2b54feedb626.txt": "CNBC",  # "CNBC's Sean Conlon and Pia Singh contributed to this report."
    "seeds/001_f196a04fcb3c95be.txt": None,  # "told Reuters" is not a publisher marker
    "seeds/002_24b7b0a85c059f52.txt": "Investing.com",  # from its own "Source :" link
    "seeds/003_bf3e6714cf294e8b.txt": None,
    "seeds/004_211e76bec58d9872.txt": "Investing.com",  # "Investing.com--" wins over "© Reuters."
    "tests/data/dev/articles/107_financetom-reuters-tsx-ends-lower.txt": "Reuters",
    "tests/data/dev/articles/114_sundayguardian-reuters-dow-record-close.txt": "Reuters",
    "tests/data/dev/articles/118_bloomberg-smi-little-changed.txt": None,  # "compiled by Bloomberg" is prose
    "tests/data/dev/articles/119_ansa-ftse-mib-20000.txt": "ANSA",
    "tests/data/dev/articles/121_marketscreener-eurostoxx50-data-talk.txt": "Dow Jones",
    "tests/data/dev/articles/126_focustaiwan-taiex-record-35413.txt": "CNA",
    "tests/data/dev/articles/130_cnbc-asia-live-blog-nikkei-38000.txt": "CNBC",
}


@pytest.mark.parametrize(("relative", "source"), sorted(SOURCES.items()))
def test_sources(relative: str, source: str | None) -> None:
    assert normalise_article(_read(ROOT / relative)).source == source


def test_seed_002_url() -> None:
    article = normalise_article(_read(SEEDS / "002_24b7b0a85c059f52.txt"))
    assert article.url == (
        "https://www.investing.com/news/stock-market-news/"
        "asia-stocks-japan-s-korea-hit-record-highs-amid-fed-easing-bets-china-slips-4239711"
    )
    assert "investing.com/news" not in article.body
    assert "Source :" not in article.body


def test_url_only_when_labelled() -> None:
    assert find_url("See https://example.com/a for more.") is None
    assert find_url("Body.\nSource: https://www.cnbc.com/2024/02/14/asia.html\n") == (
        "https://www.cnbc.com/2024/02/14/asia.html"
    )


def test_source_rules_on_snippets() -> None:
    assert detect_source("TOKYO, Dec 16 (Reuters) – Japan's Nikkei fell.") == "Reuters"
    assert detect_source("Investing.com -- Asian stocks rose. © Reuters") == "Investing.com"
    assert detect_source("Photo © Reuters") == "Reuters"
    assert detect_source("NEW YORK (AP) — Stocks rose.") == "AP"
    assert detect_source("Stocks rose, data from Bloomberg showed.") is None
    assert detect_source("x", url="https://www.example.org/a") == "example.org"


# ---------------------------------------------------------------------------------------------- whole article


@pytest.mark.parametrize("path", sorted(GOLD_PUBLISHED), ids=lambda p: p.name)
def test_published_at_matches_gold(path: Path) -> None:
    """The date part equals the gold (score.py compares ``[:10]``): seeds, and dev articles listed as exact."""
    published = normalise_article(_read(path), origin=path.name).published_at
    assert (published[:10] if published else None) == GOLD_PUBLISHED[path]


def test_normalise_seed_004() -> None:
    article = normalise_article(_read(SEEDS / "004_211e76bec58d9872.txt"), origin="004_211e76bec58d9872.txt")
    assert article.origin == "004_211e76bec58d9872.txt"
    assert article.published_at == "2025-09-12"
    assert article.source == "Investing.com"
    assert article.url is None
    assert article.body.startswith(
        "Asia stocks extend rally tracking Wall St record highs; tech sector leads gains\n"
    )
    assert article.body.endswith("Futures for India’s Nifty 50 were largely unchanged.")
    assert len(article.article_id) == 16


def test_normalise_crlf_copy_gives_same_article() -> None:
    text = _read(SEEDS / "003_bf3e6714cf294e8b.txt")
    assert normalise_article(text) == normalise_article(text.replace("\n", "\r\n"))
