"""Settings come from MILESTONES_* variables, are validated at start-up, and prefix every topic."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from streams.settings import Settings


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
