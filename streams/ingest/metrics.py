"""Prometheus metrics of ``milestones ingest``, named and built like the worker's.

A ``CollectorRegistry`` of its own (as the worker's, see ``streams.worker.ops.metrics``), served at
``/metrics`` by ingest's own web server, so one scrape config covers both (prefix ``milestones_``):

- ``ingest_items_seen_total{feed}``: feed items read (every poll that brought the feed).
- ``ingest_items_sent_total{feed,kind}``: articles acknowledged on ``articles``; ``kind`` is
  ``new`` or ``update`` (an item whose text changed).
- ``ingest_items_skipped_total{feed,reason}``: items not sent: ``already_sent``, ``unchanged``
  (entry edited, same text), ``already_on_topic`` (found on ``articles`` after a restart),
  ``no_link``, or why its page failed (``timeout``, ``http_status``, ``too_large``, ``not_html``,
  ``connect``, ``no_text``).
- ``ingest_feed_failures_total{feed,reason}``: polls of a feed that failed.
- ``ingest_fetch_seconds{what}``: histogram of fetch latency, ``feed`` or ``page``.
- ``ingest_pushes_total{status}``: ``POST /articles`` answers by status code.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

__all__ = ["IngestMetrics"]

FETCH_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class IngestMetrics:
    """The counters and the histogram above, in ``registry``."""

    def __init__(self, registry: CollectorRegistry | None = None, prefix: str = "milestones") -> None:
        self.registry = registry or CollectorRegistry()

        def name(n: str) -> str:
            return f"{prefix}_ingest_{n}"

        self.items_seen = Counter(name("items_seen"), "Feed items read", ["feed"], registry=self.registry)
        self.items_sent = Counter(
            name("items_sent"),
            "Articles from feeds acknowledged on articles",
            ["feed", "kind"],
            registry=self.registry,
        )
        self.items_skipped = Counter(
            name("items_skipped"),
            "Feed items not sent, by reason",
            ["feed", "reason"],
            registry=self.registry,
        )
        self.feed_failures = Counter(
            name("feed_failures"),
            "Feed polls that failed, by reason",
            ["feed", "reason"],
            registry=self.registry,
        )
        self.fetch_seconds = Histogram(
            name("fetch_seconds"),
            "Time to fetch a feed or a page",
            ["what"],
            buckets=FETCH_BUCKETS,
            registry=self.registry,
        )
        self.pushes = Counter(
            name("pushes"), "POST /articles answers, by status code", ["status"], registry=self.registry
        )
