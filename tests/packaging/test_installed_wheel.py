"""The package as a user installs it: sdist, the wheel built from it, installed outside the checkout.

Why: every other test imports the editable checkout, where a file missing from the wheel (the
record of the compiled modules' sources, once) or from the sdist (``mypyc.ini``, once) goes
unseen. These tests run ``scripts/dist.sh`` (the same two steps the Dockerfile runs) into a
temporary folder, install the wheel into a fresh virtualenv there, and run its ``milestones``
from a working directory outside the checkout: extract and backtest of the seeds against the
gold, and one worker run against the test broker.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import time
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from streams.worker.process import free_port
from tests.gold import load_gold

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = load_gold("seeds")
MOVE_FIELDS = ("index", "direction", "change_pct", "change_points", "level", "milestone", "record_high")


@dataclass(frozen=True)
class Installed:
    """A wheel installed into a virtualenv of its own, and a working folder outside the checkout."""

    dist: Path
    venv: Path
    cwd: Path

    @property
    def milestones(self) -> str:
        return str(self.venv / "bin" / "milestones")

    def env(self, **extra: str) -> dict[str, str]:
        """The environment without anything that could make the checkout importable."""
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env = {k: v for k, v in env.items() if not k.startswith("MILESTONES_")}
        env["PATH"] = f"{self.venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        return {**env, **extra}

    def run(self, *args: str, timeout: float = 120, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.milestones, *args],
            cwd=self.cwd,
            env=self.env(**extra),
            capture_output=True,
            text=True,
            timeout=timeout,
        )


def _uv() -> str:
    uv = os.environ.get("UV") or str(ROOT / ".cache" / "tools" / "bin" / "uv")
    if not Path(uv).is_file():
        pytest.fail(f"uv not found at {uv}: run the tests with `make test` (it installs uv)", pytrace=False)
    return uv


def _check(done: subprocess.CompletedProcess[str], what: str) -> None:
    assert done.returncode == 0, f"{what} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    """Build the sdist and the wheel from it, and install the wheel the way the image does."""
    base = tmp_path_factory.mktemp("packaging")
    dist, venv, cwd = base / "dist", base / "venv", base / "work"
    cwd.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    built = subprocess.run(
        ["bash", str(ROOT / "scripts" / "dist.sh"), "build", str(dist)],
        env={**env, "UV": _uv()},
        capture_output=True,
        text=True,
        timeout=600,
    )
    _check(built, "scripts/dist.sh build")
    # A virtualenv of the base interpreter: none of the checkout's .venv packages in it.
    base_python = getattr(sys, "_base_executable", sys.executable)
    _check(subprocess.run([base_python, "-m", "venv", str(venv)], capture_output=True, text=True), "venv")
    install = subprocess.run(
        ["bash", str(ROOT / "scripts" / "dist.sh"), "install", str(dist)],
        env={**env, "PYTHON": str(venv / "bin" / "python")},
        capture_output=True,
        text=True,
        timeout=600,
    )
    _check(install, "scripts/dist.sh install")
    yield Installed(dist, venv, cwd)


def test_the_sdist_holds_what_building_the_wheel_needs(installed: Installed) -> None:
    (sdist,) = installed.dist.glob("market_milestones-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    assert {"setup.py", "mypyc.ini", "pyproject.toml", "README.md"} <= names
    assert "streams/extract/_native_sources.json" not in names  # a build product, made anew


def test_the_wheel_holds_every_data_file_of_the_packages(installed: Installed) -> None:
    """Every file in streams/ and schemas/ that is not Python source is in the wheel."""
    (wheel,) = installed.dist.glob("market_milestones-*.whl")
    tracked = subprocess.run(
        ["git", "ls-files", "streams", "schemas"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    data = {name for name in tracked if not name.endswith(".py")}
    assert data, "git ls-files found no data files"
    with zipfile.ZipFile(wheel) as zf:
        in_wheel = set(zf.namelist())
    assert data - in_wheel == set()
    assert "streams/extract/_native_sources.json" in in_wheel
    assert any(n.startswith("streams/extract/_native__mypyc") for n in in_wheel), "not compiled"


def test_the_installed_package_is_the_compiled_wheel_not_the_checkout(installed: Installed) -> None:
    probe = subprocess.run(
        [
            str(installed.venv / "bin" / "python"),
            "-c",
            "import streams, streams.extract._native_check as c; print(streams.__file__, c.compiled())",
        ],
        cwd=installed.cwd,
        env=installed.env(),
        capture_output=True,
        text=True,
    )
    _check(probe, "import streams")
    where, compiled = probe.stdout.split()
    assert Path(where).is_relative_to(installed.venv) and compiled == "True"


def _as_float(value: object) -> object:
    """47000 and 47000.0 compare equal; flags, names and None stay as they are."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


def _move_keys(moves: list[dict[str, object]]) -> list[str]:
    return sorted(repr(tuple(_as_float(m[f]) for f in MOVE_FIELDS)) for m in moves)


def test_installed_extract_gives_the_gold_moves_of_every_seed(installed: Installed) -> None:
    done = installed.run("extract", *map(str, sorted(SEEDS.glob("*.txt"))))
    _check(done, "milestones extract")
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    got = {line["article"]["origin"]: _move_keys(line["moves"]) for line in lines}
    want = {name: _move_keys(article["moves"]) for name, article in GOLD["articles"].items()}
    assert got == want


def _alert_key(alert: dict[str, object]) -> tuple[object, ...]:
    value = alert.get("milestone") if alert["kind"] == "milestone" else alert.get("level")
    return (alert["kind"], alert["index"], alert["direction"], None if value is None else float(value))  # type: ignore[arg-type]


@pytest.mark.parametrize("stream", GOLD["streams"], ids=[s["name"] for s in GOLD["streams"]])
def test_installed_backtest_gives_each_gold_stream(installed: Installed, stream: dict[str, object]) -> None:
    order = stream["order"]
    assert isinstance(order, list)
    done = installed.run("backtest", *(str(SEEDS / name) for name in order))
    _check(done, "milestones backtest")
    alerts = [json.loads(line) for line in done.stdout.splitlines()]
    expected = stream["alerts"]
    assert isinstance(expected, list)
    assert [_alert_key(a) for a in alerts] == [_alert_key(a) for a in expected]


@pytest.mark.integration
def test_installed_worker_replay_and_tail_give_the_seeds_alerts(
    installed: Installed, kafka_bootstrap: str
) -> None:
    """The installed worker turns the installed replay's seeds into backtest's four alerts."""
    run = uuid.uuid4().hex[:10]
    settings = {
        "MILESTONES_KAFKA_BOOTSTRAP": kafka_bootstrap,
        "MILESTONES_TOPIC_PREFIX": f"wheel{run}.",
        "MILESTONES_APP_ID": f"milestones-wheel-{run}",
        "MILESTONES_DATA_DIR": str(installed.cwd / "worker"),
        "MILESTONES_WEB_PORT": str(free_port()),
    }
    backtest = installed.run("backtest", str(SEEDS))
    _check(backtest, "milestones backtest")
    expected = [json.loads(line)["alert_id"] for line in backtest.stdout.splitlines()]
    assert len(expected) == 4
    log_path = installed.cwd / "worker.log"
    with log_path.open("wb") as log:
        worker = subprocess.Popen(
            [installed.milestones, "worker"],
            cwd=installed.cwd,
            env=installed.env(**settings),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        while "Worker ready" not in log_path.read_text(errors="replace"):
            assert worker.poll() is None and time.monotonic() < deadline, log_path.read_text()[-3000:]
            time.sleep(0.3)
        _check(installed.run("replay", "--quiet", str(SEEDS), **settings), "milestones replay")
        tail = installed.run(
            "tail",
            "--from-beginning",
            "--json",
            "--max",
            "4",
            "--idle-timeout",
            "90",
            timeout=150,
            **settings,
        )
        _check(tail, "milestones tail")
        got = [json.loads(line)["alert_id"] for line in tail.stdout.splitlines()]
        # The alerts topic has a partition per index group: tail reads them interleaved.
        assert sorted(got) == sorted(expected), log_path.read_text(errors="replace")[-3000:]
    finally:
        worker.terminate()
        code = worker.wait(timeout=60)
    assert code == 0, log_path.read_text(errors="replace")[-3000:]
