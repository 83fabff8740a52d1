"""The soak: every fault scenario of tests/reliability run many times, with a table of what happened.

    .venv/bin/python bench/soak.py                 # what `make soak` runs (about 90 minutes here)
    .venv/bin/python bench/soak.py --scale 0.1     # a tenth of the runs (at least one each)
    .venv/bin/python bench/soak.py --only sigterm-restart --only kill-9-x3

Why a runner and not a timed test: a fault that loses data one run in twenty passes a single
run nineteen times out of twenty. Each scenario is the reliability test itself (a real broker,
workers as processes, the fault injected, everything checked against backtest's oracle), run
in its own pytest process N times; the runner collects each run's figures from the test's
artifact (test-artifacts/reliability-<name>.json) and prints, per scenario: runs, passes,
articles lost, alerts lost, wrong-content alerts, duplicates seen by subscribers and recovery
times (min / median / max seconds from the fault until the worker had caught up).

One broker serves every run (``KAFKA_BOOTSTRAP_SERVERS``); the broker-outage scenarios start
their own, since they stop and kill it. The full results go to bench/results/soak-<time>.json.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streams.broker import LocalKafka  # noqa: E402

ARTIFACTS = ROOT / "test-artifacts"
RESULTS = ROOT / "bench" / "results"
OUTAGE_SECONDS = 60


@dataclass(frozen=True)
class Scenario:
    name: str
    test: str  # pytest node id
    artifact: str  # the name the test writes its figures under
    runs: int


SCENARIOS = (
    Scenario("sigterm-restart", "tests/reliability/test_graceful_shutdown.py", "graceful-shutdown", 50),
    Scenario("kill-9-x3", "tests/reliability/test_crash.py", "crash", 20),
    Scenario(
        "broker-away-60s-stop",
        "tests/reliability/test_broker_restart.py::test_broker_away_mid_stream_loses_nothing_and_sends_nothing_twice[stop]",
        "broker-stop",
        5,
    ),
    Scenario(
        "broker-away-60s-kill-9",
        "tests/reliability/test_broker_restart.py::test_broker_away_mid_stream_loses_nothing_and_sends_nothing_twice[kill]",
        "broker-kill",
        5,
    ),
    Scenario("scale-out-one-killed", "tests/reliability/test_scale_out.py", "scale-out", 10),
    Scenario("same-files-twice", "tests/reliability/test_replay_twice.py", "replay-twice", 5),
    Scenario("restart-race-driven", "tests/reliability/test_restart_race.py", "restart-race", 5),
)


@dataclass
class Tally:
    scenario: Scenario
    runs: list[dict[str, Any]] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        def total(key: str) -> int | str:
            values = [r["figures"].get(key) for r in self.runs]
            return "?" if any(v is None for v in values) else sum(values)  # type: ignore[arg-type]

        recovery = [s for r in self.runs for s in r["figures"].get("recovery_seconds", [])]
        return {
            "scenario": self.scenario.name,
            "runs": len(self.runs),
            "passes": sum(r["passed"] for r in self.runs),
            "articles_lost": total("articles_lost"),
            "alerts_lost": total("alerts_lost"),
            "wrong_content_alerts": total("alerts_wrong_content"),
            "subscriber_duplicates": total("subscriber_duplicates"),
            "recovery_s": (
                f"{min(recovery):.1f} / {statistics.median(recovery):.1f} / {max(recovery):.1f}"
                if recovery
                else "-"
            ),
        }


def run_once(scenario: Scenario, bootstrap: str, number: int) -> dict[str, Any]:
    artifact = ARTIFACTS / f"reliability-{scenario.artifact}.json"
    artifact.unlink(missing_ok=True)
    env = {
        **os.environ,
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "MILESTONES_OUTAGE_SECONDS": str(OUTAGE_SECONDS),
    }
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", scenario.test, "-q", "-p", "no:cacheprovider", "-x"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    figures = json.loads(artifact.read_text()) if artifact.is_file() else {}
    passed = done.returncode == 0
    result = {
        "run": number,
        "passed": passed,
        "seconds": round(time.monotonic() - started, 1),
        "figures": figures,
    }
    if not passed:
        result["output_tail"] = (done.stdout + done.stderr)[-4000:]
    mark = "pass" if passed else "FAIL"
    print(f"  {scenario.name} run {number}: {mark} in {result['seconds']:.0f} s", flush=True)
    return result


def table(rows: list[dict[str, Any]]) -> str:
    heads = {
        "scenario": "scenario",
        "runs": "runs",
        "passes": "passes",
        "articles_lost": "articles lost",
        "alerts_lost": "alerts lost",
        "wrong_content_alerts": "wrong-content alerts",
        "subscriber_duplicates": "duplicates seen by subscribers",
        "recovery_s": "recovery s (min / median / max)",
    }
    lines = ["| " + " | ".join(heads.values()) + " |", "|" + "---|" * len(heads)]
    lines += ["| " + " | ".join(str(row[k]) for k in heads) + " |" for row in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--scale", type=float, default=1.0, help="multiply every scenario's runs (at least 1)"
    )
    parser.add_argument("--only", action="append", default=[], help="run only this scenario (repeatable)")
    args = parser.parse_args()
    chosen = [s for s in SCENARIOS if not args.only or s.name in args.only]
    unknown = set(args.only) - {s.name for s in SCENARIOS}
    if unknown:
        parser.error(f"unknown scenario(s) {sorted(unknown)}; known: {[s.name for s in SCENARIOS]}")
    tallies = []
    started = time.strftime("%Y%m%d-%H%M%S")
    with LocalKafka() as kafka:
        for scenario in chosen:
            runs = max(1, math.ceil(scenario.runs * args.scale))
            print(f"{scenario.name}: {runs} run(s) of {scenario.test}", flush=True)
            tally = Tally(scenario)
            for number in range(1, runs + 1):
                tally.runs.append(run_once(scenario, kafka.bootstrap, number))
            tallies.append(tally)
    rows = [t.row() for t in tallies]
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"soak-{started}.json"
    out.write_text(
        json.dumps({"rows": rows, "runs": {t.scenario.name: t.runs for t in tallies}}, indent=1) + "\n"
    )
    print()
    print(table(rows))
    print(f"\nevery run's figures: {out.relative_to(ROOT)}")
    return 0 if all(r["passes"] == r["runs"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
