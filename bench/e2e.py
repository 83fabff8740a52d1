"""End-to-end measurements through the real broker: throughput, latency, the pass-through floor.

The bench process itself produces the articles (Article JSON, keyed by article_id, as
``milestones replay`` does) and reads the output topics with a plain consumer, so both ends of
every measurement are read on one clock (``time.perf_counter``):

* an article's *produce time* is taken right before its record is handed to the producer;
* its *output time* is when its alert is read from ``alerts``, or, when it gives no alert, its
  last index move from ``index-moves``, or, when it gives neither, its last quote from
  ``quotes`` (every seed-built article gives at least one of them);
* throughput = articles / (last output read - first produce);
* latency = output time - produce time, per article (p50/p95/p99/max).

A run is over when every article has an output, the worker's consumer group has committed
everything on ``articles`` and ``index-moves`` (so no move or alert is still on its way) and
no new output record came for a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import sys
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from streams.extract import normalise_article
from streams.kafka.admin import ensure_topics
from streams.kafka.lag import group_lag
from streams.settings import Settings
from streams.worker.process import WorkerProcess, free_port

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from bench_extract import build  # noqa: E402


@dataclass(frozen=True)
class Corpus:
    """Articles ready to produce: (article_id, Article JSON bytes), each one distinct."""

    records: list[tuple[str, bytes]]

    @classmethod
    def from_seeds(cls, count: int, seed: int) -> Corpus:
        records = []
        for origin, text in build(count, seed):
            article = normalise_article(text, origin)
            records.append((article.article_id, article.to_json_bytes()))
        return cls(records)

    def __len__(self) -> int:
        return len(self.records)


def percentile(values: list[float], q: float) -> float:
    """The q-quantile (0..1) by nearest rank: a value that was actually measured."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


@dataclass
class Outputs:
    """Output records read so far, by article: when its last move, last quote and alert arrived."""

    alert: dict[str, float] = field(default_factory=dict)
    move: dict[str, float] = field(default_factory=dict)
    quote: dict[str, float] = field(default_factory=dict)
    last_read: float = 0.0
    records: int = 0

    def output_time(self, article_id: str) -> float | None:
        for seen in (self.alert, self.move, self.quote):
            if article_id in seen:
                return seen[article_id]
        return None


class Observer:
    """Reads the output topics from their end and stamps each record as it is read."""

    def __init__(self, bootstrap: str, kinds: dict[str, str]) -> None:
        self.bootstrap = bootstrap
        self.kinds = kinds  # topic -> "alert" | "move" | "quote"
        self.out = Outputs()
        self._task: asyncio.Task[None] | None = None
        self._consumer: AIOKafkaConsumer | None = None

    async def start(self) -> None:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap, enable_auto_commit=False, fetch_max_wait_ms=5
        )
        await consumer.start()
        tps = []
        for topic in self.kinds:
            parts = consumer.partitions_for_topic(topic)
            if not parts:
                await consumer._client.force_metadata_update()
                parts = consumer.partitions_for_topic(topic) or set()
            tps += [TopicPartition(topic, p) for p in sorted(parts)]
        consumer.assign(tps)
        # From the end: the stage's topics hold the outputs of its earlier runs (a throughput
        # run leaves ~250,000 records), and reading those first delayed the first seconds of a
        # latency run's outputs by up to two seconds. The positions are resolved before the
        # first article is produced, so no output of this run can fall before them.
        await consumer.seek_to_end(*tps)
        for tp in tps:
            await consumer.position(tp)
        self._consumer = consumer
        self._task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self._consumer is not None
        out = self.out
        while True:
            batches = await self._consumer.getmany(timeout_ms=100)
            now = time.perf_counter()
            for tp, records in batches.items():
                seen = getattr(out, self.kinds[tp.topic])
                for record in records:
                    article_id = orjson.loads(record.value)["article_id"]
                    seen[article_id] = now
                    out.records += 1
                    out.last_read = now

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._consumer is not None:
            await self._consumer.stop()


async def produce(
    bootstrap: str, topic: str, records: Iterable[tuple[str, bytes]], rate: float | None
) -> dict[str, float]:
    """Produce the records (as fast as possible, or ``rate`` per second); produce time per id."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=0 if rate else 5)
    await producer.start()
    sent: dict[str, float] = {}
    pending = []
    try:
        start = time.perf_counter()
        for n, (article_id, value) in enumerate(records):
            if rate:
                delay = start + n / rate - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
            sent[article_id] = time.perf_counter()
            pending.append(await producer.send(topic, key=article_id.encode(), value=value))
            if len(pending) >= 1000:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return sent


async def wait_done(
    observer: Observer,
    sent: dict[str, float],
    *,
    group: str | None,
    lag_topics: list[str],
    bootstrap: str,
    timeout: float,
) -> bool:
    """Until every article has an output, the group's lag is zero and outputs went quiet."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await asyncio.sleep(0.5)
        if any(observer.out.output_time(a) is None for a in sent):
            continue
        if group is not None and await group_lag(bootstrap, group, lag_topics) > 0:
            continue
        if time.perf_counter() - observer.out.last_read >= 1.0:
            return True
    return False


@dataclass
class Run:
    """The figures of one measured pass."""

    articles: int
    seconds: float
    per_second: float
    latency_ms: dict[str, float]
    complete: bool
    cpu_ms_per_article: float = float("nan")  # of the worker (or pass-through) processes


def summarise(observer: Observer, sent: dict[str, float], complete: bool) -> Run:
    latencies = []
    last = 0.0
    for article_id, t0 in sent.items():
        t1 = observer.out.output_time(article_id)
        if t1 is not None:
            latencies.append((t1 - t0) * 1000)
            last = max(last, t1)
    first = min(sent.values())
    seconds = last - first if last else float("nan")
    lat = (
        {
            "p50": percentile(latencies, 0.50),
            "p95": percentile(latencies, 0.95),
            "p99": percentile(latencies, 0.99),
            "max": max(latencies),
        }
        if latencies
        else {}
    )
    return Run(len(sent), seconds, len(sent) / seconds, lat, complete)


@dataclass
class Stage:
    """One set of topics and the workers (or pass-through) reading them."""

    bootstrap: str
    settings: Settings
    procs: list[WorkerProcess]
    log_dir: Path

    @classmethod
    async def create(cls, bootstrap: str, log_dir: Path, name: str) -> Stage:
        run = uuid.uuid4().hex[:8]
        settings = Settings(
            kafka_bootstrap=bootstrap,
            topic_prefix=f"bench-{name}-{run}.",
            app_id=f"milestones-bench-{name}-{run}",
            data_dir=log_dir / f"data-{name}-{run}",
            partitions=3,
            articles_partitions=3,
            web_enabled=False,
        )
        await ensure_topics(settings)
        return cls(bootstrap, settings, [], log_dir)

    def start_workers(self, count: int) -> None:
        for n in range(count):
            s = self.settings
            env = {
                "MILESTONES_KAFKA_BOOTSTRAP": s.kafka_bootstrap,
                "MILESTONES_TOPIC_PREFIX": s.topic_prefix,
                "MILESTONES_APP_ID": s.app_id,
                "MILESTONES_DATA_DIR": str(s.data_dir / f"w{n}"),
                "MILESTONES_PARTITIONS": "3",
                "MILESTONES_ARTICLES_PARTITIONS": "3",
                "MILESTONES_WEB_ENABLED": "false",
                "MILESTONES_WEB_PORT": str(free_port()),
            }
            worker = WorkerProcess(env, self.log_dir / f"{s.app_id}-w{n}.log", loglevel="info").start()
            self.procs.append(worker)
        for worker in self.procs:
            if not worker.wait_for_log("Worker ready", timeout=180):
                raise RuntimeError(f"worker did not become ready:\n{worker.log_text()[-3000:]}")

    def start_passthrough(self) -> None:
        topics = self.settings.topics
        log = self.log_dir / f"{self.settings.app_id}-passthrough.log"
        proc = WorkerProcess({}, log)
        import subprocess

        with log.open("ab") as handle:
            proc.proc = subprocess.Popen(
                [
                    sys.executable,
                    str(ROOT / "bench" / "passthrough.py"),
                    self.bootstrap,
                    self.settings.app_id,
                    topics.articles,
                    topics.index_moves,
                ],
                stdout=handle,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        if not proc.wait_for_log("passthrough ready", timeout=60):
            raise RuntimeError(f"pass-through did not start:\n{proc.log_text()[-3000:]}")
        self.procs.append(proc)

    def cpu_seconds(self) -> float:
        """User + system CPU time used so far by the stage's processes (from /proc/PID/stat).

        On a shared machine wall-clock throughput depends on what else runs; CPU time per
        article says what the worker itself costs."""
        total = 0.0
        tick = os.sysconf("SC_CLK_TCK")
        for worker in self.procs:
            if worker.proc is None:
                continue
            try:
                fields = Path(f"/proc/{worker.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        return total

    def peak_rss_mb(self) -> list[float]:
        """VmHWM of each running process, in MB."""
        out = []
        for worker in self.procs:
            if worker.proc is None:
                continue
            try:
                status = Path(f"/proc/{worker.proc.pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    out.append(int(line.split()[1]) / 1024)
        return out

    def observer(self, passthrough: bool = False) -> Observer:
        topics = self.settings.topics
        if passthrough:
            return Observer(self.bootstrap, {topics.index_moves: "move"})
        return Observer(
            self.bootstrap, {topics.alerts: "alert", topics.index_moves: "move", topics.quotes: "quote"}
        )

    async def measure(
        self,
        records: list[tuple[str, bytes]],
        rate: float | None,
        *,
        passthrough: bool = False,
        timeout: float = 300,
    ) -> Run:
        observer = self.observer(passthrough)
        await observer.start()
        cpu = self.cpu_seconds()
        try:
            sent = await produce(self.bootstrap, self.settings.topics.articles, records, rate)
            topics = self.settings.topics
            complete = await wait_done(
                observer,
                sent,
                group=self.settings.app_id,
                lag_topics=[topics.articles] if passthrough else [topics.articles, topics.index_moves],
                bootstrap=self.bootstrap,
                timeout=timeout,
            )
            run = summarise(observer, sent, complete)
            run.cpu_ms_per_article = (self.cpu_seconds() - cpu) * 1000 / len(sent)
            return run
        finally:
            await observer.stop()

    def stop(self) -> None:
        for worker in self.procs:
            worker.stop(timeout=60)
        self.procs.clear()


def shuffled(records: list[tuple[str, bytes]], seed: int) -> list[tuple[str, bytes]]:
    out = list(records)
    random.Random(seed).shuffle(out)
    return out
