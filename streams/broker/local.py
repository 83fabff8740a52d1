"""LocalKafka: a real single-node Apache Kafka (KRaft) on loopback, run from its Maven jars.

Why: integration tests, the demo and CI need a real broker on machines with Java but without
Docker. This is the third of design.md's three ways. The broker is one JVM, heap-capped, listening
on free loopback ports, with all its data in a temp folder that is deleted on stop.

Two lifetimes:
- owned (``detach=False``, the test fixture): the JVM gets SIGTERM if this process dies (Linux
  ``PR_SET_PDEATHSIG``), so a killed pytest never leaves a broker behind;
- detached (``detach=True``, ``milestones broker start``): the JVM outlives the command; a state file
  (``state.json``, see :mod:`streams.broker.state`) lets a later ``status``/``stop`` find it.
"""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from streams.broker.errors import StartFailed
from streams.broker.fetch import ensure_kafka_jars, java_executable, kafka_version
from streams.broker.state import STOP_TIMEOUT_S, BrokerState, stop_pid

__all__ = ["HEAP", "SASL_MECHANISMS", "STARTUP_TIMEOUT_S", "LocalKafka"]

HEAP = "512m"
STARTUP_TIMEOUT_S = 120.0

_LOG4J2 = """\
status = warn
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.out.ref = OUT
logger.request.name = kafka.request.logger
logger.request.level = warn
logger.state.name = state.change.logger
logger.state.level = warn
"""


def _die_with_parent() -> Callable[[], None] | None:
    """A preexec_fn asking Linux to SIGTERM the child when this process dies."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)

    def set_pdeathsig() -> None:
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG

    return set_pdeathsig


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cluster_id() -> str:
    """A Kafka cluster id: 16 random bytes, URL-safe base64, not starting with '-' (CLI-safe)."""
    while True:
        value = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not value.startswith("-"):
            return value


SASL_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")


def _server_properties(
    port: int,
    controller_port: int,
    logs: Path,
    sasl_port: int | None = None,
    sasl_users: dict[str, str] | None = None,
) -> str:
    listeners = f"PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller_port}"
    advertised = f"PLAINTEXT://127.0.0.1:{port}"
    protocols = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
    sasl: list[str] = []
    if sasl_port is not None:
        # A second client listener that authenticates (PLAIN and SCRAM); brokers and the
        # controller keep talking PLAINTEXT among themselves, so nothing else changes.
        listeners += f",SASL_PLAINTEXT://127.0.0.1:{sasl_port}"
        advertised += f",SASL_PLAINTEXT://127.0.0.1:{sasl_port}"
        protocols += ",SASL_PLAINTEXT:SASL_PLAINTEXT"
        plain_users = " ".join(f'user_{name}="{pw}"' for name, pw in (sasl_users or {}).items())
        prefix = "listener.name.sasl_plaintext"
        sasl = [
            f"sasl.enabled.mechanisms={','.join(SASL_MECHANISMS)}",
            f"{prefix}.sasl.enabled.mechanisms={','.join(SASL_MECHANISMS)}",
            f"{prefix}.plain.sasl.jaas.config="
            f"org.apache.kafka.common.security.plain.PlainLoginModule required {plain_users};",
            f"{prefix}.scram-sha-256.sasl.jaas.config="
            "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            f"{prefix}.scram-sha-512.sasl.jaas.config="
            "org.apache.kafka.common.security.scram.ScramLoginModule required;",
        ]
    return "\n".join(
        [
            "process.roles=broker,controller",
            "node.id=1",
            f"controller.quorum.voters=1@127.0.0.1:{controller_port}",
            f"listeners={listeners}",
            f"advertised.listeners={advertised}",
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            f"listener.security.protocol.map={protocols}",
            *sasl,
            f"log.dirs={logs}",
            "num.partitions=1",
            "auto.create.topics.enable=true",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "transaction.state.log.num.partitions=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "",
        ]
    )


def _scram_format_args(sasl_users: dict[str, str]) -> list[str]:
    """``--add-scram`` arguments: SCRAM-SHA-256 and -512 credentials for each user, stored at format time."""
    args: list[str] = []
    for name, password in sasl_users.items():
        for mechanism in ("SCRAM-SHA-256", "SCRAM-SHA-512"):
            args += ["--add-scram", f"{mechanism}=[name={name},password={password}]"]
    return args


# ----------------------------------------------------------------------------------- readiness


async def _probe_once(bootstrap: str) -> bool:
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=3000)
    try:
        await admin.start()
        cluster = await admin.describe_cluster()
        if not cluster.get("brokers"):
            return False
        # Warm the group coordinator (creates __consumer_offsets) so the first consumer joins fast.
        with contextlib.suppress(Exception):
            await admin.find_coordinator("milestones-broker-probe")
        return True
    except Exception:
        return False
    finally:
        with contextlib.suppress(Exception):
            await admin.close()


def _probe(bootstrap: str) -> bool:
    """Ask the broker for cluster metadata; in a thread so it works inside a running event loop."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _probe_once(bootstrap)).result()


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


# ----------------------------------------------------------------------------------- LocalKafka


class LocalKafka:
    """One Kafka broker+controller JVM on 127.0.0.1, started from the Maven-fetched jars.

    >>> with LocalKafka() as kafka:   # doctest: +SKIP
    ...     use(kafka.bootstrap)      # "127.0.0.1:PORT"

    ``sasl_users={"alice": "secret"}`` adds a SASL_PLAINTEXT listener (``sasl_bootstrap``) where
    those users log in with PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (SCRAM credentials are written
    at storage-format time); the PLAINTEXT listener stays for the readiness probe.
    """

    def __init__(
        self,
        *,
        detach: bool = False,
        heap: str = HEAP,
        startup_timeout: float = STARTUP_TIMEOUT_S,
        sasl_users: dict[str, str] | None = None,
    ) -> None:
        self.detach = detach
        self.sasl_users = dict(sasl_users or {})
        self.sasl_port: int | None = None
        self.heap = heap
        self.startup_timeout = startup_timeout
        self.version = kafka_version()
        self.data_dir: Path | None = None
        self.port: int | None = None
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        if self.port is None:
            raise StartFailed("LocalKafka is not started")
        return f"127.0.0.1:{self.port}"

    @property
    def sasl_bootstrap(self) -> str:
        """``127.0.0.1:PORT`` of the SASL_PLAINTEXT listener (only with ``sasl_users``)."""
        if self.sasl_port is None:
            raise StartFailed("LocalKafka has no SASL listener (give sasl_users) or is not started")
        return f"127.0.0.1:{self.sasl_port}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    @property
    def log_file(self) -> Path | None:
        return self.data_dir / "broker.log" if self.data_dir else None

    def state(self) -> BrokerState:
        """What to write to the state file for a detached broker."""
        if self._process is None or self.data_dir is None:
            raise StartFailed("LocalKafka is not started")
        return BrokerState(self._process.pid, self.bootstrap, str(self.data_dir), self.version, time.time())

    def start(self) -> str:
        """Fetch jars if needed, format storage, start the JVM, wait until it answers; return bootstrap."""
        java = java_executable()
        lib = ensure_kafka_jars()
        if self.data_dir is not None and (self.data_dir / "server.properties").is_file():
            # A restart after stop(keep_data=True): same ports, same logs, same cluster id, so
            # clients reconnect to the address they know and find their topics and offsets.
            try:
                return self._launch(self._java_base(java, lib, self.data_dir), self.data_dir)
            except BaseException:
                self.stop()
                raise
        self.data_dir = Path(tempfile.mkdtemp(prefix="milestones-kafka-"))
        try:
            return self._start(java, lib, self.data_dir)
        except BaseException:
            self.stop()
            raise

    def _java_base(self, java: str, lib: Path, data: Path) -> list[str]:
        return [
            java,
            f"-Xmx{self.heap}",
            "-Xms256m",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true",
            f"-Dlog4j2.configurationFile={data / 'log4j2.properties'}",
            "-cp",
            f"{lib}{os.sep}*",
        ]

    def _start(self, java: str, lib: Path, data: Path) -> str:
        self.port, controller_port = _free_port(), _free_port()
        while controller_port == self.port:
            controller_port = _free_port()
        if self.sasl_users:
            self.sasl_port = _free_port()
            while self.sasl_port in (self.port, controller_port):
                self.sasl_port = _free_port()
        config = data / "server.properties"
        config.write_text(
            _server_properties(self.port, controller_port, data / "logs", self.sasl_port, self.sasl_users)
        )
        (data / "log4j2.properties").write_text(_LOG4J2)
        base = self._java_base(java, lib, data)
        fmt = subprocess.run(
            [
                *base,
                "kafka.tools.StorageTool",
                "format",
                "-t",
                _cluster_id(),
                "-c",
                str(config),
                *_scram_format_args(self.sasl_users),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if fmt.returncode != 0:
            raise StartFailed(f"kafka storage format failed: {(fmt.stdout + fmt.stderr).strip()[-2000:]}")
        return self._launch(base, data)

    def _launch(self, base: list[str], data: Path) -> str:
        config = data / "server.properties"
        log = open(data / "broker.log", "ab")  # noqa: SIM115 - handed to the child, closed below
        try:
            self._process = subprocess.Popen(
                [*base, "kafka.Kafka", str(config)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=data,
                start_new_session=True,  # Ctrl-C in the terminal is not the broker's business
                preexec_fn=None if self.detach else _die_with_parent(),
            )
        finally:
            log.close()
        self._wait_ready()
        return self.bootstrap

    def _wait_ready(self) -> None:
        assert self._process is not None and self.port is not None
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise StartFailed(f"Kafka exited with code {self._process.returncode}:\n{self._log_tail()}")
            if _port_open(self.port) and _probe(self.bootstrap):
                return
            time.sleep(0.3)
        raise StartFailed(f"Kafka did not answer within {self.startup_timeout:.0f}s:\n{self._log_tail()}")

    def _log_tail(self, lines: int = 30) -> str:
        if self.log_file is None or not self.log_file.is_file():
            return "(no log)"
        return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])

    def stop(self, timeout: float = STOP_TIMEOUT_S, *, keep_data: bool = False) -> None:
        """Stop the JVM (SIGTERM, then SIGKILL) and delete its data folder.

        ``keep_data=True`` keeps the folder (logs, offsets, configuration with its ports), so that
        ``start()`` brings the same broker back on the same address: a broker restart, as the
        reliability tests need it.
        """
        if self._process is not None and self.data_dir is not None:
            stop_pid(self._process.pid, self.data_dir, timeout)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(timeout=1)
        self._process = None
        if self.data_dir is not None and not keep_data:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self.data_dir = None

    def kill(self) -> None:
        """SIGKILL the JVM (a crash: no shutdown, no flush) and keep its data, so ``start()`` brings it back."""
        if self._process is not None:
            self._process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(timeout=30)
        self._process = None

    def __enter__(self) -> LocalKafka:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
