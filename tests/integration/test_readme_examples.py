"""The README's shell examples, run as written against the test broker.

Why: the README's one-liner ``milestones worker & milestones replay && milestones tail`` showed
nothing (tail started after the alerts were sent), and nothing ran it. Every line of every
```sh block is listed here (``test_every_readme_example_is_covered`` fails on a new one): those
that need a remote service (a desk's cluster, webhook, RabbitMQ or NATS) and ``make test`` (this
suite itself: .ci/run runs it) are exempt with the reason; every other one runs through ``bash -c``
exactly as printed, from the checkout, with only the environment pointing it at the test broker,
a topic prefix of its own and free ports (the one textual change: the worker's port 6066 in the
curl examples becomes the test worker's, since 6066 may be taken on a shared machine).
Following commands (``tail`` without ``--max``) are stopped with Ctrl-C (SIGINT) once their
output is in, and must then exit 0.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from streams.worker.process import WorkerProcess, free_port

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SEED_ALERTS = {"NIKKEI225", "KOSPI", "DJIA", "TOPIX"}  # backtest of seeds/ (tests/data/seeds.json)
ALERT_LINE = re.compile(r"^(NIKKEI225|KOSPI|DJIA|TOPIX)\s+(milestone|record)\b")


def readme_examples() -> list[str]:
    """Every line of every ```sh block, comments dropped."""
    lines, inside = [], False
    for line in (ROOT / "README.md").read_text().splitlines():
        if line.startswith("```"):
            inside = line == "```sh"
            continue
        if inside and line.strip():
            lines.append(re.sub(r"\s+#\s.*$", "", line).strip())
    return lines


EXEMPT = {
    "make test": "this suite itself: .ci/run runs it",
    "milestones bridge --to https://desk.example/hooks/alerts": "a desk's webhook",
    "milestones bridge --to amqp://desk:secret@rabbit.desk:5672/trading": "a desk's RabbitMQ",
    "milestones bridge --to nats://nats.desk:4222": "a desk's NATS",
    "export MILESTONES_KAFKA_BOOTSTRAP=kafka1.desk:9094,kafka2.desk:9094": "a desk's cluster",
    "export MILESTONES_SECURITY_PROTOCOL=SASL_SSL MILESTONES_SASL_MECHANISM=SCRAM-SHA-512": "a desk's cluster",
    "export MILESTONES_SASL_USERNAME=milestones MILESTONES_SASL_PASSWORD=...": "a desk's cluster",
    "export MILESTONES_SSL_CAFILE=/etc/pki/desk-ca.pem": "a desk's cluster",
    "export MILESTONES_TOPIC_MAP='{\"articles\": \"desk.news.v1\", \"alerts\": \"desk.alerts.v1\"}'": "a desk's cluster",
    "export MILESTONES_APP_ID=desk-milestones": "a desk's cluster",
    "milestones ingest --feeds feeds.toml": "an outlet's feeds (placeholders); tests/integration/test_ingest_feeds.py runs ingest on a local news site",
    "milestones ingest https://www.example.com/markets/rss --interval 120": "an outlet's feed (a placeholder); see test_ingest_feeds.py",
    "milestones ingest --feeds feeds.toml --once": "an outlet's feeds (placeholders); test_ingest_feeds.py runs --once as a restart",
}  # fmt: skip

#: The "Live news" push example, one script: the endpoint in the background, two pushes, a clean stop.
PUSH_BLOCK = [
    "export MILESTONES_INGEST_TOKEN=change-me",
    "milestones ingest --listen 8088 &",
    "curl -s --retry 10 --retry-connrefused -H \"Authorization: Bearer $MILESTONES_INGEST_TOKEN\" -H 'Content-Type: text/plain' --data-binary @seeds/001_f196a04fcb3c95be.txt localhost:8088/articles",
    "curl -s -H \"Authorization: Bearer $MILESTONES_INGEST_TOKEN\" -H 'Content-Type: application/json' -d '{\"title\": \"Kospi tops 4,000\", \"body\": \"The Kospi rose 2.1% to close at 4,042.83 on Monday, topping 4,000 for the first time.\", \"source\": \"Desk Wire\", \"published_at\": \"2025-10-27T15:40:00+09:00\"}' localhost:8088/articles",
    "kill %1 && wait",
]  # fmt: skip

#: Run here, each by the test named.
RUN = {
    "make demo": "test_make_demo",
    "milestones tail": "test_tail_shows_new_alerts",
    "milestones tail --from-beginning --index NIKKEI225 --index KOSPI --kind milestone": "test_tail_filters",
    "milestones tail --since 2025-10-27T09:00:00+09:00 --json | jq .": "test_tail_since_as_json",
    "milestones tail quotes --from-beginning": "test_tail_quotes",
    "milestones tail index-moves --index DJIA": "test_tail_index_moves",
    "milestones worker & milestones replay && milestones tail --from-beginning": "test_the_one_liner",
    "milestones broker start": "test_broker_start_worker_replay_tail",
    "milestones worker &": "test_broker_start_worker_replay_tail",
    "milestones replay": "test_broker_start_worker_replay_tail",
    "milestones tail --from-beginning --max 4 --idle-timeout 30": "test_broker_start_worker_replay_tail",
    "kill %1 && wait": "test_broker_start_worker_replay_tail",
    "milestones broker stop": "test_broker_start_worker_replay_tail",
    "curl -s localhost:6066/metrics | grep '^milestones_alerts_fired_total'": "test_curl_metrics",
    "curl -s -o /dev/null -w '%{http_code}\\n' localhost:6066/health/ready": "test_curl_health",
    "milestones worker 2>&1 | jq -c 'select(.alert) | .alert'": "test_worker_log_through_jq",
    **dict.fromkeys(PUSH_BLOCK, "test_push_block"),
}


def test_every_readme_example_is_covered() -> None:
    examples = readme_examples()
    assert examples, "no ```sh block found in README.md"
    assert [e for e in examples if e not in EXEMPT and e not in RUN] == []
    assert sorted(set(EXEMPT) | set(RUN)) == sorted(set(examples))  # nothing listed that is gone


@dataclass
class Shell:
    """One ``bash -c`` in a session of its own, its stdout collected in a file."""

    proc: subprocess.Popen[bytes]
    out: Path
    err: Path

    @classmethod
    def start(cls, command: str, env: dict[str, str], folder: Path, *, terminal: bool = False) -> Shell:
        """``terminal``: run it on a pseudo-terminal (util-linux ``script``), as a person at a
        terminal does: jq writes each line at once there, where into a pipe it holds them all."""
        name = uuid.uuid4().hex[:6]
        out, err = folder / f"{name}.out", folder / f"{name}.err"
        argv = ["script", "-qefc", command, "/dev/null"] if terminal else ["bash", "-c", command]
        with out.open("wb") as o, err.open("wb") as e:
            proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=o, stderr=e, start_new_session=True)
        return cls(proc, out, err)

    def stdout(self) -> str:
        return self.out.read_text(errors="replace")

    def stderr(self) -> str:
        return self.err.read_text(errors="replace")

    def alert_lines(self) -> list[str]:
        return [line for line in self.stdout().splitlines() if ALERT_LINE.match(line)]

    def wait_for(self, check: object, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while not check():  # type: ignore[operator]
            assert time.monotonic() < deadline, (
                f"timed out:\n{self.stdout()[-2000:]}\n{self.stderr()[-3000:]}"
            )
            time.sleep(0.3)

    def interrupt(self, timeout: float = 60.0) -> int:
        """Ctrl-C to every ``milestones`` started by it (not to jq, which ends with its input)."""
        for pid in [self.proc.pid, *self._descendants()]:  # bash execs a lone command itself
            with contextlib.suppress(OSError):
                if b"milestones" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    os.kill(pid, signal.SIGINT)
        return self.proc.wait(timeout=timeout)

    def finish(self, timeout: float = 120.0) -> int:
        return self.proc.wait(timeout=timeout)

    def _descendants(self) -> list[int]:
        """Its children's children..., and whatever still runs in its session: a job it put in
        the background (``milestones worker &``) outlives the shell, re-parented, but keeps the
        session (non-interactive bash also makes such a job ignore Ctrl-C)."""
        children: dict[int, list[int]] = {}
        in_session = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            pid = int(stat.parent.name)
            children.setdefault(int(fields[1]), []).append(pid)
            if int(fields[3]) == self.proc.pid and pid != self.proc.pid:
                in_session.append(pid)
        found, todo = [], [self.proc.pid]
        while todo:
            kids = children.get(todo.pop(), [])
            found.extend(kids)
            todo.extend(kids)
        return sorted(set(found) | set(in_session))

    def clean_up(self) -> None:
        """SIGTERM to whatever it left running (a backgrounded worker), then wait for it to go."""
        left = [*self._descendants(), self.proc.pid]
        for pid in left:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 60
        while any(_running(pid) for pid in left):
            if time.monotonic() > deadline:
                for pid in left:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                break
            time.sleep(0.3)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)


def _plain(text: str) -> str:
    """A terminal's output as text: no colours (jq colours on a terminal), no carriage returns."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text).replace("\r", "")


def _running(pid: int) -> bool:
    """Alive and not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _base_env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("MILESTONES_") and k != "KAFKA_BOOTSTRAP_SERVERS"
    }
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def _run_env(bootstrap: str, tmp: Path) -> dict[str, str]:
    run = uuid.uuid4().hex[:8]
    return _base_env() | {
        "MILESTONES_KAFKA_BOOTSTRAP": bootstrap,
        "MILESTONES_TOPIC_PREFIX": f"readme{run}.",
        "MILESTONES_APP_ID": f"milestones-readme-{run}",
        "MILESTONES_DATA_DIR": str(tmp / f"worker-{run}"),
        "MILESTONES_WEB_PORT": str(free_port()),
    }


@dataclass
class Pipeline:
    env: dict[str, str]
    folder: Path
    worker: WorkerProcess
    first_tail: Shell


@pytest.fixture(scope="module")
def pipeline(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pipeline]:
    """A worker, ``milestones tail`` (the first example) started, then the seeds replayed."""
    folder = tmp_path_factory.mktemp("readme")
    env = _run_env(kafka_bootstrap, folder)
    worker = WorkerProcess(env, folder / "worker.log").start()
    try:
        assert worker.wait_for_log("Worker ready", timeout=120), worker.log_text()[-4000:]
        tail = Shell.start("milestones tail", env, folder)
        tail.wait_for(lambda: "following" in tail.stderr())
        _replay(env)
        tail.wait_for(lambda: len(tail.alert_lines()) >= 4)
        yield Pipeline(env, folder, worker, tail)
    finally:
        worker.stop()


def _replay(env: dict[str, str], *paths: str) -> None:
    """``milestones replay`` (of seeds/ without paths) into the topics of ``env``."""
    done = subprocess.run(
        ["milestones", "replay", "--quiet", *paths],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def _following(
    pipeline: Pipeline,
    command: str,
    enough: object,
    env: dict[str, str] | None = None,
    *,
    terminal: bool = False,
) -> Shell:
    """Run a following command until ``enough(shell)`` holds (or 90 s), then Ctrl-C; it must exit 0.

    Two more seconds before the Ctrl-C, so that lines that should not come (a filter that lets
    too much through) have the time to show.
    """
    shell = Shell.start(command, env or pipeline.env, pipeline.folder, terminal=terminal)
    try:
        shell.wait_for(lambda: enough(shell))  # type: ignore[operator]
        time.sleep(2)
        assert shell.interrupt() == 0, shell.stderr()
    finally:
        shell.clean_up()
    return shell


def test_tail_shows_new_alerts(pipeline: Pipeline) -> None:
    tail = pipeline.first_tail
    assert tail.interrupt() == 0, tail.stderr()
    assert {line.split()[0] for line in tail.alert_lines()} == SEED_ALERTS
    assert len(tail.alert_lines()) == 4


def test_tail_filters(pipeline: Pipeline) -> None:
    shell = _following(
        pipeline,
        "milestones tail --from-beginning --index NIKKEI225 --index KOSPI --kind milestone",
        lambda s: len(s.alert_lines()) >= 2,
    )
    lines = shell.alert_lines()
    assert sorted(line.split()[0] for line in lines) == ["KOSPI", "NIKKEI225"]
    assert all(line.split()[1] == "milestone" for line in lines)


def test_tail_since_as_json(pipeline: Pipeline) -> None:
    import json

    def four_objects(s: Shell) -> bool:
        return s.stdout().count('"alert_id"') >= 4

    shell = _following(
        pipeline,
        "milestones tail --since 2025-10-27T09:00:00+09:00 --json | jq .",
        four_objects,
        terminal=True,
    )
    text = _plain(shell.stdout())
    decoder, text, objects = json.JSONDecoder(), text[text.index("{") :].strip(), []
    while text:
        obj, end = decoder.raw_decode(text)
        objects.append(obj)
        text = text[end:].strip()
    assert {o["index"] for o in objects} == SEED_ALERTS


def test_tail_quotes(pipeline: Pipeline) -> None:
    shell = _following(
        pipeline,
        "milestones tail quotes --from-beginning",
        lambda s: "Kyle Rodda (senior analyst" in s.stdout(),
    )
    assert any(
        line.startswith('Kyle Rodda (senior analyst at Capital.com): "')
        for line in shell.stdout().splitlines()
    )


def test_tail_index_moves(pipeline: Pipeline) -> None:
    """New moves from now on: an article naming the Dow and the Nikkei shows the Dow's move only.

    A new article, not a seed: the worker already processed the seeds, and an article counts
    once (contract rule 9), so replaying a seed again publishes no move.
    """
    article = pipeline.folder / "dow-and-nikkei.txt"
    article.write_text(
        "Stocks end mixed\n\nThe Dow Jones Industrial Average rose 0.5% to 47,450.10 on Tuesday, "
        "while Japan's Nikkei slipped 0.3% to 49,812.40.\n",
        encoding="utf-8",
    )
    shell = Shell.start("milestones tail index-moves --index DJIA", pipeline.env, pipeline.folder)
    try:
        shell.wait_for(lambda: "following" in shell.stderr())
        _replay(pipeline.env, str(article))
        shell.wait_for(lambda: shell.stdout().strip() != "")
        assert shell.interrupt() == 0, shell.stderr()
    finally:
        shell.clean_up()
    lines = shell.stdout().splitlines()
    assert lines and all(line.startswith("DJIA up") for line in lines)
    assert any("at 47,450.1" in line for line in lines)


def test_curl_metrics(pipeline: Pipeline) -> None:
    port = pipeline.env["MILESTONES_WEB_PORT"]
    command = "curl -s localhost:6066/metrics | grep '^milestones_alerts_fired_total'".replace("6066", port)
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0
    fired = {re.search(r'index="(\w+)"', line).group(1) for line in done.stdout.splitlines()}  # type: ignore[union-attr]
    assert fired == SEED_ALERTS


def test_curl_health(pipeline: Pipeline) -> None:
    port = pipeline.env["MILESTONES_WEB_PORT"]
    command = "curl -s -o /dev/null -w '%{http_code}\\n' localhost:6066/health/ready".replace("6066", port)
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=30)
    assert done.stdout == "200\n"


def test_the_one_liner(pipeline: Pipeline, kafka_bootstrap: str) -> None:
    """``milestones worker & milestones replay && milestones tail --from-beginning``, on topics of its own."""
    env = _run_env(kafka_bootstrap, pipeline.folder)
    shell = _following(
        pipeline,
        "milestones worker & milestones replay && milestones tail --from-beginning",
        lambda s: len(s.alert_lines()) >= 4,
        env,
    )
    assert {line.split()[0] for line in shell.alert_lines()} == SEED_ALERTS


def test_worker_log_through_jq(pipeline: Pipeline, kafka_bootstrap: str) -> None:
    """The worker's alert log lines through jq, as the Operations section shows them."""
    env = _run_env(kafka_bootstrap, pipeline.folder)
    shell = Shell.start(
        "milestones worker 2>&1 | jq -c 'select(.alert) | .alert'", env, pipeline.folder, terminal=True
    )
    try:
        _replay(env)
        shell.wait_for(lambda: shell.stdout().count('"alert_id"') >= 4, timeout=120)
        assert shell.interrupt() == 0, shell.stderr()
    finally:
        shell.clean_up()
    import json

    alerts = [json.loads(line) for line in _plain(shell.stdout()).splitlines() if line.startswith("{")]
    assert {a["index"] for a in alerts} == SEED_ALERTS


def test_broker_start_worker_replay_tail(tmp_path: Path) -> None:
    """The broker section's block, as one script: a broker of its own, found by every command."""
    block = "\n".join(
        [
            "milestones broker start",
            "milestones worker &",
            "milestones replay",
            "milestones tail --from-beginning --max 4 --idle-timeout 30",
            "kill %1 && wait",
            "milestones broker stop",
        ]
    )
    env = _base_env() | {
        "MILESTONES_BROKER_STATE_DIR": str(tmp_path / "state"),
        "MILESTONES_DATA_DIR": str(tmp_path / "worker"),
        "MILESTONES_WEB_PORT": str(free_port()),
    }
    shell = Shell.start(block, env, tmp_path)
    try:
        assert shell.finish(timeout=240) == 0, shell.stderr()[-3000:]
    finally:
        shell.clean_up()
    out = shell.stdout()
    assert re.search(r"^export MILESTONES_KAFKA_BOOTSTRAP=127\.0\.0\.1:\d+$", out, re.M), out
    assert {line.split()[0] for line in shell.alert_lines()} == SEED_ALERTS
    assert "Kafka stopped" in out
    # the worker stopped cleanly, before the broker (PipelineWorker: streams/worker/stopping.py)
    assert "[^PipelineWorker]: Closing event loop" in shell.stderr()
    assert "did not stop within" not in shell.stderr() and "the stop left" not in shell.stderr()
    assert "(the broker `milestones broker start` runs, pid" in shell.stderr()


def test_make_demo(kafka_bootstrap: str, tmp_path: Path) -> None:
    """``make demo`` from the checkout (compiled and installed already by make test)."""
    env = _base_env() | {"KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap}
    shell = Shell.start("make demo", env, tmp_path)
    try:
        assert shell.finish(timeout=300) == 0, shell.stdout()[-3000:] + shell.stderr()[-3000:]
    finally:
        shell.clean_up()
    assert re.search(r"summary: 5 article\(s\) replayed, .* 4 alert\(s\)", shell.stdout()), shell.stdout()[
        -3000:
    ]


def test_push_block(kafka_bootstrap: str, tmp_path: Path) -> None:
    """The "Live news" push example as one script: both stories acknowledged, ingest stops cleanly."""
    import asyncio

    from tests.integration.helpers import read_topic

    env = _run_env(kafka_bootstrap, tmp_path)
    port = str(free_port())
    shell = Shell.start("\n".join(line.replace("8088", port) for line in PUSH_BLOCK), env, tmp_path)
    try:
        assert shell.finish(timeout=180) == 0, shell.stdout()[-2000:] + shell.stderr()[-3000:]
    finally:
        shell.clean_up()
    ids = re.findall(r'\{"article_id":"([0-9a-f]{16})"\}', shell.stdout())
    assert len(ids) == 2, shell.stdout()
    assert "pushed 2" in shell.stderr() and "change-me" not in shell.stderr()
    records = asyncio.run(read_topic(kafka_bootstrap, f"{env['MILESTONES_TOPIC_PREFIX']}articles"))
    assert [r.key for r in records] == [i.encode() for i in ids]
