"""``milestones replay``: progress bar while sending, a summary at the end, non-zero if any file was skipped.

Exit status: 0 all sent; 1 some file skipped (or none found); 2 the broker could not be reached
at all; 3 the broker went away mid-way and stayed away past ``MILESTONES_REPLAY_OUTAGE_SECONDS``
(the message names the first article not sent and the command that resumes from it).
"""

from __future__ import annotations

import argparse
import asyncio

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from streams.command_settings import kafka_settings
from streams.kafka.clients import explain_connect_errors
from streams.replay.producer import ReplayPlan, ReplaySummary, SenderGaveUp, plan_replay, replay

__all__ = ["print_summary", "run_replay_command"]


def print_summary(summary: ReplaySummary, console: Console, topic: str) -> None:
    """Sent count, then every skipped file with its reason."""
    console.print(f"sent {summary.sent} article(s) to {topic}; skipped {len(summary.skipped)}")
    if summary.delivery.already_there:
        console.print(
            f"  {summary.delivery.already_there} article(s) not sent: already on {topic} "
            "(they reached it before the replay gave up)"
        )
    outages = summary.delivery.outage_seconds
    if outages:
        console.print(
            f"  through {len(outages)} broker outage(s) ({', '.join(f'{s:.0f} s' for s in outages)}): "
            f"{summary.delivery.found_after_outage} article(s) found on the topic after an outage, "
            f"{summary.delivery.sent_again} sent again; none twice, none skipped"
        )
    for skip in summary.skipped:
        console.print(f"  skipped {skip.path}: {skip.reason}", markup=False, soft_wrap=True)


def _start_index(plan: ReplayPlan, name: str | None) -> int | None:
    """Where ``--from NAME`` starts the first pass (0 without it); None when no planned file has that name."""
    if name is None:
        return 0
    wanted = name.rsplit("/", 1)[-1]
    return next((i for i, f in enumerate(plan.files) if f.path.name == wanted), None)


def _resume_command(args: argparse.Namespace, gave_up: SenderGaveUp, files: int, start_at: int) -> str:
    """The command that sends what is left: from the first article not sent, and the passes after it."""
    first_pass = files - start_at
    passes_done = 0 if gave_up.position <= first_pass else 1 + (gave_up.position - first_pass - 1) // files
    parts = ["milestones", "replay", *map(str, args.paths), "--from", gave_up.first_unsent]
    if max(1, args.loop) - passes_done > 1:
        parts += ["--loop", str(max(1, args.loop) - passes_done)]
    if args.order != "name":
        parts += ["--order", args.order]
    if args.rate:
        parts += ["--rate", f"{args.rate:g}"]
    if args.speed:
        parts += ["--speed", f"{args.speed:g}"]
    return " ".join(parts)


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
    start_at = _start_index(plan, getattr(args, "start_from", None))
    if start_at is None:
        err.print(f"milestones replay: --from {args.start_from}: no such file among the files to replay")
        return 2
    total = (len(plan.files) - start_at) + len(plan.files) * (max(1, args.loop) - 1)
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

        def status(message: str) -> None:
            progress.console.print(f"milestones replay: {message}", markup=False, soft_wrap=True)

        try:
            with explain_connect_errors(settings):
                summary = asyncio.run(
                    replay(
                        settings,
                        plan,
                        rate=args.rate,
                        speed=args.speed,
                        loops=args.loop,
                        start_at=start_at,
                        on_sent=lambda _f: progress.advance(task),
                        on_status=status,
                    )
                )
        except SenderGaveUp as gave_up:
            err.print(f"milestones replay: {gave_up}", markup=False, soft_wrap=True)
            resume = _resume_command(args, gave_up, len(plan.files), start_at)
            err.print(f"milestones replay: to resume: {resume}", markup=False, soft_wrap=True)
            return 3
    print_summary(summary, err, settings.topics.articles)
    if summary.sent == 0 and not summary.skipped:
        err.print("milestones replay: no article files found", markup=False, soft_wrap=True)
        return 1
    return 1 if summary.skipped else 0
