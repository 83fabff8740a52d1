"""What ingest did, told three ways at once: the summary's counts, the metrics, and a line on the terminal.

The pollers and the push endpoint report every event here and nowhere else, so the summary
printed at the end, the Prometheus counters and the terminal lines can never disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from schemas import Article
from streams.ingest.metrics import IngestMetrics

__all__ = ["Failure", "IngestEvents", "IngestSummary"]


@dataclass(frozen=True)
class Failure:
    """A feed or page that failed: its URL, what it was, why, and when it is tried again."""

    url: str
    what: str  # "feed" or "page"
    reason: str
    retry_in: float | None


@dataclass
class IngestSummary:
    """Counts since the start, and each URL that failed with its last reason."""

    polls: int = 0
    not_modified: int = 0
    polls_failed: int = 0
    seen: int = 0
    sent: int = 0
    updates: int = 0
    pushed: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failures: dict[str, Failure] = field(default_factory=dict)
    article_ids: list[str] = field(default_factory=list)


class IngestEvents:
    """Counts each event into the summary and the metrics, and says it (``say``) when worth a line."""

    def __init__(
        self,
        metrics: IngestMetrics | None = None,
        say: Callable[[str], None] | None = None,
        *,
        verbose: bool = True,
    ) -> None:
        self.summary = IngestSummary()
        self.metrics = metrics or IngestMetrics()
        self._say = say or (lambda _line: None)
        self.verbose = verbose

    def feed_polled(self, feed: str, seconds: float | None, items: int | None) -> None:
        """A poll answered: ``items`` read, or None for 304 Not Modified."""
        self.summary.polls += 1
        if seconds is not None:
            self.metrics.fetch_seconds.labels(what="feed").observe(seconds)
        if items is None:
            self.summary.not_modified += 1
        else:
            self.summary.seen += items
            self.metrics.items_seen.labels(feed=feed).inc(items)

    def page_fetched(self, seconds: float) -> None:
        self.metrics.fetch_seconds.labels(what="page").observe(seconds)

    def item_sent(self, feed: str, article: Article, *, update: bool) -> None:
        self.summary.sent += 1
        self.summary.updates += update
        self.summary.article_ids.append(article.article_id)
        self.metrics.items_sent.labels(feed=feed, kind="update" if update else "new").inc()
        if self.verbose:
            what = f"update of {article.updates}" if update else "new"
            self._say(f"sent {article.article_id} ({what}) {article.title or article.url or ''}".rstrip())

    def item_skipped(self, feed: str, reason: str) -> None:
        self.summary.skipped[reason] += 1
        self.metrics.items_skipped.labels(feed=feed, reason=reason).inc()

    def failed(self, feed: str, failure: Failure, kind: str) -> None:
        """A feed poll or a page fetch failed; it is said every time, with when it is tried again."""
        self.summary.failures[failure.url] = failure
        if failure.what == "feed":
            self.summary.polls += 1
            self.summary.polls_failed += 1
            self.metrics.feed_failures.labels(feed=feed, reason=kind).inc()
        else:
            self.item_skipped(feed, kind)
        again = f"; trying again in {failure.retry_in:.0f} s" if failure.retry_in is not None else ""
        self._say(f"{failure.what} {failure.url} failed: {failure.reason}{again}")

    def recovered(self, url: str) -> None:
        """A URL that had failed worked this time."""
        if self.summary.failures.pop(url, None) is not None:
            self._say(f"{url} works again")

    def pushed(self, status: int, article: Article | None = None) -> None:
        self.metrics.pushes.labels(status=str(status)).inc()
        if article is not None:
            self.summary.pushed += 1
            self.summary.article_ids.append(article.article_id)
            if self.verbose:
                self._say(f"pushed {article.article_id} {article.title or ''}".rstrip())
