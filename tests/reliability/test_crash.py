"""kill -9 the worker three times at random points of a 2,000-article replay: no alert lost or invented.

The worker is a separate process (``milestones worker``); SIGKILL gives it no chance to commit,
flush or say goodbye. After each kill a new worker starts on the same group and data dir. At
the end the alerts topic must hold exactly backtest's alerts (repeats allowed, with the same
alert_id) and ``subscribe_alerts`` must show each exactly once.
"""

from __future__ import annotations

import asyncio
import random
import time
from pathlib import Path

import pytest

from streams.kafka.admin import ensure_topics
from streams.kafka.lag import wait_for_worker
from tests.integration.helpers import unique_settings
from tests.reliability.corpus import Corpus
from tests.reliability.harness import (
    articles_lost,
    collect_alerts,
    committed_and_end,
    plan_of,
    start_generation,
    start_replay,
    wait_committed,
    write_artifact,
)

pytestmark = pytest.mark.integration

KILL_WINDOWS = ((100, 450), (650, 1000), (1150, 1500))  # committed articles before each kill
RATE = 40.0  # articles/s: the replay lasts ~50 s, so all three kills come while it is still sending


async def test_three_kill_nines_during_a_replay_lose_nothing_and_invent_nothing(
    kafka_bootstrap: str, tmp_path: Path, corpus: Corpus
) -> None:
    rng_seed = random.randrange(1 << 30)
    rng = random.Random(rng_seed)
    settings = unique_settings(kafka_bootstrap, tmp_path, partitions=3)
    t = settings.topics
    await ensure_topics(settings)
    worker = await start_generation(settings, tmp_path, "worker-0")
    replaying = start_replay(settings, plan_of(corpus.files), RATE)
    kills: list[dict[str, object]] = []
    try:
        for n, (low, high) in enumerate(KILL_WINDOWS):
            # A random point: once the worker has committed a random share of the input, plus a
            # random part of a commit interval, so the kill lands between commits as often as not.
            target = rng.randint(low, high)
            await wait_committed(kafka_bootstrap, settings.app_id, t.articles, target)
            await asyncio.sleep(rng.uniform(0.0, 3.0))
            done, end = await committed_and_end(kafka_bootstrap, settings.app_id, t.articles)
            killed_at = time.monotonic()
            sending = not replaying.done()
            worker.kill()
            worker = await start_generation(settings, tmp_path, f"worker-{n + 1}")
            ready_at = time.monotonic()
            caught_up = await wait_committed(kafka_bootstrap, settings.app_id, t.articles, end)
            kills.append(
                {
                    "kill": n + 1,
                    "articles_committed_at_kill": done,
                    "articles_on_topic_at_kill": end,
                    "replay_still_sending": sending,
                    "seconds_kill_to_ready": round(ready_at - killed_at, 2),
                    "seconds_kill_to_caught_up": round(time.monotonic() - killed_at, 2),
                    "caught_up": caught_up,
                }
            )
        summary = await replaying
        started = time.monotonic()
        zero = await wait_for_worker(settings, timeout=240)
        final_catch_up = time.monotonic() - started
        lost = await articles_lost(settings)
        check = await collect_alerts(settings, corpus.alerts)
    finally:
        if not replaying.done():
            replaying.cancel()
        worker.stop()
    figures = {
        "random_seed": rng_seed,
        "articles_in": summary.sent,
        "kills": kills,
        "seconds_final_catch_up_after_replay": round(final_catch_up, 2),
        "articles_lost": lost,
        "recovery_seconds": [k["seconds_kill_to_caught_up"] for k in kills],
        **check.figures(),
    }
    write_artifact("crash", figures)
    assert zero, f"the last worker never caught up: {figures}"
    assert figures["articles_lost"] == 0, figures
    assert summary.sent == len(corpus.files)
    for kill in kills:
        assert kill["caught_up"], f"a restarted worker never caught up: {figures}"
        # Honest crashes: each kill came while the worker still had articles to do.
        assert (
            kill["articles_committed_at_kill"] < kill["articles_on_topic_at_kill"]
            or kill["replay_still_sending"]
        ), f"kill {kill['kill']} hit an idle worker: {figures}"
    assert check.verify() == [], f"{check.problems}\n{figures}"
