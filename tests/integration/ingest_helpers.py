"""Helpers for the ingest tests: the dev streams published as a news site, ingest run in-process or as a command."""

from __future__ import annotations

import asyncio
import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from schemas import Article
from streams.extract.article import normalise_article
from streams.ingest.events import IngestEvents, IngestSummary
from streams.ingest.feeds_file import load_feeds_file
from streams.ingest.run import IngestPlan, run_ingest
from streams.settings import Settings
from tests.gold import articles_dir, load_gold
from tests.integration.helpers import read_topic, worker_env
from tests.integration.news_site import NewsSite
from tests.news_pages import NEUTRAL_HEADLINE, FeedEntry, atom_feed, feed_time, news_page, rss_feed

DEV_ARTICLES = articles_dir("dev")
DEV_GOLD = load_gold("dev")
SITE_UPDATED = datetime(2026, 2, 27, 7, 0, tzinfo=UTC)


@dataclass(frozen=True)
class PublishedStream:
    """One gold stream as a feed: its URL, and each page's link with the file it was made from."""

    name: str
    feed_url: str
    links: dict[str, str]  # link -> dev file name


def entry_for(site: NewsSite, name: str, summary: str = "") -> FeedEntry:
    """The feed entry of a dev article whose page is (or will be) at /news/<stem>.html."""
    stem = Path(name).stem
    article = normalise_article((DEV_ARTICLES / name).read_text(encoding="utf-8"))
    return FeedEntry(
        guid=f"urn:dev-wire:{stem}",
        title=article.title or NEUTRAL_HEADLINE,
        link=site.url(f"/news/{stem}.html"),
        published=feed_time(article.published_at),
        summary=summary or (article.body.split("\n", 1)[0][:200]),
    )


# How each stream's feed is served: RSS or Atom, and which conditional GET the "outlet" supports.
FEED_STYLES = [
    ("rss", "etag"),
    ("atom", "last-modified"),
    ("rss", None),
    ("atom", "etag"),
    ("rss", "last-modified"),
    ("atom", None),
]


def feed_document(kind: str, title: str, site: NewsSite, entries: list[FeedEntry]) -> tuple[str, str]:
    """The feed's XML and content type; ``entries`` newest first."""
    if kind == "rss":
        return rss_feed(title, site.base, entries), "application/rss+xml; charset=utf-8"
    return atom_feed(title, site.base, entries, SITE_UPDATED), "application/atom+xml; charset=utf-8"


def publish_dev_streams(site: NewsSite) -> list[PublishedStream]:
    """Every gold stream of the dev set as a feed of real-looking pages, newest item first."""
    published = []
    for number, stream in enumerate(DEV_GOLD["streams"]):
        kind, conditional = FEED_STYLES[number % len(FEED_STYLES)]
        links = {}
        for name in stream["order"]:
            text = (DEV_ARTICLES / name).read_text(encoding="utf-8")
            links[site.put(f"/news/{Path(name).stem}.html", news_page(text, "Dev Wire"))] = name
        entries = [entry_for(site, name) for name in reversed(stream["order"])]
        body, content_type = feed_document(kind, f"Dev Wire: {stream['name']}", site, entries)
        path = f"/feeds/{stream['name']}.{'xml' if kind == 'atom' else 'rss'}"
        url = site.put(path, body, content_type=content_type, conditional=conditional)
        published.append(PublishedStream(stream["name"], url, links))
    return published


def feeds_toml(
    path: Path, urls: list[str], *, interval: float = 300, extra: str = "", source: str = ""
) -> Path:
    """A feeds file for ``urls``."""
    lines = [f"interval = {interval}", extra, ""]
    for url in urls:
        lines += ["[[feed]]", f'url = "{url}"']
        if source:
            lines.append(f'source = "{source}"')
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


async def ingest_in_process(
    settings: Settings, feeds_file: Path, *, polls: int = 1
) -> tuple[IngestSummary, IngestEvents, list[str]]:
    """Run ingest over a feeds file ``polls`` times, in this process; the summary, events and terminal lines."""
    lines: list[str] = []
    events = IngestEvents(say=lines.append)
    plan = IngestPlan(load_feeds_file(feeds_file), polls=polls)
    summary = await run_ingest(settings, plan, events, on_status=lines.append)
    return summary, events, lines


@dataclass(frozen=True)
class CommandResult:
    status: int
    stdout: str
    stderr: str


async def ingest_command(settings: Settings, *args: str, env: dict[str, str] | None = None) -> CommandResult:
    """``milestones ingest ARGS`` as its own process (asynchronously: the test's site keeps answering)."""
    environ = {**os.environ, **worker_env(settings), "COLUMNS": "200", **(env or {})}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "streams.cli",
        "ingest",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=environ,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=180)
    assert process.returncode is not None
    return CommandResult(process.returncode, out.decode(), err.decode())


async def articles_on_topic(settings: Settings) -> list[Article]:
    """Every Article on the articles topic, in topic order."""
    records = await read_topic(settings.kafka_bootstrap, settings.topics.articles)
    return [Article.from_json_bytes(r.value or b"") for r in records]
