"""provide_broker(): one real Kafka broker for tests, the demo and CI, found or started three ways.

Why one function: design.md wants the same choice everywhere ("A real broker, three ways, one
fixture"), first match wins:

1. ``KAFKA_BOOTSTRAP_SERVERS`` is set: use that cluster, start and stop nothing.
   (A broker left running by ``milestones broker start`` is used the same way: nothing to start.)
2. A Docker engine answers: testcontainers runs the official ``apache/kafka`` image (KRaft).
3. Otherwise: :class:`LocalKafka` runs the same Kafka from its Maven Central jars on Java 17.

``MILESTONES_BROKER=docker|local`` skips the choice (e.g. force ``local`` on a laptop with Docker).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import tarfile
import time
from collections.abc import Iterator
from typing import Any

from streams.broker.errors import BrokerError
from streams.broker.fetch import kafka_version
from streams.broker.local import LocalKafka
from streams.broker.state import read_state

__all__ = ["docker_available", "docker_kafka", "provide_broker"]

log = logging.getLogger(__name__)

_START_SCRIPT = "/tmp/milestones-kafka-start.sh"
_CLIENT_PORT = 9092  # advertised as host:mapped-port once the mapping is known
_STARTED = re.compile(r"Kafka Server started")


@contextlib.contextmanager
def provide_broker() -> Iterator[str]:
    """Yield a bootstrap string ("host:port") of a real Kafka broker; stop it afterwards if we started it."""
    external = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "").strip()
    if external:
        log.info("Kafka: using KAFKA_BOOTSTRAP_SERVERS=%s", external)
        yield external
        return
    running = read_state()
    if running is not None:
        log.info("Kafka: using the broker started by `milestones broker start` at %s", running.bootstrap)
        yield running.bootstrap
        return
    way = os.environ.get("MILESTONES_BROKER", "").strip().lower()
    if way not in ("", "docker", "local"):
        raise BrokerError(f"MILESTONES_BROKER must be 'docker' or 'local', not {way!r}")
    if way == "docker" or (way == "" and docker_available()):
        with docker_kafka() as bootstrap:
            log.info("Kafka: testcontainers apache/kafka at %s", bootstrap)
            yield bootstrap
        return
    with LocalKafka() as kafka:
        log.info("Kafka: local broker %s at %s (pid %s)", kafka.version, kafka.bootstrap, kafka.pid)
        yield kafka.bootstrap


def docker_available(timeout: float = 3.0) -> bool:
    """True if a Docker engine answers a ping; a docker client alone is not enough."""
    try:
        import docker

        client = docker.from_env(timeout=int(max(1, timeout)))
        try:
            return bool(client.ping())
        finally:
            client.close()
    except Exception:  # no SDK, no socket, refused, timeout: all mean "no engine"
        return False


@contextlib.contextmanager
def docker_kafka(image: str | None = None, startup_timeout: float = 120.0) -> Iterator[str]:
    """Run ``apache/kafka`` (same version as the pom) single-node KRaft; yield host:mapped-port.

    testcontainers' own ``KafkaContainer`` drives Confluent's image scripts, so we use a plain
    ``DockerContainer``. The client listener must advertise the host's mapped port, known only after
    the container starts: the container waits for a start script that we copy in once the port is
    known (the same trick testcontainers' KafkaContainer uses).
    """
    from testcontainers.core.container import DockerContainer

    image = image or f"apache/kafka:{kafka_version()}"
    container = (
        DockerContainer(image)
        .with_exposed_ports(_CLIENT_PORT)
        .with_env("KAFKA_NODE_ID", "1")
        .with_env("KAFKA_PROCESS_ROLES", "broker,controller")
        .with_env(
            "KAFKA_LISTENERS", "PLAINTEXT://0.0.0.0:9092,BROKER://0.0.0.0:19092,CONTROLLER://0.0.0.0:9093"
        )
        .with_env(
            "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
            "PLAINTEXT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT",
        )
        .with_env("KAFKA_INTER_BROKER_LISTENER_NAME", "BROKER")
        .with_env("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
        .with_env("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:9093")
        .with_env("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
        .with_env("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "1")
        .with_env("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
        .with_env("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
        .with_env("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
        .with_env("KAFKA_NUM_PARTITIONS", "1")
        .with_env("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
        .with_env("KAFKA_HEAP_OPTS", "-Xmx512m -Xms256m")
        .with_command(
            f'sh -c "while [ ! -f {_START_SCRIPT} ]; do sleep 0.1; done; exec bash {_START_SCRIPT}"'
        )
    )
    container.start()
    try:
        host = container.get_container_host_ip()
        port = container.get_exposed_port(_CLIENT_PORT)
        script = (
            f"export KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://{host}:{port},BROKER://localhost:19092\n"
            "exec /etc/kafka/docker/run\n"
        )
        _copy_file(container.get_wrapped_container(), _START_SCRIPT, script.encode())
        _wait_for_log(container, startup_timeout)
        yield f"{host}:{port}"
    finally:
        container.stop()


def _copy_file(wrapped: Any, path: str, content: bytes) -> None:
    """Put one file into a running container (docker SDK ``put_archive``: stable across versions)."""
    folder, name = path.rsplit("/", 1)
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w") as tar:
        info = tarfile.TarInfo(name=name)
        info.size = len(content)
        info.mode = 0o755
        info.mtime = int(time.time())
        tar.addfile(info, io.BytesIO(content))
    wrapped.put_archive(folder or "/", archive.getvalue())


def _wait_for_log(container: Any, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stdout, stderr = container.get_logs()
        if _STARTED.search(stdout.decode(errors="replace") + stderr.decode(errors="replace")):
            return
        wrapped = container.get_wrapped_container()
        wrapped.reload()
        if wrapped.status in ("exited", "dead"):
            raise BrokerError(f"apache/kafka container exited:\n{stdout.decode(errors='replace')[-2000:]}")
        time.sleep(0.5)
    raise BrokerError(f"apache/kafka container did not log 'Kafka Server started' within {timeout:.0f}s")
