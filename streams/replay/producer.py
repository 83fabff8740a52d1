"""The replay producer: article files → the ``articles`` topic, keyed by article_id.

Sent through :class:`streams.replay.sender.ArticleSender`: an idempotent producer whose
articles are kept until acknowledged, so a broker outage is waited out (up to
``MILESTONES_REPLAY_OUTAGE_SECONDS``) and no article is sent twice or skipped. Pacing: ``rate``
articles per second, or ``speed`` times faster than the gaps between the articles' published
dates. Unreadable files are reported by name and skipped. ``start_at`` skips the first files
of the first pass, to resume a replay that gave up.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from streams.kafka.admin import ensure_topics
from streams.replay.files import ArticleFile, SkippedFile, load_articles, order_articles
from streams.replay.sender import ArticleSender, SenderGaveUp, SenderStats
from streams.settings import Settings

__all__ = ["ReplayPlan", "ReplaySummary", "SenderGaveUp", "plan_replay", "replay"]


@dataclass
class ReplaySummary:
    """What a replay did: how many sent, and each skipped file with its reason."""

    sent: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    delivery: SenderStats = field(default_factory=SenderStats)
    """Acknowledgements and broker outages met on the way."""


@dataclass
class ReplayPlan:
    """The files to send, in order, and those already skipped while reading."""

    files: list[ArticleFile]
    skipped: list[SkippedFile]


def plan_replay(paths: Sequence[str | Path], order: str = "name") -> ReplayPlan:
    """Read and order the files; nothing is sent yet."""
    files: list[ArticleFile] = []
    skipped: list[SkippedFile] = []
    for item in load_articles(paths):
        (skipped if isinstance(item, SkippedFile) else files).append(item)  # type: ignore[arg-type]
    return ReplayPlan(order_articles(files, order), skipped)


def _published_seconds(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).timestamp()
    except ValueError:
        return None


def _delay_before(
    prev: ArticleFile | None, cur: ArticleFile, rate: float | None, speed: float | None
) -> float:
    """Seconds to wait before sending ``cur``: by rate, or by the published_at gap scaled by speed."""
    if rate:
        return 1.0 / rate
    if speed and prev is not None:
        a, b = _published_seconds(prev.article.published_at), _published_seconds(cur.article.published_at)
        if a is not None and b is not None and b > a:
            return (b - a) / speed
    return 0.0


async def replay(
    settings: Settings,
    plan: ReplayPlan,
    *,
    rate: float | None = None,
    speed: float | None = None,
    loops: int = 1,
    start_at: int = 0,
    on_sent: Callable[[ArticleFile], None] | None = None,
    on_status: Callable[[str], None] | None = None,
) -> ReplaySummary:
    """Send the planned articles ``loops`` times, paced, and wait until the broker acknowledged all.

    ``on_status`` hears about broker outages (away, still waiting, back). Raises
    :class:`SenderGaveUp` when the broker stays away past the deadline.
    """
    summary = ReplaySummary(skipped=list(plan.skipped))
    if not plan.files:
        return summary
    await ensure_topics(settings)
    # Resuming (start_at): the files from there on that reached the topic before the give-up are
    # not sent again; looking back as many records as there are files to send is enough.
    resumed = len(plan.files) - start_at if start_at else 0
    sender = ArticleSender(
        settings, outage_deadline=settings.replay_outage_seconds, on_status=on_status, skip_recent=resumed
    )
    async with sender:
        next_at = time.monotonic()
        for loop in range(max(1, loops)):
            prev: ArticleFile | None = None
            for item in plan.files[start_at if loop == 0 else 0 :]:
                next_at += _delay_before(prev, item, rate, speed)
                wait = next_at - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                await sender.send(item.article, item.path.name)
                summary.article_ids.append(item.article.article_id)
                if on_sent:
                    on_sent(item)
                prev = item
        await sender.flush()
    summary.sent = sender.stats.acknowledged
    summary.delivery = sender.stats
    return summary
