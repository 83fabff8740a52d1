"""Settings, validated at start-up, all under one environment prefix: ``MILESTONES_``.

Why one prefix: Faust reads its own environment variables (``BROKER_URL``, ``APP_DATADIR``...)
and they override constructor arguments, so ours must never collide with them. Every setting
is also accepted from a ``.env`` file in the working directory.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Literal, Self

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["CONTRACT_TOPICS", "Settings", "TopicNames"]

#: The contract's topic names, the keys MILESTONES_TOPIC_MAP may use.
CONTRACT_TOPICS = ("articles", "quotes", "index-moves", "alerts", "articles-dlq")


class TopicNames:
    """The contract's topic names with the configured prefix in front of each.

    ``mapping`` renames topics to a desk's own names ({"alerts": "desk.alerts.v1"}); a mapped
    name is used exactly as given (no prefix), the others get the prefix.
    """

    def __init__(self, prefix: str, mapping: Mapping[str, str] | None = None) -> None:
        mapping = dict(mapping or {})
        unknown = sorted(set(mapping) - set(CONTRACT_TOPICS))
        if unknown:
            raise ValueError(
                f"MILESTONES_TOPIC_MAP has unknown topic(s) {', '.join(map(repr, unknown))}: "
                f"the keys must be among {', '.join(CONTRACT_TOPICS)}"
            )
        self.prefix = prefix
        self.mapping = mapping

        def name(base: str) -> str:
            return mapping.get(base) or f"{prefix}{base}"

        self.articles = name("articles")
        self.quotes = name("quotes")
        self.index_moves = name("index-moves")
        self.alerts = name("alerts")
        self.articles_dlq = name("articles-dlq")

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
    replication_factor: int = Field(
        default=1,
        ge=1,
        description="Copies of each topic the worker creates. 1 suits one broker; the worker refuses "
        "more than the cluster has and warns about 1 on a cluster of several.",
    )
    alert_rules_path: Path | None = Field(
        default=None, description="TOML alert rules; default: the packaged contract defaults."
    )
    indices_path: Path | None = Field(
        default=None, description="Extra TOML index aliases added to the packaged registry."
    )
    data_dir: Path = Field(
        default=Path(".cache/worker"),
        description="Faust's data directory (tables on disk); one per worker process.",
    )
    replay_outage_seconds: float = Field(
        default=900.0,
        gt=0,
        description="How long replay waits for a broker that went away before it gives up.",
    )
    shutdown_timeout_seconds: float = Field(
        default=30.0,
        gt=0,
        description="How long a stopping worker may take before it exits anyway (status 70).",
    )
    dedupe_window_days: float = Field(
        default=30.0,
        gt=0,
        description="How long an article id is remembered as processed (contract rule 9).",
    )
    web_enabled: bool = Field(
        default=True, description="Serve Faust's web server (metrics, health, live page)."
    )
    web_port: int = Field(default=6066, ge=0, le=65535)
    web_host: str = Field(default="127.0.0.1")
    log_level: Literal["debug", "info", "warning", "error", "critical"] = Field(
        default="info", description="The worker's and the bridge's log level (--loglevel wins)."
    )

    # milestones ingest (streams/ingest): the push endpoint's token and the sent-items memory.
    ingest_token: SecretStr | None = Field(
        default=None, description="Bearer token that POST /articles of `milestones ingest --listen` requires."
    )
    ingest_items_topic: str | None = Field(
        default=None,
        description="Compacted topic of feed items already sent (default: <prefix>ingest-items).",
    )

    # Running on a desk's own cluster: security and topic names (see streams/kafka/clients.py).
    topic_map: dict[str, str] = Field(
        default_factory=dict,
        description='Our topic names to the cluster\'s, as JSON: {"alerts": "desk.alerts.v1"}.',
    )
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "PLAIN"
    sasl_username: str | None = None
    sasl_password: SecretStr | None = Field(default=None, description="Never printed or logged.")
    ssl_cafile: Path | None = Field(default=None, description="CA bundle (PEM) to verify the brokers.")
    ssl_certfile: Path | None = Field(default=None, description="Client certificate (PEM), for mutual TLS.")
    ssl_keyfile: Path | None = Field(default=None, description="Client private key (PEM), for mutual TLS.")

    @field_validator("log_level", mode="before")
    @classmethod
    def _log_level_any_case(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

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

    @field_validator("alert_rules_path", "indices_path", "ssl_cafile", "ssl_certfile", "ssl_keyfile")
    @classmethod
    def _file_exists(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"file {str(value)!r} does not exist")
        return value

    @field_validator("ingest_token")
    @classmethod
    def _token_not_blank(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().strip():
            raise ValueError("is empty: give the token pushers must send, or leave it unset")
        return value

    @field_validator("topic_map")
    @classmethod
    def _topic_map_keys(cls, value: dict[str, str]) -> dict[str, str]:
        TopicNames("", value)  # raises with the unknown keys named
        empty = [k for k, v in value.items() if not v.strip()]
        if empty:
            raise ValueError(f"MILESTONES_TOPIC_MAP gives an empty name for {', '.join(empty)}")
        return value

    @model_validator(mode="after")
    def _security_is_consistent(self) -> Self:
        """Fail at start-up, naming the settings, rather than at the first connection."""
        protocol = self.security_protocol
        if protocol.startswith("SASL_") and (not self.sasl_username or self.sasl_password is None):
            raise ValueError(
                f"MILESTONES_SECURITY_PROTOCOL={protocol} needs MILESTONES_SASL_USERNAME and "
                "MILESTONES_SASL_PASSWORD"
            )
        ssl_files = {
            "MILESTONES_SSL_CAFILE": self.ssl_cafile,
            "MILESTONES_SSL_CERTFILE": self.ssl_certfile,
            "MILESTONES_SSL_KEYFILE": self.ssl_keyfile,
        }
        given = [name for name, path in ssl_files.items() if path is not None]
        if given and not protocol.endswith("SSL"):
            raise ValueError(
                f"{', '.join(given)} set but MILESTONES_SECURITY_PROTOCOL is {protocol}: "
                "use SSL or SASL_SSL to connect with TLS"
            )
        if self.ssl_keyfile is not None and self.ssl_certfile is None:
            raise ValueError("MILESTONES_SSL_KEYFILE is set without MILESTONES_SSL_CERTFILE")
        return self

    @cached_property
    def topics(self) -> TopicNames:
        """Topic names with the prefix (or the desk's own names from the topic map) applied."""
        return TopicNames(self.topic_prefix, self.topic_map)

    @property
    def faust_broker_url(self) -> str:
        """The bootstrap list in Faust's URL form (``kafka://h1:p1;h2:p2``)."""
        return ";".join(f"kafka://{h}" for h in self.kafka_bootstrap.split(","))
