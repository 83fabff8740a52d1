"""``milestones worker`` whose stop fails on purpose (a test aid only, never shipped).

``STOP_FAULT=raise``: the worker's own stop raises. ``STOP_FAULT=child``: the app's stop raises
(as in one CI run, where a table write in the shutdown commit raised): mode logs it and goes on,
but the app's Kafka client thread is never stopped. ``STOP_FAULT=hang``: the app's stop never
finishes. Used by
tests/reliability/test_stop_fault.py, which checks that the process still ends, with a status
saying so, and that the next worker neither skips nor repeats an article.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

from streams.cli import main
from streams.worker.faust_app import PipelineApp
from streams.worker.stopping import PipelineWorker

FAULT = os.environ["STOP_FAULT"]


async def _faulty_on_stop(self: Any) -> None:
    if FAULT == "hang":
        await asyncio.sleep(3600)
    raise RuntimeError("induced stop failure")


if FAULT == "raise":
    PipelineWorker.on_stop = _faulty_on_stop  # type: ignore[method-assign]
else:
    PipelineApp.on_stop = _faulty_on_stop  # type: ignore[method-assign]

if __name__ == "__main__":
    sys.exit(main(["worker", *sys.argv[1:]]))
