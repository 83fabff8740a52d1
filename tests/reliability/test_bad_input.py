"""Bad records mixed among good articles: each is dead-lettered with its reason, the rest flows.

Reconciliation is done from the outside, on the topics, so it does not trust the worker's own
counters: every offset of ``articles`` is either dead-lettered (a record on ``articles-dlq``
whose ``original-offset`` header names it) or processed (its article's moves are on
``index-moves``, whose ``article-offset`` header names it), never both, never neither. Every
good article of the corpus states index moves, so "processed" is visible for each of them.

A reason names the field and the kind of problem, never what the record held: a record carrying
a password-like canary is dead-lettered with its field named, and the canary appears in no
dead-letter header and nowhere in the worker's log (the dead letter's value is still the
original bytes, so nothing is lost).
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import orjson
import pytest

from schemas import Alert, Article
from streams.admission import MAX_ARTICLE_BYTES
from streams.alerting.positions import MovePosition
from streams.kafka.admin import ensure_topics
from streams.replay.files import ArticleFile, load_articles
from streams.worker.deadletter import DeadLetter
from tests.integration.helpers import produce_raw, read_topic, unique_settings, wait_until_processed
from tests.reliability.corpus import Corpus, expected_alerts
from tests.reliability.harness import start_generation, write_artifact

pytestmark = pytest.mark.integration

GOOD = 27
CANARY = "hunter2-canary-7f3a"


def _article(article_id: str, body: str) -> bytes:
    return Article(
        article_id=article_id, origin=None, title=None, source=None, url=None, body=body
    ).to_json_bytes()


def bad_records() -> list[tuple[str, bytes | None, str]]:
    """(name, value, what its dead-letter reason must say)."""
    rng = random.Random(5)
    numbers = " ".join(f"{rng.uniform(-99, 9999):,.2f}%" for _ in range(100_000))
    nested = b'{"article_id": "n", "body": ' + b'{"a": ' * 100_000 + b"1" + b"}" * 100_001
    return [
        ("invalid-json", b'{"article_id": "x", "body": ', "JSONDecodeError"),
        ("wrong-shape", orjson.dumps({"id": 1, "text": "hi", "body": ["not", "a", "string"]}), "article_id"),
        ("empty", b"", "JSONDecodeError"),
        ("null", None, "null value"),
        ("not-utf8", b'{"article_id": "u", "body": "Nikkei rose \xff\xfe to 50,000"}', "JSONDecodeError"),
        ("ten-mb", _article("big", "The Nikkei rose 1% to 50,000 points. " * 284_000), "larger than"),
        ("numbers", _article("num", numbers), "not prose"),
        ("deeply-nested", nested, "JSONDecodeError"),
        ("canary", orjson.dumps({"article_id": "c", "body": {"password": CANARY}}), "body: Input should be"),
    ]


async def test_bad_records_are_dead_lettered_good_ones_processed_and_counts_reconcile(
    kafka_bootstrap: str, tmp_path: Path, corpus: Corpus
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    t = settings.topics
    await ensure_topics(settings)
    good = [f for f in load_articles(corpus.files[:GOOD]) if isinstance(f, ArticleFile)]
    bad = bad_records()
    assert len(bad[5][1] or b"") > 10 * 1024 * 1024 > MAX_ARTICLE_BYTES
    # Interleave: two good, one bad, ...; remember which offset each bad one gets.
    records: list[tuple[bytes | None, bytes | None]] = []
    bad_at: dict[int, tuple[str, str]] = {}
    for i, f in enumerate(good):
        records.append((f.article.article_id.encode(), f.article.to_json_bytes()))
        if i % 3 == 2 and bad:
            name, value, reason = bad.pop(0)
            bad_at[len(records)] = (name, reason)
            records.append((name.encode(), value))
    assert not bad, "every bad record must be placed"
    worker = await start_generation(settings, tmp_path, "worker")
    pid = worker.proc.pid if worker.proc else None
    try:
        await produce_raw(kafka_bootstrap, t.articles, records)
        await wait_until_processed(settings, timeout=180)
        running = worker.running
        articles = await read_topic(kafka_bootstrap, t.articles)
        dlq = await read_topic(kafka_bootstrap, t.articles_dlq)
        moves = await read_topic(kafka_bootstrap, t.index_moves)
        alerts = [Alert.from_json_bytes(r.value or b"") for r in await read_topic(kafka_bootstrap, t.alerts)]
    finally:
        worker.stop()
    log = (tmp_path / "worker.log").read_text(errors="replace")
    letters = {
        DeadLetter.from_headers(r.headers).offset: (r, DeadLetter.from_headers(r.headers)) for r in dlq
    }
    processed = {pos.offset for r in moves if (pos := MovePosition.from_headers(r.headers)) is not None}
    offsets = {r.offset for r in articles}
    figures = {
        "articles_in": len(articles),
        "processed": len(processed),
        "dead_lettered": len(dlq),
        "dead_letter_reasons": {
            bad_at[o][0]: letters[o][1].error[:160] for o in sorted(letters) if o in bad_at
        },
        "alerts_expected": len(expected_alerts(good)),
        "alerts_found": len({a.alert_id for a in alerts}),
        "worker_pid_unchanged": worker.proc is not None and worker.proc.pid == pid and running,
    }
    write_artifact("bad-input", figures)
    assert len(articles) == len(records), figures
    assert len(dlq) == len(letters), f"an offset was dead-lettered twice: {figures}"
    assert set(letters) == set(bad_at), figures
    assert processed == offsets - set(bad_at), figures
    assert len(articles) == len(processed) + len(dlq), figures
    for offset, (name, reason) in bad_at.items():
        record, letter = letters[offset]
        assert letter.stage == "decode-article" and letter.topic == t.articles, (name, letter)
        assert reason in letter.error, f"{name}: reason {letter.error[:300]!r} does not say {reason!r}"
        assert record.value == records[offset][1], f"{name}: the dead letter is not the original bytes"
        assert record.key == name.encode()
    assert Counter(a.alert_id for a in alerts) == Counter(a.alert_id for a in expected_alerts(good))
    assert figures["worker_pid_unchanged"], f"the worker restarted or died: {log[-3000:]}"
    assert "Traceback" not in log, log[-5000:]
    assert CANARY not in log, "record content in the worker's log"
    assert all(CANARY.encode() not in value for r in dlq for value in r.headers.values())
