"""The worker's event loops are uvloop's (streams.worker.run.use_uvloop), Faust's consumer thread's included."""

from __future__ import annotations

import asyncio
import threading

import uvloop

from streams.worker.run import use_uvloop


def test_new_event_loops_are_uvloop_in_any_thread() -> None:
    before = asyncio.get_event_loop_policy()
    try:
        assert use_uvloop()
        kinds: list[type] = []

        def in_thread() -> None:  # as Faust's consumer thread makes its loop
            loop = asyncio.new_event_loop()
            kinds.append(type(loop))
            loop.close()

        thread = threading.Thread(target=in_thread)
        thread.start()
        thread.join(timeout=10)
        loop = asyncio.new_event_loop()
        kinds.append(type(loop))
        loop.close()
        assert kinds == [uvloop.Loop, uvloop.Loop]
    finally:
        asyncio.set_event_loop_policy(before)
