"""Where a detached broker is recorded, and how to tell whether it still runs and stop it.

Why a file: ``milestones broker start`` returns while the JVM keeps running; a later ``status`` or
``stop`` (another process) finds it through ``state.json``. A pid alone is not proof (pids are
recycled, an exited child lingers as a zombie), so "alive" means: running, not a zombie, and its
command line names our data folder. A stale file is removed together with the broker's data.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from streams.broker.fetch import cache_dir

__all__ = [
    "STOP_TIMEOUT_S",
    "BrokerState",
    "clear_state",
    "read_state",
    "state_dir",
    "stop_pid",
    "write_state",
]

STOP_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class BrokerState:
    """What a detached broker leaves behind so another process can find and stop it."""

    pid: int
    bootstrap: str
    data_dir: str
    version: str
    started_at: float


def state_dir() -> Path:
    """Folder of ``state.json``; ``MILESTONES_BROKER_STATE_DIR`` overrides (tests use their own)."""
    override = os.environ.get("MILESTONES_BROKER_STATE_DIR")
    return Path(override) if override else cache_dir() / "broker"


def _state_file(folder: Path | None) -> Path:
    return (folder or state_dir()) / "state.json"


def write_state(state: BrokerState, folder: Path | None = None) -> None:
    path = _state_file(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(state), indent=2) + "\n")
    tmp.replace(path)


def clear_state(folder: Path | None = None) -> None:
    _state_file(folder).unlink(missing_ok=True)


def read_state(folder: Path | None = None) -> BrokerState | None:
    """The running detached broker, or None; a stale file (dead pid) is removed with its data."""
    path = _state_file(folder)
    try:
        state = BrokerState(**json.loads(path.read_text()))
    except FileNotFoundError:
        return None
    except (ValueError, TypeError):
        path.unlink(missing_ok=True)  # unreadable: treat as stale
        return None
    if _is_broker_alive(state.pid, Path(state.data_dir)):
        return state
    shutil.rmtree(state.data_dir, ignore_errors=True)
    path.unlink(missing_ok=True)
    return None


def _is_broker_alive(pid: int, data_dir: Path) -> bool:
    """True if ``pid`` runs and is our broker (not a zombie, not a recycled pid)."""
    with contextlib.suppress(ChildProcessError, OSError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:  # our own exited child: reap it
            return False
    proc = Path(f"/proc/{pid}")
    if proc.parent.is_dir():  # Linux: check state and command line
        try:
            stat = (proc / "stat").read_text()
            cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            return False
        return stat.rsplit(")", 1)[-1].split()[0] != "Z" and str(data_dir) in cmdline
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_pid(pid: int, data_dir: Path, timeout: float = STOP_TIMEOUT_S) -> None:
    """SIGTERM (Kafka shuts down cleanly), wait, then SIGKILL; works across processes."""
    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 5.0)):
        if not _is_broker_alive(pid, data_dir):
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and _is_broker_alive(pid, data_dir):
            time.sleep(0.1)
