"""What a worker's app carries: the contract's topics and the two tables, declared from settings.

Why apart from the agents: the agents and the ops read the topology and never the composition
root (``streams/worker/app.py``), so the root can build the whole ``Pipeline`` at once from
the parts, with no import going back to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import faust

from streams.settings import Settings
from streams.worker.faust_app import create_app
from streams.worker.raw_schema import RawBytesSchema

__all__ = ["PROCESSED_TABLE", "STATE_TABLE", "Topology", "declare_topology"]

STATE_TABLE = "index-state"
PROCESSED_TABLE = "processed-articles"


@dataclass(frozen=True)
class Topology:
    """An app with the contract's topics and the worker's two tables declared on it."""

    app: faust.App
    settings: Settings
    articles: Any
    index_moves: Any
    quotes: Any
    alerts: Any
    articles_dlq: Any
    index_state: Any
    processed_articles: Any


def declare_topology(settings: Settings) -> Topology:
    """A fresh app from ``settings``, with the topics and tables the agents use."""
    app = create_app(settings)
    names = settings.topics
    return Topology(
        app=app,
        settings=settings,
        articles=_raw_topic(app, names.articles, settings.articles_partitions),
        index_moves=_raw_topic(app, names.index_moves, settings.partitions),
        quotes=_raw_topic(app, names.quotes, settings.partitions),
        alerts=_raw_topic(app, names.alerts, settings.partitions),
        articles_dlq=_raw_topic(app, names.articles_dlq, settings.articles_partitions),
        index_state=app.Table(
            STATE_TABLE,
            default=None,
            partitions=settings.partitions,
            key_type=str,
            # Written at commit time, outside any event (streams/worker/commit.py), so the
            # changelog partition comes from the key, as the index-moves partition does.
            use_partitioner=True,
            help="Alert state per index (IndexState.to_dict()); keys and values use the app's serializers.",
        ),
        processed_articles=_processed_articles_table(app, settings),
    )


def _raw_topic(app: faust.App, name: str, partitions: int) -> Any:
    """A topic read and written as bytes: agents validate themselves so bad records can be dead-lettered."""
    schema = RawBytesSchema(key_type=str, value_type=bytes, key_serializer="raw", value_serializer="raw")
    return app.topic(name, schema=schema, partitions=partitions)


def _processed_articles_table(app: faust.App, settings: Settings) -> Any:
    """Article ids already processed (contract rule 9: an article counts once), for the window.

    Keyed by article_id like ``articles``, so co-partitioned with it. Kept in RocksDB on disk
    (memory bounded by its cache, whatever the volume) with a time-to-live of the window; the
    changelog keeps the same window (compact plus delete by age), so a worker recovering from
    it reads at most the window's ids. Written at commit time, after the article's moves and
    quotes were acknowledged (streams/worker/commit.py), like the index states.
    """
    window = int(settings.dedupe_window_days * 86_400)
    return app.Table(
        PROCESSED_TABLE,
        default=None,
        partitions=settings.articles_partitions,
        key_type=str,
        use_partitioner=True,
        store="rocksdb://",
        options={"driver": "rocksdict", "ttl": window},
        extra_topic_configs={"cleanup.policy": "compact,delete", "retention.ms": str(window * 1000)},
        help="article_id -> when it was processed (epoch seconds); rule 9.",
    )
