"""Faust's per-message metrics, kept as plain counts and copied into Prometheus at scrape time.

A scrape must show what Faust's own sensor would: every message and event counted once, per
topic and per stream, however many scrapes come in between.
"""

from __future__ import annotations

from faust.sensors.prometheus import FaustMetrics
from faust.types import TP
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from streams.worker.ops.faust_sensor import ScrapeTimeMonitor, SyncBeforeScrape


class _Message:
    time_in = time_out = time_total = None


class _Owner:
    pass


class _Stream:
    shortlabel = "Stream: Topic: t.index-moves"
    task_owner = _Owner()

    def __str__(self) -> str:
        return "stream-1"


def _scrape(registry: CollectorRegistry) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(generate_latest(registry).decode()):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def _monitor() -> tuple[CollectorRegistry, ScrapeTimeMonitor]:
    registry = CollectorRegistry()
    holder: list[ScrapeTimeMonitor] = []
    registry.register(SyncBeforeScrape(lambda: holder[0].sync()))
    holder.append(ScrapeTimeMonitor(metrics=FaustMetrics.create(registry, "faust")))
    return registry, holder[0]


def _read(
    monitor: ScrapeTimeMonitor, tp: TP, offsets: range, stream: _Stream, *, finish: bool = True
) -> None:
    for offset in offsets:
        message = _Message()
        monitor.on_message_in(tp, offset, message)
        monitor.track_tp_end_offset(tp, offsets.stop + 5)  # as Faust's consumer does per message
        state = monitor.on_stream_event_in(tp, offset, stream, None)
        if finish:
            monitor.on_stream_event_out(tp, offset, stream, None, state)
            monitor.on_message_out(tp, offset, message)


def test_counts_per_topic_and_stream_survive_repeated_scrapes() -> None:
    registry, monitor = _monitor()
    moves, articles, stream = TP("t.index-moves", 1), TP("t.articles", 0), _Stream()
    _read(monitor, moves, range(0, 7), stream)
    _read(monitor, articles, range(0, 2), stream)
    first = _scrape(registry)
    assert first[("faust_messages_received_total", ())] == 9
    assert first[("faust_messages_received_per_topic_total", (("topic", "t.index-moves"),))] == 7
    assert first[("faust_messages_received_per_topic_total", (("topic", "t.articles"),))] == 2
    assert (
        first[
            ("faust_messages_received_per_topics_partition", (("partition", "1"), ("topic", "t.index-moves")))
        ]
        == 6
    )
    _read(monitor, moves, range(7, 10), stream)
    _scrape(registry)  # a scrape in between must not count anything twice
    _read(monitor, moves, range(10, 11), stream, finish=False)  # one still being processed
    last = _scrape(registry)
    assert last[("faust_messages_received_total", ())] == 13
    assert last[("faust_total_events_total", ())] == 13
    assert last[("faust_messages_received_per_topic_total", (("topic", "t.index-moves"),))] == 11
    assert (
        last[("faust_total_events_per_stream_total", (("stream", "stream.topic_t.index-moves.events"),))]
        == 13
    )
    assert last[("faust_active_messages", ())] == 1 and last[("faust_total_active_events", ())] == 1
    assert last[("faust_events_runtime_ms_count", ())] == 12  # the latency histogram, per finished event
    assert last[("faust_topic_partition_end_offset", (("partition", "1"), ("topic", "t.index-moves")))] == 16
