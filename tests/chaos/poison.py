"""Poison messages: bytes that are no event, and an event whose data no handler can read. Each
must end on `<topic>.dlq` while its consumer goes on."""

from __future__ import annotations

import asyncio

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from shared.events import Event
from shared.kafka.topics import dead_letter_topic


def poison_for(topic_type: str) -> list[bytes]:
    unreadable = Event(type=topic_type, data={"poison": True}, stream_id="chaos-poison", source="chaos")
    return [b"\x00this is not an event", unreadable.to_json()]


async def send_poison(bootstrap: str, topic: str, event_type: str) -> int:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        messages = poison_for(event_type)
        for n, value in enumerate(messages):
            await producer.send_and_wait(topic, value, key=f"poison-{n}".encode())
        return len(messages)
    finally:
        await producer.stop()


async def dead_letters(bootstrap: str, topic: str, expect: int, timeout: float = 30) -> list[tuple[bytes, dict]]:
    """The messages on the topic's DLQ (value, headers), once at least `expect` are there."""
    consumer = AIOKafkaConsumer(dead_letter_topic(topic), bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                                group_id=None)
    await consumer.start()
    found: list[tuple[bytes, dict]] = []
    try:
        async with asyncio.timeout(timeout):
            while len(found) < expect:
                for records in (await consumer.getmany(timeout_ms=500)).values():
                    found += [(r.value, {k: v.decode() for k, v in r.headers}) for r in records]
    finally:
        await consumer.stop()
    return found
