"""The floor: a plain aiokafka consume-then-produce pass-through with no processing.

    python bench/passthrough.py BOOTSTRAP GROUP IN_TOPIC OUT_TOPIC

Run as its own process, like the worker, so the bench compares like with like: the same
messages and topics, one consumer group, every record copied (key, value) to OUT_TOPIC with
the producer's defaults plus acks=all and linger 5 ms (what the worker's producer uses), on
uvloop as the worker is. What the pipeline adds
on top of this is Faust, decoding, extraction, the alert state and its changelog.
"""

from __future__ import annotations

import asyncio
import signal
import sys

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer


async def run(bootstrap: str, group: str, source: str, target: str) -> None:
    consumer = AIOKafkaConsumer(
        source,
        bootstrap_servers=bootstrap,
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=True,
    )
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    await consumer.start()
    await producer.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    print("passthrough ready", flush=True)
    try:
        while not stop.is_set():
            batches = await consumer.getmany(timeout_ms=200, max_records=500)
            sends = [
                await producer.send(target, key=r.key, value=r.value)
                for records in batches.values()
                for r in records
            ]
            if sends:
                await asyncio.gather(*sends)
    finally:
        await consumer.stop()
        await producer.stop()


if __name__ == "__main__":
    import uvloop  # the worker's event loop too (streams.worker.run.use_uvloop): like with like

    uvloop.run(run(*sys.argv[1:5]))
