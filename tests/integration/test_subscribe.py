"""The Python subscriber API on the real broker: own group resumes after its commits; read-only commits nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiokafka.admin import AIOKafkaAdminClient

from schemas import Alert
from streams.kafka.admin import ensure_topics
from streams.subscribe.api import subscribe_alerts
from tests.integration.helpers import produce_raw, unique_settings

pytestmark = pytest.mark.integration


def _alert(n: int, index: str = "NIKKEI225", kind: str = "milestone") -> Alert:
    return Alert.model_validate(
        {
            "alert_id": f"{index}-{kind}-{n}",
            "kind": kind,
            "index": index,
            "direction": "up",
            "milestone": 1000.0 * n if kind == "milestone" else None,
            "level": 1000.0 * n + 1,
            "article_id": f"a{n}",
            "sentence": f"{index} topped {1000 * n}.",
        }
    )


A1, A2, A3 = _alert(1), _alert(2, "KOSPI", "record"), _alert(3)
A4 = _alert(4, "KOSPI")


async def _groups(bootstrap: str) -> set[str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        return {g[0] for g in await admin.list_consumer_groups()}
    finally:
        await admin.close()


async def test_own_group_resumes_after_what_it_read(kafka_bootstrap: str, tmp_path: Path) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path, partitions=1)  # one partition: a known order
    await ensure_topics(settings)
    # A1 twice (at-least-once topic), then three more.
    records = [(a.index.encode(), a.to_json_bytes()) for a in (A1, A1, A2, A3, A4)]
    await produce_raw(kafka_bootstrap, settings.topics.alerts, records)
    group = f"{settings.app_id}-desk"

    got: list[Alert] = []
    async with subscribe_alerts(settings, group_id=group) as alerts:
        async for alert in alerts:
            got.append(alert)
            if len(got) == 2:
                break
    assert got == [A1, A2]  # validated Alert objects, the repeat dropped

    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    try:
        committed = await admin.list_consumer_group_offsets(group)
    finally:
        await admin.close()
    assert [m.offset for m in committed.values()] == [3]  # A1, A1, A2 read and committed on exit

    async with subscribe_alerts(settings, group_id=group) as alerts:
        rest = await alerts.drain(idle_ms=1500)
    assert rest == [A3, A4]


async def test_read_only_and_filters(kafka_bootstrap: str, tmp_path: Path) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    await ensure_topics(settings)
    records = [(a.index.encode(), a.to_json_bytes()) for a in (A1, A2, A1, A3, A4)]
    await produce_raw(kafka_bootstrap, settings.topics.alerts, records)
    groups_before = await _groups(kafka_bootstrap)

    async with subscribe_alerts(settings) as alerts:
        every = await alerts.drain(idle_ms=1500)
        assert alerts.repeats_dropped == 1
    assert sorted(a.alert_id for a in every) == sorted(a.alert_id for a in (A1, A2, A3, A4))

    async with subscribe_alerts(settings, index="KOSPI") as alerts:
        assert sorted(a.alert_id for a in await alerts.drain(idle_ms=1500)) == sorted(
            [A2.alert_id, A4.alert_id]
        )
    async with subscribe_alerts(settings, kind="record") as alerts:
        assert [a.alert_id for a in await alerts.drain(idle_ms=1500)] == [A2.alert_id]
    async with subscribe_alerts(settings, index=["KOSPI", "NIKKEI225"], kind="milestone") as alerts:
        got = sorted(a.alert_id for a in await alerts.drain(idle_ms=1500))
        assert got == sorted([A1.alert_id, A3.alert_id, A4.alert_id])

    # Read-only: no consumer group was created, so nothing was committed anywhere.
    assert await _groups(kafka_bootstrap) == groups_before
    # And reading again from the beginning gives everything again.
    async with subscribe_alerts(settings) as alerts:
        assert len(await alerts.drain(idle_ms=1500)) == 4
