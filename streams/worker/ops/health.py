"""Health: is the process alive, and is the worker ready to do its job?

- ``GET /health/live``: 200 whenever the event loop answers. A hung loop answers nothing, which
  is what a liveness probe must see to restart the container.
- ``GET /health/ready``: 200 only once the worker has joined its consumer group and finished
  recovering its state table from the changelog (Faust's recovery ``completed`` event), and is
  not in the middle of a rebalance; 503 otherwise. The body says which condition is missing.

Why both: during recovery the worker is alive but its alert state is not yet what it was, so
nothing should route traffic to it or count it as up (docker-compose's ``service_healthy``).
"""

from __future__ import annotations

from typing import Any

__all__ = ["readiness", "register_health_views"]


def readiness(app: Any) -> dict[str, Any]:
    """The readiness checks of ``app`` and their verdict (``ready``)."""
    recovery = app.tables.recovery
    checks = {
        "recovery_completed": bool(recovery.completed.is_set()),
        "in_recovery": bool(recovery.in_recovery),
        "rebalancing": bool(app.rebalancing),
        "stopping": bool(app.should_stop),
    }
    ready = checks["recovery_completed"] and not (
        checks["in_recovery"] or checks["rebalancing"] or checks["stopping"]
    )
    return {"ready": ready, **checks}


def register_health_views(app: Any) -> None:
    """Add ``/health/live`` and ``/health/ready`` to the app's web server."""

    async def health_live(self: Any, request: Any) -> Any:
        return self.json({"live": True})

    async def health_ready(self: Any, request: Any) -> Any:
        state = readiness(app)
        return self.json(state, status=200 if state["ready"] else 503)

    app.page("/health/live")(health_live)
    app.page("/health/ready")(health_ready)
