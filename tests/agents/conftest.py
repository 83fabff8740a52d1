"""A pipeline per test, with every outgoing topic's ``send`` (and the producer's, under the
outbox) replaced by a recorder.

Faust's ``test_context`` runs an agent without a broker; what the agent sends is what these
tests check. The real-broker path is tested in tests/integration.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from faust.types import TP

from streams.settings import Settings
from streams.worker.app import Pipeline, create_pipeline


@dataclass
class Sent:
    """Everything the agents sent, per topic attribute name."""

    by_topic: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    fail_next: dict[str, int] = field(default_factory=dict)

    def recorder(self, name: str) -> Any:
        async def send(**kwargs: Any) -> Any:
            if self.fail_next.get(name, 0) > 0:
                self.fail_next[name] -= 1
                raise ConnectionError("broker away")
            self.by_topic.setdefault(name, []).append(kwargs)
            done = asyncio.get_running_loop().create_future()
            done.set_result(None)
            return done

        return send

    def producer_recorder(self, names: dict[str, str]) -> Any:
        """A stand-in for the producer's ``send`` under the outbox, recording by topic attribute name.

        It returns the future the outbox waits for: acknowledged, or failed while
        ``fail_next`` says so.
        """

        async def send(
            topic: str, key: bytes, value: bytes, partition: Any, timestamp: Any, headers: Any
        ) -> Any:
            name = names.get(topic, topic)
            self.by_topic.setdefault(name, []).append(
                {"key": key.decode(), "value": value, "headers": headers, "timestamp": timestamp}
            )
            done = asyncio.get_running_loop().create_future()
            if self.fail_next.get(name, 0) > 0:
                self.fail_next[name] -= 1
                done.set_exception(ConnectionError("broker away"))
            else:
                done.set_result(None)
            return done

        return send

    def __getitem__(self, name: str) -> list[dict[str, Any]]:
        return self.by_topic.get(name, [])


async def _knows_every_topic(name: str) -> None:
    """The outbox's metadata wait, for a producer that is never started here."""


@pytest.fixture
def pipeline(tmp_path: Path) -> Iterator[tuple[Pipeline, Sent]]:
    p = create_pipeline(Settings(data_dir=tmp_path / "data", web_enabled=False, app_id=f"t-{tmp_path.name}"))
    p.app.finalize()
    p.app.flow_control.resume()
    sent = Sent()
    names = {getattr(p, n).get_topic_name(): n for n in ("index_moves", "quotes", "alerts")}
    with (
        patch.object(p.app.producer, "send", side_effect=sent.producer_recorder(names)),
        # The table's changelog asks the (never started) producer for the key's partition.
        patch.object(p.app.producer, "key_partition", side_effect=lambda topic, key: TP(topic, 0)),
        patch.object(p.app.outbox, "learn_topic", side_effect=_knows_every_topic),
        patch.object(p.articles_dlq, "send", side_effect=sent.recorder("articles_dlq")),
    ):
        yield p, sent
