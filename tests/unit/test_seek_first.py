"""The worker's consumer holds stream partitions back until the seek (streams/seek_first.py).

Only the bookkeeping is checked here, without a broker; that no record is lost or repeated
across a restart with a backlog is shown end to end by
tests/reliability/test_graceful_shutdown.py.
"""

from __future__ import annotations

from faust.types import TP

from streams.app import create_pipeline
from streams.seek_first import SeekFirstConsumer
from streams.settings import Settings


def _consumer() -> tuple[SeekFirstConsumer, TP, TP]:
    pipeline = create_pipeline(Settings(kafka_bootstrap="127.0.0.1:1", topic_prefix="u."))
    consumer = pipeline.app.consumer
    assert isinstance(consumer, SeekFirstConsumer), type(consumer)
    changelog = next(iter(pipeline.app.tables.changelog_topics))
    consumer._active_partitions = set()
    return consumer, TP(pipeline.settings.topics.articles, 0), TP(changelog, 0)


def test_changelog_partitions_resume_at_once_stream_partitions_wait_for_the_seek() -> None:
    consumer, articles, changelog = _consumer()
    consumer.pause_partitions({articles, changelog})
    consumer.resume_partitions({articles, changelog})
    assert consumer._active_partitions == {changelog}  # recovery reads the changelog now
    assert articles in consumer._paused_partitions  # no article is fetched before the seek
    assert consumer._held_until_seek == {articles}


def test_the_kafka_app_builds_the_seek_first_consumer_that_confirms_the_outbox() -> None:
    consumer, _, _ = _consumer()
    # Ours on top of Faust's aiokafka consumer: the outbox confirmation (streams/outbox.py),
    # then the seek fix, then Faust's.
    mro = [f"{c.__module__}.{c.__name__}" for c in type(consumer).__mro__[:3]]
    assert mro == [
        "streams.outbox.ConfirmingConsumer",
        "streams.seek_first.SeekFirstConsumer",
        "faust.transport.drivers.aiokafka.Consumer",
    ]
