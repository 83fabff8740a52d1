"""The thin shell: two Faust agents wiring the pure core to the topics.

    articles ──extract_articles──▶ index-moves (key: index), quotes (key: article_id)
    index-moves ──raise_alerts──▶ alerts (key: index), state in the ``index-state`` table

Every record is handled inside its own try/except: an exception inside a Faust agent acks the
event and the record would be gone, so instead it is copied to ``articles-dlq`` with its
reason and the agent carries on. Concurrency stays 1 (Faust can commit past an in-flight
message with more), and scaling is by partitions and workers.

At-least-once, idempotent alerts: an alert is sent with ``force=True`` and its broker
acknowledgement awaited *before* the new state (which records it as fired) is written to the
table. A crash in between re-sends the same alert, with the same deterministic ``alert_id``,
and subscribers drop the repeat.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from schemas import Alert, Article, IndexMove
from streams.alerting import AlertRules, IndexState, advance, load_alert_rules
from streams.deadletter import DeadLetter
from streams.extract import extract_article

if TYPE_CHECKING:
    from streams.app import Pipeline

__all__ = ["PipelineAgents", "PipelineCounts", "register_agents"]

log = logging.getLogger("milestones.agents")


@dataclass
class PipelineCounts:
    """What this worker has seen; ``articles_in == articles_processed + dead-lettered articles``."""

    articles_in: int = 0
    articles_processed: int = 0
    moves_in: int = 0
    moves_processed: int = 0
    moves_out: int = 0
    quotes_out: int = 0
    alerts_out: int = 0
    dead_lettered: Counter[str] = field(default_factory=Counter)


@dataclass
class PipelineAgents:
    """The two agents of a pipeline and the counts they keep."""

    extract: Any
    alert: Any
    counts: PipelineCounts


def _alert_headers(alert: Alert) -> list[tuple[str, bytes]]:
    """Headers carried by every alert (CloudEvents binding headers join them later)."""
    return [("alert_id", alert.alert_id.encode()), ("content-type", b"application/json")]


async def send_until_acknowledged(topic: Any, alert: Alert, *, max_backoff: float = 5.0) -> None:
    """Send now (not attached to the event) and wait for the broker's ack, retrying until it comes.

    Giving up would let the agent move on and commit past an alert that was never written; a
    blocked agent while the broker is away is the price of losing nothing.
    """
    backoff = 0.1
    while True:
        try:
            sent = await topic.send(
                key=alert.index, value=alert.to_json_bytes(), headers=_alert_headers(alert), force=True
            )
            await sent
            return
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("alert %s not acknowledged (%s); retrying in %.1fs", alert.alert_id, exc, backoff)
            await asyncio.sleep(backoff)
            backoff = min(max_backoff, backoff * 2)


def register_agents(pipeline: Pipeline) -> PipelineAgents:
    """Declare the extract and alert agents on the pipeline's app."""
    app = pipeline.app
    rules: AlertRules = load_alert_rules(pipeline.settings.alert_rules_path)
    counts = PipelineCounts()

    async def dead_letter(event: Any, exc: BaseException, stage: str) -> None:
        msg = event.message
        letter = DeadLetter.from_exception(
            exc, stage=stage, topic=msg.topic, partition=msg.partition, offset=msg.offset
        )
        counts.dead_lettered[stage] += 1
        log.warning(
            "dead-lettered record from %s[%d]@%d at %s: %s",
            msg.topic,
            msg.partition,
            msg.offset,
            stage,
            letter.error,
        )
        await pipeline.articles_dlq.send(key=msg.key, value=msg.value, headers=letter.headers())

    @app.agent(pipeline.articles, name="extract-articles", concurrency=1)
    async def extract_articles(stream: Any) -> None:
        """Article in, its index moves and quotes out."""
        async for event in stream.events():
            counts.articles_in += 1
            try:
                article = Article.from_json_bytes(event.value)
            except Exception as exc:
                await dead_letter(event, exc, "decode-article")
                continue
            try:
                extraction = extract_article(article)
            except Exception as exc:
                await dead_letter(event, exc, "extract")
                continue
            for move in extraction.moves:
                await pipeline.index_moves.send(key=move.index, value=move.to_json_bytes())
            for quote in extraction.quotes:
                await pipeline.quotes.send(key=quote.article_id, value=quote.to_json_bytes())
            counts.articles_processed += 1
            counts.moves_out += len(extraction.moves)
            counts.quotes_out += len(extraction.quotes)

    @app.agent(pipeline.index_moves, name="raise-alerts", concurrency=1)
    async def raise_alerts(stream: Any) -> None:
        """Index move in, alerts out; the index's state lives in the changelog-backed table."""
        table = pipeline.index_state
        async for event in stream.events():
            counts.moves_in += 1
            try:
                move = IndexMove.from_json_bytes(event.value)
                stored = table.get(move.index)
                state = IndexState.from_dict(stored) if stored is not None else None
                new_state, alerts = advance(state, move, rules)
            except Exception as exc:
                await dead_letter(event, exc, "alert")
                continue
            for alert in alerts:
                await send_until_acknowledged(pipeline.alerts, alert)
                counts.alerts_out += 1
                log.info(
                    "alert %s %s %s %s",
                    alert.alert_id,
                    alert.index,
                    alert.kind,
                    alert.milestone or alert.level,
                )
            if new_state is not None and new_state != state:
                table[move.index] = new_state.to_dict()
            counts.moves_processed += 1

    return PipelineAgents(extract=extract_articles, alert=raise_alerts, counts=counts)
