"""The Docker path, checked without a Docker engine: the compose file and the Dockerfile's shape.

Why: no Docker engine runs here or in CI, so ``docker compose up`` is never tried. What can be
checked is checked: docker-compose.yml against the Compose Specification's JSON Schema
(``tests/data/compose-spec.json``, vendored unchanged from compose-spec/compose-spec,
``schema/compose-spec.json``, Apache-2.0), the things the compose file must keep (a Kafka data
volume, a healthcheck that starts no JVM), and the Dockerfile: two stages, the runtime one without
a compiler and not root, both installing through ``scripts/dist.sh``, the very steps that
tests/packaging/test_installed_wheel.py runs outside Docker.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_file_is_valid_against_the_compose_specification() -> None:
    schema = json.loads((ROOT / "tests" / "data" / "compose-spec.json").read_text())
    errors = sorted(
        jsonschema.Draft7Validator(schema).iter_errors(COMPOSE), key=lambda e: list(e.absolute_path)
    )
    assert [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors] == []


def test_the_schema_check_catches_a_broken_compose_file() -> None:
    """The validator is not a rubber stamp: a misspelt key and a wrong type are reported."""
    schema = json.loads((ROOT / "tests" / "data" / "compose-spec.json").read_text())
    broken: dict[str, Any] = json.loads(json.dumps(COMPOSE))
    broken["services"]["kafka"]["helthcheck"] = broken["services"]["kafka"].pop("healthcheck")
    broken["services"]["worker"]["ports"] = "6066"
    messages = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(broken)]
    assert any("helthcheck" in m for m in messages) and len(messages) >= 2


def test_kafka_keeps_its_data_on_a_named_volume() -> None:
    kafka = COMPOSE["services"]["kafka"]
    log_dirs = kafka["environment"]["KAFKA_LOG_DIRS"]
    mounts = dict(v.split(":", 1) for v in kafka["volumes"])
    assert mounts.get("kafka-data") == log_dirs
    assert "kafka-data" in COMPOSE["volumes"]


def test_kafka_healthcheck_starts_no_jvm() -> None:
    """kafka-topics.sh as a healthcheck started a JVM every five seconds (about 1 s of CPU each)."""
    test = " ".join(COMPOSE["services"]["kafka"]["healthcheck"]["test"])
    assert "/opt/kafka/bin" not in test and ".sh" not in test and "java" not in test
    assert "/dev/tcp/127.0.0.1/9092" in test


def _stages(dockerfile: str) -> dict[str, list[str]]:
    """Instructions of each stage (continuation lines joined), by stage name."""
    text = re.sub(r"\\\n", " ", dockerfile)
    stages: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.upper().startswith("FROM "):
            name = line.split()[-1] if " AS " in line.upper() else f"stage{len(stages)}"
            current = stages.setdefault(name, [])
        current.append(line)
    return stages


STAGES = _stages((ROOT / "Dockerfile").read_text())


def test_dockerfile_builds_in_one_stage_and_runs_in_another() -> None:
    assert list(STAGES) == ["build", "runtime"]
    assert all(stage[0].startswith("FROM python:3.11-slim") for stage in STAGES.values())


@pytest.mark.parametrize(
    ("stage", "step"),
    [("build", "scripts/dist.sh build /dist"), ("runtime", "/tmp/dist.sh install /tmp/dist")],
)
def test_dockerfile_installs_through_the_script_ci_runs(stage: str, step: str) -> None:
    runs = [line for line in STAGES[stage] if line.startswith("RUN ")]
    assert any(step in line for line in runs), runs


def test_runtime_stage_has_no_compiler_and_is_not_root() -> None:
    runtime = " ".join(STAGES["runtime"])
    assert "gcc" not in runtime and "apt-get install" not in runtime
    users = [line.split()[1] for line in STAGES["runtime"] if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    assert "uv.lock" not in runtime  # it installs the exported, hash-pinned requirements
    assert "COPY --from=build /dist" in runtime


def test_build_stage_installs_the_pinned_uv() -> None:
    build = " ".join(STAGES["build"])
    assert "pip install -r scripts/uv-requirements.txt" in build
    assert "COPY pyproject.toml uv.lock" in build
