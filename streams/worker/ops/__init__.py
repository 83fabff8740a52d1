"""Operations: metrics, health, structured logs and the live page, on the worker's web port.

``install_ops(topology, agents)`` wires all of it onto a pipeline's app; ``create_pipeline`` calls it, so
``milestones worker`` and ``faust -A streams.worker.app worker`` serve the same endpoints:

    /metrics        Prometheus text (Faust's sensor and the pipeline's own counters)
    /health/live    200 while the event loop answers
    /health/ready   200 once the group is joined and table recovery is done, else 503
    /live           the live page (``streams.page``); /live/events its server-sent events, /live/state a snapshot

Everything the agents do reaches metrics and logs through observers (``streams.worker.observe``); the
agents know nothing about metrics, logs or pages. The live page reads the topics themselves, not
this worker's observers, so every worker (and ``milestones page``) shows the same page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from prometheus_client import CollectorRegistry

from streams.page.live_page import LivePage
from streams.page.web import add_to_faust
from streams.worker.ops.faust_sensor import setup_faust_metrics
from streams.worker.ops.health import readiness, register_health_views
from streams.worker.ops.logs import LoggingObserver, logging_config
from streams.worker.ops.metrics import MetricsObserver, update_consumer_lag

if TYPE_CHECKING:
    from streams.worker.agents import PipelineAgents
    from streams.worker.topology import Topology

__all__ = ["CONSUMER_LAG_INTERVAL", "Ops", "install_ops", "logging_config", "readiness"]

log = logging.getLogger("milestones.ops")

CONSUMER_LAG_INTERVAL = 5.0
"""Seconds between refreshes of the consumer-lag gauge (one high-water request to the broker)."""


@dataclass
class Ops:
    """What ``install_ops`` put on a pipeline (tests and tools reach the registry and page here)."""

    registry: CollectorRegistry
    metrics: MetricsObserver
    page: LivePage
    logging: LoggingObserver


def install_ops(pipeline: Topology, agents: PipelineAgents) -> Ops:
    """Metrics, health, alert/dead-letter log lines and the live page, on ``pipeline``'s app;
    the metrics and log lines observe ``agents``."""
    app = pipeline.app
    registry = CollectorRegistry(auto_describe=True)
    # Faust's sensor registers /metrics for this registry; ours go in the same one (one route).
    # Its per-message metrics are brought up to date at scrape time (ops/faust_sensor.py).
    setup_faust_metrics(app, registry, pattern="/metrics")
    metrics = MetricsObserver(registry)
    logger = LoggingObserver()
    for observer in (metrics, logger):
        agents.observers.add(observer)
    page = LivePage(pipeline.settings)  # reads the topics once a page is first opened

    register_health_views(app)
    add_to_faust(app, page)

    inputs = [pipeline.settings.topics.articles, pipeline.settings.topics.index_moves]

    async def refresh_consumer_lag() -> None:
        if not readiness(app)["ready"]:
            return
        try:
            await update_consumer_lag(app, metrics, inputs)
        except Exception as exc:  # a failed refresh must never stop the worker
            log.warning("consumer lag not refreshed: %s", exc)

    async def close_live_page(sender: Any, *args: Any, signal: Any, **kwargs: Any) -> None:
        await page.close()

    app.timer(CONSUMER_LAG_INTERVAL, on_leader=False)(refresh_consumer_lag)
    # mode types receivers with a ``signal`` parameter that no plain function matches exactly.
    cast(Any, app.on_before_shutdown).connect(close_live_page)

    return Ops(registry=registry, metrics=metrics, page=page, logging=logger)
