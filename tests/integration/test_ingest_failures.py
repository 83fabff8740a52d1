"""Feeds and pages that fail are reported by URL with the reason and skipped; the rest flows.

Against a real local HTTP server and the real broker: a broken feed, a feed whose server errs, and
in a good feed a 404 page, a slow page (past the timeout), an oversized page (streamed without a
length, past the size limit), a page that is not HTML, between two good pages. Then a page that
fails once is tried again, after its backoff, and sent.
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import aiohttp
import pytest

from streams.ingest.events import IngestEvents
from streams.ingest.feeds_file import load_feeds_file
from streams.ingest.run import IngestPlan, run_ingest
from tests.integration.helpers import unique_settings
from tests.integration.ingest_helpers import DEV_ARTICLES, articles_on_topic, feeds_toml, ingest_command
from tests.integration.news_site import NewsSite
from tests.news_pages import FeedEntry, news_page, rss_feed

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]

GOOD = ["101_scottishfinancialnews-ftse-9000.txt", "106_newsdaily24-tsx-record-30000.txt"]


def _page(name: str) -> str:
    return news_page((DEV_ARTICLES / name).read_text(encoding="utf-8"), "Troubled Times")


async def test_each_failure_is_reported_by_url_and_skipped_while_the_rest_flows(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    site = await NewsSite().start()
    try:
        good = [site.put(f"/news/good-{i}.html", _page(name)) for i, name in enumerate(GOOD)]
        missing = site.url("/news/gone.html")  # never put: 404
        slow = site.put("/news/slow.html", _page(GOOD[0]), delay=8.0)
        huge = site.put(
            "/news/huge.html", "<html><body>" + "<p>padding</p>" * 40_000 + "</body></html>", stream=True
        )
        image = site.put("/news/chart.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 500, content_type="image/png")
        links = [good[0], missing, slow, huge, image, good[1]]  # oldest first
        entries = [FeedEntry(f"urn:troubled:{i}", f"Story {i}", link) for i, link in enumerate(links)]
        feed = site.put(
            "/feeds/troubled.rss",
            rss_feed("Troubled Times", site.base, entries[::-1]),
            content_type="application/rss+xml",
        )
        broken = site.put("/feeds/broken.rss", "<html><body><h1>Site maintenance</h1></body></html>")
        erring = site.put("/feeds/erring.rss", "upstream timeout", status=502, content_type="text/plain")
        feeds = feeds_toml(
            tmp_path / "feeds.toml", [feed, broken, erring], extra="timeout = 2\nmax_page_bytes = 200_000"
        )

        result = await ingest_command(settings, "--feeds", str(feeds), "--once")

        lines = result.stderr.splitlines()
        assert result.status == 1, result.stderr  # something is failing at the end

        def reported(what: str, url: str, reason: str) -> bool:
            return any(f"{what} {url} failed: {reason}" in line for line in lines)

        assert reported("page", missing, "HTTP 404 Not Found")
        assert reported("page", slow, "timed out after 2 s")
        assert reported("page", huge, "larger than the 200,000-byte limit")
        assert reported("page", image, "not HTML (content type image/png)")
        assert reported("feed", broken, "not an RSS or Atom feed (content type text/html)")
        assert reported("feed", erring, "HTTP 502 Bad Gateway")
        for url in (missing, slow, huge, image, broken, erring):
            assert any(line.strip().startswith("failing: ") and url in line for line in lines), url
        assert "sent 2 article(s)" in result.stderr
        articles = await articles_on_topic(settings)
        assert [a.url for a in articles] == good  # in the feed's order, the failures skipped
        assert "Traceback" not in result.stderr
    finally:
        await site.stop()


async def test_a_page_that_failed_is_tried_again_after_its_backoff_and_sent(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    site = await NewsSite().start()
    try:
        page = site.put("/news/flaky.html", "busy", status=503, content_type="text/plain")
        entries = [FeedEntry("urn:flaky:1", "Flaky story", page)]
        feed = site.put(
            "/feeds/flaky.rss",
            rss_feed("Flaky", site.base, entries),
            content_type="application/rss+xml",
            conditional="etag",
        )
        lines: list[str] = []
        events = IngestEvents(say=lines.append)
        stop = asyncio.Event()
        plan = IngestPlan(
            load_feeds_file(feeds_toml(tmp_path / "feeds.toml", [feed], interval=0.5)),
            metrics_at=("127.0.0.1", 0),
        )
        served: list[str] = []
        running = asyncio.create_task(run_ingest(settings, plan, events, stop=stop, on_ready=served.extend))
        try:
            for _ in range(600):  # the first failure is reported, then the page is mended
                if any("failed: HTTP 503" in line for line in lines) or running.done():
                    break
                await asyncio.sleep(0.05)
            site.put("/news/flaky.html", _page(GOOD[0]))
            for _ in range(600):
                if events.summary.sent or running.done():
                    break
                await asyncio.sleep(0.05)
            async with aiohttp.ClientSession() as session:
                async with session.get(f"{served[0]}/metrics") as response:
                    metrics = await response.text()
                async with session.post(f"{served[0]}/articles", data=b"x") as response:
                    push_status = response.status
        finally:
            stop.set()
            with contextlib.suppress(asyncio.CancelledError):
                await running
        assert events.summary.sent == 1
        assert any(
            f"page {page} failed: HTTP 503 Service Unavailable; trying again in" in line for line in lines
        )
        assert any(f"{page} works again" in line for line in lines)
        statuses = [r.status for r in site.seen("/news/flaky.html")]
        assert statuses[0] == 503 and statuses[-1] == 200 and statuses.count(200) == 1
        # The feed answered 304 meanwhile: the retry did not wait for the feed to change.
        assert 304 in [r.status for r in site.seen("/feeds/flaky.rss")]
        assert [a.url for a in await articles_on_topic(settings)] == [page]
        # The same counts on /metrics (a metrics-only server: no push endpoint there).
        assert f'milestones_ingest_items_sent_total{{feed="{feed}",kind="new"}} 1.0' in metrics
        assert f'milestones_ingest_items_skipped_total{{feed="{feed}",reason="http_status"}} 1.0' in metrics
        assert 'milestones_ingest_fetch_seconds_count{what="page"} 1.0' in metrics
        assert push_status == 404
    finally:
        await site.stop()
