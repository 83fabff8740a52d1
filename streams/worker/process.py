"""A worker as a separate OS process: what the demo runs, and what the tests kill and restart.

Running the worker out of process is the honest way to test crashes (SIGKILL) and clean
shutdowns (SIGTERM): nothing of the test's own event loop or memory survives into the worker.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["WorkerProcess", "free_port"]


def free_port() -> int:
    """A TCP port on loopback that was free a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class WorkerProcess:
    """``milestones worker`` in a subprocess with its settings in the environment."""

    def __init__(
        self,
        env: dict[str, str],
        log_path: Path,
        loglevel: str = "info",
        program: tuple[str, ...] = ("-m", "streams.cli", "worker"),
    ) -> None:
        """``program``: what ``python`` runs, ``milestones worker`` by default (tests may give a
        script that wraps it)."""
        self.program = program
        self.env = {**os.environ, **env}
        self.log_path = log_path
        self.loglevel = loglevel
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        """Start the worker; its output goes to ``log_path`` (appended, so restarts keep history)."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, *self.program, "--loglevel", self.loglevel],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        return self

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL: a crash, no cleanup, no commit."""
        if self.proc is not None and self.running:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=30)

    def stop(self, timeout: float = 60.0) -> int | None:
        """SIGTERM and wait for a clean shutdown; SIGKILL if it does not come in time."""
        if self.proc is None:
            return None
        if self.running:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=30)
        return self.proc.returncode

    def wait_for_log(self, text: str, timeout: float = 90.0) -> bool:
        """Wait until the worker's log contains ``text`` (e.g. Faust's "Worker ready")."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.log_path.exists() and text in self.log_path.read_text(errors="replace"):
                return True
            if not self.running:
                return False
            time.sleep(0.2)
        return False

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
