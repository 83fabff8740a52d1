"""``milestones replay``: progress bar while sending, a summary at the end, non-zero if any file was skipped."""

from __future__ import annotations

import argparse
import asyncio

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from streams.command_settings import kafka_settings
from streams.kafka_clients import explain_connect_errors
from streams.replay import ReplaySummary, plan_replay, replay

__all__ = ["print_summary", "run_replay_command"]


def print_summary(summary: ReplaySummary, console: Console, topic: str) -> None:
    """Sent count, then every skipped file with its reason."""
    console.print(f"sent {summary.sent} article(s) to {topic}; skipped {len(summary.skipped)}")
    for skip in summary.skipped:
        console.print(f"  skipped {skip.path}: {skip.reason}", markup=False, soft_wrap=True)


def run_replay_command(args: argparse.Namespace) -> int:
    """Plan, report skips at once, send with a progress bar, summarise.

    An unreachable broker or refused credentials raise ``KafkaConnectFailed``: one line and exit
    status 2 from ``milestones``' main. ``--rate``, ``--speed`` and ``--loop`` are checked by the
    parser (streams/cli.py).
    """
    settings = kafka_settings("replay")
    err = Console(stderr=True)
    plan = plan_replay(args.paths, order=args.order)
    for skip in plan.skipped:
        err.print(f"milestones replay: skipped {skip.path}: {skip.reason}", markup=False, soft_wrap=True)
    total = len(plan.files) * max(1, args.loop)
    with Progress(
        TextColumn("replay"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=args.quiet or total == 0,
        transient=False,
    ) as progress:
        task = progress.add_task("replay", total=total)
        with explain_connect_errors(settings):
            summary = asyncio.run(
                replay(
                    settings,
                    plan,
                    rate=args.rate,
                    speed=args.speed,
                    loops=args.loop,
                    on_sent=lambda _f: progress.advance(task),
                )
            )
    print_summary(summary, err, settings.topics.articles)
    if summary.sent == 0 and not summary.skipped:
        err.print("milestones replay: no article files found", markup=False, soft_wrap=True)
        return 1
    return 1 if summary.skipped else 0
