"""The worker's consumer (streams/worker/seek_first.py): stream partitions wait for the seek, and a fetch
never takes an empty set of active partitions for "every partition".

The bookkeeping and the seams in Faust and aiokafka it rests on are checked here, without a
broker; that a restart with a backlog loses nothing is shown end to end, with the race driven,
by tests/reliability/test_restart_race.py.
"""

from __future__ import annotations

import inspect
from typing import Any

from aiokafka.consumer.fetcher import Fetcher
from faust.exceptions import ProducerSendError
from faust.types import TP

from streams.settings import Settings
from streams.worker.app import create_pipeline
from streams.worker.seek_first import ActiveOnly, SeekFirstConsumer


def _consumer() -> tuple[SeekFirstConsumer, TP, TP]:
    pipeline = create_pipeline(Settings(kafka_bootstrap="127.0.0.1:1", topic_prefix="u."))
    consumer = pipeline.app.consumer
    assert isinstance(consumer, SeekFirstConsumer), type(consumer)
    changelog = next(iter(pipeline.app.tables.changelog_topics))
    consumer._active_partitions = set()
    return consumer, TP(pipeline.settings.topics.articles, 0), TP(changelog, 0)


def test_changelog_partitions_resume_at_once_stream_partitions_wait_for_the_seek() -> None:
    consumer, articles, changelog = _consumer()
    consumer.pause_partitions({articles, changelog})
    consumer.resume_partitions({articles, changelog})
    assert consumer._active_partitions == {changelog}  # recovery reads the changelog now
    assert articles in consumer._paused_partitions  # no article is fetched before the seek
    assert consumer._held_until_seek == {articles}


def test_the_fetch_filter_follows_the_live_set_and_is_never_empty_to_a_truth_test() -> None:
    live = {TP("articles", 0)}
    active = ActiveOnly(live)
    assert TP("articles", 0) in active and len(active) == 1 and set(active) == live
    live.clear()  # recovery paused the changelog while the stream partitions wait for the seek
    assert TP("articles", 0) not in active and len(active) == 0
    assert bool(active), "an empty filter must not read as 'no filter'"


async def test_faust_fetches_through_our_filter(monkeypatch: Any) -> None:
    """Faust's fetch path still goes through ``Consumer._getmany`` (the seam we override)."""
    consumer, articles, changelog = _consumer()
    consumer._active_partitions = {changelog}
    seen: list[Any] = []

    async def getmany(active_partitions: Any, timeout: float) -> dict[Any, Any]:
        seen.append(active_partitions)
        return {}

    monkeypatch.setattr(consumer._thread, "getmany", getmany)
    await consumer._wait_next_records(0.01)
    (passed,) = seen
    assert isinstance(passed, ActiveOnly)
    consumer._active_partitions.clear()
    assert passed and changelog not in passed and articles not in passed


def test_aiokafka_still_reads_an_empty_filter_as_no_filter() -> None:
    """The hazard ActiveOnly guards against, as aiokafka's fetched_records spells it.

    If this fails, aiokafka changed how it reads the filter: check that a fetch still returns
    records only for the partitions in it, then update this test and seek_first.py's docstring.
    """
    source = inspect.getsource(Fetcher.fetched_records)
    assert "if partitions and tp not in partitions:" in source


async def test_the_apps_consumer_confirms_the_outbox_before_it_commits_offsets(monkeypatch: Any) -> None:
    """Faust's commit path, on the consumer the app builds: attached sends, then the outbox, then the offsets.

    (This replaces a check of the consumer's class hierarchy: what matters is that the confirmation
    runs in the commit path of the consumer the worker really uses, before any offset is committed;
    the seek fix on that same consumer is checked by the tests above.)
    """
    consumer, articles, _ = _consumer()
    calls: list[Any] = []

    async def confirm() -> None:
        calls.append("confirm outbox")

    async def commit_offsets(offsets: Any, start_new_transaction: bool = True) -> bool:
        calls.append(("commit", dict(offsets)))
        return True

    monkeypatch.setattr(consumer.app.outbox, "confirm", confirm)
    monkeypatch.setattr(consumer, "_commit_offsets", commit_offsets)
    monkeypatch.setattr(consumer, "_filter_committable_offsets", lambda tps: {tp: 7 for tp in tps})
    assert await consumer._commit_tps([articles], start_new_transaction=False)
    assert calls == ["confirm outbox", ("commit", {articles: 7})]


async def test_the_apps_consumer_commits_nothing_when_the_outbox_cannot_be_confirmed(
    monkeypatch: Any,
) -> None:
    """A record the broker refused: Faust's commit path crashes the consumer and commits no offset."""
    consumer, articles, _ = _consumer()
    calls: list[Any] = []

    async def confirm() -> None:
        raise ProducerSendError("MESSAGE_TOO_LARGE")

    async def commit_offsets(offsets: Any, start_new_transaction: bool = True) -> bool:
        calls.append(("commit", dict(offsets)))
        return True

    async def crash(reason: BaseException) -> None:
        calls.append(("crash", type(reason).__name__))

    monkeypatch.setattr(consumer.app.outbox, "confirm", confirm)
    monkeypatch.setattr(consumer, "_commit_offsets", commit_offsets)
    monkeypatch.setattr(consumer, "crash", crash)
    monkeypatch.setattr(consumer, "_filter_committable_offsets", lambda tps: {tp: 7 for tp in tps})
    assert not await consumer._commit_tps([articles], start_new_transaction=False)
    assert calls == [("crash", "ProducerSendError")]
