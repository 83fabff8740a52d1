"""The alert rules run in-process over extracted articles: what ``milestones backtest`` prints.

``AlertEngine`` keeps one ``IndexState`` per index (a plain dict, as the Faust Table does keyed by
index) and folds moves in the order given; ``backtest`` runs it over articles in the order given,
moves in their order inside each article. ``order_by_published`` is the ``--order published``
reordering.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, TypeVar

from schemas import Alert, IndexMove
from streams.alerting.rules import AlertRules
from streams.alerting.state import IndexState, advance, published_day

if TYPE_CHECKING:  # only its shape is used (.article, .moves): alerting does not need extraction loaded
    from streams.extract import Extraction

__all__ = ["AlertEngine", "backtest", "order_by_published"]

T = TypeVar("T")


class AlertEngine:
    """The alert state machine over many indices: a dict of ``IndexState`` keyed by index."""

    def __init__(self, rules: AlertRules, states: Mapping[str, IndexState] | None = None) -> None:
        self.rules = rules
        self._states: dict[str, IndexState] = dict(states or {})

    @property
    def states(self) -> Mapping[str, IndexState]:
        """The current state of every index that has one (a copy)."""
        return dict(self._states)

    def process(self, move: IndexMove) -> list[Alert]:
        """Fold one move into its index's state and return the alerts it fires."""
        new_state, alerts = advance(self._states.get(move.index), move, self.rules)
        if new_state is not None:
            self._states[move.index] = new_state
        return alerts

    def process_extraction(self, extraction: Extraction) -> list[Alert]:
        """Fold every move of one article, in order.

        A move that carries no ``published_at`` takes its article's, so stale news can be judged
        by dates however the moves were built.
        """
        published_at = extraction.article.published_at
        alerts: list[Alert] = []
        for move in extraction.moves:
            if move.published_at is None and published_at is not None:
                move = move.model_copy(update={"published_at": published_at})
            alerts.extend(self.process(move))
        return alerts


def backtest(extractions: Iterable[Extraction], rules: AlertRules) -> list[Alert]:
    """All alerts that the moves of ``extractions`` fire, articles in the order given."""
    engine = AlertEngine(rules)
    alerts: list[Alert] = []
    for extraction in extractions:
        alerts.extend(engine.process_extraction(extraction))
    return alerts


def order_by_published(items: Iterable[T], published_at: Callable[[T], str | None]) -> list[T]:
    """Items in date order: dated ones by the day of their ``published_at``, oldest first, then the
    undated ones (and those whose date is not ISO) at the end.

    The sort is stable: items of the same day, and the undated ones, keep the order they were
    given in. Only the day counts, as in the stale-news rule. ``--order published`` of
    ``milestones replay`` and ``backtest`` uses it on article files.
    """
    keyed = [(published_day(published_at(item)), item) for item in items]
    dated = sorted(((day, item) for day, item in keyed if day is not None), key=lambda pair: pair[0])
    return [item for _, item in dated] + [item for day, item in keyed if day is None]
