"""``python -m streams.broker start|stop|status``: the broker commands before the CLI is wired."""

from __future__ import annotations

import sys

from streams.broker.cli import ACTIONS, broker_command


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(f"usage: python -m streams.broker {{{'|'.join(ACTIONS)}}}", file=sys.stderr)
        return 2
    return broker_command(args[0])


if __name__ == "__main__":
    raise SystemExit(main())
