"""Every faust-streaming and aiokafka internal our code relies on still has the shape we rely on.

Why: the worker subclasses Faust's consumer and transport, reads Faust's monitor's private
metrics and aiokafka's private client, and relies on the order in which Faust's recovery resumes
partitions and seeks. None of that is public API, so a new release can change it without notice;
pyproject.toml bounds both libraries and uv.lock pins them, and this test is what to run before
raising a bound. It fails naming the internal, where we use it and what changed.

To add one: append an :class:`Internal` to ``INTERNALS`` (where it lives, the attribute, what it
must be, and the module of ours that uses it). Checks need no broker and no running app.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiokafka
import aiokafka.client
import faust
import faust.sensors.monitor
import faust.sensors.prometheus
import faust.tables.recovery
import faust.transport.consumer
import pytest
from faust.transport.drivers import aiokafka as faust_aiokafka


@dataclass(frozen=True)
class Internal:
    """One thing we use that the library does not promise to keep."""

    owner: Any  # the class or module it lives on
    name: str  # the attribute
    used_by: str  # our module that relies on it
    kind: str = "method"  # "method", "coroutine", "class", "attribute" or "function"
    params: tuple[str, ...] | None = None  # parameter names after self, when we call or override it

    @property
    def id(self) -> str:
        return f"{getattr(self.owner, '__name__', self.owner)}.{self.name}"


def _consumer(name: str, kind: str, params: tuple[str, ...] | None, used_by: str) -> Internal:
    return Internal(faust_aiokafka.Consumer, name, used_by, kind, params)


INTERNALS = [
    # streams/worker/seek_first.py: stream partitions resumed only after the seek.
    _consumer("_is_changelog_tp", "method", ("tp",), "streams/worker/seek_first.py"),
    _consumer("resume_partitions", "method", ("tps",), "streams/worker/seek_first.py"),
    _consumer("perform_seek", "coroutine", (), "streams/worker/seek_first.py"),
    _consumer("assignment", "method", (), "streams/worker/seek_first.py"),
    Internal(faust_aiokafka.Transport, "Consumer", "streams/worker/seek_first.py", "class"),
    # streams/worker/commit.py: the outbox confirmed inside Faust's pre-commit step.
    _consumer("_handle_attached", "coroutine", ("commit_offsets",), "streams/worker/commit.py"),
    # streams/worker/faust_app.py: our transport chosen where Faust makes its own.
    Internal(faust.App, "_new_transport", "streams/worker/faust_app.py", "method", ()),
    Internal(faust.transport, "by_url", "streams/worker/faust_app.py", "function"),
    # streams/worker/raw_schema.py: keys and values handed over as bytes.
    Internal(faust.Schema, "loads_key", "streams/worker/raw_schema.py", "method", ("app", "message", "loads", "serializer")),
    Internal(faust.Schema, "loads_value", "streams/worker/raw_schema.py", "method", ("app", "message", "loads", "serializer")),
    # streams/kafka/clients.py: Faust's credentials become the same aiokafka options as ours.
    Internal(faust_aiokafka, "credentials_to_aiokafka_auth", "streams/kafka/clients.py", "function"),
    # streams/worker/ops/faust_sensor.py: the Prometheus monitor fed at scrape time.
    Internal(faust.sensors.prometheus, "setup_prometheus_sensors", "streams/worker/ops/faust_sensor.py", "function"),
    Internal(faust.sensors.prometheus.PrometheusMonitor, "_stream_label", "streams/worker/ops/faust_sensor.py", "method", ("stream",)),
    Internal(faust.sensors.monitor.Monitor, "on_message_in", "streams/worker/ops/faust_sensor.py", "method", ("tp", "offset", "message")),
    Internal(faust.sensors.monitor.Monitor, "on_stream_event_in", "streams/worker/ops/faust_sensor.py", "method", ("tp", "offset", "stream", "event")),
    Internal(faust.sensors.monitor.Monitor, "on_stream_event_out", "streams/worker/ops/faust_sensor.py", "method", ("tp", "offset", "stream", "event", "state")),
    Internal(faust.sensors.monitor.Monitor, "on_message_out", "streams/worker/ops/faust_sensor.py", "method", ("tp", "offset", "message")),
    Internal(faust.sensors.monitor.Monitor, "track_tp_end_offset", "streams/worker/ops/faust_sensor.py", "method", ("tp", "offset")),
    Internal(faust.sensors.monitor.Monitor, "secs_to_ms", "streams/worker/ops/faust_sensor.py", "method", ("timestamp",)),
    # streams/kafka/consume.py and streams/kafka/lag.py: a metadata refresh for a topic just created.
    Internal(aiokafka.client.AIOKafkaClient, "force_metadata_update", "streams/kafka/consume.py, streams/kafka/lag.py", "method", ()),
    # streams/worker/seek_first.py: Faust's live set of active partitions reaches the client's fetch here.
    _consumer("_getmany", "coroutine", ("active_partitions", "timeout"), "streams/worker/seek_first.py"),
    # streams/kafka/backoff.py: the metadata update a failed attempt now waits after.
    Internal(aiokafka.client.AIOKafkaClient, "_metadata_update", "streams/kafka/backoff.py", "coroutine", ("cluster_metadata", "topics")),
    # streams/worker/commit.py: the producer's metadata of a changelog awaited before table writes.
    Internal(faust_aiokafka.Producer, "_ensure_producer", "streams/worker/commit.py", "method", ()),
    Internal(faust_aiokafka.Producer, "key_partition", "streams/worker/commit.py (tables written at commit)", "method", ("topic", "key")),
]  # fmt: skip


def _check_kind(internal: Internal, value: Any) -> str | None:
    """What is wrong with ``value`` for ``internal``, or None."""
    checks: dict[str, Callable[[Any], bool]] = {
        "method": callable,
        "function": callable,
        "coroutine": inspect.iscoroutinefunction,
        "class": inspect.isclass,
        "attribute": lambda _v: True,
    }
    if not checks[internal.kind](value):
        return f"is no longer a {internal.kind}: {value!r}"
    if internal.params is None:
        return None
    names = [
        p.name
        for p in inspect.signature(value).parameters.values()
        if p.name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    if names[: len(internal.params)] != list(internal.params):
        return f"takes {names}, we call it with {list(internal.params)}"
    return None


@pytest.mark.parametrize("internal", INTERNALS, ids=[i.id for i in INTERNALS])
def test_internal_keeps_its_shape(internal: Internal) -> None:
    assert hasattr(internal.owner, internal.name), f"{internal.id} is gone (used by {internal.used_by})"
    problem = _check_kind(internal, getattr(internal.owner, internal.name))
    assert problem is None, f"{internal.id} {problem} (used by {internal.used_by})"


def test_faust_resumes_stream_partitions_before_it_seeks() -> None:
    """streams/worker/seek_first.py holds resumed partitions back until ``perform_seek``: that needs
    Faust's recovery to call ``resume_partitions`` and then ``perform_seek``, in that order."""
    source = inspect.getsource(faust.tables.recovery.Recovery)
    resume, seek = source.find("consumer.resume_partitions("), source.find("consumer.perform_seek()")
    assert resume != -1 and seek != -1, "Recovery no longer resumes and seeks (streams/worker/seek_first.py)"
    assert resume < seek, "Recovery now seeks before it resumes: streams/worker/seek_first.py may be unneeded"


def test_faust_flushes_its_sends_in_handle_attached_before_committing() -> None:
    """streams/worker/commit.py confirms its records in ``_handle_attached``, which Faust must await before
    it commits offsets, crashing the consumer (no commit) when it raises ``ProducerSendError``."""
    source = inspect.getsource(faust.transport.consumer.Consumer._commit_tps)
    attached, commit = source.find("_handle_attached("), source.find("_commit_offsets(")
    assert attached != -1 and commit != -1 and attached < commit, (
        "Faust's Consumer._commit_tps no longer awaits _handle_attached before committing "
        "(streams/worker/commit.py's at-least-once rests on it)"
    )
    assert "except ProducerSendError" in source and "self.crash(" in source


def test_aiokafka_consumer_keeps_its_client_as_underscore_client() -> None:
    """``consumer._client.force_metadata_update()`` (streams/kafka/consume.py, streams/kafka/lag.py)."""
    source = inspect.getsource(aiokafka.AIOKafkaConsumer.__init__)
    assert "self._client = AIOKafkaClient(" in source


def test_aiokafka_still_logs_why_a_connection_failed() -> None:
    """streams/kafka/clients.py reads the reason (e.g. SASL refused) from aiokafka's error log:
    ``KafkaConnectionError`` itself only says "Unable to bootstrap"."""
    source = inspect.getsource(aiokafka.client.AIOKafkaClient.bootstrap)
    assert "log.error(" in source and "Unable connect to" in source


def test_monitor_metrics_have_what_the_scrape_time_sync_sets() -> None:
    """streams/worker/ops/faust_sensor.py writes into ``PrometheusMonitor._metrics`` by these names."""
    from prometheus_client import CollectorRegistry

    metrics = faust.sensors.prometheus.FaustMetrics.create(CollectorRegistry(), "faust")
    wanted = [
        "events_runtime_latency",
        "messages_received",
        "total_events",
        "messages_received_per_topics",
        "total_events_per_stream",
        "messages_received_per_topics_partition",
        "topic_partition_end_offset",
        "active_messages",
        "total_active_events",
    ]
    assert [name for name in wanted if not hasattr(metrics, name)] == []
    monitor = faust.sensors.prometheus.PrometheusMonitor(metrics=metrics)
    assert monitor._metrics is metrics
    counts = [
        "messages_received_total",
        "events_total",
        "messages_received_by_topic",
        "events_by_stream",
        "tp_read_offsets",
        "tp_end_offsets",
        "messages_active",
        "events_active",
        "events_runtime",
        "stream_lookup",
    ]
    assert [name for name in counts if not hasattr(monitor, name)] == []
