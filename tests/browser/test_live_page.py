"""The live page in a real browser, as a desk uses it all day, against a real broker and worker.

Headless Chromium from Debian's package (``/usr/bin/chromium``, installed by ``make test``),
driven by Playwright for Python; Playwright's own browser downloads are never used. The
screenshot (the seeds arrived while the page was open) goes to ``test-artifacts/live-page.png``.

What a desk checks, in the order it happens:
- the seeds arrive while the page is open: the four alerts appear without a reload, highlighted
  as new, and each index's headline is its level as the alerts were judged (the Nikkei is
  "above 50,000", not September's 44,888);
- the same files replayed, and every index move delivered a second time (what a worker that
  crashed before committing sends again): no point is added, nothing changes;
- the worker restarted, the page reloaded: the same alerts, headlines and points;
- ``milestones page``, a process of its own: the same page again;
- a filter in the URL shows only the chosen indices and kinds; clicking one adds it to the URL;
- a new alert while the page is open: highlighted, without a reload, on every open page, and a
  browser notification where the desk asked for one (its sound and notification choices
  survive a reload);
- an alert raised while an open page had lost its server: new once the page reconnects by itself.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest
from aiokafka import AIOKafkaProducer

from streams.replay.producer import plan_replay, replay
from streams.settings import Settings
from streams.worker.process import free_port
from tests.gold import gold_stream
from tests.integration.helpers import (
    SEEDS,
    read_topic,
    start_worker,
    unique_settings,
    wait_until_processed,
    worker_env,
)
from tests.integration.ops_helpers import http_get

pytestmark = pytest.mark.integration

T = TypeVar("T")

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
GOLD_ALERTS = gold_stream("seeds", "seeds-by-name")["alerts"]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 120_000

NEW_ARTICLE = (
    "Nikkei tops 55,000 for the first time\n\n"
    "Published 03/11/2025, 07:10\n\n"
    "Investing.com-- Japan's Nikkei 225 rose 1.8% on Monday, topping 55,000 for the first time "
    "as chipmakers extended their rally.\n\n"
    "Shares elsewhere in Asia were mixed.\n"
)

MISSED_ARTICLE = (
    "Kospi tops 4,500 for the first time\n\n"
    "Published 04/11/2025, 06:40\n\n"
    "Investing.com-- South Korea's Kospi rose 2.2% on Tuesday, topping 4,500 for the first time.\n"
)

# Records each browser notification the page raises (the real one is still shown): the desk's
# notification is something the browser, not the page, displays.
SPY_ON_NOTIFICATIONS = """(() => {
  const Real = window.Notification;
  window.__notified = [];
  window.Notification = class extends Real {
    constructor(title, options) { super(title, options); window.__notified.push(title); }
    static get permission() { return Real.permission; }
    static requestPermission() { return Real.requestPermission(); }
  };
})()"""

# What the page shows, read from the DOM the way a person reads it: rows, cards, figures, points.
READ_PAGE = """() => ({
  alerts: [...document.querySelectorAll('#alerts tbody tr')].map((r) => ({
    id: r.dataset.alertId, index: r.dataset.index, kind: r.dataset.kind,
    fresh: r.classList.contains('new'), what: r.querySelector('.kind').innerText, text: r.innerText })),
  charts: Object.fromEntries([...document.querySelectorAll('#charts .chart')].map((c) => {
    const h = c.querySelector('.headline');
    return [c.dataset.index, {
      value: h.dataset.value === undefined ? null : Number(h.dataset.value),
      relation: h.dataset.relation || null,
      figure: h.innerText, when: c.querySelector('.when').innerText,
      points: [...c.querySelectorAll('svg .pt')].map((p) => p.dataset.key).sort(),
      marks: c.querySelectorAll('svg path.mark').length }];
  })),
})"""


def _run_elsewhere(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine on a thread of its own: Playwright's sync API keeps a loop in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _what_stays(view: dict[str, Any]) -> dict[str, Any]:
    """A page's content without what depends on when it was opened (which alerts are new)."""
    return {
        "alerts": sorted((a["id"], a["index"], a["kind"]) for a in view["alerts"]),
        "charts": {i: (c["value"], c["relation"], c["when"], c["points"]) for i, c in view["charts"].items()},
    }


async def _send_every_move_again(settings: Settings) -> int:
    """Put every index-moves record on the topic a second time, key, value and headers alike."""
    records = await read_topic(settings.kafka_bootstrap, settings.topics.index_moves)
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
    await producer.start()
    try:
        for r in records:
            await producer.send_and_wait(
                settings.topics.index_moves,
                key=r.key,
                value=r.value,
                headers=list(r.headers.items()),
                partition=r.partition,
            )
    finally:
        await producer.stop()
    return len(records)


def _wait_for_state(base: str, done: Any, timeout: float = 120.0) -> dict[str, Any]:
    """Poll ``/live/state`` until ``done(state)``; the state then."""
    deadline = time.monotonic() + timeout
    state: dict[str, Any] = {}
    while time.monotonic() < deadline:
        try:
            status, _, body = http_get(f"{base}/live/state")
        except OSError:  # not listening yet
            status, body = 0, ""
        if status == 200:
            state = json.loads(body)
            if done(state):
                return state
        time.sleep(0.5)
    raise AssertionError(f"/live/state never got there: {state.get('counts')}")


def _start_page_command(settings: Settings, port: int, log_path: Path) -> subprocess.Popen[bytes]:
    """``milestones page`` in its own process, on the same topics as the worker."""
    env = {**os.environ, **worker_env(settings), "MILESTONES_PAGE_PORT": str(port)}
    with log_path.open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "streams.cli", "page"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def test_the_page_a_desk_keeps_open_all_day(kafka_bootstrap: str, tmp_path: Path) -> None:
    from playwright.sync_api import Page, sync_playwright

    assert CHROMIUM.exists(), "Chromium is missing: `make test` installs Debian's chromium package"
    settings = unique_settings(kafka_bootstrap, tmp_path)
    worker = start_worker(settings, tmp_path / "worker.log")
    base = f"http://127.0.0.1:{settings.web_port}"
    page_port = free_port()
    page_base = f"http://127.0.0.1:{page_port}"
    page_command: subprocess.Popen[bytes] | None = None
    requested: list[str] = []
    errors: list[str] = []

    def watch(tab: Page) -> Page:
        tab.on("request", lambda request: requested.append(request.url))
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        return tab

    def open_live(tab: Page, url: str) -> None:
        tab.goto(url, timeout=TIMEOUT_MS)
        tab.wait_for_selector("#status.live", timeout=TIMEOUT_MS)
        tab.evaluate("window.__sameDocument = true")  # gone if the page reloads

    def read(tab: Page, charts: int) -> dict[str, Any]:
        tab.wait_for_function(f"document.querySelectorAll('#charts .chart').length === {charts}")
        return dict(tab.evaluate(READ_PAGE))

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch_persistent_context(
                str(tmp_path / "chromium-profile"),
                executable_path=str(CHROMIUM),
                headless=True,
                args=CHROMIUM_ARGS,
                viewport={"width": 1280, "height": 900},
            )
            try:
                # 1. The seeds arrive while the page is open.
                browser.grant_permissions(["notifications"], origin=base)
                desk = watch(browser.new_page())
                desk.add_init_script(SPY_ON_NOTIFICATIONS)
                open_live(desk, f"{base}/live")
                assert desk.locator("#alerts tbody tr").count() == 0
                _run_elsewhere(replay(settings, plan_replay([SEEDS])))
                desk.wait_for_function(
                    "document.querySelectorAll('#alerts tbody tr').length === 4", timeout=TIMEOUT_MS
                )
                _run_elsewhere(wait_until_processed(settings))
                desk.wait_for_function(
                    "document.querySelectorAll('#charts svg path.mark').length === 4", timeout=TIMEOUT_MS
                )
                seeds = read(desk, charts=6)
                assert desk.evaluate("window.__sameDocument === true"), "the page reloaded"
                assert Counter((a["index"], a["kind"]) for a in seeds["alerts"]) == Counter(
                    (a["index"], a["kind"]) for a in GOLD_ALERTS
                )
                assert all(a["fresh"] for a in seeds["alerts"]), "alerts that arrived live are highlighted"
                assert desk.title().startswith("(4) ")
                charts = seeds["charts"]
                # Each headline is the level the alerts were judged against: none contradicts one.
                for alert in GOLD_ALERTS:
                    figure = charts[alert["index"]]["value"]
                    assert figure >= (alert["milestone"] or alert["level"]), (alert, charts[alert["index"]])
                nikkei = charts["NIKKEI225"]
                assert (nikkei["relation"], nikkei["value"], nikkei["when"]) == ("above", 50000, "2025-10-27")
                assert nikkei["figure"] == "above 50,000"
                assert charts["TOPIX"]["figure"] == "3,177.2"  # its record, not September's 3,171.7
                assert charts["KOSPI"]["figure"] == "above 4,000"  # not an undated 3,452.5
                assert charts["KOSPI"]["when"].startswith("undated · arrived")
                assert sum(len(c["points"]) for c in charts.values()) == 11
                ARTIFACTS.mkdir(exist_ok=True)
                desk.screenshot(path=str(ARTIFACTS / "live-page.png"), full_page=True)

                # 2. The same files again, and every move delivered twice: nothing is added.
                _run_elsewhere(replay(settings, plan_replay([SEEDS])))
                _run_elsewhere(wait_until_processed(settings))
                sent_again = _run_elsewhere(_send_every_move_again(settings))
                assert sent_again == 40
                read_twice = 2 * sent_again  # every move record, then its repeat: the page has read both
                _wait_for_state(
                    base, lambda s: s["counts"]["moves"] + s["counts"]["repeated_moves"] >= read_twice
                )
                assert _what_stays(read(desk, charts=6)) == _what_stays(seeds)

                # 3. The worker restarted, the page reloaded: the same page, nothing new.
                #    The open page reconnects by itself; a page opened afresh shows the same.
                errors_before = len(errors)
                worker.stop()
                desk.wait_for_selector("#status.down", timeout=TIMEOUT_MS)
                worker = start_worker(settings, tmp_path / "worker-restarted.log")
                desk.wait_for_selector("#status.live", timeout=TIMEOUT_MS)
                assert desk.evaluate("window.__sameDocument === true"), "the page reloaded"
                assert _what_stays(read(desk, charts=6)) == _what_stays(seeds)
                desk.locator("#pref-sound").check()  # the desk's choices, before it reloads
                desk.locator("#pref-notify").check()
                open_live(desk, f"{base}/live")
                assert desk.locator("#pref-sound").is_checked() and desk.locator("#pref-notify").is_checked()
                # While the worker was away the open page tried to reconnect; the browser logs each try.
                assert set(errors[errors_before:]) <= {"Failed to load resource: net::ERR_CONNECTION_REFUSED"}
                del errors[errors_before:]
                restarted = read(desk, charts=6)
                assert _what_stays(restarted) == _what_stays(seeds)
                assert not any(a["fresh"] for a in restarted["alerts"])

                # 4. `milestones page`, a process of its own: the same page again.
                page_command = _start_page_command(settings, page_port, tmp_path / "page.log")
                _wait_for_state(page_base, lambda s: True)
                other = watch(browser.new_page())
                open_live(other, f"{page_base}/live")
                assert _what_stays(read(other, charts=6)) == _what_stays(seeds)

                # 5. A filter in the URL: only the chosen indices, or kinds; a click adds to the URL.
                chosen = watch(browser.new_page())
                open_live(chosen, f"{page_base}/live?index=NIKKEI225,KOSPI")
                narrowed = read(chosen, charts=2)
                assert set(narrowed["charts"]) == {"NIKKEI225", "KOSPI"}
                assert sorted(a["index"] for a in narrowed["alerts"]) == ["KOSPI", "NIKKEI225"]
                chosen.locator("#index-chips button[data-value='DJIA']").click()
                assert chosen.url.endswith("/live?index=DJIA,KOSPI,NIKKEI225")
                assert set(read(chosen, charts=3)["charts"]) == {"DJIA", "KOSPI", "NIKKEI225"}
                open_live(chosen, f"{page_base}/live?kind=record")
                records = read(chosen, charts=6)["alerts"]
                assert [(a["index"], a["kind"]) for a in records] == [("TOPIX", "record")]

                # 6. A new alert while the pages are open: highlighted, without a reload.
                new_file = tmp_path / "new" / "nikkei-55000.txt"
                new_file.parent.mkdir()
                new_file.write_text(NEW_ARTICLE)
                _run_elsewhere(replay(settings, plan_replay([new_file])))
                for tab in (desk, other):
                    tab.wait_for_function(
                        "document.querySelectorAll('#alerts tbody tr').length === 5", timeout=TIMEOUT_MS
                    )
                    tab.wait_for_function(
                        "document.querySelector('#charts [data-index=NIKKEI225] .headline')"
                        ".dataset.value === '55000'",
                        timeout=TIMEOUT_MS,
                    )
                    after = read(tab, charts=6)
                    assert tab.evaluate("window.__sameDocument === true"), "the page reloaded"
                    newest = after["alerts"][0]
                    assert newest["index"] == "NIKKEI225" and "milestone 55,000" in newest["text"]
                    assert [a["fresh"] for a in after["alerts"]] == [True, False, False, False, False]
                    assert tab.title().startswith("(1) ")
                    nikkei = after["charts"]["NIKKEI225"]
                    assert (nikkei["figure"], nikkei["when"]) == ("above 55,000", "2025-11-03")
                    assert "Investing.com" in newest["text"]  # its source, read from `articles`
                desk.wait_for_function("window.__notified.length === 1", timeout=TIMEOUT_MS)
                assert desk.evaluate("window.__notified") == ["NIKKEI225 ▲ milestone 55,000"]
                desk.locator("#alerts tbody tr.new").click()  # seen: no longer highlighted
                assert desk.locator("#alerts tbody tr.new").count() == 0
                assert not desk.title().startswith("(")
                desk.screenshot(path=str(ARTIFACTS / "live-page-after-restart.png"), full_page=True)

                # 7. `milestones page` restarted under an open page while an alert is raised: the
                #    page reconnects by itself and shows the alert it missed as new.
                errors_before = len(errors)
                page_command.send_signal(signal.SIGTERM)
                assert page_command.wait(timeout=60) == 0, (tmp_path / "page.log").read_text()
                other.wait_for_selector("#status.down", timeout=TIMEOUT_MS)
                missed = tmp_path / "new" / "kospi-4500.txt"
                missed.write_text(MISSED_ARTICLE)
                _run_elsewhere(replay(settings, plan_replay([missed])))
                desk.wait_for_function(
                    "document.querySelectorAll('#alerts tbody tr').length === 6", timeout=TIMEOUT_MS
                )
                page_command = _start_page_command(settings, page_port, tmp_path / "page.log")
                other.wait_for_function(
                    "document.querySelectorAll('#alerts tbody tr').length === 6", timeout=TIMEOUT_MS
                )
                back = read(other, charts=6)
                assert other.evaluate("window.__sameDocument === true"), "the page reloaded"
                fresh = [(a["index"], a["what"]) for a in back["alerts"] if a["fresh"]]
                assert sorted(fresh) == [("KOSPI", "▲ milestone 4,500"), ("NIKKEI225", "▲ milestone 55,000")]
                assert back["charts"]["KOSPI"]["figure"] == "above 4,500"
                assert set(errors[errors_before:]) <= {"Failed to load resource: net::ERR_CONNECTION_REFUSED"}
                del errors[errors_before:]
            finally:
                browser.close()
    finally:
        if page_command is not None:
            page_command.send_signal(signal.SIGTERM)
            assert page_command.wait(timeout=60) == 0, (tmp_path / "page.log").read_text()
        worker.stop()
    assert errors == []
    # Nothing was fetched from anywhere but the worker and `milestones page` (works offline).
    assert requested and all(url.startswith((base, page_base)) for url in requested), requested
