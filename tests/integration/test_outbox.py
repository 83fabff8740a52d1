"""The outbox on the real broker: what it sends arrives as sent, and a record the broker refuses
stops every later commit (streams/worker/commit.py).

The refusal is a real one: the topic is created with ``max.message.bytes`` of 1,024, so the
broker answers a 4 kB record with MESSAGE_TOO_LARGE.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from faust.exceptions import ProducerSendError

from streams.worker.commit import Outbox
from streams.worker.faust_app import create_app
from tests.integration.helpers import read_topic, unique_settings

pytestmark = pytest.mark.integration


class _Topic:
    """The one thing the outbox asks of a Faust topic: its name."""

    def __init__(self, name: str) -> None:
        self.name = name

    def get_topic_name(self) -> str:
        return self.name


@pytest.fixture
async def small_topic(kafka_bootstrap: str) -> AsyncIterator[str]:
    name = f"outbox-{uuid.uuid4().hex[:10]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    try:
        topic = NewTopic(
            name, num_partitions=1, replication_factor=1, topic_configs={"max.message.bytes": "1024"}
        )
        await admin.create_topics([topic])
        yield name
    finally:
        await admin.close()


@asynccontextmanager
async def started_app(kafka_bootstrap: str, tmp_path: Path) -> AsyncIterator[Any]:
    """An app with only its producer started (in the test's own event loop)."""
    app = create_app(unique_settings(kafka_bootstrap, tmp_path))
    app.finalize()
    await app.producer.start()
    try:
        yield app
    finally:
        await app.producer.stop()


async def test_confirmed_records_arrive_with_key_value_headers_and_timestamp(
    kafka_bootstrap: str, small_topic: str, tmp_path: Path
) -> None:
    async with started_app(kafka_bootstrap, tmp_path) as app:
        outbox = Outbox(app)
        topic = _Topic(small_topic)
        await outbox.send(
            topic, key="NIKKEI225", value=b'{"a": 1}', headers=[("h", b"1")], timestamp=1_700_000_000.5
        )
        await outbox.send(topic, key="KOSPI", value=b'{"a": 2}', timestamp=1_700_000_001.0)
        assert outbox.unconfirmed == 2
        await outbox.confirm()
        assert outbox.unconfirmed == 0
    records = await read_topic(kafka_bootstrap, small_topic)
    assert [(r.key, r.value) for r in records] == [(b"NIKKEI225", b'{"a": 1}'), (b"KOSPI", b'{"a": 2}')]
    assert records[0].headers == {"h": b"1"}
    assert [r.timestamp for r in records] == [1_700_000_000_500, 1_700_000_001_000]


async def test_a_refused_record_fails_this_and_every_later_confirmation(
    kafka_bootstrap: str, small_topic: str, tmp_path: Path
) -> None:
    async with started_app(kafka_bootstrap, tmp_path) as app:
        outbox = Outbox(app)
        topic = _Topic(small_topic)
        await outbox.send(topic, key="k", value=b"x" * 4096)  # over the topic's 1,024 bytes
        with pytest.raises(ProducerSendError, match="not delivered"):
            await outbox.confirm()
        await outbox.send(topic, key="k", value=b"small")  # delivered, but the loss above stands
        with pytest.raises(ProducerSendError):
            await outbox.confirm()


async def test_records_go_to_the_partition_kafkas_default_partitioner_gives_their_key(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    """The outbox picks partitions itself (cached per key); they must be the ones a plain producer picks."""
    name = f"outbox-parts-{uuid.uuid4().hex[:10]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, num_partitions=3, replication_factor=1)])
    finally:
        await admin.close()
    keys = ["NIKKEI225", "KOSPI", "DJIA", "SPX", "HSI", "TAIEX", "DAX", "FTSE100", "NIKKEI225"]
    plain = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
    await plain.start()
    try:
        expected = [(await plain.send_and_wait(name, b"plain", key=k.encode())).partition for k in keys]
    finally:
        await plain.stop()
    async with started_app(kafka_bootstrap, tmp_path) as app:
        outbox = Outbox(app)
        first = [await outbox.send(_Topic(name), key=k, value=b"outbox") for k in keys]
        await asyncio.gather(*first)  # acknowledged: the outbox now knows each key's partition
        again = [await outbox.send(_Topic(name), key=k, value=b"outbox") for k in keys]
        await outbox.confirm()
    assert [f.result().partition for f in first] == expected
    assert [f.result().partition for f in again] == expected  # sent with the partition it learnt
    assert len(set(expected)) > 1  # the keys do spread, so the check means something


async def test_the_first_confirmation_learns_the_topics_its_table_writes_go_to(
    kafka_bootstrap: str, small_topic: str, tmp_path: Path
) -> None:
    """A table written at commit time picks its changelog partition from the producer's metadata,
    which Faust reads without waiting: unknown for a topic never sent to, it crashed the worker."""
    async with started_app(kafka_bootstrap, tmp_path) as app:
        outbox = Outbox(app)
        changelog = f"changelog-{uuid.uuid4().hex[:10]}"
        admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
        await admin.start()
        try:
            await admin.create_topics([NewTopic(changelog, num_partitions=3, replication_factor=1)])
        finally:
            await admin.close()
        with pytest.raises(TypeError):  # the hazard: Faust's key partitioner before any metadata
            app.producer.key_partition(changelog, b"NIKKEI225")
        outbox.writes_to(changelog)
        partitions = []
        outbox.on_confirmed(lambda: lambda: partitions.append(app.producer.key_partition(changelog, b"K")))
        await outbox.send(_Topic(small_topic), key="k", value=b"x")
        await outbox.confirm()
        # A later metadata refresh may drop the topic (the broker reported an error for it):
        # the next confirmation learns it again before its table writes (it crashed a stop once).
        app.producer._ensure_producer().client.cluster._partitions.pop(changelog)
        with pytest.raises(TypeError):
            app.producer.key_partition(changelog, b"NIKKEI225")
        await outbox.send(_Topic(small_topic), key="k", value=b"y")
        await outbox.confirm()
    assert len(partitions) == 2 and {p.topic for p in partitions} == {changelog}
    assert all(0 <= p.partition < 3 for p in partitions)
