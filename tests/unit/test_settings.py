"""Settings come from MILESTONES_* variables, are validated at start-up, and prefix every topic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from streams.settings import Settings
from tests.clean_env import MACHINE_VARIABLES, SETTINGS_MODELS

ROOT = Path(__file__).resolve().parents[2]


def test_prefix_goes_in_front_of_every_contract_topic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MILESTONES_TOPIC_PREFIX", "desk1.")
    s = Settings()
    assert s.topics.all() == [
        "desk1.articles",
        "desk1.index-moves",
        "desk1.quotes",
        "desk1.alerts",
        "desk1.articles-dlq",
    ]


def test_faust_variables_do_not_configure_us(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROKER_URL", "kafka://elsewhere:1")
    monkeypatch.setenv("MILESTONES_KAFKA_BOOTSTRAP", "127.0.0.1:19092, 127.0.0.1:19093")
    s = Settings()
    assert s.kafka_bootstrap == "127.0.0.1:19092,127.0.0.1:19093"
    assert s.faust_broker_url == "kafka://127.0.0.1:19092;kafka://127.0.0.1:19093"


@pytest.mark.parametrize("bad", ["", "localhost", "host:port", ":9092"])
def test_bad_bootstrap_fails_fast_with_the_setting_named(bad: str) -> None:
    with pytest.raises(ValidationError, match="MILESTONES_KAFKA_BOOTSTRAP"):
        Settings(kafka_bootstrap=bad)


def test_missing_rules_file_is_named(tmp_path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nope.toml"
    with pytest.raises(ValidationError, match=r"nope\.toml"):
        Settings(alert_rules_path=missing)


def test_partitions_must_be_positive() -> None:
    with pytest.raises(ValidationError):
        Settings(partitions=0)


def test_a_dot_env_file_is_read_when_given_and_ignored_by_the_tests(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The product reads ``.env``; the autouse fixture (tests/clean_env.py) keeps a developer's out of tests."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("MILESTONES_PARTITIONS=9\n")
    assert Settings().partitions == 3
    assert Settings(_env_file=tmp_path / ".env").partitions == 9  # type: ignore[call-arg]


def test_the_tests_clean_every_settings_model_and_keep_no_setting() -> None:
    """Every BaseSettings model in streams/ is cleaned, and the machine variables kept are no setting."""
    declared = set()
    for path in (ROOT / "streams").rglob("*.py"):
        declared.update(re.findall(r"^class (\w+)\(BaseSettings\)", path.read_text(), flags=re.MULTILINE))
    assert declared == {model.__name__ for model in SETTINGS_MODELS}
    variables = {
        f"{model.model_config.get('env_prefix', '')}{field}".upper()
        for model in SETTINGS_MODELS
        for field in model.model_fields
    }
    assert "MILESTONES_KAFKA_BOOTSTRAP" in variables
    assert MACHINE_VARIABLES.isdisjoint(variables)
