"""A stop signal always ends the worker process: cleanly, with status 1, or with status 70.

Why: Faust's worker (mode's ``Worker``) stops on SIGTERM/SIGINT by awaiting its ``stop()`` and
only then cancels the running start-up. When ``stop()`` raises (one CI run: a table write in the
shutdown commit raised inside Faust's partitioner), the start-up is never cancelled, the event
loop runs on, and the process stays up with its consumer gone: a supervisor waiting for it to
exit (systemd, Kubernetes before its grace period ends, our own tests) waits forever. Two guards:

- a stop that raises is logged as one line naming the signal and the error, the start-up is
  cancelled, and the process ends with status 1 (mode's ``exiting`` turns the re-raised crash
  reason into it);
- a stop that left threads running (a service whose own stop raised: mode logs the error and
  goes on, but that service's Kafka client thread never ends, and the interpreter waits for it
  at exit) is logged with the threads' names, and the process ends with status 1;
- a stop that does not finish within ``MILESTONES_SHUTDOWN_TIMEOUT_SECONDS`` (30 s by default,
  the usual grace period of a container supervisor) is logged and the process exits with status
  70 (``EX_SOFTWARE``) from a watchdog thread, which still runs when the event loop is stuck.

Neither loses anything: offsets are committed only after an article's records were acknowledged,
so a process that ends without its final commit reads the uncommitted articles again at the next
start, and rule 9 (an article counts once) drops what was already published. That is the crash
path the kill -9 tests cover.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from typing import Any, NoReturn

import faust
from mode.utils.futures import maybe_cancel

__all__ = ["EXIT_STOP_TIMED_OUT", "PipelineWorker"]

log = logging.getLogger("milestones.worker")

EXIT_STOP_TIMED_OUT = 70  # EX_SOFTWARE: the stop itself failed to finish
THREADS_GRACE_SECONDS = 5.0  # after the event loop closed, how long threads may take to end


class PipelineWorker(faust.Worker):
    """Faust's worker whose stop on a signal ends the process even when the stop fails."""

    def __init__(self, *args: Any, shutdown_timeout_seconds: float = 30.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.shutdown_timeout_seconds = shutdown_timeout_seconds
        self._watchdog: threading.Timer | None = None

    def _schedule_shutdown(self, signal: signal.Signals) -> None:
        """Arm the watchdog at the first signal, then let Faust schedule its stop."""
        if self._watchdog is None:
            self._watchdog = threading.Timer(self.shutdown_timeout_seconds, self._give_up, args=(signal,))
            self._watchdog.daemon = True
            self._watchdog.start()
        super()._schedule_shutdown(signal)

    def execute_from_commandline(self) -> NoReturn:
        """Faust's run; then make sure the process really ends (see the module docstring)."""
        try:
            super().execute_from_commandline()
        except SystemExit as done:
            code = done.code
        stuck = _threads_still_running(THREADS_GRACE_SECONDS)
        if stuck:
            log.critical(
                "the stop left %d thread(s) running (%s); exiting with status 1, "
                "uncommitted articles are read again at the next start",
                len(stuck),
                ", ".join(stuck),
            )
            _flush_logs()
            os._exit(1)
        raise SystemExit(code)

    async def _stop_on_signal(self, signal: signal.Signals) -> None:
        try:
            await super()._stop_on_signal(signal)
        except Exception as exc:
            log.critical(
                "stopping after %s failed (%s: %s); exiting with status 1, "
                "uncommitted articles are read again at the next start",
                signal.name,
                type(exc).__name__,
                exc,
            )
            self.crash_reason = exc  # re-raised once the loop is shut down: status 1
            maybe_cancel(self._starting_fut)

    def _give_up(self, signal: signal.Signals) -> None:
        log.critical(
            "the worker did not stop within %g s of %s; exiting with status %d, "
            "uncommitted articles are read again at the next start",
            self.shutdown_timeout_seconds,
            signal.name,
            EXIT_STOP_TIMED_OUT,
        )
        _flush_logs()
        os._exit(EXIT_STOP_TIMED_OUT)


def _threads_still_running(grace_seconds: float) -> list[str]:
    """Names of the non-daemon threads still alive after up to ``grace_seconds`` of joining."""
    deadline = time.monotonic() + grace_seconds
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join(max(0.0, deadline - time.monotonic()))
    return [
        t.name
        for t in threading.enumerate()
        if t is not threading.current_thread() and not t.daemon and t.is_alive()
    ]


def _flush_logs() -> None:
    """``os._exit`` skips the interpreter's shutdown, so flush the log handlers first."""
    for handler in logging.getLogger().handlers:
        handler.flush()
