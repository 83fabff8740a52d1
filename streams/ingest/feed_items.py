"""An RSS 2.0 or Atom document's items, in the order they were published, read with feedparser.

Why feedparser: feeds in the wild are RSS 0.9x to 2.0, RSS 1.0 and Atom, often malformed, with a
dozen date formats and encodings; feedparser (BSD) has read them all for twenty years, mapping
each to one shape (``entries``, ``link``, ``id``, ``published``). A document it reads as no feed
at all (an HTML page, an error page, garbage) is :class:`NotAFeed`.

Each item has a ``key`` (its guid, else its link: the same story listed by two feeds of one
outlet is one item) and a ``fingerprint`` that changes when the outlet edits the entry, so an
item already sent is fetched again only when its entry changed.
"""

from __future__ import annotations

import calendar
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

__all__ = ["FeedItem", "NotAFeed", "ParsedFeed", "in_publication_order", "parse_feed"]


class NotAFeed(ValueError):
    """The document is no RSS or Atom feed; the message says what feedparser made of it."""


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: what identifies it, where its page is, and when it was published."""

    key: str
    link: str | None
    title: str | None
    published: datetime | None
    fingerprint: str

    @property
    def published_at(self) -> str | None:
        """The publication time as ISO 8601, in the feed's own offset (its day is the outlet's day)."""
        return self.published.isoformat() if self.published is not None else None


@dataclass(frozen=True)
class ParsedFeed:
    """The feed's title and its items, in document order."""

    title: str | None
    items: list[FeedItem]


def _published(entry: Any) -> datetime | None:
    """The entry's publication time with its original offset (RFC 822 for RSS, RFC 3339 for Atom)."""
    # dict.get: feedparser's own get() would answer an absent "published" with "updated" (the
    # time of the last edit, not of publication), with a deprecation warning.
    raw = dict.get(entry, "published")
    if isinstance(raw, str) and raw.strip():
        for parse in (parsedate_to_datetime, datetime.fromisoformat):
            try:
                value = parse(raw.strip())
            except (TypeError, ValueError, IndexError):
                continue
            return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    parsed = dict.get(entry, "published_parsed")
    if parsed:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    return None


def _fingerprint(entry: Any) -> str:
    parts = [
        str(dict.get(entry, name) or "") for name in ("title", "link", "summary", "published", "updated")
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def parse_feed(data: bytes, content_type: str | None = None, base_url: str | None = None) -> ParsedFeed:
    """The feed's items; raise :class:`NotAFeed` when the document is not RSS or Atom.

    A relative item link is read against ``base_url`` (the feed's own URL).
    """
    headers = {"content-type": content_type} if content_type else None
    parsed = feedparser.parse(
        data, response_headers=headers, sanitize_html=False, resolve_relative_uris=False
    )
    if not parsed.get("version") and not parsed.entries:
        problem = str(parsed.get("bozo_exception") or "").strip()
        if content_type and "xml" not in content_type:  # an HTML page, an error text
            problem = f"content type {content_type}"
        elif problem.startswith("<unknown>:"):  # expat's "<unknown>:LINE:COLUMN: message"
            line, _, rest = problem.removeprefix("<unknown>:").partition(":")
            problem = f"{rest.partition(':')[2].strip()} at line {line}"
        raise NotAFeed(f"not an RSS or Atom feed ({problem})" if problem else "not an RSS or Atom feed")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or None
        if link and base_url:
            link = urljoin(base_url, link)
        key = entry.get("id") or link
        if not key:
            key = f"untitled:{_fingerprint(entry)}"
        items.append(FeedItem(key, link, entry.get("title") or None, _published(entry), _fingerprint(entry)))
    return ParsedFeed(parsed.feed.get("title") or None, items)


def in_publication_order(items: list[FeedItem]) -> list[FeedItem]:
    """Oldest first: by publication time when every item has one, else the reverse of the document.

    Feeds list their newest item first; when some item has no date, the document's order is the
    only one there is.
    """
    oldest_first = list(reversed(items))
    if oldest_first and all(item.published is not None for item in oldest_first):
        return sorted(oldest_first, key=lambda item: item.published)  # type: ignore[arg-type,return-value]
    return oldest_first
