"""``milestones broker start|stop|status`` (and ``fetch``): a local Kafka that outlives the command.

Why: the demo and a fast edit-test loop want one broker running in the background; pytest's fixture
then reuses it (see :func:`streams.broker.provide.provide_broker`). The broker is found again through
the state file, so at most one runs per state folder. Exit codes: 0 done, 1 failed, 2 already running
(``start``) or bad action. Messages are plain, one line, for people and for CI logs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streams.broker.errors import BrokerError
from streams.broker.fetch import ensure_kafka_jars, java_executable, kafka_version
from streams.broker.local import LocalKafka
from streams.broker.state import clear_state, read_state, stop_pid, write_state

__all__ = ["ACTIONS", "EXIT_ALREADY_RUNNING", "broker_command"]

ACTIONS = ("start", "stop", "status", "fetch")
EXIT_ALREADY_RUNNING = 2


def broker_command(action: str) -> int:
    """Run ``start``, ``stop`` or ``status``; print what happened; return the exit code."""
    handlers = {"start": _start, "stop": _stop, "status": _status, "fetch": _fetch}
    handler = handlers.get(action)
    if handler is None:
        _say(f"unknown action {action!r}: use one of {', '.join(ACTIONS)}", error=True)
        return 2
    try:
        return handler()
    except BrokerError as error:
        _say(str(error), error=True)
        return 1


def _start() -> int:
    running = read_state()
    if running is not None:
        _say(f"Kafka already running at {running.bootstrap} (pid {running.pid})")
        return EXIT_ALREADY_RUNNING
    kafka = LocalKafka(detach=True)
    kafka.start()
    write_state(kafka.state())
    _say(f"Kafka {kafka.version} running at {kafka.bootstrap} (pid {kafka.pid}); log: {kafka.log_file}")
    _say("milestones worker, replay, tail, bridge and demo here find it themselves; for other tools:")
    _say(f"export MILESTONES_KAFKA_BOOTSTRAP={kafka.bootstrap}")
    return 0


def _stop() -> int:
    running = read_state()
    if running is None:
        _say("Kafka not running")
        return 0
    stop_pid(running.pid, Path(running.data_dir))
    read_state()  # the pid is dead now: this removes the data folder and the state file
    clear_state()
    _say(f"Kafka stopped (was {running.bootstrap}, pid {running.pid})")
    return 0


def _status() -> int:
    running = read_state()
    if running is None:
        _say("Kafka not running")
        return 0
    _say(f"Kafka {running.version} running at {running.bootstrap} (pid {running.pid})")
    return 0


def _fetch() -> int:
    """Only download the jars (CI: a separate, timed step before the tests)."""
    java_executable()
    lib = ensure_kafka_jars()
    _say(f"Kafka {kafka_version()} jars in {lib}")
    return 0


def _say(message: str, *, error: bool = False) -> None:
    print(message, file=sys.stderr if error else sys.stdout, flush=True)
