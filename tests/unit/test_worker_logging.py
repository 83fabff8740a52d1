"""A worker at --loglevel warning keeps the root logger at WARNING (no debug records built).

Faust's worker turns the root logger to DEBUG for its terminal spinner at warning level and
above; every library's debug message was then built for nothing (streams.worker.run.make_worker).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.settings import Settings
from streams.worker.app import create_pipeline
from streams.worker.run import make_worker


@pytest.fixture
def restored_root_logger() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    try:
        yield root
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)


@pytest.mark.parametrize("loglevel", ["warning", "error"])
def test_worker_logging_setup_keeps_the_root_logger_at_its_level(
    tmp_path: Path, restored_root_logger: logging.Logger, loglevel: str
) -> None:
    pipeline = create_pipeline(
        Settings(data_dir=tmp_path / "data", web_enabled=False, app_id=f"t-{tmp_path.name}")
    )
    worker = make_worker(pipeline, loglevel)
    worker.stdout = worker.stderr = io.StringIO()
    worker._setup_logging()  # what execute_from_commandline does first
    root = restored_root_logger
    assert root.level == getattr(logging, loglevel.upper())
    assert not logging.getLogger("aiokafka.producer.producer").isEnabledFor(logging.DEBUG)
