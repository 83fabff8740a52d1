"""The replay producer: article files → the ``articles`` topic, keyed by article_id.

Idempotent producer (acks=all, enable_idempotence) so a retried send never writes an
article twice. Pacing: ``rate`` articles per second, or ``speed`` times faster than the gaps
between the articles' published dates. Unreadable files are reported by name and skipped.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from aiokafka import AIOKafkaProducer

from streams.article_files import ArticleFile, SkippedFile, load_articles, order_articles
from streams.kafka_admin import ensure_topics
from streams.kafka_clients import client_options
from streams.settings import Settings

__all__ = ["ReplayPlan", "ReplaySummary", "plan_replay", "replay"]


@dataclass
class ReplaySummary:
    """What a replay did: how many sent, and each skipped file with its reason."""

    sent: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


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
    on_sent: Callable[[ArticleFile], None] | None = None,
) -> ReplaySummary:
    """Send the planned articles ``loops`` times, paced, and wait until the broker acknowledged all."""
    summary = ReplaySummary(skipped=list(plan.skipped))
    if not plan.files:
        return summary
    await ensure_topics(settings)
    producer = AIOKafkaProducer(
        **client_options(settings),
        enable_idempotence=True,
        acks="all",
        linger_ms=5,
        max_request_size=16 * 1024 * 1024,
    )
    await producer.start()
    try:
        pending = []
        next_at = time.monotonic()
        for _ in range(max(1, loops)):
            prev: ArticleFile | None = None
            for item in plan.files:
                next_at += _delay_before(prev, item, rate, speed)
                wait = next_at - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                pending.append(
                    await producer.send(
                        settings.topics.articles,
                        key=item.article.article_id.encode(),
                        value=item.article.to_json_bytes(),
                    )
                )
                summary.sent += 1
                summary.article_ids.append(item.article.article_id)
                if on_sent:
                    on_sent(item)
                prev = item
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return summary
