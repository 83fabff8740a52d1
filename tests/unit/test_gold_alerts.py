"""The alert state machine against the hand-worked gold streams (seeds and dev).

The gold moves are fed as ``IndexMove`` objects (article_id = the file name, published_at = the
gold article's published_at) in each stream's order, so this tests the alert rules independently
of extraction. The expected alerts are the gold files' own, worked by hand in
shared/gold/seeds-alerts-walkthrough.md and shared/dev/README.md.
"""

from __future__ import annotations

from typing import Any

import pytest

from schemas import Alert, Article, IndexMove
from streams.alerting import AlertEngine, backtest, load_alert_rules
from tests.gold import GoldName, load_gold

GOLDS: tuple[GoldName, ...] = ("seeds", "dev")


def _streams() -> list[Any]:
    params = []
    for name in GOLDS:
        gold = load_gold(name)
        for stream in gold["streams"]:
            params.append(pytest.param(gold, stream, id=stream["name"]))
    return params


def _moves(gold: dict[str, Any], file_name: str, *, with_date: bool = True) -> list[IndexMove]:
    article = gold["articles"][file_name]
    return [
        IndexMove(
            article_id=file_name,
            published_at=article["published_at"] if with_date else None,
            **move,
        )
        for move in article["moves"]
    ]


def _expected(stream: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (
            a["kind"],
            a["index"],
            a["direction"],
            a["milestone"] if a["kind"] == "milestone" else None,
            a["level"],
            a["first_time"],
            a["article"],
            a["sentence"],
        )
        for a in stream["alerts"]
    ]


def _actual(alerts: list[Alert]) -> list[tuple[Any, ...]]:
    return [
        (a.kind, a.index, a.direction, a.milestone, a.level, a.first_time, a.article_id, a.sentence)
        for a in alerts
    ]


def test_gold_files_have_the_streams_we_expect() -> None:
    names = [s["name"] for name in GOLDS for s in load_gold(name)["streams"]]
    assert names == [
        "seeds-by-name",
        "seeds-chronological",
        "dev-ftse-europe-2025",
        "dev-tsx-30000-sep-2025",
        "dev-india-nifty-sensex-2025",
        "dev-us-dow-sp500-nasdaq-nov2025-feb2026",
        "dev-kospi-5000-jan-feb-2026",
        "dev-cac40-8000-2020-2025",
    ]


@pytest.mark.parametrize(("gold", "stream"), _streams())
def test_gold_stream_alerts_by_advance(gold: dict[str, Any], stream: dict[str, Any]) -> None:
    engine = AlertEngine(load_alert_rules())
    alerts: list[Alert] = []
    for file_name in stream["order"]:
        for move in _moves(gold, file_name):
            alerts.extend(engine.process(move))

    assert _actual(alerts) == _expected(stream)
    for alert in alerts:
        assert alert.published_at == gold["articles"][alert.article_id]["published_at"]
    # Within one stream no alert repeats, so no alert_id repeats either.
    assert len({a.alert_id for a in alerts}) == len(alerts)


@pytest.mark.parametrize(("gold", "stream"), _streams())
def test_gold_stream_alerts_by_backtest(gold: dict[str, Any], stream: dict[str, Any]) -> None:
    """The same streams through ``backtest``: moves without a date take their article's."""
    from streams.extract import Extraction  # here, so the advance() test needs no extraction code

    extractions = [
        Extraction(
            article=Article(
                article_id=file_name,
                origin=file_name,
                published_at=gold["articles"][file_name]["published_at"],
                body="",
            ),
            moves=_moves(gold, file_name, with_date=False),
            quotes=[],
        )
        for file_name in stream["order"]
    ]
    alerts = backtest(extractions, load_alert_rules())
    assert _actual(alerts) == _expected(stream)
    for alert in alerts:
        assert alert.published_at == gold["articles"][alert.article_id]["published_at"]


def test_seed_streams_counts() -> None:
    """The walkthrough's totals: 4 alerts read by name, 9 read chronologically; dev has 36."""
    seeds, dev = load_gold("seeds"), load_gold("dev")
    assert [len(s["alerts"]) for s in seeds["streams"]] == [4, 9]
    assert sum(len(s["alerts"]) for s in dev["streams"]) == 36
