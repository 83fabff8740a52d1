"""``milestones worker``: the Faust worker for the pipeline built from the environment."""

from __future__ import annotations

import faust

from streams.app import create_pipeline
from streams.settings import Settings

__all__ = ["run_worker"]


def run_worker(loglevel: str = "info", settings: Settings | None = None) -> int:
    """Run the extract and alert agents until stopped (SIGTERM/SIGINT stop it cleanly)."""
    pipeline = create_pipeline(settings or Settings())
    worker = faust.Worker(pipeline.app, loglevel=loglevel, quiet=True)
    worker.execute_from_commandline()
    return 0
