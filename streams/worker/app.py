"""The Faust app and its topics, built from settings.

``create_app(settings)`` builds a fresh app (tests build one per test with their own topic
prefix); the module attribute ``app`` is built lazily from the environment so that
``faust -A streams.worker.app worker`` and ``milestones worker`` run the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import faust
from faust import transport as faust_transport
from faust.transport.drivers import aiokafka as faust_aiokafka

from streams.admission import MAX_RECORD_BYTES
from streams.kafka.admin import ensure_topics
from streams.kafka.backoff import install_metadata_backoff
from streams.kafka.clients import faust_options
from streams.settings import Settings
from streams.worker.codec import CODEC_NAME, register_codec
from streams.worker.commit import ConfirmingTransport, Outbox
from streams.worker.raw_schema import RawBytesSchema

__all__ = ["Pipeline", "create_app", "create_pipeline"]

STATE_TABLE = "index-state"
PROCESSED_TABLE = "processed-articles"
PRODUCER_LINGER_SECONDS = 0.005


@dataclass
class Pipeline:
    """An app with the contract's topics and the alert state table declared on it."""

    app: faust.App
    settings: Settings
    articles: Any
    index_moves: Any
    quotes: Any
    alerts: Any
    articles_dlq: Any
    index_state: Any
    processed_articles: Any
    agents: Any = None
    ops: Any = None


def _raw_topic(app: faust.App, name: str, partitions: int) -> Any:
    """A topic read and written as bytes: agents validate themselves so bad records can be dead-lettered."""
    schema = RawBytesSchema(key_type=str, value_type=bytes, key_serializer="raw", value_serializer="raw")
    return app.topic(name, schema=schema, partitions=partitions)


class PipelineApp(faust.App):
    """A Faust app whose Kafka consumer resumes stream partitions only after seeking them, and
    confirms the outbox before each commit.

    Faust resumed them before the seek to the committed offsets, so records of a backlog were
    lost in the race and the committed offset stuck: see ``streams/worker/seek_first.py``. The extract
    agent sends its moves and quotes through ``outbox`` (``streams/worker/commit.py``).
    """

    milestones_settings: Settings | None = None
    outbox: Outbox

    async def on_first_start(self) -> None:
        """Create the contract topics before anything subscribes.

        Faust declares only its internal topics (changelogs); a source topic missing when the
        consumer subscribes is ignored until the next metadata refresh, minutes later. Here, not in
        ``milestones worker`` alone, so ``faust -A streams.worker.app worker`` gets them too.
        """
        if self.milestones_settings is not None:
            await ensure_topics(self.milestones_settings)
        await super().on_first_start()

    def _new_transport(self) -> Any:
        kind = faust_transport.by_url(self.conf.broker_consumer[0])
        if kind is faust_aiokafka.Transport:
            return ConfirmingTransport(self.conf.broker_consumer, self)
        return super()._new_transport()


def create_app(settings: Settings) -> faust.App:
    """A Faust app configured from our settings (never from Faust's own environment variables)."""
    register_codec()
    install_metadata_backoff()  # no busy loop while the broker is away (streams/kafka/backoff.py)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    app = PipelineApp(
        settings.app_id,
        **faust_options(settings),  # broker URL, and TLS/SASL credentials when set
        store="memory://",
        datadir=str(settings.data_dir),
        autodiscover=False,
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        # Let the producer gather records for 5 ms: with no linger every move, quote and
        # changelog record went out in a produce request of its own, and the socket writes
        # were a fifth of the worker's CPU (bench/README.md). 5 ms per hop is far inside the
        # latency target.
        producer_linger=PRODUCER_LINGER_SECONDS,
        # A SIGKILLed worker's group membership lasts a session: 10 s, not Faust's 60 s, so a
        # restarted worker gets its partitions back in seconds (heartbeats every 3 s).
        broker_session_timeout=10.0,
        # Oversized articles must still be copied to the dead-letter topic (admission.py). The fetch
        # size stays Faust's 1 MiB: brokers return a larger first record anyway (KIP-74), while a
        # 16 MiB fetch floods the stream buffers after a rebalance and stalled the worker.
        producer_max_request_size=MAX_RECORD_BYTES,
        web_enabled=settings.web_enabled,
        # Only our pages (metrics, health, live): Faust's own views would serve the tables'
        # contents (/table/...), the partition router (/router/) and its internals to anyone
        # who reaches the port, and nothing here needs them.
        web_router_enabled=False,
        web_tables_enabled=False,
        web_graph_enabled=False,
        web_stats_enabled=False,
        web_metrics_enabled=False,
        web_port=settings.web_port,
        web_host=settings.web_host,
        web_bind=settings.web_host,
        key_serializer="raw",
        value_serializer=CODEC_NAME,
    )
    app.milestones_settings = settings
    app.outbox = Outbox(app)
    return app


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


def create_pipeline(settings: Settings | None = None) -> Pipeline:
    """The app, its topics, its state table and its agents: the whole streaming shell."""
    from streams.worker.agents import register_agents
    from streams.worker.ops import install_ops

    settings = settings or Settings()
    app = create_app(settings)
    names = settings.topics
    pipeline = Pipeline(
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
    pipeline.agents = register_agents(pipeline)
    pipeline.ops = install_ops(pipeline)
    return pipeline


_pipeline: Pipeline | None = None


def __getattr__(name: str) -> Any:
    """Build ``app`` on first use, from the environment (``faust -A streams.worker.app worker``)."""
    global _pipeline
    if name in ("app", "pipeline"):
        if _pipeline is None:
            _pipeline = create_pipeline(Settings())
        return _pipeline.app if name == "app" else _pipeline
    raise AttributeError(name)
