"""Bridge settings, from the environment under ``MILESTONES_BRIDGE_`` (or a ``.env`` file).

They live apart from :class:`streams.settings.Settings` because only ``milestones bridge``
reads them; the Kafka side (bootstrap, topics, SASL/TLS) comes from the shared settings.
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["BridgeSettings"]


class BridgeSettings(BaseSettings):
    """What a desk may tune about delivery: retries, timeouts, signature secret, names on the bus."""

    model_config = SettingsConfigDict(env_prefix="MILESTONES_BRIDGE_", env_file=".env", extra="ignore")

    webhook_secret: SecretStr | None = Field(
        default=None,
        description="If set, every webhook body is signed: X-Signature: sha256=<HMAC-SHA256 hex>.",
    )
    delivery_timeout: float = Field(
        default=10.0, gt=0, description="Seconds one delivery may take before it counts as failed."
    )
    backoff_initial: float = Field(default=0.5, gt=0, description="First retry delay, in seconds.")
    backoff_max: float = Field(default=30.0, gt=0, description="Longest retry delay, in seconds.")
    amqp_exchange: str = Field(
        default="milestones.alerts", min_length=1, description="Durable topic exchange for amqp://."
    )
    nats_stream: str = Field(
        default="MILESTONES_ALERTS", min_length=1, description="JetStream stream for nats://."
    )
    subject_prefix: str = Field(
        default="alerts",
        min_length=1,
        description="First token of the AMQP routing key and the NATS subject: <prefix>.<kind>.<index>.",
    )

    @field_validator("subject_prefix")
    @classmethod
    def _prefix_is_tokens(cls, value: str) -> str:
        if any(c in value for c in " *>#") or value.startswith(".") or value.endswith("."):
            raise ValueError(
                f"MILESTONES_BRIDGE_SUBJECT_PREFIX {value!r} must be dot-separated tokens without "
                "spaces or wildcards"
            )
        return value

    @model_validator(mode="after")
    def _backoff_order(self) -> Self:
        if self.backoff_max < self.backoff_initial:
            raise ValueError(
                f"MILESTONES_BRIDGE_BACKOFF_MAX ({self.backoff_max}) is below "
                f"MILESTONES_BRIDGE_BACKOFF_INITIAL ({self.backoff_initial})"
            )
        return self
