"""Both agents under Faust's test_context: what goes in, what they send, what they dead-letter."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from faust.exceptions import ProducerSendError

from schemas import Alert, IndexMove
from streams.extract.article import normalise_article
from streams.worker.app import Pipeline
from streams.worker.deadletter import DeadLetter
from tests.agents.conftest import Sent
from tests.builders import index_move

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


async def test_extract_agent_sends_moves_by_index_and_quotes_by_article(
    pipeline: tuple[Pipeline, Sent],
) -> None:
    p, sent = pipeline
    text = (SEEDS / "001_f196a04fcb3c95be.txt").read_text()
    article = normalise_article(text, origin="001_f196a04fcb3c95be.txt")
    async with p.agents.extract.test_context() as agent:
        await agent.put(key=article.article_id, value=article.to_json_bytes())
    moves = [IndexMove.from_json_bytes(m["value"]) for m in sent["index_moves"]]
    # 001 says the Nikkei topped 50,000 for the first time (hand-checked against the article).
    nikkei = [m for m in moves if m.index == "NIKKEI225"]
    assert nikkei and nikkei[0].milestone == 50000 and nikkei[0].first_time
    assert all(m["key"] == IndexMove.from_json_bytes(m["value"]).index for m in sent["index_moves"])
    assert all(m.article_id == article.article_id for m in moves)
    # Kyle Rodda is quoted in 001; every quote is keyed by the article id.
    assert any(orjson.loads(q["value"])["speaker"] == "Kyle Rodda" for q in sent["quotes"])
    assert all(q["key"] == article.article_id for q in sent["quotes"])
    assert sent["articles_dlq"] == []
    assert p.agents.counts.articles_in == p.agents.counts.articles_processed == 1


async def test_extract_agent_dead_letters_invalid_json_and_wrong_shape(
    pipeline: tuple[Pipeline, Sent],
) -> None:
    p, sent = pipeline
    async with p.agents.extract.test_context() as agent:
        await agent.put(key="k1", value=b"{not json")
        await agent.put(key="k2", value=b'{"title": "no id, no body"}')
    letters = sent["articles_dlq"]
    assert [m["key"] for m in letters] == ["k1", "k2"]
    assert letters[0]["value"] == b"{not json"  # the original bytes, untouched
    reasons = [DeadLetter.from_headers(m["headers"]) for m in letters]
    assert all(r.stage == "decode-article" for r in reasons)
    assert "JSONDecodeError" in reasons[0].error
    assert "ValidationError" in reasons[1].error and "article_id" in reasons[1].error
    assert sent["index_moves"] == [] and sent["quotes"] == []
    counts = p.agents.counts
    assert counts.articles_in == counts.articles_processed + sum(counts.dead_lettered.values()) == 2


async def test_alert_agent_fires_once_and_keeps_state_in_the_table(pipeline: tuple[Pipeline, Sent]) -> None:
    p, sent = pipeline
    topped = index_move(
        milestone=50000.0,
        first_time=True,
        article_id="art-1",
        sentence="The Nikkei topped 50,000 for the first time.",
    )
    async with p.agents.alert.test_context() as agent:
        await agent.put(key="NIKKEI225", value=topped.to_json_bytes())
        await agent.put(
            key="NIKKEI225", value=index_move(milestone=50000.0, article_id="art-2").to_json_bytes()
        )
    alerts = [Alert.from_json_bytes(m["value"]) for m in sent["alerts"]]
    assert [(a.kind, a.index, a.milestone, a.direction) for a in alerts] == [
        ("milestone", "NIKKEI225", 50000, "up")
    ]
    assert alerts[0].first_time and alerts[0].article_id == "art-1"
    assert sent["alerts"][0]["key"] == "NIKKEI225"
    assert dict(sent["alerts"][0]["headers"])["alert_id"] == alerts[0].alert_id.encode()
    # The table gets the state when the commit confirms the alerts it records as fired.
    assert "NIKKEI225" not in p.index_state
    await p.app.outbox.confirm()
    assert p.index_state["NIKKEI225"]["last_level"] == 50000


async def test_a_state_is_not_stored_while_the_alert_it_records_is_unacknowledged(
    pipeline: tuple[Pipeline, Sent],
) -> None:
    p, sent = pipeline
    sent.fail_next["alerts"] = 1
    async with p.agents.alert.test_context() as agent:
        await agent.put(key="KOSPI", value=index_move("KOSPI", milestone=4000.0).to_json_bytes())
    assert len(sent["alerts"]) == 1
    with pytest.raises(ProducerSendError):  # the commit fails: the worker restarts from its last one
        await p.app.outbox.confirm()
    assert "KOSPI" not in p.index_state
    assert p.agents.counts.alerts_out == 0  # counted when acknowledged, and it never was


async def test_alert_agent_dead_letters_a_bad_move(pipeline: tuple[Pipeline, Sent]) -> None:
    p, sent = pipeline
    async with p.agents.alert.test_context() as agent:
        await agent.put(key="NIKKEI225", value=b'{"index": "NIKKEI225", "direction": "sideways"}')
        await agent.put(key="KOSPI", value=index_move("KOSPI", milestone=4000.0).to_json_bytes())
    assert len(sent["articles_dlq"]) == 1
    assert DeadLetter.from_headers(sent["articles_dlq"][0]["headers"]).stage == "alert"
    assert [Alert.from_json_bytes(m["value"]).index for m in sent["alerts"]] == ["KOSPI"]


async def test_futures_move_fires_nothing(pipeline: tuple[Pipeline, Sent]) -> None:
    p, sent = pipeline
    async with p.agents.alert.test_context() as agent:
        await agent.put(
            key="IXIC",
            value=index_move("IXIC", level=30000.0, milestone=30000.0, futures=True).to_json_bytes(),
        )
    assert sent["alerts"] == []
