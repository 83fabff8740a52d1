"""What the live page shows, folded from the records of the topics: pure, no Kafka, no I/O.

    index-moves ──add_move───▶ points per index (one per article and move) and a headline per index
    alerts      ──add_alert──▶ alert rows, newest first
    articles    ──add_article▶ the source, title and url of the articles the alerts cite

**Time axis.** A point stands at its article's publication date (``published_at``); an article
that gives none stands at its arrival time (the record's timestamp) and is marked ``dated:
false``, so the page can draw it apart and say so.

**One point per (article, move).** A move is known by its content (its article id, sentence,
figures and flags), so the same move read twice (a re-send after a crash, a re-read after a
restart, a replay after the dedupe window) adds nothing.

**The headline agrees with the alerts.** The latest level to *arrive* is often old news: after
the seeds it was a September Nikkei 44,888 beside an alert that the Nikkei crossed 50,000 in
October. So the page folds every move through the same alert rules as the worker
(``streams.alerting.advance``), in the same order (moves are keyed by index, so one index's
moves are in one partition, in the order the alert agent read them). The headline is the last
level those rules hold: the latest by publication date (an older article is stale news), an
undated figure left out when it contradicts its own direction. It is the level the alerts were
judged against, so it never contradicts them. A move that says only that a milestone was crossed
("breached the 50,000 mark") makes the headline "above 50,000" (rule 6). Moves the rules did not
count stay on the chart, marked ``counted: false`` with the reason.

The page starts from a window of the topics (``PageSettings.window_days``), so its rules start
with no level, like a worker on a fresh topic; inside the window they agree with the worker.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict, deque
from datetime import UTC, datetime
from typing import Any

from schemas import Alert, IndexMove
from streams.alerting import AlertRules, IndexState, advance, implausible_figures

__all__ = ["ArticleInfo", "PageHistory", "published_ms"]

SENTENCE_CHARS = 400
"""Sentences are cut to this length on the page (the chart's tooltips, the alert rows)."""

ArticleInfo = dict[str, str | None]
"""An article's ``source``, ``title`` and ``url``, as the alert rows show them."""


def published_ms(published_at: str | None) -> int | None:
    """``published_at`` as epoch milliseconds; None if absent or not ISO 8601.

    A date alone stands at its noon, UTC, so that it falls on that same day wherever the page is
    read (a midnight would be the day before in New York); a time without a zone is taken as UTC.
    """
    if not published_at:
        return None
    try:
        moment = datetime.fromisoformat(published_at)
    except ValueError:
        return None
    if len(published_at) == len("2025-10-27"):
        moment = moment.replace(hour=12)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() * 1000)


def _move_key(move: IndexMove) -> str:
    """Identity of a move: the same article's same statement gives the same key."""
    return hashlib.blake2b(move.to_json_bytes(), digest_size=10).hexdigest()


def _short(sentence: str) -> str:
    return sentence if len(sentence) <= SENTENCE_CHARS else sentence[: SENTENCE_CHARS - 1] + "…"


class _IndexHistory:
    """One index: its points (bounded), the keys of the moves already read, its rules state."""

    def __init__(self, max_points: int) -> None:
        self.points: deque[dict[str, Any]] = deque(maxlen=max_points)
        self.seen: OrderedDict[str, None] = OrderedDict()
        self.max_seen = 4 * max_points
        self.state: IndexState | None = None
        self.headline: dict[str, Any] | None = None

    def first_time(self, key: str) -> bool:
        """Remember ``key``; False when it was read before (bounded: the oldest keys are forgotten)."""
        if key in self.seen:
            return False
        self.seen[key] = None
        while len(self.seen) > self.max_seen:
            self.seen.popitem(last=False)
        return True


class PageHistory:
    """The page's data: bounded alerts and points, headlines by the alert rules, article sources."""

    def __init__(self, rules: AlertRules, *, levels_per_index: int = 500, max_alerts: int = 500) -> None:
        self.rules = rules
        self.levels_per_index = levels_per_index
        self.alerts: deque[dict[str, Any]] = deque(maxlen=max_alerts)
        self.indices: dict[str, _IndexHistory] = {}
        self.articles: OrderedDict[str, ArticleInfo] = OrderedDict()
        self.max_articles = 4 * max_alerts
        self.moves_read = 0
        self.repeats = 0
        self.alerts_read = 0
        self.window: dict[str, Any] = {}

    def index_info(self, index: str) -> dict[str, Any]:
        """What a chart needs besides its points: the milestone step and the extra milestones."""
        return {"step": self.rules.step(index), "milestones": list(self.rules.extra_milestones(index))}

    def _index(self, index: str) -> _IndexHistory:
        if index not in self.indices:
            self.indices[index] = _IndexHistory(self.levels_per_index)
        return self.indices[index]

    # --- folding records in ------------------------------------------------------------------

    def add_move(self, move: IndexMove, arrived_ms: int) -> dict[str, Any] | None:
        """Fold one index-moves record; the page event it makes, or None (a repeat, or nothing to show).

        The event is ``{"index", "info", "point" (or None), "headline"}``.
        """
        history = self._index(move.index)
        if not history.first_time(_move_key(move)):
            self.repeats += 1
            return None
        self.moves_read += 1
        before = history.state
        after, _ = advance(before, move, self.rules)
        counted = after is not None and after is not before
        history.state = after
        published = published_ms(move.published_at)
        at = published if published is not None else arrived_ms
        if counted:
            history.headline = self._headline(move, at, published is not None, arrived_ms)
        point = self._point(move, at, published is not None, arrived_ms, counted, before)
        if point is not None:
            history.points.append(point)
        if point is None and not counted:
            return None
        return {
            "index": move.index,
            "info": self.index_info(move.index),
            "point": point,
            "headline": history.headline,
        }

    def _headline(self, move: IndexMove, at: int, dated: bool, arrived_ms: int) -> dict[str, Any]:
        """The index's figure after a counted move: its level, or above/below its milestone (rule 6)."""
        value: float | None = move.milestone  # a counted move without a level has a milestone
        relation = "above" if move.direction == "up" else "below"
        if move.level is not None and "level" not in implausible_figures(move, self.rules):
            value, relation = move.level, "at"
        return {
            "value": value,
            "relation": relation,
            "at": at,
            "dated": dated,
            "published_at": move.published_at,
            "arrived_at": arrived_ms,
            "intraday": move.intraday,
            "article_id": move.article_id,
            "sentence": _short(move.sentence),
        }

    def _point(
        self,
        move: IndexMove,
        at: int,
        dated: bool,
        arrived_ms: int,
        counted: bool,
        before: IndexState | None,
    ) -> dict[str, Any] | None:
        """A chart point for a move with a plausible level (or only a milestone); None for others.

        Futures are not the index (rule 7); a figure outside the plausible range is a misreading
        (rule 8) and would only crush the chart's scale.
        """
        if move.futures and self.rules.skip_futures:
            return None
        bad = implausible_figures(move, self.rules)
        if move.level is not None and "level" not in bad:
            value, shape = move.level, "level"
        elif move.level is None and move.milestone is not None and "milestone" not in bad:
            if move.direction not in ("up", "down"):
                return None
            value, shape = move.milestone, "milestone"
        else:
            return None
        why = None
        if not counted:
            if move.direction is None:
                why = "no direction: the alert rules use it for nothing"
            elif before is not None and before.last_level is not None:
                why = (
                    f"stale news: the last level was {before.last_level:,.2f}"
                    f" ({before.last_published_at or 'undated'})"
                )
            else:
                why = "not counted by the alert rules"
        return {
            "key": _move_key(move),
            "index": move.index,
            "value": value,
            "shape": shape,
            "direction": move.direction,
            "intraday": move.intraday,
            "at": at,
            "dated": dated,
            "published_at": move.published_at,
            "arrived_at": arrived_ms,
            "counted": counted,
            "why": why,
            "article_id": move.article_id,
            "sentence": _short(move.sentence),
        }

    def add_alert(self, alert: Alert, arrived_ms: int) -> dict[str, Any]:
        """Fold one alert (the caller drops repeated ``alert_id``s); the row the page shows."""
        self.alerts_read += 1
        self._index(alert.index)
        published = published_ms(alert.published_at)
        row = {
            **alert.to_dict(),
            "sentence": _short(alert.sentence),
            "arrived_at": arrived_ms,
            "at": published if published is not None else arrived_ms,
            "dated": published is not None,
            **self.articles.get(alert.article_id, {}),
        }
        self.alerts.append(row)
        return row

    def add_article(self, article_id: str, info: ArticleInfo) -> dict[str, Any]:
        """Remember where an alert's article came from; the event that fills the alert rows in."""
        self.articles[article_id] = info
        while len(self.articles) > self.max_articles:
            self.articles.popitem(last=False)
        for row in self.alerts:
            if row["article_id"] == article_id:
                row.update(info)
        return {"article_id": article_id, **info}

    # --- reading it out ----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Records folded in: alerts, distinct moves, moves read again (dropped), points kept."""
        return {
            "alerts": self.alerts_read,
            "moves": self.moves_read,
            "repeated_moves": self.repeats,
            "points": sum(len(h.points) for h in self.indices.values()),
        }

    def snapshot(self) -> dict[str, Any]:
        """Everything a page opening now needs: alerts newest first (by when they were raised, so
        every reader orders them alike), each index's points and headline.

        Indices with nothing to draw (moves that gave only a percentage) are left out.
        """
        alerted = {row["index"] for row in self.alerts}
        return {
            "window": self.window,
            "alerts": sorted(self.alerts, key=lambda row: row["arrived_at"], reverse=True),
            "indices": {
                index: {**self.index_info(index), "points": list(h.points), "headline": h.headline}
                for index, h in sorted(self.indices.items())
                if h.points or h.headline or index in alerted
            },
            "counts": self.counts(),
        }
