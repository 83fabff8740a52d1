"""The thin shell: two Faust agents wiring the pure core to the topics.

    articles ──extract_articles──▶ index-moves (key: index), quotes (key: article_id)
    index-moves ──raise_alerts──▶ alerts (key: index), state in the ``index-state`` table

Every record is handled inside its own try/except: an exception inside a Faust agent acks the
event and the record would be gone, so instead it is copied to ``articles-dlq`` with its
reason and the agent carries on. Concurrency stays 1 (Faust can commit past an in-flight
message with more), and scaling is by partitions and workers.

Each move is applied once: moves carry their article's position (``streams.move_position``)
and the table remembers the last position applied, so moves repeated after a crash are skipped.

At-least-once, idempotent alerts: an alert is sent with ``force=True`` and its broker
acknowledgement awaited *before* the new state (which records it as fired) is written to the
table. A crash in between re-sends the same alert, with the same deterministic ``alert_id``,
and subscribers drop the repeat.

Index moves and quotes carry the article record's timestamp, so the alert agent can tell how
long an article took to become an alert.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from schemas import Alert, IndexMove
from streams.admission import admit_article
from streams.alert_headers import alert_headers
from streams.alerting import AlertRules, IndexState, advance, load_alert_rules
from streams.deadletter import DeadLetter
from streams.extract import extract_article, load_registry
from streams.move_position import MovePosition, already_applied, with_applied
from streams.observe import CountingObserver, Observers, PipelineCounts

if TYPE_CHECKING:
    from streams.app import Pipeline

__all__ = ["PipelineAgents", "register_agents", "send_until_acknowledged"]

log = logging.getLogger("milestones.agents")


@dataclass
class PipelineAgents:
    """The two agents of a pipeline, its observers, and the counts they keep."""

    extract: Any
    alert: Any
    observers: Observers
    counting: CountingObserver

    @property
    def counts(self) -> PipelineCounts:
        return self.counting.counts


async def send_until_acknowledged(topic: Any, alert: Alert, *, max_backoff: float = 5.0) -> None:
    """Send now (not attached to the event) and wait for the broker's ack, retrying until it comes.

    Giving up would let the agent move on and commit past an alert that was never written; a
    blocked agent while the broker is away is the price of losing nothing.
    """
    backoff = 0.1
    while True:
        try:
            sent = await topic.send(
                key=alert.index, value=alert.to_json_bytes(), headers=alert_headers(alert), force=True
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
    registry = load_registry(pipeline.settings.indices_path)  # the contract's indices + configured ones
    counting = CountingObserver()
    observers = Observers(counting)

    async def dead_letter(event: Any, exc: BaseException, stage: str) -> None:
        msg = event.message
        letter = DeadLetter.from_exception(
            exc, stage=stage, topic=msg.topic, partition=msg.partition, offset=msg.offset
        )
        await pipeline.articles_dlq.send(key=msg.key, value=msg.value, headers=letter.headers())
        observers.dead_lettered(letter)

    @app.agent(pipeline.articles, name="extract-articles", concurrency=1)
    async def extract_articles(stream: Any) -> None:
        """Article in, its index moves and quotes out."""
        async for event in stream.events():
            observers.article_in()
            started = time.perf_counter()
            try:
                article = admit_article(event.value)  # size, JSON, Article shape, prose
            except Exception as exc:
                await dead_letter(event, exc, "decode-article")
                continue
            try:
                extraction = extract_article(article, registry)
            except Exception as exc:
                await dead_letter(event, exc, "extract")
                continue
            stamp = event.message.timestamp
            msg = event.message
            for ordinal, move in enumerate(extraction.moves):
                where = MovePosition(msg.partition, msg.offset, ordinal)
                await pipeline.index_moves.send(
                    key=move.index, value=move.to_json_bytes(), timestamp=stamp, headers=where.headers()
                )
            for quote in extraction.quotes:
                await pipeline.quotes.send(key=quote.article_id, value=quote.to_json_bytes(), timestamp=stamp)
            observers.article_processed(extraction, time.perf_counter() - started)

    @app.agent(pipeline.index_moves, name="raise-alerts", concurrency=1)
    async def raise_alerts(stream: Any) -> None:
        """Index move in, alerts out; the index's state lives in the changelog-backed table."""
        table = pipeline.index_state
        async for event in stream.events():
            observers.move_in()
            try:
                move = IndexMove.from_json_bytes(event.value)
                position = MovePosition.from_headers(event.message.headers)
                stored = table.get(move.index)
                if already_applied(stored, position):  # a repeat after a crash: its effect is stored
                    observers.move_processed()
                    continue
                state = IndexState.from_dict(stored) if stored is not None else None
                new_state, alerts = advance(state, move, rules)
            except Exception as exc:
                await dead_letter(event, exc, "alert")
                continue
            for alert in alerts:
                await send_until_acknowledged(pipeline.alerts, alert)
                stamp = event.message.timestamp
                observers.alert_sent(alert, time.time() - stamp if stamp else None)
            if position is not None or (new_state is not None and new_state is not state):
                # The state and the position of the move applied, in one value: restored together.
                kept = new_state if new_state is not None else IndexState(index=move.index)
                table[move.index] = with_applied(kept.to_dict(), stored, position)
            observers.move_processed()

    return PipelineAgents(
        extract=extract_articles, alert=raise_alerts, observers=observers, counting=counting
    )
