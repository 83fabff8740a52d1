"""``milestones ingest`` against a real local news site and the real broker, the worker downstream.

The dev set's six gold streams are published as RSS and Atom feeds whose items link to the dev
articles dressed as real pages (navigation, cookie banner, ads, related stories, scripts).
Ingest polls them; the worker's alerts must be what ``milestones backtest`` gives over the plain
files in the order ingest put them on ``articles``. Then: a second poll sends nothing, a restarted
ingest (a new process, knowing only what Kafka remembers) sends nothing, and an item whose story
changed is sent once more with its new id, naming the article it updates.
"""

from __future__ import annotations

import asyncio
import io
from collections import defaultdict
from pathlib import Path

import pytest

from schemas import Alert
from streams.extract.article import normalise_article
from streams.ingest.sent_items import sent_items_topic
from streams.offline import run_backtest
from tests.integration.helpers import read_topic, start_worker, unique_settings, wait_until_processed
from tests.integration.ingest_helpers import (
    DEV_ARTICLES,
    articles_on_topic,
    entry_for,
    feed_document,
    feeds_toml,
    ingest_command,
    ingest_in_process,
    publish_dev_streams,
)
from tests.integration.news_site import NewsSite
from tests.news_pages import news_page

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]

AlertKey = tuple[object, ...]


def _alert_key(alert: Alert, file_of: dict[str, str]) -> AlertKey:
    """What a desk sees in an alert, with its evidence article named by dev file."""
    figure = alert.milestone if alert.kind == "milestone" else alert.level
    day = alert.published_at[:10] if alert.published_at else None
    return (alert.kind, alert.direction, figure, alert.first_time, day, file_of[alert.article_id])


def _by_index(alerts: list[Alert], file_of: dict[str, str]) -> dict[str, list[AlertKey]]:
    """Alerts per index, in the order that index's alerts were raised."""
    out: dict[str, list[AlertKey]] = defaultdict(list)
    for alert in alerts:
        out[alert.index].append(_alert_key(alert, file_of))
    return dict(out)


def _same_evidence(ours: list[Alert], theirs: list[Alert]) -> list[tuple[str, str]]:
    """Pairs (per index, in order) whose evidence sentences differ beyond whitespace and a stamp before them.

    A page's text may put the headline above a line that starts the plain file ("date 2025-11-12
    The Stoxx 600 ended up ..."), where the stamp is then read as part of the sentence.
    """

    def per_index(alerts: list[Alert]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for alert in alerts:
            out[alert.index].append(" ".join(alert.sentence.split()))
        return out

    mine, other = per_index(ours), per_index(theirs)
    return [
        (a, b)
        for index in mine
        for a, b in zip(mine[index], other.get(index, []), strict=False)
        if not (a.endswith(b) or b.endswith(a))
    ]


def _backtest(files: list[str]) -> list[Alert]:
    out = io.StringIO()
    assert run_backtest([DEV_ARTICLES / name for name in files], out=out) == 0
    return [Alert.from_json_bytes(line) for line in out.getvalue().splitlines()]


async def test_feeds_give_the_alerts_of_backtest_and_each_item_once(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    site = await NewsSite().start()
    try:
        streams = publish_dev_streams(site)
        link_to_file = {link: name for s in streams for link, name in s.links.items()}
        feeds = feeds_toml(
            tmp_path / "feeds.toml", [s.feed_url for s in streams], interval=0.2, source="Dev Wire"
        )
        worker = await asyncio.to_thread(start_worker, settings, tmp_path / "worker.log")
        try:
            # Two polls in one run: the second must send nothing.
            summary, events, _lines = await ingest_in_process(settings, feeds, polls=2)
            await wait_until_processed(settings)
            alerts_on_topic = [
                Alert.from_json_bytes(r.value or b"")
                for r in sorted(
                    await read_topic(kafka_bootstrap, settings.topics.alerts),
                    key=lambda r: (r.partition, r.offset),
                )
            ]
        finally:
            assert worker.stop() == 0

        articles = await articles_on_topic(settings)
        files_in_topic_order = [link_to_file[a.url or ""] for a in articles]
        every_file = sorted(link_to_file.values())
        assert sorted(files_in_topic_order) == every_file, "each dev stream article once on the topic"
        assert summary.sent == len(every_file) and summary.updates == 0
        assert summary.failures == {}
        assert all(a.origin == a.url and a.source == "Dev Wire" and a.updates is None for a in articles)

        # The worker raises exactly what backtest gives over the plain files in that order, per index.
        expected = _backtest(files_in_topic_order)
        file_of = {a.article_id: link_to_file[a.url or ""] for a in articles}
        plain_ids = {
            normalise_article((DEV_ARTICLES / name).read_text(encoding="utf-8")).article_id: name
            for name in every_file
        }
        assert len(expected) >= 30
        assert _by_index(alerts_on_topic, file_of) == _by_index(expected, plain_ids)
        assert _same_evidence(alerts_on_topic, expected) == []

        # The second poll: every feed asked conditionally where the outlet supports it, nothing sent.
        for stream in streams:
            path = stream.feed_url.removeprefix(site.base)
            first, second = site.seen(path)
            assert first.status == 200
            supports = site.resources[path].conditional
            assert second.status == (304 if supports else 200)
            if supports == "etag":
                assert second.if_none_match is not None
            if supports == "last-modified":
                assert second.if_modified_since is not None
            assert first.user_agent and first.user_agent.startswith("market-milestones/")
        assert summary.not_modified == sum(
            1 for s in streams if site.resources[s.feed_url.removeprefix(site.base)].conditional
        )
        assert summary.skipped["already_sent"] == sum(
            len(s.links)
            for s in streams
            if not site.resources[s.feed_url.removeprefix(site.base)].conditional
        )
        pages = [r for r in site.requests if r.path.startswith("/news/")]
        assert len(pages) == len(every_file), "each page fetched once"
        sent_metric = events.metrics.registry.get_sample_value(
            "milestones_ingest_items_sent_total", {"feed": streams[0].feed_url, "kind": "new"}
        )
        assert sent_metric == len(streams[0].links)

        # A restart: a new process, no memory but Kafka's. It reads every feed and sends nothing.
        restarted = await ingest_command(settings, "--feeds", str(feeds), "--once")
        assert restarted.status == 0, restarted.stderr
        assert f"sent 0 article(s) to {settings.topics.articles}" in restarted.stderr
        assert len(await articles_on_topic(settings)) == len(every_file)
        assert len([r for r in site.requests if r.path.startswith("/news/")]) == len(every_file)

        # An item updated in its feed with new text: sent once more, with its new id and the one it updates.
        stream = streams[1]  # Atom, Last-Modified
        name = next(iter(stream.links.values()))
        text = (DEV_ARTICLES / name).read_text(encoding="utf-8")
        updated_text = text.rstrip() + "\n\nThis story has been updated with comment from analysts.\n"
        site.put(f"/news/{Path(name).stem}.html", news_page(updated_text, "Dev Wire"))
        order = list(stream.links.values())
        entries = [
            entry_for(site, n, summary="Updated with comment from analysts." if n == name else "")
            for n in reversed(order)
        ]
        body, content_type = feed_document("atom", f"Dev Wire: {stream.name}", site, entries)
        site.put(
            stream.feed_url.removeprefix(site.base),
            body,
            content_type=content_type,
            conditional="last-modified",
        )
        again, _, _ = await ingest_in_process(settings, feeds, polls=1)
        assert again.sent == 1 and again.updates == 1
        after = await articles_on_topic(settings)
        assert len(after) == len(every_file) + 1
        old = next(a for a in articles if link_to_file[a.url or ""] == name)
        new = after[-1]
        assert new.url == old.url and new.article_id != old.article_id
        assert new.updates == old.article_id
        assert "updated with comment from analysts" in new.body

        # What ingest remembers is in Kafka: one record per item in the compacted topic, the update last.
        remembered = await read_topic(kafka_bootstrap, sent_items_topic(settings))
        assert len({r.key for r in remembered}) == len(every_file)
    finally:
        await site.stop()


async def test_a_restart_that_lost_its_memory_finds_the_articles_on_the_topic(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    """Stopped between an article's acknowledgement and its record: the article is found among the
    last records of ``articles`` and not sent again (here the whole memory is lost: a new items topic)."""
    settings = unique_settings(kafka_bootstrap, tmp_path)
    site = await NewsSite().start()
    try:
        stream = publish_dev_streams(site)[4]
        feeds = feeds_toml(tmp_path / "feeds.toml", [stream.feed_url])
        first, _, _ = await ingest_in_process(settings, feeds)
        forgetful = settings.model_copy(
            update={"ingest_items_topic": f"{settings.topic_prefix}ingest-items-new"}
        )
        second, _, _ = await ingest_in_process(forgetful, feeds)
    finally:
        await site.stop()
    assert first.sent == len(stream.links) == 5
    assert second.sent == 0 and second.skipped["already_on_topic"] == 5
    assert len(await articles_on_topic(settings)) == 5
