"""The ArticleSender reads the topic back: what is already there (``skip_recent``) is not sent again.

A new consumer knows no topic's partitions until its client's metadata is updated; the sender
once asked ``consumer.topics()``, which keeps nothing, so it read back nothing: a resumed replay
(``--from``) and a restarted ``milestones ingest`` sent again what was already on the topic.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.replay.producer import plan_replay, replay
from streams.replay.sender import ArticleSender
from tests.integration.helpers import SEEDS, read_topic, unique_settings

pytestmark = pytest.mark.integration


async def test_articles_found_among_the_last_records_are_not_sent_again(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = unique_settings(kafka_bootstrap, tmp_path)
    plan = plan_replay([SEEDS])
    await replay(settings, plan)
    async with ArticleSender(settings, outage_deadline=30, skip_recent=10) as sender:
        for item in plan.files:
            await sender.send(item.article, item.path.name)
        await sender.flush()
    assert sender.stats.already_there == len(plan.files) == 5
    records = await read_topic(kafka_bootstrap, settings.topics.articles)
    assert len(records) == 5
