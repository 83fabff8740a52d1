"""``milestones ingest``: live news onto ``articles``, from feeds and from pushes, with progress and a summary.

    milestones ingest https://example.com/markets/rss https://example.org/atom.xml
    milestones ingest --feeds feeds.toml
    milestones ingest --listen 8088                     # POST /articles on 127.0.0.1:8088
    milestones ingest --feeds feeds.toml --once         # one poll of each feed, then the summary

Runs until Ctrl-C or SIGTERM (then finishes what is in flight and prints the summary), or after
one poll with ``--once``. Exit status: 0 fine; 1 some feed or page is failing at the end; 2 bad
arguments, a bad feeds file or setting, no token for ``--listen``, an address it cannot listen
on, or Kafka unreachable (each a :class:`streams.failures.CommandFailed`: one line from
``milestones``' main); 3 Kafka went away and stayed away past ``MILESTONES_REPLAY_OUTAGE_SECONDS``
(what was not acknowledged is not remembered as sent, so the next run sends it).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from streams.cli_types import positive_float
from streams.command_settings import kafka_settings
from streams.failures import CommandFailed
from streams.ingest.events import IngestEvents, IngestSummary
from streams.ingest.feeds_file import FeedsConfig, feeds_from_urls, load_feeds_file
from streams.ingest.run import IngestPlan, run_ingest
from streams.kafka.clients import explain_connect_errors
from streams.replay.sender import SenderGaveUp
from streams.settings import Settings

__all__ = [
    "add_ingest_arguments",
    "parse_host_port",
    "plan_from_arguments",
    "print_summary",
    "run_ingest_command",
]

LOOPBACK = "127.0.0.1"


def add_ingest_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags of ``milestones ingest``."""
    parser.add_argument("urls", nargs="*", metavar="FEED_URL", help="RSS or Atom feeds to poll")
    parser.add_argument(
        "--feeds", type=Path, default=None, metavar="FILE", help="TOML feeds file (see README)"
    )
    parser.add_argument(
        "--interval",
        type=positive_float("--interval"),
        default=None,
        metavar="SECONDS",
        help="seconds between polls (default 300)",
    )
    parser.add_argument("--once", action="store_true", help="poll each feed once, print the summary, exit")
    parser.add_argument(
        "--listen",
        default=None,
        metavar="[HOST:]PORT",
        help=f"serve POST /articles (and /metrics) here; host {LOOPBACK} unless given",
    )
    parser.add_argument(
        "--metrics", default=None, metavar="[HOST:]PORT", help="serve /metrics here (without --listen)"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress line and no line per article")


def parse_host_port(value: str) -> tuple[str, int]:
    """``PORT``, ``HOST:PORT`` or ``[V6]:PORT``; the host is loopback unless given."""
    host, sep, port = value.rpartition(":")
    if not sep:
        host, port = LOOPBACK, value
    host = host.strip("[]") or LOOPBACK
    if not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError(f"{value!r} is not [HOST:]PORT")
    return host, int(port)


def _address(flag: str, value: str | None) -> tuple[str, int] | None:
    if value is None:
        return None
    try:
        return parse_host_port(value)
    except ValueError as error:
        raise CommandFailed(f"{flag} {error}") from None


def plan_from_arguments(args: argparse.Namespace, settings: Settings) -> IngestPlan:
    """The run asked for; :class:`CommandFailed` (one line) when it cannot be."""
    base = load_feeds_file(args.feeds) if args.feeds else FeedsConfig()
    if args.interval is not None:
        base = base.model_copy(update={"interval": args.interval})
    feeds = feeds_from_urls(list(args.urls), base)
    if not feeds.feed and not args.listen:
        raise CommandFailed("nothing to do: give feed URLs, --feeds FILE or --listen [HOST:]PORT")
    if args.once and not feeds.feed:
        raise CommandFailed("--once needs feeds to poll")
    listen = _address("--listen", args.listen)
    metrics_at = _address("--metrics", args.metrics)
    if listen and settings.ingest_token is None:
        raise CommandFailed(
            "--listen needs MILESTONES_INGEST_TOKEN: the bearer token a pusher must send (it is never logged)"
        )
    return IngestPlan(
        feeds,
        listen=listen,
        token=settings.ingest_token,
        metrics_at=metrics_at,
        polls=1 if args.once else None,
    )


def print_summary(summary: IngestSummary, console: Console, topic: str) -> None:
    """Counts, then every URL still failing with its reason."""
    skipped = ", ".join(f"{reason.replace('_', ' ')} {n}" for reason, n in sorted(summary.skipped.items()))
    console.print(
        f"ingest: {summary.polls} feed poll(s) ({summary.not_modified} not modified, {summary.polls_failed} failed), "
        f"{summary.seen} item(s) seen; "
        f"sent {summary.sent} article(s) to {topic} ({summary.updates} update(s)), pushed {summary.pushed}; "
        f"skipped {sum(summary.skipped.values())}" + (f" ({skipped})" if skipped else ""),
        markup=False,
        soft_wrap=True,
    )
    for failure in summary.failures.values():
        console.print(
            f"  failing: {failure.what} {failure.url}: {failure.reason}", markup=False, soft_wrap=True
        )


def _status_line(summary: IngestSummary) -> str:
    return (
        f"ingest  seen {summary.seen}  sent {summary.sent}  updates {summary.updates}  pushed {summary.pushed}  "
        f"skipped {sum(summary.skipped.values())}  failing {len(summary.failures)}"
    )


def run_ingest_command(args: argparse.Namespace) -> int:
    """Check the arguments, run until stopped, print the summary; the exit status of the module docstring."""
    err = Console(stderr=True)
    settings = kafka_settings("ingest")
    plan = plan_from_arguments(args, settings)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        disable=args.quiet,
    ) as progress:
        task = progress.add_task("ingest", total=None)
        events: IngestEvents

        def say(line: str) -> None:
            progress.console.print(f"milestones ingest: {line}", markup=False, soft_wrap=True)
            progress.update(task, description=_status_line(events.summary))

        def ready(urls: list[str]) -> None:
            for url in urls:
                say(
                    f"listening on {url} (POST /articles, GET /metrics)"
                    if plan.listen
                    else f"metrics at {url}/metrics"
                )
            feeds = len(plan.feeds.feed)
            if feeds:
                say(f"polling {feeds} feed(s)" + (" once" if plan.polls == 1 else ""))

        events = IngestEvents(say=say, verbose=not args.quiet)
        try:
            with explain_connect_errors(settings):
                summary = asyncio.run(_run_until_signal(settings, plan, events, say, ready))
        except SenderGaveUp as gave_up:
            err.print(f"milestones ingest: {gave_up}", markup=False, soft_wrap=True)
            print_summary(events.summary, err, settings.topics.articles)
            return 3

    print_summary(summary, err, settings.topics.articles)
    return 1 if summary.failures else 0


async def _run_until_signal(
    settings: Settings,
    plan: IngestPlan,
    events: IngestEvents,
    say: Callable[[str], None],
    ready: Callable[[list[str]], None],
) -> IngestSummary:
    """Run; SIGINT or SIGTERM sets the stop event, so what is in flight is delivered before the summary."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    return await run_ingest(settings, plan, events, stop=stop, on_status=say, on_ready=ready)
