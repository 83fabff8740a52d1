"""Real desk-bus servers for the bridge tests: NATS (JetStream) and RabbitMQ, as subprocesses.

Each test module starts its own instance on free loopback ports with its state in a temporary
folder, so nothing depends on (or disturbs) a system service. ``stop()`` then ``start()`` on
the same object brings the same server back with its state (streams, durable queues), which is
how the tests take a destination down for a while.

The binaries come from Debian's packages (``make test-servers`` installs them when missing).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from streams.worker.process import free_port

__all__ = ["NatsServer", "RabbitMQServer", "require_binary"]

RABBITMQ_SERVER = "/usr/lib/rabbitmq/bin/rabbitmq-server"
AMQP_HEADER = b"AMQP\x00\x00\x09\x01"
EPMD_PORT = 4369


def require_binary(path_or_name: str) -> str:
    """The binary's path, or a failure saying how to install it (a missing server is not a pass)."""
    found = path_or_name if os.path.isfile(path_or_name) else shutil.which(path_or_name)
    if not found:
        raise AssertionError(f"{path_or_name} is not installed: run `make test-servers`")
    return found


def _answers(port: int, probe: bytes | None = None, expect: bytes = b"") -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
            if probe is None:
                return True
            sock.sendall(probe)
            return sock.recv(len(expect) or 1).startswith(expect)
    except OSError:
        return False


class _ServerProcess:
    """A server subprocess in its own session, with its output in a log file."""

    name = "server"

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.log_path = workdir / f"{self.name}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def _command(self) -> list[str]:
        raise NotImplementedError

    def _env(self) -> dict[str, str]:
        return dict(os.environ)

    def _ready(self) -> bool:
        raise NotImplementedError

    def start(self, timeout: float = 120.0) -> None:
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                self._command(),
                env=self._env(),
                cwd=self.workdir,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            if self._ready():
                return
            time.sleep(0.3)
        self.stop()
        raise AssertionError(
            f"{self.name} did not start:\n{self.log_path.read_text(errors='replace')[-4000:]}"
        )

    def stop(self, timeout: float = 60.0) -> None:
        """SIGTERM (a clean shutdown), SIGKILL to the whole group if it does not end in time."""
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)


class NatsServer(_ServerProcess):
    """``nats-server -js`` on a free loopback port, JetStream state in ``workdir``."""

    name = "nats"

    def __init__(self, workdir: Path) -> None:
        super().__init__(workdir)
        self.binary = require_binary("nats-server")
        self.port = free_port()

    @property
    def url(self) -> str:
        return f"nats://127.0.0.1:{self.port}"

    def _command(self) -> list[str]:
        store = self.workdir / "jetstream"
        return [self.binary, "-js", "-a", "127.0.0.1", "-p", str(self.port), "-sd", str(store)]

    def _ready(self) -> bool:
        return _answers(self.port, b"", b"INFO")


class RabbitMQServer(_ServerProcess):
    """A RabbitMQ node of its own (unique node name, ports, data and log folders, no plugins).

    HOME is the work folder so the node makes its own Erlang cookie; the node registers with
    the machine's epmd on loopback (starting it if none runs).
    """

    name = "rabbitmq"

    def __init__(self, workdir: Path) -> None:
        super().__init__(workdir)
        self.binary = require_binary(RABBITMQ_SERVER)
        self.port = free_port()
        self.dist_port = free_port()
        self.node = f"milestones-test-{self.port}@localhost"
        self.epmd_was_running: bool | None = None
        (workdir / "enabled_plugins").write_text("[].\n")

    @property
    def url(self) -> str:
        return f"amqp://guest:guest@127.0.0.1:{self.port}/"

    def _command(self) -> list[str]:
        return [self.binary]

    def _env(self) -> dict[str, str]:
        w = self.workdir
        return {
            **os.environ,
            "HOME": str(w),
            "RABBITMQ_NODENAME": self.node,
            "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1",
            "RABBITMQ_NODE_PORT": str(self.port),
            "RABBITMQ_DIST_PORT": str(self.dist_port),
            "RABBITMQ_MNESIA_BASE": str(w / "mnesia"),
            "RABBITMQ_LOG_BASE": str(w / "log"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(w / "enabled_plugins"),
            "RABBITMQ_CONFIG_FILE": str(w / "rabbitmq"),
            "RABBITMQ_ADVANCED_CONFIG_FILE": str(w / "advanced.config"),
            "RABBITMQ_CONF_ENV_FILE": str(w / "rabbitmq-env.conf"),
            "ERL_EPMD_ADDRESS": "127.0.0.1",
        }

    def _ready(self) -> bool:
        # A node that accepts TCP may still be booting; one that answers the AMQP header is up.
        return _answers(self.port, AMQP_HEADER, b"\x01\x00\x00")

    def start(self, timeout: float = 120.0) -> None:
        if self.epmd_was_running is None:
            self.epmd_was_running = _answers(EPMD_PORT)
        super().start(timeout)

    def close(self) -> None:
        """Stop the node and, if it started the machine's epmd, that too (epmd refuses while
        other nodes are registered with it, so this never pulls it from under someone else)."""
        self.stop()
        epmd = shutil.which("epmd")
        if epmd and self.epmd_was_running is False:
            subprocess.run([epmd, "-kill"], capture_output=True, timeout=30, check=False)
