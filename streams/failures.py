"""What stops a command with one line and exit status 2, whichever command it is.

    CommandFailed              a command cannot go on; ``str()`` is one line: why, and what to do
     ├── BadSettings           a MILESTONES_* value is not valid (streams.command_settings)
     ├── KafkaConnectFailed    the cluster is unreachable or refused our credentials (streams.kafka.clients)
     ├── ClusterMismatch       the settings cannot work on this cluster (streams.kafka.admin)
     ├── TopicMissing          a topic to read from a point in time does not exist (streams.kafka.consume)
     └── BridgeError           a bridge destination that cannot work (streams.bridges)

Why one base: ``milestones`` (streams/cli.py) prints ``milestones <command>: <message>`` and
exits 2 for any of them, so every command reports a person's mistake the same way, and none
with a traceback. The module imports nothing, so the CLI can catch the base without loading
Kafka clients.
"""

from __future__ import annotations

__all__ = ["EXIT_FAILED", "CommandFailed"]

#: The exit status of every command stopped by a :class:`CommandFailed`.
EXIT_FAILED = 2


class CommandFailed(Exception):
    """A command cannot go on; the message is one line saying why and what to do."""
