"""``milestones ingest --listen``: POST /articles against the real broker, every answer checked.

202 only once the record is on the topic (read back with its key), the same content id replay
gives for the same text; 400, 413 and 415 with a one-line reason; 401 without the right bearer
token, which appears in no line ingest writes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import orjson
import pytest
from pydantic import SecretStr

from schemas import Article
from streams.extract.article import normalise_article
from streams.ingest.events import IngestEvents
from streams.ingest.feeds_file import FeedsConfig
from streams.ingest.page_text import page_story
from streams.ingest.run import IngestPlan, run_ingest
from streams.settings import Settings
from tests.integration.helpers import SEEDS, read_topic, unique_settings, worker_env
from tests.integration.ingest_helpers import DEV_ARTICLES, articles_on_topic
from tests.news_pages import news_page

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]

TOKEN = "push-token-7f3a9c"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SEED = sorted(SEEDS.glob("*.txt"))[1]  # 001: Nikkei above 50,000, a dated article


class Endpoint:
    """A running push endpoint: its URL, what it said, and the events it counted."""

    def __init__(self, url: str, lines: list[str], events: IngestEvents) -> None:
        self.url = url
        self.lines = lines
        self.events = events

    async def post(
        self, data: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str]]:
        async with (
            aiohttp.ClientSession() as session,
            session.post(
                f"{self.url}/articles",
                data=data,
                headers={"Content-Type": content_type, **(AUTH if headers is None else headers)},
            ) as response,
        ):
            return response.status, orjson.loads(await response.read())


@contextlib.asynccontextmanager
async def push_endpoint(settings: Settings) -> AsyncIterator[Endpoint]:
    lines: list[str] = []
    events = IngestEvents(say=lines.append)
    ready: asyncio.Future[list[str]] = asyncio.get_running_loop().create_future()
    stop = asyncio.Event()
    plan = IngestPlan(FeedsConfig(), listen=("127.0.0.1", 0), token=SecretStr(TOKEN))
    running = asyncio.create_task(
        run_ingest(settings, plan, events, stop=stop, on_status=lines.append, on_ready=ready.set_result)
    )
    done, _ = await asyncio.wait([ready, running], timeout=60, return_when=asyncio.FIRST_COMPLETED)
    assert ready in done, f"the endpoint did not start: {running.exception() if running.done() else lines}"
    try:
        yield Endpoint(ready.result()[0], lines, events)
    finally:
        stop.set()
        await running


async def test_push_answers_202_with_the_id_once_on_the_topic_and_4xx_with_one_line(
    kafka_bootstrap: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    settings = unique_settings(kafka_bootstrap, tmp_path)
    seed_text = SEED.read_text(encoding="utf-8")
    dev_text = (DEV_ARTICLES / "128_straitstimes-sti-crosses-4000.txt").read_text(encoding="utf-8")
    async with push_endpoint(settings) as endpoint:
        story = {
            "title": "Desk flash: Kospi tops 4,000 for the first time",
            "body": "The Kospi rose 2.1% to close at 4,042.83 on Monday, topping 4,000 for the first time.",
            "source": "Desk Wire",
            "url": "https://desk.example/stories/1",
            "published_at": "2025-10-27T15:40:00+09:00",
        }
        as_json = await endpoint.post(orjson.dumps(story), "application/json")
        as_text = await endpoint.post(seed_text.encode(), "text/plain; charset=utf-8")
        page = news_page(dev_text, "Straits Desk")
        as_html = await endpoint.post(page.encode(), "text/html")
        assert [as_json[0], as_text[0], as_html[0]] == [202, 202, 202]

        # Each 202's record is on the topic, keyed by the id it answered.
        records = await read_topic(kafka_bootstrap, settings.topics.articles)
        ids = [as_json[1]["article_id"], as_text[1]["article_id"], as_html[1]["article_id"]]
        assert [r.key for r in records] == [i.encode() for i in ids]
        pushed = [Article.from_json_bytes(r.value or b"") for r in records]
        assert (pushed[0].title, pushed[0].source, pushed[0].url, pushed[0].published_at) == (
            story["title"],
            "Desk Wire",
            story["url"],
            story["published_at"],
        )
        assert pushed[0].body.startswith(story["title"])
        # Text pushed is read as replay reads the file: the same content id, date and body.
        replayed = normalise_article(seed_text, SEED.name)
        assert (pushed[1].article_id, pushed[1].published_at, pushed[1].body) == (
            replayed.article_id,
            replayed.published_at,
            replayed.body,
        )
        assert pushed[2].article_id == normalise_article(page_story(page)).article_id
        assert "4,000" in pushed[2].body and "Sign up for our free daily newsletter" not in pushed[2].body

        refused = {
            "not JSON": (b"{title: 1", "application/json", 400, "not valid JSON"),
            "a list": (b"[1, 2]", "application/json", 400, "JSON body must be an object"),
            "no body": (b'{"title": "x"}', "application/json", 400, "body is missing"),
            "body a number": (b'{"body": 5}', "application/json", 400, "body must be a string"),
            "unknown field": (
                b'{"body": "x", "text": "y"}',
                "application/json",
                400,
                "unknown field(s) 'text'",
            ),
            "bad date": (
                orjson.dumps({"body": story["body"], "published_at": "27/10/2025"}),
                "application/json",
                400,
                "published_at '27/10/2025' is not an ISO 8601 date or datetime",
            ),
            "empty text": (b"  \n", "text/plain", 400, "body is empty"),
            "not UTF-8": (b"Nikkei \xff\xfe rose", "text/plain", 400, "not UTF-8 text: invalid byte 0xff"),
            "no story": (b"<html><body></body></html>", "text/html", 400, "no article text found"),
            "not prose": (b"1.2% 3.4% 5.6% 7.8% 9.0% " * 20, "text/plain", 400, "body is not prose"),
            "too large": (
                b"Stocks rose. " * 90_000,
                "text/plain",
                413,
                "larger than the 1,048,576-byte limit",
            ),
            "xml": (b"<story/>", "application/xml", 415, "content type application/xml not accepted"),
            "form": (b"a=b", "application/x-www-form-urlencoded", 415, "not accepted"),
        }
        for name, (data, content_type, status, reason) in refused.items():
            got, answer = await endpoint.post(data, content_type)
            assert (got, reason in answer.get("error", "")) == (status, True), (name, got, answer)
            assert "\n" not in answer["error"], name

        unauthorised = {
            "no token": {},
            "wrong token": {"Authorization": "Bearer not-the-token"},
            "basic auth": {"Authorization": f"Basic {TOKEN}"},
        }
        for name, headers in unauthorised.items():
            got, answer = await endpoint.post(orjson.dumps(story), "application/json", headers)
            assert got == 401, name
            assert "bearer token" in answer["error"], name

        async with aiohttp.ClientSession() as session, session.get(f"{endpoint.url}/metrics") as response:
            metrics = await response.text()
        assert 'milestones_ingest_pushes_total{status="202"} 3.0' in metrics
        assert 'milestones_ingest_pushes_total{status="401"} 3.0' in metrics
        assert 'milestones_ingest_pushes_total{status="413"} 1.0' in metrics

    assert len(await articles_on_topic(settings)) == 3, "nothing refused reached the topic"
    said = "\n".join(endpoint.lines) + "\n" + caplog.text + metrics
    assert TOKEN not in said


async def test_the_command_listens_on_loopback_and_never_prints_the_token(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    env = {**os.environ, **worker_env(settings), "COLUMNS": "200"}
    env.pop("MILESTONES_INGEST_TOKEN", None)
    no_token = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "streams.cli",
        "ingest",
        "--listen",
        "0",
        env=env,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await no_token.communicate()
    assert no_token.returncode == 2
    assert "--listen needs MILESTONES_INGEST_TOKEN" in err.decode()

    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "streams.cli",
        "ingest",
        "--listen",
        "0",
        env={**env, "MILESTONES_INGEST_TOKEN": TOKEN, "MILESTONES_LOG_LEVEL": "debug"},
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stderr is not None
    output: list[str] = []
    url = None
    try:
        while url is None:
            line = (await asyncio.wait_for(process.stderr.readline(), timeout=60)).decode()
            assert line, "ingest ended before listening:\n" + "".join(output)
            output.append(line)
            if "listening on " in line:
                url = line.split("listening on ", 1)[1].split()[0]
        assert url.startswith("http://127.0.0.1:")  # loopback unless a host is given
        endpoint = Endpoint(url, [], IngestEvents())
        status, answer = await endpoint.post(SEED.read_bytes(), "text/plain")
        assert status == 202
        wrong, _ = await endpoint.post(SEED.read_bytes(), "text/plain", {"Authorization": "Bearer guess"})
        assert wrong == 401
    finally:
        process.send_signal(signal.SIGTERM)
        rest = await asyncio.wait_for(process.stderr.read(), timeout=60)
        output.append(rest.decode())
        await process.wait()
    text = "".join(output)
    assert process.returncode == 0, text
    assert "pushed 1" in text and answer["article_id"] in text
    assert TOKEN not in text
