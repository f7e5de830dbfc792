"""The consumer loop and the relay against the real broker and database."""

from __future__ import annotations

import asyncio

import pytest
from aiokafka import AIOKafkaConsumer
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from shared.events import Event
from shared.kafka.consumer import ConsumerLoop
from shared.kafka.prepared import Prepared
from shared.kafka.producer import EventProducer
from shared.kafka.relay import EventRelay, Route
from shared.kafka.topics import dead_letter_topic, ensure_topics
from shared.projections import Projections
from shared.unit_of_work import Database, UnitOfWork
from tests.support.kafka import read_records


def happened(n: int) -> Event:
    return Event(type="test.happened", data={"n": n}, stream_id=f"in-{n}", source="test")


@pytest.fixture
async def db(settings):
    database = Database(create_async_engine(settings.database_url, pool_size=5), Projections())
    yield database
    await database.engine.dispose()


@pytest.fixture
async def producer(settings):
    p = EventProducer(settings.kafka_bootstrap, client_id="test")
    await p.start()
    yield p
    await p.stop()


async def count(db: Database, sql: str) -> int:
    async with db.engine.connect() as conn:
        return (await conn.execute(text(sql))).scalar_one()


async def handled_ns(db: Database) -> list[int]:
    async with db.engine.connect() as conn:
        rows = await conn.execute(text("SELECT (data->>'n')::int FROM events WHERE type = 'test.handled' ORDER BY position"))
        return [r[0] for r in rows]


async def record_handled(uow: UnitOfWork, event: Event) -> None:
    if event.data.get("poison"):
        raise ValueError("this message can never be handled")
    await uow.record(f"out-{event.id}", [Event(type="test.handled", data=event.data, stream_id="", source="test", causation_id=event.id)])


async def consume_until(loop: ConsumerLoop, condition, timeout: float = 30) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(loop.run(stop))
    try:
        async with asyncio.timeout(timeout):
            while not await condition():
                await asyncio.sleep(0.1)
    finally:
        stop.set()
        await task
        await loop.stop()


def make_loop(settings, db, producer, topic) -> ConsumerLoop:
    return ConsumerLoop(
        bootstrap=settings.kafka_bootstrap, topics=[topic], group_id=settings.consumer_group("test"),
        handler=record_handled, db=db, producer=producer,
    )


async def test_each_message_takes_effect_once_even_when_redelivered(settings, db, producer):
    topic = settings.topic("in")
    await ensure_topics(settings.kafka_bootstrap, [topic], partitions=1)
    events = [happened(n) for n in range(5)]
    for event in events:
        await producer.send(topic, event, key="k")
    await producer.send(topic, events[2], key="k")  # the same event published twice

    loop = make_loop(settings, db, producer, topic)
    await loop.start()
    await consume_until(loop, lambda: _at_least(db, 5))
    assert await handled_ns(db) == [0, 1, 2, 3, 4]

    # Kafka forgets the group's offsets; the next consumer resumes from PostgreSQL's copy.
    await _forget_kafka_offsets(settings, topic)
    for event in events[:2]:
        await producer.send(topic, event, key="k")
    await producer.send(topic, happened(5), key="k")
    loop = make_loop(settings, db, producer, topic)
    await loop.start()
    await consume_until(loop, lambda: _at_least(db, 6))
    assert await handled_ns(db) == [0, 1, 2, 3, 4, 5]
    assert await count(db, "SELECT next_offset FROM consumer_offsets") == 9


async def test_poison_messages_go_to_the_dead_letter_topic_and_the_loop_moves_on(settings, db, producer):
    topic = settings.topic("in")
    await ensure_topics(settings.kafka_bootstrap, [topic], partitions=1)
    await producer.send_raw(topic, b"{broken json", b"k", [])
    await producer.send(topic, Event(type="test.happened", data={"n": 1, "poison": True}, stream_id="p", source="test"), key="k")
    await producer.send(topic, happened(2), key="k")

    loop = make_loop(settings, db, producer, topic)
    await loop.start()
    await consume_until(loop, lambda: _at_least(db, 1))
    assert await handled_ns(db) == [2]

    dead = await read_records(settings.kafka_bootstrap, dead_letter_topic(topic), 2)
    errors = [dict(r.headers)["sitrep_error"].decode() for r in dead]
    assert dead[0].value == b"{broken json" and "not JSON" in errors[0]
    assert "this message can never be handled" in errors[1]
    assert all(dict(r.headers)["sitrep_original_topic"] == topic.encode() for r in dead)


class TenfoldHandler:
    """Computes each message's value before the batch's transaction and records it inside."""

    def __init__(self) -> None:
        self.tenfold = Prepared(lambda event: event.data["n"] * 10)
        self.prepared_batches: list[list[int]] = []

    def prepare(self, events: list[Event]) -> None:
        self.prepared_batches.append([event.data["n"] for event in events])
        self.tenfold.prepare(events)

    async def __call__(self, uow: UnitOfWork, event: Event) -> None:
        value = self.tenfold.take(event)
        await uow.record(f"out-{event.id}", [Event(type="test.handled", data={"n": value}, stream_id="", source="test")])


async def test_a_handler_prepares_each_batch_before_its_transaction(settings, db, producer):
    topic = settings.topic("in")
    await ensure_topics(settings.kafka_bootstrap, [topic], partitions=1)
    await producer.send_raw(topic, b"{broken json", b"k", [])
    for n in (1, 2, 3):
        await producer.send(topic, happened(n), key="k")
    handler = TenfoldHandler()
    loop = ConsumerLoop(bootstrap=settings.kafka_bootstrap, topics=[topic], group_id=settings.consumer_group("test"),
                        handler=handler, db=db, producer=producer)
    await loop.start()
    await consume_until(loop, lambda: _at_least(db, 3))
    assert await handled_ns(db) == [10, 20, 30]
    assert sorted(n for batch in handler.prepared_batches for n in batch) == [1, 2, 3], "only decodable events"


async def test_relay_publishes_recorded_events_once(settings, db, producer):
    topic = settings.topic("out")
    await ensure_topics(settings.kafka_bootstrap, [topic], partitions=1)
    async with db.transaction() as uow:
        for n in range(3):
            await uow.record(f"r-{n}", [Event(type="test.handled", data={"n": n}, stream_id="", source="test")])
            await uow.record(f"x-{n}", [Event(type="test.ignored", data={"n": n}, stream_id="", source="test")])
    relay = EventRelay("test", db.engine, producer, [Route(frozenset({"test.handled"}), topic, lambda e: e.stream_id)])
    assert await relay.publish_once() == 3
    assert await relay.publish_once() == 0
    received = await read_records(settings.kafka_bootstrap, topic, 3)
    assert [Event.from_json(r.value).data["n"] for r in received] == [0, 1, 2]
    assert [r.key for r in received] == [b"r-0", b"r-1", b"r-2"]


async def test_a_relay_wakes_when_the_log_grows_instead_of_waiting_for_its_next_poll(settings, db, producer):
    topic = settings.topic("woken")
    await ensure_topics(settings.kafka_bootstrap, [topic], partitions=1)
    relay = EventRelay("woken", db.engine, producer, [Route(frozenset({"test.handled"}), topic, lambda e: e.stream_id)],
                       idle_sleep=60, max_idle_sleep=60, notifier=db.notifier)
    stop = asyncio.Event()
    task = asyncio.create_task(relay.run(stop))
    try:
        await asyncio.sleep(0.5)  # the first, empty read is done: the relay now sleeps for a minute
        async with db.transaction() as uow:
            await uow.record("late", [Event(type="test.handled", data={"n": 7}, stream_id="", source="test")])
        [record] = await read_records(settings.kafka_bootstrap, topic, 1, timeout=15)
        assert Event.from_json(record.value).data == {"n": 7}
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
        await db.notifier.close()


async def _at_least(db: Database, n: int) -> bool:
    return len(await handled_ns(db)) >= n


async def _forget_kafka_offsets(settings, topic) -> None:
    """Rewind the group's offsets kept by Kafka to the start of the topic."""
    from aiokafka import TopicPartition

    consumer = AIOKafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap, group_id=settings.consumer_group("test"), enable_auto_commit=False
    )
    await consumer.start()
    try:
        tp = TopicPartition(topic, 0)
        consumer.assign([tp])
        await consumer.commit({tp: 0})
    finally:
        await consumer.stop()
