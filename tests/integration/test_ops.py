"""Operations on a real worker and broker: /metrics counts equal the gold, health, log lines."""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from pathlib import Path

import pytest

from streams.kafka.admin import ensure_topics
from streams.replay.producer import plan_replay, replay
from tests.builders import index_move
from tests.gold import gold_stream, load_gold
from tests.integration.helpers import (
    SEEDS,
    produce_raw,
    start_worker,
    unique_settings,
    wait_until_processed,
)
from tests.integration.ops_helpers import base_url, http_get, json_log_lines, scrape, total

pytestmark = pytest.mark.integration

GOLD = load_gold("seeds")
GOLD_ALERTS = gold_stream("seeds", "seeds-by-name")["alerts"]
GOLD_MOVES = sum(len(a["moves"]) for a in GOLD["articles"].values())
GOLD_QUOTES = sum(len(a["quotes"]) for a in GOLD["articles"].values())


async def test_metrics_after_the_seeds_equal_the_gold_and_a_poison_record_is_counted_by_stage(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    log_path = tmp_path / "worker.log"
    worker = start_worker(settings, log_path)
    try:
        status, _, body = await asyncio.to_thread(http_get, f"{base_url(settings)}/health/live")
        assert status == 200 and json.loads(body) == {"live": True}
        status, content_type, body = await asyncio.to_thread(http_get, f"{base_url(settings)}/live")
        assert status == 200 and content_type.startswith("text/html") and "/live/live.js" in body
        status, content_type, body = await asyncio.to_thread(http_get, f"{base_url(settings)}/live/live.js")
        assert status == 200 and "javascript" in content_type and "EventSource" in body
        # Faust's own views (table contents, partition router, graph, stats) are not served.
        for path in ("/table/index-state/", "/router/", "/graph/", "/stats/"):
            status, _, _ = await asyncio.to_thread(http_get, f"{base_url(settings)}{path}")
            assert status == 404, path
        await replay(settings, plan_replay([SEEDS]))
        await wait_until_processed(settings)
        m = await scrape(settings)
        assert total(m, "milestones_articles_in_total") == 5
        assert total(m, "milestones_articles_processed_total") == 5
        assert total(m, "milestones_index_moves_extracted_total") == GOLD_MOVES == 40
        assert total(m, "milestones_quotes_extracted_total") == GOLD_QUOTES == 20
        assert total(m, "milestones_index_moves_processed_total") == 40
        assert total(m, "milestones_dead_lettered_total") == 0
        assert total(m, "milestones_alerts_fired_total") == len(GOLD_ALERTS) == 4
        by_label = Counter(
            {(labels["kind"], labels["index"]): int(v) for labels, v in m["milestones_alerts_fired_total"]}
        )
        assert by_label == Counter((a["kind"], a["index"]) for a in GOLD_ALERTS)
        assert total(m, "milestones_extraction_seconds_count") == 5
        assert total(m, "milestones_alert_lag_seconds_count") == 4
        assert total(m, "faust_messages_received_total") >= 5 + 40  # Faust's own sensor, same scrape

        # Consumer lag per input partition: refreshed every few seconds, zero once caught up.
        articles = settings.topics.articles
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            m = await scrape(settings)
            lags = {(lb["topic"], lb["partition"]): v for lb, v in m.get("milestones_consumer_lag", [])}
            if (articles, "0") in lags and len(lags) == 1 + settings.partitions:
                break
            await asyncio.sleep(0.5)
        assert lags == {
            (articles, "0"): 0,
            **{(settings.topics.index_moves, str(p)): 0 for p in range(settings.partitions)},
        }

        await ensure_topics(settings)
        await produce_raw(kafka_bootstrap, articles, [(b"poison", b'{"article_id": "x", "body": ')])
        # Rule 8 on the stream: a Dow move with an absurd level, produced straight onto
        # index-moves by another producer (the DJIA stands at 47,207 after the seeds; its
        # plausible range is 5,000-500,000): no alert, and the ignored figure is counted.
        absurd = index_move("DJIA", "up", 4.7e6, article_id="other-producer", sentence="Dow at 4,700,000")
        await produce_raw(kafka_bootstrap, settings.topics.index_moves, [(b"DJIA", absurd.to_json_bytes())])
        await wait_until_processed(settings)
        m = await scrape(settings)
    finally:
        worker.stop()
    assert m["milestones_bad_ticks_total"] == [({"index": "DJIA", "figure": "level"}, 1.0)]
    assert total(m, "milestones_alerts_fired_total") == 4  # the seeds' alerts only
    assert total(m, "milestones_articles_in_total") == 6
    assert total(m, "milestones_articles_processed_total") == 5
    assert m["milestones_dead_lettered_total"] == [
        ({"stage": "decode-article", "reason": "JSONDecodeError"}, 1.0)
    ]

    # Logs: JSON lines; one per alert and one per dead letter, with their fields.
    lines = json_log_lines(log_path)
    assert any("Worker ready" in str(line["message"]) for line in lines)
    alerts = [line["alert"] for line in lines if "alert" in line]
    assert sorted((a["kind"], a["index"]) for a in alerts) == sorted(  # type: ignore[index]
        (a["kind"], a["index"]) for a in GOLD_ALERTS
    )
    assert all(a["alert_id"] and a["article_id"] for a in alerts)  # type: ignore[index]
    letters = [line["dead_letter"] for line in lines if "dead_letter" in line]
    assert letters == [
        {
            "reason": letters[0]["reason"],  # type: ignore[index]
            "stage": "decode-article",
            "topic": articles,
            "partition": 0,
            "offset": 5,
        }
    ]
    assert str(letters[0]["reason"]).startswith("JSONDecodeError")  # type: ignore[index]


FILLER_RECORDS = 6_000  # a second or more of recovery here: many readiness polls (every 20 ms)


async def _fill_changelog(bootstrap: str, topic: str, partitions: int, count: int) -> None:
    """A state table changelog with many records, so that recovery takes a visible while."""
    from aiokafka import AIOKafkaProducer
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics(
            [NewTopic(topic, partitions, 1, topic_configs={"cleanup.policy": "compact"})]
        )
    finally:
        await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=20, max_batch_size=512 * 1024)
    await producer.start()
    try:
        pending = []
        for i in range(count):
            key = json.dumps(f"zz-filler-{i}").encode()
            value = json.dumps({"filler": i, "pad": "x" * 40}).encode()
            pending.append(await producer.send(topic, key=key, value=value, partition=i % partitions))
        await asyncio.gather(*pending)
    finally:
        await producer.stop()


def test_ready_answers_503_during_table_recovery_and_200_after(kafka_bootstrap: str, tmp_path: Path) -> None:
    """Readiness waits for the changelog to be read back: 503 while recovering, then 200 for good."""
    from streams.worker.process import WorkerProcess
    from tests.integration.helpers import worker_env

    settings = unique_settings(kafka_bootstrap, tmp_path)
    changelog = f"{settings.app_id}-index-state-changelog"
    asyncio.run(_fill_changelog(kafka_bootstrap, changelog, settings.partitions, FILLER_RECORDS))
    log_path = tmp_path / "worker.log"
    worker = WorkerProcess(worker_env(settings), log_path).start()
    url = f"{base_url(settings)}/health/ready"
    seen: list[tuple[int, bool, bool, dict[str, object]]] = []  # status, recovering, restored after
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and worker.running:
            before = worker.log_text()
            try:
                status, _, body = http_get(url, timeout=5)
            except OSError:  # the web server is not listening yet
                time.sleep(0.02)
                continue
            after = worker.log_text()
            recovering = (
                "Highwater for active changelog partitions" in before and "Restore complete" not in before
            )
            seen.append((status, recovering, "Restore complete" in after, json.loads(body)))
            if status == 200:
                break
            time.sleep(0.02)
        assert worker.wait_for_log("Worker ready", timeout=60), worker.log_text()[-3000:]
        again = [http_get(url)[0] for _ in range(3)]
    finally:
        worker.stop()
    statuses = [s for s, *_ in seen]
    assert statuses and statuses[-1] == 200, seen[-3:]
    assert set(statuses[:-1]) == {503}
    during = [body for status, recovering, _, body in seen if status == 503 and recovering]
    assert during, "no readiness answer was seen while the changelog was being read"
    assert all(body["ready"] is False and body["recovery_completed"] is False for body in during)
    assert seen[-1][2], "200 came before the worker logged that the table was restored"
    assert again == [200, 200, 200]
