"""The composition root: a worker's whole pipeline, built at once from settings.

``create_pipeline(settings)`` declares the topology (app, topics, tables), registers the agents
on it and installs the ops, then returns them together; nothing is filled in afterwards. The
module attribute ``app`` is built lazily from the environment so that
``faust -A streams.worker.app worker`` and ``milestones worker`` run the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from streams.settings import Settings
from streams.worker.agents import PipelineAgents, register_agents
from streams.worker.faust_app import create_app
from streams.worker.ops import Ops, install_ops
from streams.worker.topology import Topology, declare_topology

__all__ = ["Pipeline", "create_app", "create_pipeline"]


@dataclass(frozen=True)
class Pipeline(Topology):
    """The topology with the agents registered on it and the ops installed."""

    agents: PipelineAgents
    ops: Ops


def create_pipeline(settings: Settings | None = None) -> Pipeline:
    """The app, its topics, its tables, its agents and ops: the whole streaming shell."""
    topology = declare_topology(settings or Settings())
    agents = register_agents(topology)
    ops = install_ops(topology, agents)
    parts = {field.name: getattr(topology, field.name) for field in fields(Topology)}
    return Pipeline(**parts, agents=agents, ops=ops)


_pipeline: Pipeline | None = None


def __getattr__(name: str) -> Any:
    """Build ``app`` on first use, from the environment (``faust -A streams.worker.app worker``)."""
    global _pipeline
    if name in ("app", "pipeline"):
        if _pipeline is None:
            _pipeline = create_pipeline(Settings())
        return _pipeline.app if name == "app" else _pipeline
    raise AttributeError(name)
