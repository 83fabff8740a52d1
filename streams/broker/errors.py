"""Errors raised while providing a Kafka broker.

    BrokerError                 anything that stops us from providing a broker
     ├── ToolMissing            java or mvn is not installed (the message says how to install it)
     ├── FetchFailed            Maven could not fetch the Kafka jars (twice)
     └── StartFailed            the broker process exited or did not answer in time

One small hierarchy so the CLI can print ``str(error)`` and exit non-zero, and tests can catch
``BrokerError`` without caring which step failed.
"""

from __future__ import annotations

__all__ = ["BrokerError", "FetchFailed", "StartFailed", "ToolMissing"]


class BrokerError(RuntimeError):
    """A broker could not be provided; the message says why and what to do."""


class ToolMissing(BrokerError):
    """A required program (java, mvn) is not on PATH or is too old."""


class FetchFailed(BrokerError):
    """Maven could not fetch the Kafka runtime jars."""


class StartFailed(BrokerError):
    """The broker process died or never accepted connections."""
