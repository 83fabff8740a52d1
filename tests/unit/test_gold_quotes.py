"""The five seed articles against their gold quotes: every quote found, nothing extra, and
every speaker, title and partial flag exactly as the gold gives them.

Texts are compared normalised the way shared/tools/score.py does (NFKC, quote marks and
apostrophes unified, whitespace collapsed, case and end punctuation ignored), because the
gold's exact bytes (e.g. ", " where a quote was split) are not what is being tested.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from streams.extract import extract_quotes, normalise_article
from tests.gold import load_gold

ROOT = Path(__file__).resolve().parents[2]
GOLD = load_gold("seeds")["articles"]

_MARKS = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "`": "'",
    }
)


def norm(text: str) -> str:
    """score.py's normalisation of a quote text."""
    text = unicodedata.normalize("NFKC", text).translate(_MARKS).lower()
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" .,;:!?\"'()[]-–—…")


def _key(
    text: str, speaker: str | None, title: str | None, partial: bool
) -> tuple[str, str | None, str | None, bool]:
    return norm(text), speaker, title, partial


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_quotes_exact(name: str) -> None:
    raw = (ROOT / "seeds" / name).read_text(encoding="utf-8")
    quotes = extract_quotes(normalise_article(raw, origin=name))
    predicted = sorted(_key(q.text, q.speaker, q.speaker_title, q.partial) for q in quotes)
    gold = sorted(
        _key(q["text"], q["speaker"], q["speaker_title"], q["partial"]) for q in GOLD[name]["quotes"]
    )
    assert predicted == gold


def test_seed_quotes_precision_recall() -> None:
    """Over all five seeds: precision and recall 1.0 on text, speakers all right."""
    gold_n = pred_n = matched = speakers_right = 0
    for name, entry in GOLD.items():
        raw = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        article = normalise_article(raw, origin=name)
        quotes = extract_quotes(article)
        assert all(q.article_id == article.article_id for q in quotes)
        pending = [(norm(q["text"]), q["speaker"]) for q in entry["quotes"]]
        gold_n += len(pending)
        pred_n += len(quotes)
        for q in quotes:
            hit = next((g for g in pending if g[0] == norm(q.text)), None)
            if hit is not None:
                pending.remove(hit)
                matched += 1
                speakers_right += hit[1] == q.speaker
    assert gold_n == 20
    assert matched == pred_n == gold_n
    assert speakers_right == gold_n
