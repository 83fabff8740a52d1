"""``milestones page``: the live page on its own, for desks that do not run a worker.

It reads the same topics as the worker's page (the cluster, prefix, topic map and TLS/SASL of
the shared settings), so both show the same thing. Loopback by default (``127.0.0.1:6067``):
opening it to a network is a choice (``--host``). SIGINT or SIGTERM stops it cleanly: the
consumers stop and the open pages' streams end.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from typing import TextIO

from pydantic import ValidationError

from streams.command_settings import describe_settings_error, kafka_settings, load_settings
from streams.page.settings import PageSettings
from streams.settings import Settings

__all__ = ["add_page_arguments", "run_page_command", "serve_page"]


async def serve_page(settings: Settings, page_settings: PageSettings, out: TextIO = sys.stderr) -> int:
    """Serve the page until SIGINT or SIGTERM; 0 then."""
    from aiohttp import web  # here, not at the top: the CLI imports this module to build its parser

    from streams.page.live_page import LivePage
    from streams.page.web import page_application

    page = LivePage(settings, page_settings)
    runner = web.AppRunner(page_application(page), handle_signals=False)
    await runner.setup()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        site = web.TCPSite(runner, page_settings.host, page_settings.port)
        await site.start()
        page.start()
        print(
            f"milestones page: http://{page_settings.host}:{page_settings.port}/live "
            f"(the last {page_settings.window_days:g} days of {settings.topics.alerts} and "
            f"{settings.topics.index_moves}, then live; Ctrl-C to stop)",
            file=out,
            flush=True,
        )
        await stop.wait()
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        await page.close()
        await runner.cleanup()
    return 0


def add_page_arguments(p: argparse.ArgumentParser) -> None:
    """The flags of ``milestones page``; each overrides its ``MILESTONES_PAGE_*`` setting."""
    p.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=None, help="port (default 6067)")
    p.add_argument(
        "--window-days", type=float, default=None, help="days of alerts and moves read on start (default 3)"
    )


def run_page_command(args: argparse.Namespace) -> int:
    """Settings from the environment and the flags, then serve; bad settings exit 2 with the reason."""
    flags = {"host": args.host, "port": args.port, "window_days": args.window_days}
    settings = kafka_settings("page")  # the broker found as every command finds it; one-line errors
    page_defaults = load_settings(PageSettings)
    try:
        page_settings = PageSettings(
            **{**page_defaults.model_dump(), **{k: v for k, v in flags.items() if v is not None}}
        )
    except ValidationError as exc:
        print(f"milestones page: bad flag: {describe_settings_error(PageSettings, exc)}", file=sys.stderr)
        return 2
    try:
        return asyncio.run(serve_page(settings, page_settings))
    except OSError as exc:  # the port is taken, or the address is not ours
        print(
            f"milestones page: cannot listen on {page_settings.host}:{page_settings.port}: {exc}",
            file=sys.stderr,
        )
        return 2
