"""``milestones worker``: the Faust worker for the pipeline built from the environment."""

from __future__ import annotations

import asyncio

import faust

from streams.app import create_pipeline
from streams.kafka_admin import ensure_topics
from streams.ops.logs import logging_config
from streams.settings import Settings

__all__ = ["run_worker"]


def run_worker(loglevel: str = "info", settings: Settings | None = None) -> int:
    """Create the contract topics, then run the agents until stopped (SIGTERM/SIGINT stop cleanly).

    Why create topics first: Faust declares only its internal topics (changelogs); a source topic
    missing when the consumer subscribes is ignored until the next metadata refresh, minutes later.
    """
    settings = settings or Settings()
    asyncio.run(ensure_topics(settings))
    pipeline = create_pipeline(settings)
    # Structured logs (JSON lines unless stderr is a terminal), with secrets masked: streams.ops.logs.
    worker = faust.Worker(
        pipeline.app, loglevel=loglevel, quiet=True, logging_config=logging_config(loglevel)
    )
    worker.execute_from_commandline()
    return 0
