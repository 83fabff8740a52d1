"""Live page settings, from the environment under ``MILESTONES_PAGE_`` (or a ``.env`` file).

They live apart from :class:`streams.settings.Settings` because only the page reads them (in the
worker and in ``milestones page``); the Kafka side (bootstrap, topics, SASL/TLS) and the alert
rules come from the shared settings, so the page reads the same topics the worker writes.
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["PageSettings"]


class PageSettings(BaseSettings):
    """How much history the page reads on start, and where ``milestones page`` listens."""

    model_config = SettingsConfigDict(env_prefix="MILESTONES_PAGE_", env_file=".env", extra="ignore")

    window_days: float = Field(
        default=3.0,
        gt=0,
        description="On start the page reads the alerts and index moves stored in the last D days "
        "(by record time): a Monday morning still shows Friday.",
    )
    levels_per_index: int = Field(
        default=500, ge=1, description="Points kept per index (the latest read); older ones are dropped."
    )
    max_alerts: int = Field(default=500, ge=1, description="Alerts kept (the latest read).")
    host: str = Field(default="127.0.0.1", description="Where `milestones page` listens (loopback).")
    port: int = Field(default=6067, ge=0, le=65535, description="Its port (the worker's is 6066).")
