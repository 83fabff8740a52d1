"""One path onto ``articles`` for every feed and every push: a queue in front of the ArticleSender.

Why a queue: :class:`streams.replay.sender.ArticleSender` (the path replay uses) sends in order
and mends broker outages, but it is one sequence, not safe to call from many tasks at once. Feed
pollers and push requests each ``await deliver(article)``; one task takes what is queued, hands
it to the sender in arrival order, flushes, and answers each caller once the broker has
acknowledged its article. So a push gets its 202 only when its record is on the topic, and a feed
item is remembered as sent only then.

If the broker stays away past ``MILESTONES_REPLAY_OUTAGE_SECONDS``, every waiting caller (and
every later one) gets :class:`SenderGaveUp`; nothing unacknowledged is remembered as sent.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from typing import Any

from schemas import Article
from streams.replay.sender import ArticleSender

__all__ = ["ArticleDelivery", "Delivered"]


@dataclass(frozen=True)
class Delivered:
    """The outcome for one article: on the topic, sent now or found there already (a restart)."""

    article_id: str
    already_there: bool


@dataclass
class _Waiting:
    article: Article
    label: str
    answer: asyncio.Future[Delivered]


class ArticleDelivery:
    """``await deliver(article, label)`` returns once the article is acknowledged on ``articles``."""

    def __init__(self, sender: ArticleSender) -> None:
        self.sender = sender
        self._queue: asyncio.Queue[_Waiting | None] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._failure: BaseException | None = None

    async def __aenter__(self) -> ArticleDelivery:
        self._task = asyncio.create_task(self._run(), name="article-delivery")
        return self

    async def __aexit__(self, *exc: object) -> None:
        """Deliver what is queued, then stop."""
        if self._task is not None and not self._task.done():
            await self._queue.put(None)
            with contextlib.suppress(Exception):
                await self._task

    @property
    def failure(self) -> BaseException | None:
        """Why delivery stopped (the sender gave up), or None while it works."""
        return self._failure

    async def wait_stopped(self) -> None:
        """Return once delivery has stopped for good (the sender gave up, or the context closed)."""
        assert self._task is not None, "ArticleDelivery used outside its context"
        await asyncio.wait([self._task])

    async def deliver(self, article: Article, label: str) -> Delivered:
        """Queue the article and wait for the broker's acknowledgement."""
        if self._failure is not None:
            raise self._failure
        assert self._task is not None, "ArticleDelivery used outside its context"
        answer: asyncio.Future[Delivered] = asyncio.get_running_loop().create_future()
        await self._queue.put(_Waiting(article, label, answer))
        waiting: list[asyncio.Future[Any]] = [answer, self._task]
        await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
        if not answer.done():  # the delivery task ended before it took this one
            answer.cancel()
            raise self._failure or RuntimeError("article delivery has stopped")
        return answer.result()

    async def _run(self) -> None:
        while True:
            first = await self._queue.get()
            if first is None:
                return
            batch = [first]
            while not self._queue.empty():
                more = self._queue.get_nowait()
                if more is None:
                    await self._queue.put(None)  # stop after this batch
                    break
                batch.append(more)
            try:
                found = []
                for waiting in batch:
                    before = self.sender.stats.already_there
                    await self.sender.send(waiting.article, waiting.label)
                    found.append(self.sender.stats.already_there > before)
                await self.sender.flush()
            except BaseException as exc:
                self._failure = exc
                self._fail_all(batch, exc)
                if isinstance(exc, asyncio.CancelledError):
                    raise
                return
            for waiting, already in zip(batch, found, strict=True):
                if not waiting.answer.done():
                    waiting.answer.set_result(Delivered(waiting.article.article_id, already))

    def _fail_all(self, batch: list[_Waiting], exc: BaseException) -> None:
        while not self._queue.empty():
            queued = self._queue.get_nowait()
            if queued is not None:
                batch.append(queued)
        for waiting in batch:
            if waiting.answer.done():
                continue
            if isinstance(exc, asyncio.CancelledError):
                waiting.answer.cancel()
            else:
                waiting.answer.set_exception(exc)
