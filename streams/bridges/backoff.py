"""Exponential backoff, capped, with jitter: how long the bridge waits before the next attempt.

Why jitter: several bridges (one per desk destination) that lose the same network at once
should not all hammer it again at the same instant when it returns.
Why a cap: a destination down for an hour must be retried every ``maximum`` seconds, not
once a day; the bridge never gives up on an alert.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

__all__ = ["Backoff"]


@dataclass
class Backoff:
    """Delays of ``initial * factor**n`` seconds (n failures so far), at most ``maximum``."""

    initial: float = 0.5
    maximum: float = 30.0
    factor: float = 2.0
    jitter: float = 0.1
    failures: int = 0
    _random: random.Random = field(default_factory=random.Random, repr=False)

    def __post_init__(self) -> None:
        if self.initial <= 0 or self.maximum < self.initial or self.factor < 1 or not 0 <= self.jitter < 1:
            raise ValueError(
                f"backoff needs 0 < initial <= maximum, factor >= 1 and 0 <= jitter < 1, got {self!r}"
            )

    def next_delay(self) -> float:
        """Record one more failure and return the delay before the next attempt."""
        base = min(self.maximum, self.initial * self.factor ** min(self.failures, 64))
        self.failures += 1
        spread = base * self.jitter
        return max(0.0, min(self.maximum, base + self._random.uniform(-spread, spread)))

    def reset(self) -> None:
        """A delivery succeeded: the next failure starts again from ``initial``."""
        self.failures = 0
