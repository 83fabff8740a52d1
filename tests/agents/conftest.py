"""A pipeline per test, with every outgoing topic's ``send`` replaced by a recorder.

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

from streams.app import Pipeline, create_pipeline
from streams.settings import Settings


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

    def __getitem__(self, name: str) -> list[dict[str, Any]]:
        return self.by_topic.get(name, [])


@pytest.fixture
def pipeline(tmp_path: Path) -> Iterator[tuple[Pipeline, Sent]]:
    p = create_pipeline(Settings(data_dir=tmp_path / "data", web_enabled=False, app_id=f"t-{tmp_path.name}"))
    p.app.finalize()
    p.app.flow_control.resume()
    sent = Sent()
    with (
        patch.object(p.index_moves, "send", side_effect=sent.recorder("index_moves")),
        patch.object(p.quotes, "send", side_effect=sent.recorder("quotes")),
        patch.object(p.alerts, "send", side_effect=sent.recorder("alerts")),
        patch.object(p.articles_dlq, "send", side_effect=sent.recorder("articles_dlq")),
    ):
        yield p, sent
