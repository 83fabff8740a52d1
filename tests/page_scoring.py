"""The dev articles as real news pages, read back as ``milestones ingest`` reads them, and scored.

Why here: ``bench/page_extraction.py`` (the figures) and ``tests/unit/test_page_extraction.py``
(which keeps them from falling below the plain files') must measure the same thing. Each of the
84 dev articles is dressed as a news page (``tests/news_pages.py``) and read back with
``page_story`` and ``story_article`` (with the feed's date where the plain text has one), then
scored with the shared scorer exactly as ``tests/dev_scoring.py`` scores the plain files.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson

from schemas import Alert
from streams.alerting import backtest, load_alert_rules
from streams.extract import Extraction, extract_article
from streams.extract.article import normalise_article
from streams.ingest.page_text import page_story
from streams.ingest.story_article import story_article
from tests.dev_scoring import DEV_ARTICLES, DEV_GOLD, SCORER
from tests.gold import load_gold
from tests.news_pages import feed_time, news_page

__all__ = ["identical_counts", "page_extractions", "page_report"]

_SPACES = re.compile(r"[ \t\u00a0]+")


def page_extractions() -> dict[str, Extraction]:
    """Every dev article as ingest would have it from its page, by file name."""
    out = {}
    for path in sorted(DEV_ARTICLES.glob("*.txt")):
        plain = path.read_text(encoding="utf-8")
        published = feed_time(normalise_article(plain).published_at)
        article = story_article(
            page_story(news_page(plain, "Dev Wire")),
            origin=path.name,
            published_at=published.isoformat() if published else None,
        )
        out[path.name] = extract_article(article)
    return out


def page_report(workdir: Path, extractions: dict[str, Extraction]) -> dict[str, Any]:
    """The scorer's JSON report for these extractions, streams included (as ``dev_report`` does for files)."""
    gold = load_gold("dev")
    extract = workdir / "pages-extract.jsonl"
    extract.write_text(
        "".join(orjson.dumps(e.to_dict()).decode() + "\n" for e in extractions.values()), encoding="utf-8"
    )
    args = [sys.executable, str(SCORER), "--gold", str(DEV_GOLD), "--extract", str(extract), "--json"]
    rules = load_alert_rules(None)
    for number, stream in enumerate(gold["streams"]):
        alerts: list[Alert] = backtest([extractions[name] for name in stream["order"]], rules)
        path = workdir / f"pages-stream-{number}.jsonl"
        path.write_text("".join(a.to_json_bytes().decode() + "\n" for a in alerts), encoding="utf-8")
        args += ["--backtest", f"{stream['name']}={path}"]
    report: dict[str, Any] = json.loads(
        subprocess.run(args, check=True, capture_output=True, text=True).stdout
    )
    report["sentences_right"] = _sentences_right(gold, extractions)
    return report


def _sentences_right(gold: dict[str, Any], extractions: dict[str, Extraction]) -> list[str]:
    def norm(sentences: list[str]) -> list[str]:
        return sorted(" ".join(s.split()) for s in sentences)

    return [
        name
        for name, e in extractions.items()
        if norm([m.sentence for m in e.moves])
        == norm([m["sentence"] for m in gold["articles"][name]["moves"]])
    ]


def _signature(extraction: Extraction) -> tuple[list[str], list[str]]:
    """Moves and quotes without ids and evidence text: what the scorer and the alert rules use."""
    moves = sorted(
        repr(m.model_dump(exclude={"article_id", "sentence", "published_at"})) for m in extraction.moves
    )
    quotes = sorted(repr((q.text, q.speaker, q.speaker_title, q.partial)) for q in extraction.quotes)
    return moves, quotes


def identical_counts(pages: dict[str, Extraction]) -> dict[str, Any]:
    """Articles whose page gives the same moves and quotes as the plain file, and as the file shown by a browser."""
    same_file, same_shown, differ = 0, 0, []
    for name, from_page in pages.items():
        plain = (DEV_ARTICLES / name).read_text(encoding="utf-8")
        shown = "\n".join(_SPACES.sub(" ", line).strip() for line in plain.splitlines())
        page_sig = _signature(from_page)
        same_file += page_sig == _signature(extract_article(normalise_article(plain, name)))
        if page_sig == _signature(extract_article(normalise_article(shown, name))):
            same_shown += 1
        else:
            differ.append(name)
    return {"articles": len(pages), "same_as_file": same_file, "same_as_shown": same_shown, "differ": differ}
