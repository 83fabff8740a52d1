"""Argument types for the CLI's flags: a value that makes no sense is refused by the parser.

Why: ``replay --rate 0`` never sent anything, ``--rate -1`` and ``--loop 0`` were taken as given,
``tail --max 0`` waited for nothing. argparse reports a refused value as ``milestones <command>:
error: argument --rate: --rate '0' must be a number above 0`` with the usage line, exit status 2.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable

__all__ = ["positive_float", "positive_int"]


def positive_float(flag: str) -> Callable[[str], float]:
    """An argparse type: a number above zero (``--rate 0`` would never send, ``-1`` means nothing)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{flag} {text!r} is not a number") from None
        if not (value > 0 and math.isfinite(value)):
            raise argparse.ArgumentTypeError(f"{flag} {text!r} must be a number above 0")
        return value

    return parse


def positive_int(flag: str) -> Callable[[str], int]:
    """An argparse type: a whole number of at least 1."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{flag} {text!r} is not a whole number") from None
        if value < 1:
            raise argparse.ArgumentTypeError(f"{flag} {text!r} must be 1 or more")
        return value

    return parse
