"""Helpers shared by the bridge tests: alerts on a real alerts topic, a bridge run in-process."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from schemas import Alert
from streams.bridges import Bridge, BridgeSettings, BridgeStats, sink_for_url
from streams.kafka.admin import ensure_topics
from streams.kafka.lag import group_lag
from streams.settings import Settings
from tests.integration.helpers import produce_raw, unique_settings

__all__ = ["RunningBridge", "bridge_settings", "make_alerts", "new_settings", "produce_alerts", "wait_until"]

INDICES = ("NIKKEI225", "KOSPI", "DJIA", "SPX", "DAX")


def make_alerts(count: int, tag: str = "") -> list[Alert]:
    """``count`` valid alerts with distinct ids, spread over indices (so over partitions) and kinds."""
    tag = tag or uuid.uuid4().hex[:6]
    alerts = []
    for i in range(count):
        kind = "record" if i % 4 == 3 else "milestone"
        alerts.append(
            Alert(
                alert_id=f"{tag}-{i:03d}",
                kind=kind,
                index=INDICES[i % len(INDICES)],
                direction="up",
                milestone=None if kind == "record" else float(1000 * (i + 1)),
                level=float(1000 * (i + 1) + 12.5),
                first_time=i % 2 == 0,
                article_id=f"article-{tag}-{i}",
                published_at="2025-10-27",
                sentence=f"The index rose to {1000 * (i + 1) + 12.5} for the first time.",
            )
        )
    return alerts


async def new_settings(bootstrap: str, tmp_path: Path) -> Settings:
    """Settings with a topic prefix of their own and the contract topics created."""
    settings = unique_settings(bootstrap, tmp_path)
    await ensure_topics(settings)
    return settings


async def produce_alerts(settings: Settings, alerts: list[Alert], *, raw: Sequence[bytes] = ()) -> None:
    """Alerts keyed by index (as the alert agent sends them), then any raw (invalid) values."""
    records: list[tuple[bytes | None, bytes | None]] = [(a.index.encode(), a.to_json_bytes()) for a in alerts]
    records += [(b"NIKKEI225", value) for value in raw]
    await produce_raw(settings.kafka_bootstrap, settings.topics.alerts, records)


def bridge_settings(**overrides: object) -> BridgeSettings:
    """Short timeouts and backoff so a test sees several retries within seconds."""
    values: dict[str, object] = {"delivery_timeout": 5.0, "backoff_initial": 0.2, "backoff_max": 1.0}
    values.update(overrides)
    return BridgeSettings(**values)  # type: ignore[arg-type]


async def wait_until(predicate: Callable[[], bool], what: str, timeout: float = 90.0) -> None:
    """Poll ``predicate`` (generous timeout; no timing is asserted), failing with ``what``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


class RunningBridge:
    """A :class:`Bridge` as a task in the test's event loop, stopped as SIGTERM would stop it."""

    def __init__(
        self,
        url: str,
        settings: Settings,
        bsettings: BridgeSettings,
        *,
        group: str,
        from_beginning: bool = True,
    ) -> None:
        self.settings = settings
        self.group = group
        self.bridge = Bridge(
            settings,
            bsettings,
            sink_for_url(url, bsettings),
            group=group,
            destination=url,
            from_beginning=from_beginning,
        )
        self.task: asyncio.Task[BridgeStats] = asyncio.create_task(self.bridge.run())

    @property
    def stats(self) -> BridgeStats:
        return self.bridge.stats

    async def stop(self, timeout: float = 60.0) -> BridgeStats:
        self.bridge.stop.set()
        return await asyncio.wait_for(self.task, timeout)

    async def lag(self) -> int:
        """Alerts not yet committed by the bridge's group."""
        return await group_lag(self.settings.kafka_bootstrap, self.group, [self.settings.topics.alerts])
