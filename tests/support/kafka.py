"""Read what services published to a topic."""

from __future__ import annotations

import asyncio

from aiokafka import AIOKafkaConsumer

from shared.events import Event


async def drain_topic(bootstrap: str, topic: str, *, expect: int, settle: float = 2.0,
                      timeout: float = 30) -> list[Event]:
    """Every event on the topic: read until `expect` have arrived, then on for `settle` seconds so
    that anything more (a duplicate) shows up too."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", group_id=None)
    await consumer.start()
    events: list[Event] = []
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(timeout):
            while len(events) < expect:
                events += await _poll(consumer)
        quiet_until = loop.time() + settle
        while loop.time() < quiet_until:
            events += await _poll(consumer)
    finally:
        await consumer.stop()
    return events


async def _poll(consumer: AIOKafkaConsumer) -> list[Event]:
    batches = await consumer.getmany(timeout_ms=300)
    return [Event.from_json(record.value) for records in batches.values() for record in records]


async def read_records(bootstrap: str, topic: str, n: int, timeout: float = 20):
    """The first `n` raw records of a topic (a dead-letter topic holds what is not an event)."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", group_id=None)
    await consumer.start()
    records = []
    try:
        async with asyncio.timeout(timeout):
            while len(records) < n:
                for batch in (await consumer.getmany(timeout_ms=500)).values():
                    records.extend(batch)
    finally:
        await consumer.stop()
    return records
