"""The thin shell: two Faust agents wiring the pure core to the topics.

    articles ──extract_articles──▶ index-moves (key: index), quotes (key: article_id)
    index-moves ──raise_alerts──▶ alerts (key: index), state in the ``index-state`` table

Every record is handled inside its own try/except: an exception inside a Faust agent acks the
event and the record would be gone, so instead it is copied to ``articles-dlq`` with its
reason and the agent carries on. Concurrency stays 1 (Faust can commit past an in-flight
message with more), and scaling is by partitions and workers.

Each move is applied once: moves carry their article's position (``streams.alerting.positions``)
and the table remembers the last position applied, so moves repeated after a crash are skipped.

At-least-once, idempotent alerts: moves, quotes and alerts go to the producer through the
outbox (``streams.worker.commit``), and a commit waits for all of them to be acknowledged. The new
state of an index (which records its alerts as fired) is written to the table only after
that (``streams.worker.commit``). A crash in between re-sends the same alert, with the same
deterministic ``alert_id``, and subscribers drop the repeat.

An article counts once (contract rule 9): the extract agent remembers every article_id it
processed in the ``processed-articles`` table (for ``MILESTONES_DEDUPE_WINDOW_DAYS``) and drops
an article whose id it already holds, before anything is extracted or sent. The id is written
at the commit, after the article's moves and quotes were acknowledged, so an article re-read
after a crash before that point is processed again (and its repeated moves skipped by position),
and one re-read after it is dropped, its results being already on their topics.

Index moves and quotes carry the article record's timestamp, so the alert agent can tell how
long an article took to become an alert.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar, cast

from schemas import Alert, IndexMove
from streams.admission import admit_article
from streams.alerting import AlertRules, IndexState, apply_move, implausible_figures, load_alert_rules
from streams.alerting.positions import MovePosition
from streams.extract import Extraction, extract_article, load_registry
from streams.worker.alert_headers import alert_headers
from streams.worker.commit import WriteBehindTable
from streams.worker.deadletter import DeadLetter
from streams.worker.observe import CountingObserver, Observers, PipelineCounts

if TYPE_CHECKING:
    from streams.worker.topology import Topology

__all__ = ["PipelineAgents", "register_agents"]

T = TypeVar("T")


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


async def uninterrupted(work: Awaitable[T]) -> T:
    """Run ``work`` to its end even when the agent is cancelled meanwhile, then let the cancel through.

    Why: when an agent is cancelled (the worker stopping, a rebalance) Faust acknowledges the
    event it was handling, in the ``finally`` of its stream iterator, and the consumer's last
    commit then covers that event. An article cancelled half-way through sending its moves
    would be committed with moves missing (seen in the SIGTERM test once the sends got fast
    enough to fill a producer batch and wait), and an alert sent without the state that
    records it would fire again. So an event's sends are finished first.
    """
    task = asyncio.ensure_future(work)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        while not task.done():
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(task)
        raise


def register_agents(pipeline: Topology) -> PipelineAgents:
    """Declare the extract and alert agents on the pipeline's app."""
    app = pipeline.app
    registry = load_registry(pipeline.settings.indices_path)  # the contract's indices + configured ones
    rules: AlertRules = load_alert_rules(pipeline.settings.alert_rules_path, registry)
    counting = CountingObserver()
    observers = Observers(counting)
    # Moves, quotes and alerts skip Faust's per-message send path; see streams/worker/commit.py for
    # why and for how a commit still waits for them.
    outbox = app.outbox  # type: ignore[attr-defined]
    # Rule 9: ids of the articles processed, written at the commit like the index states below.
    processed = WriteBehindTable(pipeline.processed_articles, keep_written=False)
    outbox.on_confirmed(processed.take)
    outbox.writes_to(pipeline.processed_articles.changelog_topic.get_topic_name())

    async def dead_letter(event: Any, exc: BaseException, stage: str) -> None:
        msg = event.message
        letter = DeadLetter.from_exception(
            exc, stage=stage, topic=msg.topic, partition=msg.partition, offset=msg.offset
        )
        await uninterrupted(
            pipeline.articles_dlq.send(key=msg.key, value=msg.value, headers=letter.headers())
        )
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
            if processed.get(article.article_id) is not None:  # rule 9: an article counts once
                observers.article_repeated(article.article_id)
                continue
            try:
                extraction = extract_article(article, registry)
            except Exception as exc:
                await dead_letter(event, exc, "extract")
                continue
            await uninterrupted(publish(extraction, event.message))
            processed.put(article.article_id, int(time.time()))
            observers.article_processed(extraction, time.perf_counter() - started)

    async def publish(extraction: Extraction, msg: Any) -> None:
        """Hand an article's moves (with their positions) and quotes to the producer."""
        stamp = msg.timestamp
        for ordinal, move in enumerate(extraction.moves):
            where = MovePosition(msg.partition, msg.offset, ordinal)
            await outbox.send(
                pipeline.index_moves,
                key=move.index,
                value=move.to_json_bytes(),
                headers=where.headers(),
                timestamp=stamp,
            )
        for quote in extraction.quotes:
            await outbox.send(
                pipeline.quotes, key=quote.article_id, value=quote.to_json_bytes(), timestamp=stamp
            )

    # The alert agent reads and updates index states here; the table gets them at the commit,
    # once the alerts they record are acknowledged (streams/worker/commit.py).
    states = WriteBehindTable(pipeline.index_state)
    outbox.on_confirmed(states.take)
    outbox.writes_to(pipeline.index_state.changelog_topic.get_topic_name())

    def forget_states(sender: Any, *args: Any, signal: Any, **kwargs: Any) -> None:
        states.forget()
        processed.forget()

    cast(Any, app.on_partitions_revoked).connect(forget_states)

    def acknowledged(alert: Alert, stamp: float | None, sent: asyncio.Future[Any]) -> None:
        if not sent.cancelled() and sent.exception() is None:
            observers.alert_sent(alert, time.time() - stamp if stamp else None)

    @app.agent(pipeline.index_moves, name="raise-alerts", concurrency=1)
    async def raise_alerts(stream: Any) -> None:
        """Index move in, alerts out; the index's state lives in the changelog-backed table."""
        async for event in stream.events():
            observers.move_in()
            try:
                move = IndexMove.from_json_bytes(event.value)
                position = MovePosition.from_headers(event.message.headers)
                stored = states.get(move.index)
                applied = apply_move(stored, move, position, rules, state=parsed_state(move.index, stored))
                if not applied.repeat:
                    for figure in implausible_figures(move, rules):  # rule 8: ignored by the rules, counted
                        observers.bad_tick(move.index, figure)
            except Exception as exc:
                await dead_letter(event, exc, "alert")
                continue
            if applied.alerts:  # the only await: a cancel must not part the alerts from their state
                await uninterrupted(send_alerts(applied.alerts, event.message.timestamp))
            if applied.stored is not None:  # the state and the move's position, restored together
                states.put(move.index, applied.stored)
                parsed[move.index] = (applied.stored, applied.state)
            observers.move_processed()

    async def send_alerts(alerts: list[Alert], stamp: float | None) -> None:
        for alert in alerts:
            sent = await outbox.send(
                pipeline.alerts, key=alert.index, value=alert.to_json_bytes(), headers=alert_headers(alert)
            )
            sent.add_done_callback(partial(acknowledged, alert, stamp))

    # The IndexState of the value last put for each index, so a move does not parse it again
    # (from_dict was a measurable share of the alert agent's time). Checked by identity: a
    # value read from the table after a rebalance is parsed afresh.
    parsed: dict[str, tuple[Any, IndexState | None]] = {}

    def parsed_state(index: str, stored: Any) -> IndexState | None:
        """The IndexState of ``stored`` when it is the value last put (else apply_move parses it)."""
        cached = parsed.get(index)
        return cached[1] if cached is not None and stored is not None and cached[0] is stored else None

    return PipelineAgents(
        extract=extract_articles, alert=raise_alerts, observers=observers, counting=counting
    )
