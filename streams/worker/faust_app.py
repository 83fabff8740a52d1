"""The Faust app of a worker, configured from our settings.

Why its own module: the app's configuration (linger, session timeout, web views off, the
confirming transport) is one decision record, read apart from the topics and agents declared
on it (``streams/worker/topology.py``, ``streams/worker/agents.py``). Tests build one app per
test with their own topic prefix.
"""

from __future__ import annotations

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

__all__ = ["PRODUCER_LINGER_SECONDS", "PipelineApp", "create_app"]

PRODUCER_LINGER_SECONDS = 0.005


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
