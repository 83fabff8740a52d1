"""What the agents report as they work: one observer interface, counters by default.

Why a seam: metrics (Prometheus), logs and tests all want to know what the agents did, and
none of them belongs inside the agents' loops. Observers are called synchronously and must be
cheap; an observer that raises is logged and ignored, never allowed to drop a record.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from schemas import Alert
from streams.extract import Extraction
from streams.worker.deadletter import DeadLetter

__all__ = ["CountingObserver", "Observers", "PipelineCounts", "PipelineObserver"]

log = logging.getLogger("milestones.observe")


@dataclass
class PipelineCounts:
    """What this worker has seen: ``articles_in`` == processed + repeated + dead-lettered articles."""

    articles_in: int = 0
    articles_processed: int = 0
    articles_repeated: int = 0
    """Articles dropped because their id was already processed (rule 9)."""
    moves_in: int = 0
    moves_processed: int = 0
    moves_out: int = 0
    quotes_out: int = 0
    alerts_out: int = 0
    bad_ticks: Counter[str] = field(default_factory=Counter)
    """Figures the alert rules ignored as outside their index's plausible range (rule 8), by index."""
    dead_lettered: Counter[str] = field(default_factory=Counter)


class PipelineObserver:
    """Hooks called by the agents. The base class does nothing; subclass what you need."""

    def article_in(self) -> None:
        """An articles record arrived (before decoding)."""

    def article_processed(self, extraction: Extraction, seconds: float) -> None:
        """An article was extracted in ``seconds`` and its moves and quotes handed to the producer."""

    def article_repeated(self, article_id: str) -> None:
        """An article whose id was already processed was dropped unread (rule 9)."""

    def move_in(self) -> None:
        """An index-moves record arrived (before decoding)."""

    def move_processed(self) -> None:
        """An index move went through the alert rules and its state was stored."""

    def alert_sent(self, alert: Alert, lag_seconds: float | None) -> None:
        """The broker acknowledged an alert; ``lag_seconds`` is from the article's produce time."""

    def bad_tick(self, index: str, figure: str) -> None:
        """The alert rules ignored a move's ``figure`` (level or milestone) outside ``index``'s range."""

    def dead_lettered(self, letter: DeadLetter) -> None:
        """A record was copied to the dead-letter topic."""


class CountingObserver(PipelineObserver):
    """Counts everything (the reconciliation in = processed + dead-lettered)."""

    def __init__(self) -> None:
        self.counts = PipelineCounts()

    def article_in(self) -> None:
        self.counts.articles_in += 1

    def article_processed(self, extraction: Extraction, seconds: float) -> None:
        self.counts.articles_processed += 1
        self.counts.moves_out += len(extraction.moves)
        self.counts.quotes_out += len(extraction.quotes)

    def article_repeated(self, article_id: str) -> None:
        self.counts.articles_repeated += 1

    def move_in(self) -> None:
        self.counts.moves_in += 1

    def move_processed(self) -> None:
        self.counts.moves_processed += 1

    def alert_sent(self, alert: Alert, lag_seconds: float | None) -> None:
        self.counts.alerts_out += 1

    def bad_tick(self, index: str, figure: str) -> None:
        self.counts.bad_ticks[index] += 1

    def dead_lettered(self, letter: DeadLetter) -> None:
        self.counts.dead_lettered[letter.stage] += 1


class Observers(PipelineObserver):
    """Fans each hook out to several observers; one that raises is logged and skipped.

    Each hook keeps the list of observers that override it, bound once: the agents call
    ``move_in`` and ``move_processed`` for every index move, and a call into a base-class
    no-op for each observer was a measurable share of the worker's time per move.
    """

    _HOOKS = (
        "article_in",
        "article_processed",
        "article_repeated",
        "move_in",
        "move_processed",
        "alert_sent",
        "bad_tick",
        "dead_lettered",
    )

    def __init__(self, *observers: PipelineObserver) -> None:
        self.observers: list[PipelineObserver] = []
        self._bound: dict[str, list[tuple[PipelineObserver, Callable[..., None]]]] = {
            h: [] for h in self._HOOKS
        }
        for observer in observers:
            self.add(observer)

    def add(self, observer: PipelineObserver) -> None:
        self.observers.append(observer)
        for hook in self._HOOKS:
            if getattr(type(observer), hook) is not getattr(PipelineObserver, hook):
                self._bound[hook].append((observer, getattr(observer, hook)))

    def _each(self, hook: str, *args: object) -> None:
        for observer, method in self._bound[hook]:
            try:
                method(*args)
            except Exception:
                log.exception("observer %r failed in %s", observer, hook)

    def article_in(self) -> None:
        self._each("article_in")

    def article_processed(self, extraction: Extraction, seconds: float) -> None:
        self._each("article_processed", extraction, seconds)

    def article_repeated(self, article_id: str) -> None:
        self._each("article_repeated", article_id)

    def move_in(self) -> None:
        self._each("move_in")

    def move_processed(self) -> None:
        self._each("move_processed")

    def alert_sent(self, alert: Alert, lag_seconds: float | None) -> None:
        self._each("alert_sent", alert, lag_seconds)

    def bad_tick(self, index: str, figure: str) -> None:
        self._each("bad_tick", index, figure)

    def dead_lettered(self, letter: DeadLetter) -> None:
        self._each("dead_lettered", letter)
