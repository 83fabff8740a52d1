"""What the reliability tests share: a replay running in the background, offsets, the exactly-once check.

The check is the issue's: the alerts topic holds every alert ``backtest`` gives (none lost),
nothing else (no alert_id outside the expected set), any repeat is the same alert with the same
alert_id, and our subscriber path shows each exactly once. Figures go to the assertion messages
and to ``test-artifacts/reliability-<name>.json``.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from schemas import Alert, IndexMove
from streams.replay.producer import ReplayPlan, ReplaySummary, plan_replay, replay
from streams.settings import Settings
from streams.subscribe.api import subscribe_alerts
from streams.worker.process import WorkerProcess
from tests.integration.helpers import read_topic, start_worker

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def write_artifact(name: str, figures: dict[str, Any]) -> Path:
    """Write the figures as JSON (for the closing note and CI logs) and print them."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"reliability-{name}.json"
    path.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
    print(f"\n[reliability:{name}] {json.dumps(figures, sort_keys=True)}")
    return path


async def start_generation(
    settings: Settings, folder: Path, name: str, web_port: int | None = None, *, own_data_dir: bool = False
) -> WorkerProcess:
    """A worker with a log of its own, waited on until ready (a shared log would hold an old "ready").

    ``own_data_dir``: a data directory of its own, as a second worker running at the same time
    needs (each worker process keeps its tables on disk in its data directory).
    """
    if own_data_dir:
        settings = settings.model_copy(update={"data_dir": folder / f"{name}-data"})
    return await asyncio.to_thread(start_worker, settings, folder / f"{name}.log", web_port=web_port)


def plan_of(files: Sequence[Path]) -> ReplayPlan:
    """A replay plan over exactly these files, in this order."""
    plan = plan_replay(list(files))
    assert not plan.skipped, plan.skipped
    return plan


def start_replay(settings: Settings, plan: ReplayPlan, rate: float) -> asyncio.Task[ReplaySummary]:
    """The replay producer as a task of the test's loop, so the test can crash things meanwhile."""
    return asyncio.get_running_loop().create_task(replay(settings, plan, rate=rate))


async def committed_and_end(bootstrap: str, group: str, topic: str) -> tuple[int, int]:
    """(offsets the group committed, log end offsets) summed over the topic's partitions."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await admin.start()
    await consumer.start()
    try:
        parts = consumer.partitions_for_topic(topic)
        if parts is None:
            await consumer._client.force_metadata_update()
            parts = consumer.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in sorted(parts)]
        ends = await consumer.end_offsets(tps) if tps else {}
        committed = await admin.list_consumer_group_offsets(group)
        done = sum(max(0, committed[tp].offset) for tp in tps if tp in committed)
        return done, sum(ends.values())
    finally:
        await consumer.stop()
        await admin.close()


async def wait_committed(bootstrap: str, group: str, topic: str, target: int, timeout: float = 180.0) -> bool:
    """Wait until the group's committed offsets on ``topic`` reach ``target`` (summed)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, _ = await committed_and_end(bootstrap, group, topic)
        if done >= target:
            return True
        await asyncio.sleep(0.25)
    return False


@dataclass
class DeliveryCheck:
    """The alerts as the topic holds them and as a subscriber sees them, against the oracle."""

    expected: list[Alert]
    raw: list[Alert]
    seen: list[Alert]
    subscriber_repeats_dropped: int
    problems: list[str] = field(default_factory=list)

    @property
    def raw_repeats(self) -> int:
        return len(self.raw) - len({a.alert_id for a in self.raw})

    @property
    def subscriber_duplicates(self) -> int:
        return len(self.seen) - len({a.alert_id for a in self.seen})

    def figures(self) -> dict[str, Any]:
        want = {a.alert_id: a for a in self.expected}
        return {
            "alerts_lost": len(set(want) - {a.alert_id for a in self.raw}),
            # under an expected id with other content, or under an id backtest does not give
            "alerts_wrong_content": sum(1 for a in self.raw if want.get(a.alert_id) != a),
            "alerts_expected": len(self.expected),
            "alerts_found_distinct": len({a.alert_id for a in self.raw}),
            "alerts_raw_records": len(self.raw),
            "raw_repeats_on_topic": self.raw_repeats,
            "subscriber_seen": len(self.seen),
            "subscriber_repeats_dropped": self.subscriber_repeats_dropped,
            "subscriber_duplicates": self.subscriber_duplicates,
        }

    def verify(self) -> list[str]:
        """Every way the delivery promise can be broken, as readable lines (empty: all kept)."""
        want = {a.alert_id: a for a in self.expected}
        assert len(want) == len(self.expected), "the oracle itself repeats an alert_id"
        got = {a.alert_id for a in self.raw}
        missing = [want[i] for i in want if i not in got]
        extra = [a for a in self.raw if a.alert_id not in want]
        if missing:
            self.problems.append(f"{len(missing)} alert(s) lost, e.g. {_show(missing[:3])}")
        if extra:
            self.problems.append(f"{len(extra)} alert(s) not in backtest, e.g. {_show(extra[:3])}")
        differing = [a for a in self.raw if a.alert_id in want and a != want[a.alert_id]]
        if differing:
            self.problems.append(f"{len(differing)} repeat(s) differ from the alert they repeat")
        seen_ids = Counter(a.alert_id for a in self.seen)
        if set(seen_ids) != set(want):
            self.problems.append(
                f"subscriber saw {len(seen_ids)} distinct ids, backtest gives {len(want)} "
                f"({len(set(want) - set(seen_ids))} missing, {len(set(seen_ids) - set(want))} extra)"
            )
        if self.subscriber_duplicates:
            self.problems.append(f"subscriber saw {self.subscriber_duplicates} duplicate(s)")
        # Per index, the first appearance of each alert follows backtest's order.
        first_seen = list(dict.fromkeys(a.alert_id for a in self.raw))
        for index in {a.index for a in self.expected}:
            order = [i for i in first_seen if want.get(i) is not None and want[i].index == index]
            if order != [a.alert_id for a in self.expected if a.index == index]:
                self.problems.append(f"{index}: alerts out of backtest's order on the topic")
        return self.problems


def _show(alerts: Sequence[Alert]) -> str:
    return "; ".join(f"{a.index} {a.kind} {a.milestone or a.level} {a.direction}" for a in alerts)


async def articles_lost(settings: Settings) -> int:
    """Article ids on ``articles`` none of whose index moves reached ``index-moves``.

    Every corpus article states index moves, so an article with none on the topic was skipped.
    Counted by id: a repeated article (rule 9) publishes nothing the second time, by design.
    """
    t = settings.topics
    articles = await read_topic(settings.kafka_bootstrap, t.articles, idle_ms=2000, timeout=120)
    moves = await read_topic(settings.kafka_bootstrap, t.index_moves, idle_ms=2000, timeout=120)
    moved = {IndexMove.from_json_bytes(r.value or b"").article_id for r in moves}
    return len({(r.key or b"").decode() for r in articles} - moved)


async def collect_alerts(settings: Settings, expected: list[Alert]) -> DeliveryCheck:
    """Read the alerts topic raw and through ``subscribe_alerts``, and compare with the oracle."""
    records = await read_topic(settings.kafka_bootstrap, settings.topics.alerts, idle_ms=2000, timeout=120)
    raw = [Alert.from_json_bytes(r.value or b"") for r in records]
    async with subscribe_alerts(settings) as subscription:
        seen = await subscription.drain(idle_ms=2000)
        dropped = subscription.repeats_dropped
    return DeliveryCheck(expected, raw, seen, dropped)
