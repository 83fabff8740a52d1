"""The live page's history: headlines that agree with the alerts, a time axis, one point per move.

The seeds are the case the issue was filed on: after them the last level to *arrive* for the
Nikkei was a September 44,888 beside an alert that it crossed 50,000 in October.
"""

from __future__ import annotations

from pathlib import Path

from schemas import Alert, IndexMove
from streams.alerting import AlertEngine, load_alert_rules
from streams.extract import extract_article
from streams.page.history import PageHistory, published_ms
from streams.replay.files import ArticleFile, load_articles
from tests.builders import index_move

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ARRIVED = 1_800_000_000_000  # when the records arrived (ms): after every date in the seeds


def _seed_moves() -> list[IndexMove]:
    files = [f for f in load_articles([SEEDS]) if isinstance(f, ArticleFile)]
    return [move for f in files for move in extract_article(f.article).moves]


def _history_of_seeds() -> tuple[PageHistory, list[Alert]]:
    rules = load_alert_rules(None)
    history = PageHistory(rules)
    engine = AlertEngine(rules)
    alerts: list[Alert] = []
    for n, move in enumerate(_seed_moves()):
        history.add_move(move, ARRIVED + n)
        alerts += engine.process(move)
    for n, alert in enumerate(alerts):
        history.add_alert(alert, ARRIVED + 100 + n)
    return history, alerts


def test_after_the_seeds_each_headline_is_the_level_the_alerts_were_judged_against() -> None:
    history, alerts = _history_of_seeds()
    headlines = {index: h["headline"] for index, h in history.snapshot()["indices"].items()}
    nikkei = headlines["NIKKEI225"]
    # Not the September 44,888 nor the undated intraday 45,055: the October crossing of 50,000.
    assert (nikkei["relation"], nikkei["value"], nikkei["published_at"]) == ("above", 50000, "2025-10-27")
    assert nikkei["dated"] is True
    assert (headlines["KOSPI"]["relation"], headlines["KOSPI"]["value"]) == ("above", 4000)
    assert headlines["KOSPI"]["dated"] is False and headlines["KOSPI"]["arrived_at"] >= ARRIVED
    assert (headlines["TOPIX"]["relation"], headlines["TOPIX"]["value"]) == ("at", 3177.2)  # its record
    assert (headlines["DJIA"]["relation"], headlines["DJIA"]["value"]) == ("at", 47207.12)
    for alert in alerts:  # none contradicts its index's headline
        figure = headlines[alert.index]["value"]
        if alert.kind == "record":
            assert figure >= (alert.level or 0), alert
        elif alert.direction == "up":
            assert figure >= (alert.milestone or 0), alert


def test_points_stand_at_their_publication_date_or_their_arrival_marked_undated() -> None:
    history, _ = _history_of_seeds()
    nikkei = history.snapshot()["indices"]["NIKKEI225"]["points"]
    by_value = {p["value"]: p for p in nikkei}
    september = by_value[44888]
    assert september["dated"] is True and september["at"] == published_ms("2025-09-12T12:00:00+00:00")
    assert september["counted"] is False and "stale" in september["why"]  # older than October's 50,000
    intraday = by_value[45055.38]
    assert intraday["dated"] is False and intraday["at"] >= ARRIVED and intraday["counted"] is False
    crossing = [p for p in nikkei if p["shape"] == "milestone"]
    assert [(p["value"], p["published_at"]) for p in crossing] == [(50000, None), (50000, "2025-10-27")]


def test_the_same_moves_read_again_add_no_point_and_no_event() -> None:
    history, _ = _history_of_seeds()
    before = history.snapshot()
    for n, move in enumerate(_seed_moves()):
        assert history.add_move(move, ARRIVED + 10_000 + n) is None
    assert history.snapshot()["indices"] == before["indices"]
    assert history.counts()["moves"] == len(_seed_moves())


def test_futures_and_implausible_levels_are_no_points_and_points_are_bounded() -> None:
    history = PageHistory(load_alert_rules(None), levels_per_index=3)
    assert history.add_move(index_move(level=51000, futures=True, article_id="a"), ARRIVED) is None
    history.add_move(index_move(level=2.0, article_id="a", sentence="t"), ARRIVED)  # a misread 2
    assert "NIKKEI225" not in history.snapshot()["indices"]  # nothing to draw: left out
    for n in range(5):
        history.add_move(index_move(level=40000 + n, article_id=f"a{n}"), ARRIVED + n)
    points = history.snapshot()["indices"]["NIKKEI225"]["points"]
    assert [p["value"] for p in points] == [40002, 40003, 40004]
    assert history.snapshot()["indices"]["NIKKEI225"]["headline"]["value"] == 40004


def test_an_alert_row_gets_its_article_source_when_it_is_known() -> None:
    history = PageHistory(load_alert_rules(None))
    alert = Alert(
        alert_id="x",
        kind="milestone",
        index="KOSPI",
        direction="up",
        milestone=4000,
        article_id="art",
        sentence="Kospi tops 4,000.",
    )
    row = history.add_alert(alert, ARRIVED)
    assert "source" not in row and row["dated"] is False and row["at"] == ARRIVED
    event = history.add_article("art", {"source": "CNBC", "title": "Asia markets", "url": None})
    assert event == {"article_id": "art", "source": "CNBC", "title": "Asia markets", "url": None}
    assert history.snapshot()["alerts"][0]["source"] == "CNBC"
