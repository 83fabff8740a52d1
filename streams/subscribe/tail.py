"""``milestones tail [TOPIC]``: follow alerts (or quotes, or index moves) as they arrive.

One readable line per record, or ``--json`` lines (the record's value as it is on the topic). An
alert line is :func:`streams.alerting.display.alert_line`, the words every place that shows
alerts to people uses.

Alerts are read by the project's one alerts reader (:class:`streams.subscribe.reader.AlertReader`,
as the Python API and the bridges read them): validated, filtered, and a repeated alert_id shown
once. Quotes and index moves are read straight from their topic. Read-only unless ``--group`` is
given: a desk engineer watching the topic never moves anyone's offsets.

Why the loop polls batches (``fetch``) rather than ``async for``: ``--idle-timeout`` and ``--max``
need the loop to wake up when nothing arrives, and a Ctrl-C (SIGINT) or SIGTERM must stop it
between fetches, stop the consumer and exit 0 without a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol, TextIO

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from pydantic import ValidationError

from schemas import IndexMove, Quote
from streams.alerting.display import alert_line, number
from streams.cli_types import positive_float, positive_int
from streams.command_settings import kafka_settings, load_settings
from streams.failures import CommandFailed
from streams.kafka.consume import open_consumer
from streams.settings import Settings
from streams.subscribe.reader import AlertFilter, AlertReader, position

__all__ = ["TOPICS", "TailOptions", "add_tail_arguments", "run_tail", "run_tail_command"]

TOPICS = ("alerts", "quotes", "index-moves")


@dataclass(frozen=True)
class TailOptions:
    """What to read and how to show it."""

    topic: str = "alerts"
    indices: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    from_beginning: bool = False
    since: datetime | None = None
    group_id: str | None = None
    json: bool = False
    max_records: int | None = None
    idle_timeout: float | None = None


def format_quote(quote: Quote) -> str:
    speaker = quote.speaker or "(unattributed)"
    if quote.speaker_title:
        speaker += f" ({quote.speaker_title})"
    return f'{speaker}: "{quote.text}"'


def format_move(move: IndexMove) -> str:
    bits = [move.index, move.direction or "-"]
    if move.change_pct is not None:
        bits.append(f"{move.change_pct:+g}%")
    if move.change_points is not None:
        bits.append(f"{move.change_points:+g} pts")
    if move.level is not None:
        bits.append(f"at {number(move.level)}")
    flags = [
        name
        for name, on in (
            ("record", move.record_high),
            ("first time", move.first_time),
            ("intraday", move.intraday),
            ("futures", move.futures),
            ("approx", move.approximate),
        )
        if on
    ]
    if move.milestone is not None:
        flags.append(f"milestone {number(move.milestone)}")
    return " ".join(bits) + (f" ({', '.join(flags)})" if flags else "") + f"  {move.sentence}"


class _Source(Protocol):
    """One topic's records, fetched in batches, each turned into a line or None (not shown)."""

    async def fetch(self, timeout_ms: int) -> dict[TopicPartition, list[ConsumerRecord]]: ...

    def line(self, record: ConsumerRecord) -> str | None: ...

    async def close(self) -> None: ...


class _Alerts:
    """Alerts through the shared reader: validated, filtered, a repeated alert_id shown once."""

    def __init__(self, reader: AlertReader, json: bool) -> None:
        self.reader = reader
        self.json = json

    async def fetch(self, timeout_ms: int) -> dict[TopicPartition, list[ConsumerRecord]]:
        return await self.reader.fetch(timeout_ms)

    def line(self, record: ConsumerRecord) -> str | None:
        alert = self.reader.accept(record.value, position(record))
        if alert is None:
            return None
        return (record.value or b"").decode() if self.json else alert_line(alert)

    async def close(self) -> None:
        await self.reader.close()


class _Records:
    """Quotes or index moves, straight from their topic (no ids to dedupe on)."""

    def __init__(self, consumer: AIOKafkaConsumer, options: TailOptions, err: TextIO) -> None:
        self.consumer = consumer
        self.options = options
        self.err = err

    async def fetch(self, timeout_ms: int) -> dict[TopicPartition, list[ConsumerRecord]]:
        batch: dict[TopicPartition, list[ConsumerRecord]] = await self.consumer.getmany(timeout_ms=timeout_ms)
        return batch

    def line(self, record: ConsumerRecord) -> str | None:
        o, value = self.options, record.value
        try:
            if o.topic == "quotes":
                quote = Quote.from_json_bytes(value or b"")
                return (value or b"").decode() if o.json else format_quote(quote)
            move = IndexMove.from_json_bytes(value or b"")
        except (ValueError, ValidationError) as exc:
            print(
                f"milestones tail: skipping a record that is not a valid {o.topic} value: {exc}",
                file=self.err,
            )
            return None
        if o.indices and move.index not in o.indices:
            return None
        return (value or b"").decode() if o.json else format_move(move)

    async def close(self) -> None:
        await self.consumer.stop()


async def _open(settings: Settings, topic: str, options: TailOptions, err: TextIO) -> _Source:
    if options.topic == "alerts":
        reader = await AlertReader.open(
            settings,
            group_id=options.group_id,
            from_beginning=options.from_beginning,
            since=options.since,
            wanted=AlertFilter(options.indices, options.kinds),
        )
        return _Alerts(reader, options.json)
    consumer = await open_consumer(
        settings,
        topic,
        group_id=options.group_id,
        from_beginning=options.from_beginning,
        since=options.since,
    )
    return _Records(consumer, options, err)


async def run_tail(
    settings: Settings, options: TailOptions, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    """Print records until --max, --idle-timeout, SIGINT or SIGTERM; 0 on any of those."""
    topic = {"alerts": settings.topics.alerts, "quotes": settings.topics.quotes}.get(
        options.topic, settings.topics.index_moves
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        source = await _open(settings, topic, options, err)
        try:
            print(f"milestones tail: following {topic} (Ctrl-C to stop)", file=err, flush=True)
            await _follow(source, options, stop, out)
        finally:
            await source.close()
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    return 0


async def _follow(source: _Source, options: TailOptions, stop: asyncio.Event, out: TextIO) -> None:
    shown = 0
    last_record = time.monotonic()
    while not stop.is_set():
        fetch = asyncio.ensure_future(source.fetch(500))
        stopped = asyncio.ensure_future(stop.wait())
        await asyncio.wait({fetch, stopped}, return_when=asyncio.FIRST_COMPLETED)
        stopped.cancel()
        if not fetch.done():
            fetch.cancel()
            return
        batch = fetch.result()
        if batch:
            last_record = time.monotonic()
        elif options.idle_timeout is not None and time.monotonic() - last_record >= options.idle_timeout:
            return
        for records in batch.values():
            for record in records:
                line = source.line(record)
                if line is None:
                    continue
                print(line, file=out, flush=True)
                shown += 1
                if options.max_records is not None and shown >= options.max_records:
                    return


def _since(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--since {value!r} is not an ISO date or datetime (e.g. 2025-10-27 or 2025-10-27T09:30:00+09:00)"
        ) from None


def add_tail_arguments(p: argparse.ArgumentParser) -> None:
    """The flags of ``milestones tail``."""
    p.add_argument("topic", nargs="?", default="alerts", choices=TOPICS, help="default: alerts")
    p.add_argument(
        "--index", action="append", default=[], help="only this index: an id or a name, any case (repeatable)"
    )
    p.add_argument("--kind", action="append", default=[], choices=["milestone", "record"], help="alerts only")
    start = p.add_mutually_exclusive_group()
    start.add_argument("--from-beginning", action="store_true", help="read the whole topic first")
    start.add_argument("--since", type=_since, default=None, help="start at this ISO date/time")
    p.add_argument("--group", default=None, help="consumer group to commit to (default: none, read-only)")
    p.add_argument("--json", action="store_true", help="print each record's JSON value as it is")
    p.add_argument(
        "--max",
        type=positive_int("--max"),
        default=None,
        help="stop after printing N records (waits for them)",
    )
    p.add_argument(
        "--idle-timeout",
        type=positive_float("--idle-timeout"),
        default=None,
        help="stop after S seconds with no record (with --max, in scripts)",
    )


def index_ids(names: list[str], indices_path: Path | None) -> frozenset[str]:
    """The registry's ids for ``--index`` values: an id in any case, or any name the registry knows.

    Why: records carry the canonical id (``NIKKEI225``); ``--index nikkei225`` or ``--index Nikkei``
    matched nothing, silently. An unknown name is refused, naming the ids there are.
    """
    from streams.extract import load_registry
    from streams.extract.indices import default_registry

    registry = load_registry(indices_path) if indices_path is not None else default_registry()
    by_upper = {i.upper(): i for i in registry.ids}
    found, unknown = set(), []
    for name in names:
        index = by_upper.get(name.strip().upper()) or registry.index_of(name.strip())
        if index is None:
            unknown.append(name)
        else:
            found.add(index)
    if unknown:
        raise CommandFailed(
            f"--index {', '.join(map(repr, unknown))}: not an index the registry knows; "
            f"the ids are {', '.join(sorted(registry.ids))}"
        )
    return frozenset(found)


def run_tail_command(args: argparse.Namespace) -> int:
    """Validate flags, then tail; a bad flag, setting, connection or credentials exit 2 with one line."""
    if args.kind and args.topic != "alerts":
        print("milestones tail: --kind applies to alerts only", file=sys.stderr)
        return 2
    if args.index and args.topic == "quotes":
        print("milestones tail: --index does not apply to quotes (a quote names no index)", file=sys.stderr)
        return 2
    if args.since is not None and args.group:
        print("milestones tail: --since reads without a consumer group; drop --group", file=sys.stderr)
        return 2
    indices = index_ids(args.index, load_settings(Settings).indices_path) if args.index else frozenset()
    settings = kafka_settings("tail")
    options = TailOptions(
        topic=args.topic,
        indices=indices,
        kinds=frozenset(args.kind),
        from_beginning=args.from_beginning,
        since=args.since,
        group_id=args.group,
        json=args.json,
        max_records=args.max,
        idle_timeout=args.idle_timeout,
    )
    return asyncio.run(run_tail(settings, options))
