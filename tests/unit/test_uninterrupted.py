"""An agent cancelled in the middle of an event's sends finishes them before the cancel goes through.

Faust acknowledges the current event when an agent is cancelled, so an article whose sends
stopped half-way would be committed with moves missing (streams.worker.agents.uninterrupted).
"""

from __future__ import annotations

import asyncio

import pytest

from streams.worker.agents import uninterrupted


async def test_a_cancel_waits_for_every_step_then_goes_through() -> None:
    done: list[int] = []
    started = asyncio.Event()

    async def three_sends() -> None:
        for n in range(3):
            started.set()
            await asyncio.sleep(0.01)
            done.append(n)

    agent = asyncio.ensure_future(uninterrupted(three_sends()))
    await started.wait()
    agent.cancel()
    with pytest.raises(asyncio.CancelledError):
        await agent
    assert done == [0, 1, 2]


async def test_the_result_and_errors_of_the_work_come_back_unchanged() -> None:
    async def answer() -> int:
        await asyncio.sleep(0)
        return 42

    async def fail() -> None:
        await asyncio.sleep(0)
        raise ValueError("broker said no")

    assert await uninterrupted(answer()) == 42
    with pytest.raises(ValueError, match="broker said no"):
        await uninterrupted(fail())
