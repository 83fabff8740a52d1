"""The live page in a real browser: open it, replay the seeds, watch the alerts arrive.

Headless Chromium from Debian's package (``/usr/bin/chromium``, installed by ``make test``),
driven by Playwright for Python; Playwright's own browser downloads are never used.
The screenshot goes to ``test-artifacts/live-page.png``.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

from streams.replay import plan_replay, replay
from tests.integration.helpers import GOLD_DIR, SEEDS, start_worker, unique_settings, wait_until_processed

pytestmark = pytest.mark.integration

T = TypeVar("T")

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
GOLD = json.loads((GOLD_DIR / "seeds.json").read_text())
GOLD_ALERTS = next(s for s in GOLD["streams"] if s["name"] == "seeds-by-name")["alerts"]
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


def _run_elsewhere(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine on a thread of its own: Playwright's sync API keeps a loop in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def test_live_page_shows_the_seed_alerts_as_they_arrive_without_a_reload(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Chromium is missing: `make test` installs Debian's chromium package"
    settings = unique_settings(kafka_bootstrap, tmp_path)
    worker = start_worker(settings, tmp_path / "worker.log")
    base = f"http://127.0.0.1:{settings.web_port}"
    requested: list[str] = []
    errors: list[str] = []
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
                page = browser.new_page()
                page.on("request", lambda request: requested.append(request.url))
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                page.goto(f"{base}/live", timeout=TIMEOUT_MS)
                page.wait_for_selector("#status.live", timeout=TIMEOUT_MS)
                assert page.locator("#alerts tbody tr").count() == 0
                page.evaluate("window.__sameDocument = true")  # gone if the page reloads

                _run_elsewhere(replay(settings, plan_replay([SEEDS])))

                page.wait_for_function(
                    "document.querySelectorAll('#alerts tbody tr').length >= 4", timeout=TIMEOUT_MS
                )
                _run_elsewhere(wait_until_processed(settings))
                page.wait_for_function(
                    "document.querySelectorAll('#charts svg path.mark').length >= 4", timeout=TIMEOUT_MS
                )
                assert page.evaluate("window.__sameDocument === true"), "the page reloaded"
                rows = page.locator("#alerts tbody tr")
                assert rows.count() == len(GOLD_ALERTS) == 4
                shown = Counter(
                    (
                        rows.nth(i).locator("td").nth(1).inner_text().strip(),
                        "record"
                        if "record" in rows.nth(i).locator("td").nth(2).inner_text()
                        else "milestone",
                    )
                    for i in range(rows.count())
                )
                assert shown == Counter((a["index"], a["kind"]) for a in GOLD_ALERTS)
                # Every row carries its evidence sentence and where it came from.
                for i in range(rows.count()):
                    evidence = rows.nth(i).locator("td").nth(4).inner_text()
                    assert len(evidence) > 20 and "·" in evidence
                # Newest first: the last alert sent is the first row.
                ids = [rows.nth(i).get_attribute("data-alert-id") for i in range(rows.count())]
                assert page.locator("#c-alerts").inner_text() == "4"
                assert page.locator("#c-articles").inner_text() == "5"
                page.locator("#charts").scroll_into_view_if_needed()
                page.evaluate("window.scrollTo(0, 0)")
                ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / "live-page.png"), full_page=True)
                state = json.loads(page.evaluate("fetch('/live/state').then(r => r.text())"))
            finally:
                browser.close()
    finally:
        worker.stop()
    assert errors == []
    assert [a["alert_id"] for a in state["alerts"]] == ids
    # Nothing was fetched from anywhere but the worker (works offline).
    assert requested and all(url.startswith(base) for url in requested), requested
