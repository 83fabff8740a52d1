"""Observers: each hook reaches every observer that overrides it; one that raises is skipped."""

from __future__ import annotations

import logging

import pytest

from streams.worker.observe import CountingObserver, Observers, PipelineObserver


class Boom(PipelineObserver):
    def move_in(self) -> None:
        raise RuntimeError("observer bug")


class MovesSeen(PipelineObserver):
    def __init__(self) -> None:
        self.moves = 0

    def move_in(self) -> None:
        self.moves += 1


def test_every_overriding_observer_is_called_even_after_one_raises(caplog: pytest.LogCaptureFixture) -> None:
    counting, seen = CountingObserver(), MovesSeen()
    observers = Observers(counting, Boom())
    observers.add(seen)  # added later: still called
    with caplog.at_level(logging.ERROR, logger="milestones.observe"):
        observers.move_in()
        observers.move_in()
        observers.article_in()
    assert counting.counts.moves_in == 2 and seen.moves == 2
    assert counting.counts.articles_in == 1
    assert sum("failed in move_in" in r.getMessage() for r in caplog.records) == 2
