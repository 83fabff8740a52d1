"""The in-process backtest: articles in the order given, moves in article order; date ordering."""

from __future__ import annotations

from schemas import Article
from streams.alerting import AlertEngine, IndexState, backtest, load_alert_rules, order_by_published
from streams.extract import Extraction
from tests.builders import index_move

RULES = load_alert_rules()


def article(name: str, published: str | None, *moves: dict[str, object]) -> Extraction:
    return Extraction(
        article=Article(article_id=name, origin=name, published_at=published, body=""),
        moves=[index_move(**{"article_id": name, "sentence": f"{name} sentence", **m}) for m in moves],
        quotes=[],
    )


NIKKEI_50000 = {"index": "NIKKEI225", "direction": "up", "milestone": 50000.0}
NIKKEI_45055 = {"index": "NIKKEI225", "direction": "up", "level": 45055.38, "record_high": True}


def test_order_decides_what_fires() -> None:
    """As in the seeds: the September record after the October 50,000 news is stale by date."""
    october = article("oct", "2025-10-27", NIKKEI_50000)
    september = article("sep", "2025-09-10", NIKKEI_45055)

    by_name = backtest([october, september], RULES)
    assert [(a.kind, a.article_id) for a in by_name] == [("milestone", "oct")]

    chronological = backtest([september, october], RULES)
    assert [(a.kind, a.milestone, a.level, a.article_id) for a in chronological] == [
        ("record", None, 45055.38, "sep"),
        ("milestone", 50000, None, "oct"),
    ]
    assert chronological[0].published_at == "2025-09-10"


def test_moves_keep_their_own_published_at() -> None:
    extraction = article("a", "2025-10-27", {**NIKKEI_50000, "published_at": "2025-10-26"})
    (alert,) = backtest([extraction], RULES)
    assert alert.published_at == "2025-10-26"


def test_engine_keeps_one_state_per_index_and_can_resume() -> None:
    engine = AlertEngine(RULES)
    engine.process_extraction(
        article("a", None, NIKKEI_50000, {"index": "TOPIX", "direction": "up", "level": 3177.2})
    )
    states = engine.states
    assert set(states) == {"NIKKEI225", "TOPIX"}
    assert states["TOPIX"].last_level == 3177.2

    # A new engine from the stored states (as after a restart) does not refire 50,000.
    stored = {k: IndexState.from_dict(v.to_dict()) for k, v in states.items()}
    resumed = AlertEngine(RULES, stored)
    assert resumed.process_extraction(article("b", None, NIKKEI_50000)) == []


def test_futures_only_article_leaves_no_state() -> None:
    engine = AlertEngine(RULES)
    engine.process_extraction(article("f", None, {"index": "IXIC", "direction": "up", "futures": True}))
    assert engine.states == {}


def test_order_by_published() -> None:
    a = article("a", None)
    b = article("b", "2025-10-27")
    c = article("c", "2025-09-10T08:00:00Z")
    d = article("d", "2025-10-27T01:00:00+09:00")
    e = article("e", "12/09/2025")  # not ISO: counts as undated
    f = article("f", "2025-09-08")
    ordered = order_by_published([a, b, c, d, e, f], lambda x: x.article.published_at)
    # dated by day, same day keeps the given order (b before d), undated last in given order
    assert [x.article.article_id for x in ordered] == ["f", "c", "b", "d", "a", "e"]


def test_order_by_published_of_nothing() -> None:
    assert order_by_published([], lambda x: x) == []
