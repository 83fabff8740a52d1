"""``milestones bridge --to URL``: run one bridge until SIGTERM or Ctrl-C."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys

from streams.bridges.bridge import Bridge, BridgeStats
from streams.bridges.destinations import sink_for_url
from streams.bridges.settings import BridgeSettings
from streams.bridges.sink import default_group
from streams.command_settings import kafka_settings, load_settings
from streams.settings import Settings

__all__ = ["run_bridge", "run_bridge_command"]


async def run_bridge(
    url: str,
    settings: Settings,
    bridge_settings: BridgeSettings,
    *,
    group: str | None = None,
    from_beginning: bool = False,
    stop: asyncio.Event | None = None,
) -> BridgeStats:
    """Run a bridge to ``url`` until ``stop`` is set (or forever)."""
    sink = sink_for_url(url, bridge_settings)
    bridge = Bridge(
        settings,
        bridge_settings,
        sink,
        group=group or default_group(url),
        destination=url,
        from_beginning=from_beginning,
    )
    if stop is not None:
        bridge.stop = stop
    return await bridge.run()


async def _main(args: argparse.Namespace, settings: Settings, bridge_settings: BridgeSettings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await run_bridge(
        args.to, settings, bridge_settings, group=args.group, from_beginning=args.from_beginning, stop=stop
    )


def run_bridge_command(args: argparse.Namespace) -> int:
    """Validate settings and the URL, then run until a signal.

    A bad setting or destination raises :class:`streams.failures.CommandFailed` (``BadSettings``,
    ``BridgeError``): one line and exit status 2, from ``milestones``' main.
    """
    settings = kafka_settings("bridge")
    bridge_settings = load_settings(BridgeSettings)
    sink_for_url(args.to, bridge_settings)
    loglevel = args.loglevel or settings.log_level
    logging.basicConfig(
        level=loglevel.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if loglevel != "debug":
        # Each failed delivery is logged once by the bridge; the clients' own tracebacks are noise.
        for name in ("aiormq", "aio_pika", "nats"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    asyncio.run(_main(args, settings, bridge_settings))
    return 0
