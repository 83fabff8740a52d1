"""A desk's own cluster: a broker with a SASL listener (SCRAM users made by the test).

The worker, replay and tail all run over SASL/SCRAM; wrong credentials end replay and tail
quickly with a message naming the authentication failure. The alerts the worker produced carry
CloudEvents headers that the cloudevents package's own Kafka binding decodes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from cloudevents.core.bindings.kafka import KafkaMessage, from_binary
from cloudevents.core.formats.json import JSONFormat

from schemas import Alert
from streams.broker import BrokerError
from streams.broker.local import LocalKafka
from streams.kafka.clients import client_options
from streams.kafka.lag import wait_for_worker
from streams.settings import Settings
from streams.worker.process import WorkerProcess
from tests.gold import gold_stream
from tests.integration.helpers import SEEDS, unique_settings, worker_env

pytestmark = pytest.mark.integration

USER, PASSWORD = "desk-alice", "alice-s3cret"
GOLD_ALERTS = gold_stream("seeds", "seeds-by-name")["alerts"]


@pytest.fixture(scope="module")
def sasl_kafka() -> Iterator[LocalKafka]:
    """Its own broker (not the session one): a SASL_PLAINTEXT listener with SCRAM users."""
    kafka = LocalKafka(sasl_users={USER: PASSWORD})
    try:
        kafka.start()
    except BrokerError as error:
        pytest.fail(f"could not start a SASL-enabled local Kafka: {error}", pytrace=False)
    try:
        yield kafka
    finally:
        kafka.stop()


def _env(settings: Settings, password: str = PASSWORD) -> dict[str, str]:
    return {
        **os.environ,
        **worker_env(settings),
        "MILESTONES_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "MILESTONES_SASL_MECHANISM": settings.sasl_mechanism,
        "MILESTONES_SASL_USERNAME": USER,
        "MILESTONES_SASL_PASSWORD": password,
    }


def _settings(kafka: LocalKafka, tmp_path: Path, mechanism: str) -> Settings:
    return unique_settings(
        kafka.sasl_bootstrap,
        tmp_path,
        security_protocol="SASL_PLAINTEXT",
        sasl_mechanism=mechanism,
        sasl_username=USER,
        sasl_password=PASSWORD,
    )


def _cli(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "streams.cli", *args], env=env, capture_output=True, text=True, timeout=timeout
    )


async def test_worker_replay_and_tail_over_sasl_scram(sasl_kafka: LocalKafka, tmp_path: Path) -> None:
    settings = _settings(sasl_kafka, tmp_path, "SCRAM-SHA-512")
    env = _env(settings)
    worker = WorkerProcess(env, tmp_path / "worker.log").start()
    try:
        assert worker.wait_for_log("Worker ready", timeout=120), worker.log_text()[-5000:]
        sent = _cli(env, "replay", "--quiet", str(SEEDS))
        assert sent.returncode == 0, sent.stderr
        assert "sent 5 article(s)" in sent.stderr
        caught_up = await wait_for_worker(settings, timeout=120)
        assert caught_up, worker.log_text()[-5000:]
        tail = _cli(env, "tail", "--from-beginning", "--json", "--idle-timeout", "3")
    finally:
        worker.stop()
    assert tail.returncode == 0, tail.stderr
    alerts = [Alert.from_json_bytes(line) for line in tail.stdout.splitlines()]
    assert Counter((a.kind, a.index, a.direction) for a in alerts) == Counter(
        (g["kind"], g["index"], g["direction"]) for g in GOLD_ALERTS
    )
    # The CloudEvents headers of what the worker produced, decoded by cloudevents itself.
    from streams.kafka.consume import open_consumer

    consumer = await open_consumer(settings, settings.topics.alerts, from_beginning=True)
    try:
        batch = await consumer.getmany(timeout_ms=5000)
        records = [r for rs in batch.values() for r in rs]
    finally:
        await consumer.stop()
    assert len(records) == len(alerts)
    for record in records:
        event = from_binary(
            KafkaMessage(headers=dict(record.headers), key=record.key, value=record.value), JSONFormat()
        )
        alert = Alert.from_json_bytes(record.value)
        assert event.get_id() == alert.alert_id
        assert event.get_type() == f"com.market-milestones.alert.{alert.kind}"
        assert event.get_specversion() == "1.0" and event.get_source() == "market-milestones"
        assert event.get_datacontenttype() == "application/json" and event.get_time() is not None
        assert Alert.model_validate(event.get_data()) == alert


@pytest.mark.parametrize("mechanism", ["PLAIN", "SCRAM-SHA-256"])
async def test_replay_and_tail_over_the_other_mechanisms(
    sasl_kafka: LocalKafka, tmp_path: Path, mechanism: str
) -> None:
    from aiokafka import AIOKafkaProducer

    from streams.kafka.consume import open_consumer

    settings = _settings(sasl_kafka, tmp_path, mechanism)
    env = _env(settings)
    one = tmp_path / "one"
    one.mkdir()
    (one / "a.txt").write_bytes(sorted(SEEDS.glob("*.txt"))[0].read_bytes())
    sent = _cli(env, "replay", "--quiet", str(one))
    assert sent.returncode == 0, sent.stderr
    consumer = await open_consumer(settings, settings.topics.articles, from_beginning=True)
    try:
        batch = await consumer.getmany(timeout_ms=5000)
    finally:
        await consumer.stop()
    assert sum(len(rs) for rs in batch.values()) == 1
    alert = Alert.model_validate(
        {"alert_id": "x-1", "kind": "record", "index": "DJIA", "direction": "up", "level": 47001.0}
        | {"article_id": "a", "sentence": "The Dow set a record."}
    )
    producer = AIOKafkaProducer(**client_options(settings))
    await producer.start()
    try:
        await producer.send_and_wait(settings.topics.alerts, key=b"DJIA", value=alert.to_json_bytes())
    finally:
        await producer.stop()
    seen = _cli(env, "tail", "--from-beginning", "--json", "--idle-timeout", "2")
    assert seen.returncode == 0, seen.stderr
    assert seen.stdout.splitlines() == [alert.to_json_bytes().decode()]


COMMANDS = {
    "replay": ["replay", "--quiet", str(SEEDS)],
    "tail": ["tail", "--from-beginning"],
    "worker": ["worker"],
    "bridge": ["bridge", "--to", "http://127.0.0.1:9/hook"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_wrong_credentials_fail_fast_naming_the_authentication_failure(
    sasl_kafka: LocalKafka, tmp_path: Path, command: str
) -> None:
    """Every command that talks to Kafka: exit 2, the reason as its last line, no traceback."""
    settings = _settings(sasl_kafka, tmp_path, "SCRAM-SHA-256")
    done = _cli(
        _env(settings, password="wrong-password"), *COMMANDS[command], timeout=90
    )  # a hang fails here
    assert done.returncode == 2, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(
        f"milestones {command}: Kafka authentication failed for user 'desk-alice' with SCRAM-SHA-256"
    ), done.stderr
    assert "MILESTONES_SASL_PASSWORD" in last
    assert "Traceback" not in done.stderr and "Unclosed" not in done.stderr
    assert "wrong-password" not in done.stderr + done.stdout
