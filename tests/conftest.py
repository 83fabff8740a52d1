"""Shared fixtures: one real Kafka broker per session (only if a test asks), unique names per test.

Why lazy: unit and agent tests never request ``kafka_bootstrap``, so they never start a broker.
Which broker (env var, Docker, local jars) is decided in ``streams.broker.provide_broker``.

Every test starts without ``MILESTONES_*`` settings and without ``.env`` (``tests/clean_env.py``).
Every test that asks for ``kafka_bootstrap`` must carry the ``integration`` marker, so that
``-m "not integration"`` runs no broker; collection stops with the tests named otherwise.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest

from streams.broker import BrokerError, provide_broker
from tests import clean_env


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Refuse a test that uses the broker without the ``integration`` marker."""
    unmarked = [
        item.nodeid
        for item in items
        if "kafka_bootstrap" in getattr(item, "fixturenames", ())
        and item.get_closest_marker("integration") is None
    ]
    if unmarked:
        raise pytest.UsageError(
            "these tests use the kafka_bootstrap fixture (a real broker) but lack "
            f"@pytest.mark.integration: {', '.join(unmarked)}"
        )


@pytest.fixture(autouse=True)
def clean_settings_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ``MILESTONES_*`` setting from the environment and no ``.env`` file, for every test."""
    clean_env.clean_settings_environment(monkeypatch)


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    """``host:port`` of a real Kafka broker, shared by the whole session."""
    try:
        provider = provide_broker()
        bootstrap = provider.__enter__()
    except BrokerError as error:
        pytest.fail(f"no Kafka broker for the integration tests: {error}", pytrace=False)
    try:
        yield bootstrap
    finally:
        provider.__exit__(None, None, None)


@pytest.fixture
def unique_topic_prefix() -> str:
    """A prefix no other test (or earlier run on a shared broker) uses, e.g. ``t1a2b3c4d5.``."""
    return f"t{uuid.uuid4().hex[:10]}."


@pytest.fixture
def topic_names(unique_topic_prefix: str) -> Callable[[str], str]:
    """Factory: ``topic_names("articles")`` -> ``"t1a2b3c4d5.articles"``, the same prefix within a test."""
    return lambda base: f"{unique_topic_prefix}{base}"
