"""The ``milestones`` command: parses flags and calls the same functions the agents use.

Every failure a person can act on (a bad setting, a file that cannot be read, a broker that cannot
be reached or refuses the credentials) is a :class:`streams.failures.CommandFailed`: ``main``
prints it as one line, ``milestones <command>: <why>``, and exits 2, whichever command it was.
Flag values that make no sense are refused by the parser, also with exit status 2.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from streams.cli_types import positive_float, positive_int
from streams.failures import EXIT_FAILED, CommandFailed

if TYPE_CHECKING:
    from streams.extract import IndexRegistry

__all__ = ["main"]

DEFAULT_SEEDS = "seeds"
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")


def _offline_files(args: argparse.Namespace) -> tuple[Path | None, Path | None]:
    """Alert rules and extra index names: the flag if given, else the worker's settings.

    So ``backtest`` answers with the same configuration the stream runs with.
    """
    from streams.command_settings import load_settings
    from streams.settings import Settings

    settings = load_settings(Settings)
    rules = getattr(args, "rules", None) or settings.alert_rules_path
    return rules, args.indices or settings.indices_path


def _registry(indices: Path | None) -> IndexRegistry | None:
    """The index registry with the extra names of ``indices``; a file that cannot be read is named."""
    import tomllib

    from streams.extract import load_registry

    if indices is None:
        return None
    try:
        return load_registry(indices)
    except tomllib.TOMLDecodeError as error:
        raise CommandFailed(f"index names file {indices} is not valid TOML: {error}") from None
    except OSError as error:
        raise CommandFailed(f"cannot read index names file {indices}: {error.strerror or error}") from None
    except ValueError as error:
        raise CommandFailed(f"index names file {indices}: {error}") from None


def _cmd_extract(args: argparse.Namespace) -> int:
    from streams.offline import run_extract

    _, indices = _offline_files(args)
    return run_extract(args.paths, registry=_registry(indices))


def _cmd_backtest(args: argparse.Namespace) -> int:
    from streams.offline import run_backtest

    rules, indices = _offline_files(args)
    registry = _registry(indices)
    try:
        return run_backtest(
            args.paths, order=args.order, pretty=args.pretty, rules_path=rules, registry=registry
        )
    except ValueError as error:  # the alert rules file: its loader names it and says why
        raise CommandFailed(str(error)) from None


def _cmd_schemas(args: argparse.Namespace) -> int:
    from schemas.json_schema import SCHEMA_DIR, json_schemas, render_schema

    out_dir = Path(args.out) if args.out else SCHEMA_DIR
    if not out_dir.is_dir():
        raise CommandFailed(f"--out {str(out_dir)!r} is not a folder")
    stale = []
    for name, schema in json_schemas().items():
        path = out_dir / name
        data = render_schema(schema)
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.write_bytes(data)
            print(f"wrote {path}")
    if stale:
        print(f"stale JSON Schema files (run `milestones schemas`): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


def _cmd_replay(args: argparse.Namespace) -> int:
    from streams.replay.cli import run_replay_command

    return run_replay_command(args)


def _cmd_ingest(args: argparse.Namespace) -> int:
    from streams.ingest.cli import run_ingest_command

    return run_ingest_command(args)


def _cmd_worker(args: argparse.Namespace) -> int:
    from streams.command_settings import find_broker, load_settings
    from streams.settings import Settings
    from streams.worker.run import run_worker

    settings, why = find_broker(load_settings(Settings))
    return run_worker(loglevel=args.loglevel, settings=settings, broker_source=why)


def _cmd_broker(args: argparse.Namespace) -> int:
    from streams.broker.cli import broker_command

    return int(broker_command(args.action))


def _cmd_demo(args: argparse.Namespace) -> int:
    from streams.demo import run_demo

    return asyncio.run(run_demo(args.paths or [DEFAULT_SEEDS]))


def _cmd_bridge(args: argparse.Namespace) -> int:
    from streams.bridges.cli import run_bridge_command

    return run_bridge_command(args)


def _cmd_tail(args: argparse.Namespace) -> int:
    from streams.subscribe.tail import run_tail_command

    return run_tail_command(args)


def _cmd_page(args: argparse.Namespace) -> int:
    from streams.page.serve import run_page_command

    return run_page_command(args)


def build_parser() -> argparse.ArgumentParser:
    """Every subcommand and its flags."""
    parser = argparse.ArgumentParser(prog="milestones", description="Market-milestones news pipeline.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print index moves and quotes of article files as JSON lines")
    p.add_argument("paths", nargs="+", help="article files or folders")
    p.add_argument("--indices", type=Path, default=None, help="extra index names TOML (default: settings)")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("backtest", help="run extraction and the alert rules in-process; print alerts")
    p.add_argument("paths", nargs="+", help="article files or folders, in the order to process")
    p.add_argument("--order", choices=["name", "published"], default="name")
    p.add_argument("--pretty", action="store_true", help="a readable table instead of JSON lines")
    p.add_argument(
        "--rules", type=Path, default=None, help="alert rules TOML (default: settings, else contract)"
    )
    p.add_argument("--indices", type=Path, default=None, help="extra index names TOML (default: settings)")
    p.set_defaults(func=_cmd_backtest)

    p = sub.add_parser("replay", help="produce article files onto the articles topic")
    p.add_argument("paths", nargs="*", default=[DEFAULT_SEEDS], help="files or folders (default: seeds/)")
    pace = p.add_mutually_exclusive_group()
    pace.add_argument("--rate", type=positive_float("--rate"), default=None, help="articles per second")
    pace.add_argument(
        "--speed",
        type=positive_float("--speed"),
        default=None,
        help="pace by published_at gaps, X times faster",
    )
    p.add_argument("--loop", type=positive_int("--loop"), default=1, help="send the whole set N times")
    p.add_argument("--order", choices=["name", "published"], default="name")
    p.add_argument(
        "--from",
        dest="start_from",
        metavar="FILE",
        default=None,
        help="start the first pass at this file (by name), e.g. to resume a replay that gave up",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_replay)

    p = sub.add_parser("ingest", help="live news onto articles: poll RSS/Atom feeds, or take pushes")
    from streams.ingest.cli import add_ingest_arguments

    add_ingest_arguments(p)
    p.set_defaults(func=_cmd_ingest)

    p = sub.add_parser("worker", help="run the stream worker (extract and alert agents)")
    p.add_argument("--loglevel", type=str.lower, choices=LOG_LEVELS, help="default: MILESTONES_LOG_LEVEL")
    p.set_defaults(func=_cmd_worker)

    p = sub.add_parser("tail", help="follow alerts (or quotes, index-moves) as they arrive")
    from streams.subscribe.tail import add_tail_arguments

    add_tail_arguments(p)
    p.set_defaults(func=_cmd_tail)

    p = sub.add_parser("page", help="serve the live page on its own (alerts and levels from the topics)")
    from streams.page.serve import add_page_arguments

    add_page_arguments(p)
    p.set_defaults(func=_cmd_page)

    p = sub.add_parser("broker", help="manage the local Apache Kafka broker (no Docker needed)")
    p.add_argument(
        "action", choices=["start", "stop", "status", "fetch"], help="fetch: only download the jars"
    )
    p.set_defaults(func=_cmd_broker)

    p = sub.add_parser("schemas", help="regenerate the JSON Schema files from the models")
    p.add_argument("--check", action="store_true", help="only check that the files are up to date")
    p.add_argument("--out", default=None, help="folder to write to (default: the schemas package)")
    p.set_defaults(func=_cmd_schemas)

    p = sub.add_parser("bridge", help="forward alerts to a desk bus: webhook, RabbitMQ or NATS JetStream")
    p.add_argument("--to", required=True, metavar="URL", help="http(s)://..., amqp://... or nats://...")
    p.add_argument("--group", default=None, help="consumer group (default: one derived from the URL)")
    p.add_argument("--from-beginning", action="store_true", help="a new group starts at the oldest alert")
    p.add_argument("--loglevel", type=str.lower, choices=LOG_LEVELS, help="default: MILESTONES_LOG_LEVEL")
    p.set_defaults(func=_cmd_bridge)

    p = sub.add_parser(
        "demo",
        help="broker + worker + replay of the seeds, alerts shown live",
        description="The main job on one machine: a broker, a worker, a replay of the seeds (or PATH...), "
        "the alerts shown live. For live news instead of files, run a worker and point "
        "`milestones ingest FEED_URL...` (or `--feeds FILE`, or `--listen PORT` for pushed stories) at the "
        "same cluster: README, 'Live news'.",
    )
    p.add_argument("paths", nargs="*", help="files or folders to replay (default: seeds/)")
    p.set_defaults(func=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``milestones`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except CommandFailed as error:
        print(f"milestones {args.command}: {error}", file=sys.stderr, flush=True)
        return EXIT_FAILED
    except BrokenPipeError:  # `milestones extract ... | head`: the reader left; nothing is wrong
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout once more at exit
        return 0


if __name__ == "__main__":
    sys.exit(main())
