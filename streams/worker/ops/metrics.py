"""Prometheus metrics: Faust's own sensor plus what the pipeline did, on the worker's web port.

Why a registry per app: tests build several pipelines in one process, and prometheus-client's
global registry refuses a second metric with the same name. Each app gets its own
``CollectorRegistry``; Faust's sensor serves that registry at ``/metrics``, so our counters and
Faust's (messages, commits, rebalances, send latency...) come out of one scrape.

Our metrics (``milestones_`` prefix):

- ``articles_in_total``, ``articles_processed_total``: records read from ``articles`` and articles
  extracted (in = processed + repeated + dead-lettered, summed over stages ``decode-article``/``extract``).
- ``articles_repeated_total``: articles dropped unread, their id already processed (contract rule 9).
- ``dead_lettered_total{stage,reason}``: records copied to ``articles-dlq``; ``reason`` is the
  exception type (the full message is in the record's headers and in the log line).
- ``index_moves_extracted_total``, ``quotes_extracted_total``, ``index_moves_processed_total``.
- ``alerts_fired_total{kind,index}``: alerts the broker acknowledged.
- ``bad_ticks_total{index,figure}``: figures the alert rules ignored as outside the index's plausible
  range (contract rule 8).
- ``extraction_seconds``: histogram of extraction time per article.
- ``alert_lag_seconds``: histogram of end-to-end lag, article produce time to alert acknowledged.
- ``consumer_lag{topic,partition}``: the broker's high-water mark minus this worker's committed
  offset on each assigned input partition, refreshed every few seconds.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from schemas import Alert
from streams.extract import Extraction
from streams.worker.deadletter import DeadLetter
from streams.worker.observe import PipelineObserver

__all__ = ["MetricsObserver", "update_consumer_lag"]

log = logging.getLogger("milestones.ops.metrics")

EXTRACTION_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
LAG_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)


def _reason(letter: DeadLetter) -> str:
    """The exception type of a dead letter: a label with few values (the message has many)."""
    return letter.error.split(":", 1)[0].strip() or "unknown"


class MetricsObserver(PipelineObserver):
    """Counts and times what the agents report, into ``registry``."""

    def __init__(self, registry: CollectorRegistry, prefix: str = "milestones") -> None:
        def name(n: str) -> str:
            return f"{prefix}_{n}"

        self.articles_in = Counter(name("articles_in"), "Records read from articles", registry=registry)
        self.articles_processed = Counter(
            name("articles_processed"), "Articles extracted and their results sent", registry=registry
        )
        self.articles_repeated = Counter(
            name("articles_repeated"),
            "Articles dropped unread because their id was already processed (rule 9)",
            registry=registry,
        )
        self.dead_lettered_total = Counter(
            name("dead_lettered"),
            "Records copied to the dead-letter topic, by stage and exception type",
            ["stage", "reason"],
            registry=registry,
        )
        self.moves_extracted = Counter(
            name("index_moves_extracted"), "Index moves extracted from articles", registry=registry
        )
        self.quotes_extracted = Counter(
            name("quotes_extracted"), "Quotes extracted from articles", registry=registry
        )
        self.moves_processed = Counter(
            name("index_moves_processed"), "Index moves run through the alert rules", registry=registry
        )
        self.alerts_fired = Counter(
            name("alerts_fired"),
            "Alerts acknowledged by the broker, by kind and index",
            ["kind", "index"],
            registry=registry,
        )
        self.bad_ticks = Counter(
            name("bad_ticks"),
            "Figures the alert rules ignored as outside the index's plausible range (rule 8), by index and figure",
            ["index", "figure"],
            registry=registry,
        )
        self.extraction_seconds = Histogram(
            name("extraction_seconds"),
            "Extraction time per article",
            buckets=EXTRACTION_BUCKETS,
            registry=registry,
        )
        self.alert_lag_seconds = Histogram(
            name("alert_lag_seconds"),
            "End-to-end lag: article produce time to alert acknowledged",
            buckets=LAG_BUCKETS,
            registry=registry,
        )
        self.consumer_lag = Gauge(
            name("consumer_lag"),
            "High-water mark minus committed offset, per assigned input partition",
            ["topic", "partition"],
            registry=registry,
        )

    def article_in(self) -> None:
        self.articles_in.inc()

    def article_processed(self, extraction: Extraction, seconds: float) -> None:
        self.articles_processed.inc()
        self.moves_extracted.inc(len(extraction.moves))
        self.quotes_extracted.inc(len(extraction.quotes))
        self.extraction_seconds.observe(seconds)

    def article_repeated(self, article_id: str) -> None:
        self.articles_repeated.inc()

    def move_processed(self) -> None:
        self.moves_processed.inc()

    def alert_sent(self, alert: Alert, lag_seconds: float | None) -> None:
        self.alerts_fired.labels(kind=alert.kind, index=alert.index).inc()
        if lag_seconds is not None:
            self.alert_lag_seconds.observe(max(0.0, lag_seconds))

    def bad_tick(self, index: str, figure: str) -> None:
        self.bad_ticks.labels(index=index, figure=figure).inc()

    def dead_lettered(self, letter: DeadLetter) -> None:
        self.dead_lettered_total.labels(stage=letter.stage, reason=_reason(letter)).inc()

    def set_consumer_lag(self, lags: Iterable[tuple[str, int, int]]) -> None:
        """Replace every partition's lag at once (partitions no longer assigned disappear)."""
        rows = list(lags)
        self.consumer_lag.clear()
        for topic, partition, lag in rows:
            self.consumer_lag.labels(topic=topic, partition=str(partition)).set(lag)


async def update_consumer_lag(app: Any, metrics: MetricsObserver, topics: Iterable[str]) -> None:
    """Ask the broker for high-water marks of this worker's input partitions and set the gauge.

    The committed side is Faust's record of what this worker committed; before its first commit
    on a partition, the consumer's position (where it resumed from the group's commit) stands in.
    """
    wanted = set(topics)
    consumer = app.consumer
    tps = sorted((tp for tp in consumer.assignment() if tp.topic in wanted), key=lambda tp: tuple(tp))
    if not tps:
        metrics.set_consumer_lag([])
        return
    highwaters = await consumer.highwaters(*tps)
    committed = app.monitor.tp_committed_offsets
    rows = []
    for tp in tps:
        end = highwaters.get(tp)
        if end is None:
            continue
        done = committed.get(tp)
        if done is None:
            done = await consumer.position(tp)
        if done is None:
            continue
        rows.append((tp.topic, tp.partition, max(0, int(end) - int(done))))
    metrics.set_consumer_lag(rows)
