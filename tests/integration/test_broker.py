"""The broker the integration tests stand on: a real round trip, and the start/status/stop commands."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from streams.broker import broker_command
from streams.broker.cli import EXIT_ALREADY_RUNNING
from streams.broker.state import read_state
from tests.integration.helpers import SEEDS

pytestmark = pytest.mark.integration


async def _consume(bootstrap: str, topic: str, group: str, count: int, timeout: float = 30.0) -> list[bytes]:
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    values: list[bytes] = []
    try:
        async with asyncio.timeout(timeout):
            while len(values) < count:
                batch = await consumer.getmany(timeout_ms=500)
                values += [r.value or b"" for records in batch.values() for r in records]
        await consumer.commit()
    finally:
        await consumer.stop()
    return values


async def test_round_trip_with_admin_idempotent_producer_and_group_commit(
    kafka_bootstrap: str, topic_names: Callable[[str], str]
) -> None:
    topic, group = topic_names("round-trip"), topic_names("group")
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, num_partitions=2, replication_factor=1)])
        for _ in range(50):  # metadata reaches the broker's cache a moment after the controller
            if topic in await admin.list_topics():
                break
            await asyncio.sleep(0.1)
        assert topic in await admin.list_topics()
    finally:
        await admin.close()

    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, enable_idempotence=True)
    await producer.start()
    try:
        for i in range(3):
            await producer.send_and_wait(topic, f"m{i}".encode(), key=f"k{i}".encode())
    finally:
        await producer.stop()

    assert sorted(await _consume(kafka_bootstrap, topic, group, 3)) == [b"m0", b"m1", b"m2"]
    # The group committed: a second member of the same group starts after the three records.
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=kafka_bootstrap, group_id=group)
    await consumer.start()
    try:
        await consumer.getmany(timeout_ms=2000)  # join the group and get an assignment
        positions = {tp: await consumer.committed(tp) for tp in consumer.assignment()}
    finally:
        await consumer.stop()
    assert sum(p or 0 for p in positions.values()) == 3


async def test_transactional_producer_commits(
    kafka_bootstrap: str, topic_names: Callable[[str], str]
) -> None:
    topic = topic_names("tx")
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, transactional_id=topic_names("tx-id"))
    await producer.start()
    try:
        async with producer.transaction():
            await producer.send(topic, b"inside", key=b"k")
    finally:
        await producer.stop()
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=kafka_bootstrap,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
    )
    await consumer.start()
    try:
        record = await asyncio.wait_for(consumer.getone(), timeout=30)
    finally:
        await consumer.stop()
    assert record.value == b"inside"


@pytest.fixture
def own_state_dir(tmp_path: Path) -> Iterator[Path]:
    """A state folder of its own, so this test never sees the session's or a developer's broker."""
    old = os.environ.get("MILESTONES_BROKER_STATE_DIR")
    os.environ["MILESTONES_BROKER_STATE_DIR"] = str(tmp_path / f"state-{uuid.uuid4().hex[:6]}")
    try:
        yield Path(os.environ["MILESTONES_BROKER_STATE_DIR"])
    finally:
        broker_command("stop")  # never leave a broker behind, even when an assert failed
        if old is None:
            del os.environ["MILESTONES_BROKER_STATE_DIR"]
        else:
            os.environ["MILESTONES_BROKER_STATE_DIR"] = old


def test_start_status_second_start_stop(own_state_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert broker_command("status") == 0
    assert "not running" in capsys.readouterr().out

    assert broker_command("start") == 0
    state = read_state(own_state_dir)
    assert state is not None and state.bootstrap.startswith("127.0.0.1:")
    out = capsys.readouterr().out
    assert f"running at {state.bootstrap} (pid {state.pid})" in out
    assert f"export MILESTONES_KAFKA_BOOTSTRAP={state.bootstrap}\n" in out

    # The commands find it through the state file, as the demo and the tests do, and say so.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("MILESTONES_KAFKA_BOOTSTRAP", "KAFKA_BOOTSTRAP_SERVERS")
    }
    env["MILESTONES_TOPIC_PREFIX"] = f"found{uuid.uuid4().hex[:8]}."
    for args in (["replay", "--quiet", str(SEEDS)], ["tail", "--from-beginning", "--idle-timeout", "2"]):
        done = subprocess.run(
            [sys.executable, "-m", "streams.cli", *args], env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        said = f"milestones {args[0]}: Kafka at {state.bootstrap} (the broker `milestones broker start` runs, pid {state.pid})"
        assert done.stderr.splitlines()[0] == said

    assert broker_command("status") == 0
    assert f"running at {state.bootstrap}" in capsys.readouterr().out

    assert broker_command("start") == EXIT_ALREADY_RUNNING
    assert f"already running at {state.bootstrap} (pid {state.pid})" in capsys.readouterr().out

    assert broker_command("stop") == 0
    assert "stopped" in capsys.readouterr().out
    assert not Path(state.data_dir).exists()

    assert broker_command("status") == 0
    assert "not running" in capsys.readouterr().out


def test_a_stale_state_file_is_cleaned_up(own_state_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    own_state_dir.mkdir(parents=True)
    (own_state_dir / "state.json").write_text(
        '{"pid": 999999999, "bootstrap": "127.0.0.1:1", "data_dir": "/nonexistent", '
        '"version": "0", "started_at": 0}'
    )
    assert broker_command("status") == 0
    assert "not running" in capsys.readouterr().out
    assert not (own_state_dir / "state.json").exists()
