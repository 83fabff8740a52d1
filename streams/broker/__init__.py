"""A real Apache Kafka broker for tests, the demo and CI: from an env var, Docker, or local jars.

This package is imperative shell (subprocess, sockets, Docker); the pure core never imports it.
"""

from __future__ import annotations

from streams.broker.cli import broker_command
from streams.broker.errors import BrokerError, FetchFailed, StartFailed, ToolMissing
from streams.broker.local import LocalKafka
from streams.broker.provide import docker_available, provide_broker

__all__ = [
    "BrokerError",
    "FetchFailed",
    "LocalKafka",
    "StartFailed",
    "ToolMissing",
    "broker_command",
    "docker_available",
    "provide_broker",
]
