"""``milestones demo``: the main job on one machine.

Starts (or uses) a real broker, runs a worker as a separate process, replays the articles,
shows articles flowing and each alert as it arrives in a live table (worded as ``milestones tail``
words it, checked and deduped as the alerts reader does), waits until the worker
has processed everything (consumer-group lag zero, not a guessed sleep), prints a summary and
shuts everything down. Each run uses its own topic prefix and group, so runs never mix.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

from aiokafka import AIOKafkaConsumer
from rich.console import Console, Group
from rich.live import Live
from rich.table import Table
from rich.text import Text

from schemas import Alert
from streams.alerting.display import COLUMNS, alert_cells
from streams.broker.provide import provide_broker
from streams.kafka.clients import client_options
from streams.kafka.lag import wait_for_worker
from streams.replay.producer import plan_replay, replay
from streams.settings import Settings
from streams.subscribe.reader import AlertGate, position
from streams.worker.process import WorkerProcess, free_port

__all__ = ["run_demo"]


def _alert_table(alerts: list[Alert]) -> Table:
    """The live table: one row per alert, worded as ``milestones tail`` words it (``alert_cells``).

    Without the ``published`` column, as before: the demo shows alerts as they arrive, and an
    80-column terminal keeps room for the sentence (FIRST TIME takes two lines).
    """
    table = Table(title="alerts", expand=True)
    widths = {"index": 10, "alert": 16, "dir": 4, "level": 11, "first": 5}
    shown = [i for i, col in enumerate(COLUMNS) if col != "published"]
    for i in shown:
        table.add_column(COLUMNS[i], max_width=widths.get(COLUMNS[i]), overflow="fold")
    for a in alerts:
        cells = tuple(alert_cells(a))
        table.add_row(*(Text(cells[i]) for i in shown))  # Text: a sentence's [brackets] are not markup
    return table


async def run_demo(paths: Sequence[str], console: Console | None = None) -> int:
    """Broker, worker, replay, live alerts, summary, clean shutdown. 0 when all went well."""
    console = console or Console()
    run = uuid.uuid4().hex[:8]
    with provide_broker() as bootstrap, tempfile.TemporaryDirectory(prefix="milestones-demo-") as tmp:
        settings = Settings(
            kafka_bootstrap=bootstrap,
            topic_prefix=f"demo-{run}.",
            app_id=f"milestones-demo-{run}",
            data_dir=Path(tmp) / "worker",
            web_port=free_port(),
        )
        console.print(f"broker at [bold]{bootstrap}[/]; topics prefixed [bold]{settings.topic_prefix}[/]")
        worker = WorkerProcess(
            {
                "MILESTONES_KAFKA_BOOTSTRAP": bootstrap,
                "MILESTONES_TOPIC_PREFIX": settings.topic_prefix,
                "MILESTONES_APP_ID": settings.app_id,
                "MILESTONES_DATA_DIR": str(settings.data_dir),
                "MILESTONES_WEB_PORT": str(settings.web_port),
            },
            log_path=Path(tmp) / "worker.log",
        ).start()
        try:
            return await _replay_and_watch(settings, worker, paths, console)
        finally:
            console.print("stopping the worker…")
            code = worker.stop()
            console.print(f"worker stopped (exit status {code})")
            if code != 0:  # the log goes with the run's temporary folder: show its end now
                console.print("the worker's last log lines:")
                console.print(worker.log_text()[-4000:], markup=False)


async def _replay_and_watch(
    settings: Settings, worker: WorkerProcess, paths: Sequence[str], console: Console
) -> int:
    if not await asyncio.to_thread(worker.wait_for_log, "Worker ready", 120.0):
        console.print("[red]the worker did not become ready; its log:[/]")
        console.print(worker.log_text()[-4000:], markup=False)
        return 1
    web = f"http://{settings.web_host}:{settings.web_port}"
    console.print(
        f"worker ready; live page [bold]{web}/live[/] (metrics {web}/metrics), open until the demo ends"
    )
    plan = plan_replay(paths)
    for skip in plan.skipped:
        console.print(f"skipped {skip.path}: {skip.reason}", markup=False)
    t = settings.topics
    consumer = AIOKafkaConsumer(
        t.articles,
        t.index_moves,
        t.quotes,
        t.alerts,
        **client_options(settings),
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    counts = {t.articles: 0, t.index_moves: 0, t.quotes: 0, t.alerts: 0}
    alerts: list[Alert] = []
    gate = AlertGate()  # the alerts reader's own check: valid, and each alert_id once (at-least-once topic)
    started = time.monotonic()

    def view() -> Group:
        flow = Text(
            f"articles {counts[t.articles]}  →  index moves {counts[t.index_moves]}, "
            f"quotes {counts[t.quotes]}  →  alerts {len(alerts)}"
        )
        return Group(flow, _alert_table(alerts))

    async def consume(live: Live) -> None:
        async for msg in consumer:
            counts[msg.topic] += 1
            if msg.topic == t.alerts:
                alert = gate.accept(msg.value, position(msg))
                if alert is not None:
                    alerts.append(alert)
            live.update(view())

    try:
        with Live(view(), console=console, refresh_per_second=8) as live:
            watcher = asyncio.create_task(consume(live))
            summary = await replay(settings, plan, rate=5.0)
            caught_up = await wait_for_worker(settings, timeout=120)
            await asyncio.sleep(1.0)  # the last alerts' fetch
            watcher.cancel()
            live.update(view())
    finally:
        await consumer.stop()
    elapsed = time.monotonic() - started
    console.print(
        f"summary: {summary.sent} article(s) replayed, {counts[t.index_moves]} index move(s), "
        f"{counts[t.quotes]} quote(s), {len(alerts)} alert(s) in {elapsed:.1f}s"
        + ("" if caught_up else " [red](worker did not catch up in time)[/]")
    )
    return 0 if caught_up and not summary.skipped else 1
