"""``milestones bridge --to URL``: run one bridge until SIGTERM or Ctrl-C."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys

from pydantic import ValidationError

from streams.bridges.bridge import Bridge, BridgeStats
from streams.bridges.settings import BridgeSettings
from streams.bridges.sink import BridgeError, default_group, sink_for_url
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
    """Validate settings and the URL, then run until a signal; 2 for a bad configuration."""
    logging.basicConfig(
        level=args.loglevel.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.loglevel.lower() != "debug":
        # Each failed delivery is logged once by the bridge; the clients' own tracebacks are noise.
        for name in ("aiormq", "aio_pika", "nats"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        settings = Settings()
        bridge_settings = BridgeSettings()
        sink_for_url(args.to, bridge_settings)
    except (ValidationError, BridgeError) as error:
        print(f"milestones bridge: {error}", file=sys.stderr)
        return 2
    asyncio.run(_main(args, settings, bridge_settings))
    return 0
