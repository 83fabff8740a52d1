"""Helpers for tests against the real broker: per-test settings, worker processes, reading topics."""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from streams.kafka.lag import wait_for_worker
from streams.settings import Settings
from streams.worker.process import WorkerProcess, free_port

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@dataclass(frozen=True)
class Record:
    key: bytes | None
    value: bytes | None
    headers: dict[str, bytes]
    partition: int
    offset: int
    timestamp: int = 0  # milliseconds, as the broker stores it


def unique_settings(bootstrap: str, tmp_path: Path, **overrides: object) -> Settings:
    """Settings with a topic prefix and group of their own, so tests never see each other's data."""
    run = uuid.uuid4().hex[:10]
    values: dict[str, object] = {
        "kafka_bootstrap": bootstrap,
        "topic_prefix": f"t{run}.",
        "app_id": f"milestones-test-{run}",
        "data_dir": tmp_path / f"worker-{run}",
        "web_port": free_port(),
        "partitions": 3,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def worker_env(settings: Settings) -> dict[str, str]:
    """The environment that makes ``milestones worker`` use these settings."""
    return {
        "MILESTONES_KAFKA_BOOTSTRAP": settings.kafka_bootstrap,
        "MILESTONES_TOPIC_PREFIX": settings.topic_prefix,
        "MILESTONES_APP_ID": settings.app_id,
        "MILESTONES_DATA_DIR": str(settings.data_dir),
        "MILESTONES_WEB_PORT": str(settings.web_port),
        "MILESTONES_PARTITIONS": str(settings.partitions),
        "MILESTONES_ARTICLES_PARTITIONS": str(settings.articles_partitions),
    }


def start_worker(
    settings: Settings,
    log_path: Path,
    *,
    web_port: int | None = None,
    program: tuple[str, ...] | None = None,
    env: dict[str, str] | None = None,
) -> WorkerProcess:
    """A worker process, waited on until Faust says it is ready (``program``: another launcher)."""
    environ = {**worker_env(settings), **(env or {})}
    if web_port is not None:
        environ["MILESTONES_WEB_PORT"] = str(web_port)
    worker = (
        WorkerProcess(environ, log_path, program=program) if program else WorkerProcess(environ, log_path)
    ).start()
    if not worker.wait_for_log("Worker ready", timeout=120):
        worker.kill()
        raise AssertionError(f"worker did not become ready:\n{worker.log_text()[-5000:]}")
    return worker


async def read_topic(
    bootstrap: str, topic: str, *, idle_ms: int = 1500, timeout: float = 60.0
) -> list[Record]:
    """Every record on ``topic`` from the beginning, stopping after a fetch that brings nothing."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    out: list[Record] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=idle_ms)
            if not batch:
                break
            for records in batch.values():
                out += [
                    Record(r.key, r.value, dict(r.headers or ()), r.partition, r.offset, r.timestamp)
                    for r in records
                ]
    finally:
        await consumer.stop()
    return out


async def produce_raw(bootstrap: str, topic: str, records: list[tuple[bytes | None, bytes | None]]) -> None:
    """Put raw key/value bytes on a topic (for poison records the replay producer would never send)."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, max_request_size=32 * 1024 * 1024)
    await producer.start()
    try:
        for key, value in records:
            await producer.send_and_wait(topic, key=key, value=value)
    finally:
        await producer.stop()


async def wait_until_processed(settings: Settings, timeout: float = 120.0) -> None:
    """Wait until the worker group committed everything on articles and index-moves."""
    ok = await wait_for_worker(settings, timeout=timeout)
    assert ok, "the worker did not catch up on its input topics in time"
    await asyncio.sleep(0.5)
