"""What the consumer loop, the relay and the unit of work export, against the real broker and database."""

from __future__ import annotations

import asyncio

import pytest
from prometheus_client import REGISTRY

from shared.events import Event
from shared.kafka.consumer import ConsumerLoop
from shared.kafka.relay import EventRelay, Route
from shared.kafka.topics import ensure_topics
from shared.unit_of_work import Database, UnitOfWork
from tests.integration.test_kafka_pipeline import db, happened, producer  # noqa: F401 — fixtures


def sample(name: str, **labels: str) -> float | None:
    return REGISTRY.get_sample_value(name, labels)


async def eventually(condition, timeout: float = 20) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.05)


async def test_consumer_exports_lag_per_partition_outcomes_and_delay(settings, db, producer):
    topic = settings.topic("in")
    group = settings.consumer_group("metrics")
    await ensure_topics(settings.kafka_bootstrap, [topic], partitions=1)
    for n in range(5):
        await producer.send(topic, happened(n), key="k")
    await producer.send_raw(topic, b"not an event", b"k", [])
    release = asyncio.Event()

    async def handle(uow: UnitOfWork, event: Event) -> None:
        if event.data["n"] == 1:
            await release.wait()

    loop = ConsumerLoop(
        bootstrap=settings.kafka_bootstrap, topics=[topic], group_id=group, handler=handle, db=db,
        producer=producer, batch_size=1,
    )
    await loop.start()
    assert sample("sitrep_dead_letters_total", group=group, topic=topic) == 0, "series exist before any message"
    stop = asyncio.Event()
    task = asyncio.create_task(loop.run(stop))
    lag = {"group": group, "topic": topic, "partition": "0"}
    try:
        # The first message is handled, the second waits in its handler: five behind the head.
        await eventually(lambda: sample("sitrep_kafka_consumer_lag_messages", **lag) == 5)
        release.set()
        await eventually(lambda: sample("sitrep_kafka_consumer_lag_messages", **lag) == 0)
    finally:
        stop.set()
        await task
        await loop.stop()
    assert sample("sitrep_messages_consumed_total", group=group, topic=topic, outcome="handled") == 5
    assert sample("sitrep_messages_consumed_total", group=group, topic=topic, outcome="dead_lettered") == 1
    assert sample("sitrep_dead_letters_total", group=group, topic=topic) == 1
    assert sample("sitrep_message_delay_seconds_count", group=group, topic=topic) == 5
    assert sample("sitrep_message_delay_seconds_sum", group=group, topic=topic) > 0


async def test_relay_lag_counts_only_its_own_unpublished_events(settings, db: Database, producer):
    topic = settings.topic("out")
    await ensure_topics(settings.kafka_bootstrap, [topic], partitions=1)
    async with db.transaction() as uow:
        for n in range(5):
            await uow.record(f"r-{n}", [Event(type="test.relayed", data={"n": n}, stream_id="", source="test")])
            await uow.record(f"x-{n}", [Event(type="test.kept", data={"n": n}, stream_id="", source="test")])
    name = f"lag-{settings.topic_prefix}"
    relay = EventRelay(name, db.engine, producer, [Route(frozenset({"test.relayed"}), topic, lambda e: e.stream_id)],
                       batch_size=2)
    assert sample("sitrep_relay_published_total", relay=name, topic=topic) == 0

    lags = []
    while await relay.publish_once():
        lags.append(sample("sitrep_relay_lag_events", relay=name))
    assert lags == [3, 1, 0]
    assert sample("sitrep_relay_lag_events", relay=name) == 0
    assert sample("sitrep_relay_published_total", relay=name, topic=topic) == 5
    assert sample("sitrep_relay_position", relay=name) == await _position_of_last(db, "test.relayed")


async def test_events_are_counted_once_committed_never_when_rolled_back(db: Database):
    event_type = f"test.counted.{id(db)}"
    with pytest.raises(RuntimeError):
        async with db.transaction() as uow:
            await uow.record("c-1", [Event(type=event_type, data={}, stream_id="", source="test")])
            raise RuntimeError("abandon the transaction")
    assert not sample("sitrep_events_appended_total", type=event_type)
    async with db.transaction() as uow:
        await uow.record("c-2", [Event(type=event_type, data={}, stream_id="", source="test")])
    assert sample("sitrep_events_appended_total", type=event_type) == 1


async def _position_of_last(db: Database, event_type: str) -> int:
    from sqlalchemy import text

    async with db.engine.connect() as conn:
        result = await conn.execute(text("SELECT max(position) FROM events WHERE type = :t"), {"t": event_type})
        return int(result.scalar_one())
