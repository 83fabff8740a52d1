"""``milestones worker``: the Faust worker for the pipeline built from the environment."""

from __future__ import annotations

import faust

from streams.app import create_pipeline
from streams.ops.logs import logging_config
from streams.settings import Settings

__all__ = ["run_worker"]


def run_worker(loglevel: str = "info", settings: Settings | None = None) -> int:
    """Run the agents until stopped (SIGTERM/SIGINT stop cleanly); the app creates its topics first."""
    settings = settings or Settings()
    pipeline = create_pipeline(settings)
    # Structured logs (JSON lines unless stderr is a terminal), with secrets masked: streams.ops.logs.
    worker = faust.Worker(
        pipeline.app, loglevel=loglevel, quiet=True, logging_config=logging_config(loglevel)
    )
    worker.execute_from_commandline()
    return 0
