"""Settings, validated at start-up, all under one environment prefix: ``MILESTONES_``.

Why one prefix: Faust reads its own environment variables (``BROKER_URL``, ``APP_DATADIR``...)
and they override constructor arguments, so ours must never collide with them. Every setting
is also accepted from a ``.env`` file in the working directory.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "TopicNames"]


class TopicNames:
    """The contract's topic names with the configured prefix in front of each."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.articles = f"{prefix}articles"
        self.quotes = f"{prefix}quotes"
        self.index_moves = f"{prefix}index-moves"
        self.alerts = f"{prefix}alerts"
        self.articles_dlq = f"{prefix}articles-dlq"

    def all(self) -> list[str]:
        """Every contract topic, in flow order."""
        return [self.articles, self.index_moves, self.quotes, self.alerts, self.articles_dlq]


class Settings(BaseSettings):
    """Everything the worker, the replay producer and the CLI need to know, from the environment."""

    model_config = SettingsConfigDict(env_prefix="MILESTONES_", env_file=".env", extra="ignore")

    kafka_bootstrap: str = Field(
        default="127.0.0.1:9092",
        description="Comma-separated host:port list of the Kafka cluster.",
    )
    app_id: str = Field(
        default="market-milestones", description="Faust app id: consumer group and changelog names."
    )
    topic_prefix: str = Field(default="", description="Put in front of every topic name, e.g. 'desk1.'.")
    partitions: int = Field(
        default=3, ge=1, description="Partitions of index-moves, quotes, alerts and the state table."
    )
    articles_partitions: int = Field(
        default=1,
        ge=1,
        description="Partitions of the articles topic. 1 keeps articles, and so alerts, in replay order.",
    )
    replication_factor: int = Field(default=1, ge=1)
    alert_rules_path: Path | None = Field(
        default=None, description="TOML alert rules; default: the packaged contract defaults."
    )
    indices_path: Path | None = Field(
        default=None, description="Extra TOML index aliases added to the packaged registry."
    )
    data_dir: Path = Field(default=Path(".cache/worker"), description="Faust's data directory.")
    web_enabled: bool = Field(
        default=True, description="Serve Faust's web server (metrics, health, live page)."
    )
    web_port: int = Field(default=6066, ge=0, le=65535)
    web_host: str = Field(default="127.0.0.1")
    log_level: str = Field(default="info")

    @field_validator("kafka_bootstrap")
    @classmethod
    def _bootstrap_is_host_port(cls, value: str) -> str:
        hosts = [h.strip() for h in value.split(",") if h.strip()]
        if not hosts:
            raise ValueError("MILESTONES_KAFKA_BOOTSTRAP is empty: give host:port[,host:port...]")
        for host in hosts:
            name, sep, port = host.rpartition(":")
            if not sep or not name or not port.isdigit():
                raise ValueError(f"MILESTONES_KAFKA_BOOTSTRAP entry {host!r} is not host:port")
        return ",".join(hosts)

    @field_validator("alert_rules_path", "indices_path")
    @classmethod
    def _file_exists(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"file {str(value)!r} does not exist")
        return value

    @cached_property
    def topics(self) -> TopicNames:
        """Topic names with the prefix applied."""
        return TopicNames(self.topic_prefix)

    @property
    def faust_broker_url(self) -> str:
        """The bootstrap list in Faust's URL form (``kafka://h1:p1;h2:p2``)."""
        return ";".join(f"kafka://{h}" for h in self.kafka_bootstrap.split(","))
