"""``milestones worker``: the Faust worker for the pipeline built from the environment."""

from __future__ import annotations

import asyncio
import logging
import logging.config

import faust

from streams.kafka.admin import check_cluster
from streams.settings import Settings
from streams.worker.app import Pipeline, create_pipeline
from streams.worker.ops.logs import logging_config
from streams.worker.stopping import PipelineWorker

__all__ = ["make_worker", "run_worker", "use_uvloop"]

log = logging.getLogger("milestones.worker")


def use_uvloop() -> bool:
    """Make new event loops uvloop's (libuv, in C) where it is installed; say whether it is.

    Why: the worker goes round its event loop dozens of times per article (stream queues,
    the consumer thread's hand-offs, producer acks), and the pure-Python asyncio loop's own
    work was about a tenth of its CPU: 6.6 -> 5.9 ms per article with uvloop, measured with
    one worker over 3,000 varied seed articles. Faust's consumer thread makes its loop with
    ``new_event_loop()``, so it gets uvloop too.
    """
    try:
        import uvloop
    except ImportError:  # e.g. Windows, where uvloop does not build
        return False
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    return True


def run_worker(
    loglevel: str | None = None, settings: Settings | None = None, broker_source: str | None = None
) -> int:
    """Run the agents until stopped (SIGTERM/SIGINT stop cleanly); the app creates its topics first.

    The cluster is checked first (:func:`streams.kafka.admin.check_cluster`): an unreachable
    broker or refused credentials raise ``KafkaConnectFailed`` with one line before Faust starts.
    ``loglevel`` defaults to ``MILESTONES_LOG_LEVEL``. Which broker and why (``broker_source``)
    and a replication warning are logged, in the worker's log format (JSON lines unless stderr is
    a terminal), so ``milestones worker 2>&1 | jq`` reads every line.
    """
    use_uvloop()
    settings = settings or Settings()
    loglevel = loglevel or settings.log_level
    logging.config.dictConfig(logging_config(loglevel))  # Faust applies the same when it starts
    if broker_source is not None:
        log.info("Kafka at %s (%s)", settings.kafka_bootstrap, broker_source)
    warning = asyncio.run(check_cluster(settings))
    if warning is not None:
        log.warning("%s", warning)
    pipeline = create_pipeline(settings)
    make_worker(pipeline, loglevel, settings.shutdown_timeout_seconds).execute_from_commandline()
    return 0


def make_worker(
    pipeline: Pipeline, loglevel: str = "info", shutdown_timeout_seconds: float = 30.0
) -> faust.Worker:
    """Faust's worker for ``pipeline``, with our structured logs and without its terminal spinner.

    Why no spinner: at ``--loglevel warning`` or above Faust's worker shows a progress spinner
    fed by a handler at DEBUG on the root logger, which it sets to DEBUG. Every library's
    debug message was then built and formatted (aiokafka logs one per record sent), and a
    warning-level worker cost more than an info-level one.

    The worker is a :class:`~streams.worker.stopping.PipelineWorker`: a stop signal ends the
    process even when Faust's stop raises or hangs (``shutdown_timeout_seconds``).
    """
    # Structured logs (JSON lines unless stderr is a terminal), with secrets masked: streams.worker.ops.logs.
    worker = PipelineWorker(
        pipeline.app,
        loglevel=loglevel,
        quiet=True,
        logging_config=logging_config(loglevel),
        shutdown_timeout_seconds=shutdown_timeout_seconds,
    )
    worker.spinner = None
    return worker
