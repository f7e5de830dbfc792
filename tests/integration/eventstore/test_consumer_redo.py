"""A consumer batch that loses a race with another writer is redone in a new transaction, not
dead-lettered; one that keeps losing is split, and only a message that always loses goes to the
dead-letter topic. The races are real: a younger transaction appends to the stream first."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text

from shared.events import Event
from shared.eventstore import EventStore
from shared.kafka.consumer import ConsumerLoop
from shared.kafka.producer import EventProducer
from shared.kafka.topics import dead_letter_topic, ensure_topics
from shared.unit_of_work import Database, UnitOfWork
from tests.support.kafka import read_records

def target(event: Event) -> str:
    return f"target-{event.data['n']}"


@pytest.fixture
async def producer(settings):
    p = EventProducer(settings.kafka_bootstrap, client_id="test")
    await p.start()
    yield p
    await p.stop()


class Overtaken:
    """Appends each message to a stream of its own, after a younger transaction got there first
    (`overtake` times in all, and every time for a message marked `always`)."""

    def __init__(self, db: Database, overtake: int) -> None:
        self.db = db
        self.overtake = overtake

    async def __call__(self, uow: UnitOfWork, event: Event) -> None:
        if event.data.get("always") or self.overtake > 0:
            self.overtake -= 1
            async with self.db.transaction() as younger:
                await younger.record(target(event), [Event(type="test.overtook", data={}, stream_id="", source="test")])
        handled = Event(type="test.handled", data=event.data, stream_id="", source="test", causation_id=event.id)
        await uow.record(target(event), [handled])


async def handled(db: Database) -> list[int]:
    async with db.engine.connect() as conn:
        rows = await conn.execute(text("SELECT (data->>'n')::int FROM events WHERE type = 'test.handled' ORDER BY 1"))
        return [r[0] for r in rows]


async def run_until(loop: ConsumerLoop, condition, timeout: float = 60) -> None:
    stop = asyncio.Event()
    await loop.start()
    task = asyncio.create_task(loop.run(stop))
    try:
        async with asyncio.timeout(timeout):
            while not await condition():
                await asyncio.sleep(0.1)
    finally:
        stop.set()
        await task
        await loop.stop()


async def publish(settings, producer, messages: list[dict]) -> str:
    topic = settings.topic("in")
    await ensure_topics(settings.kafka_bootstrap, [topic], partitions=1)
    for data in messages:
        await producer.send(topic, Event(type="test.happened", data=data, stream_id="in", source="test"), key="k")
    return topic


def loop_for(settings, db, producer, topic, handler) -> ConsumerLoop:
    return ConsumerLoop(bootstrap=settings.kafka_bootstrap, topics=[topic], group_id=settings.consumer_group("redo"),
                        handler=handler, db=db, producer=producer)


async def assert_streams_in_order(db: Database) -> None:
    async with db.engine.connect() as conn:
        page = await EventStore().read_all(conn, limit=10_000, types=["test.overtook", "test.handled"])
    versions: dict[str, list[int]] = {}
    for event in page:
        versions.setdefault(event.stream_id, []).append(event.stream_version)
    assert all(found == list(range(1, len(found) + 1)) for found in versions.values()), versions


async def test_a_batch_overtaken_by_a_younger_writer_is_redone(settings, db, producer):
    topic = await publish(settings, producer, [{"n": n} for n in range(5)])
    handler = Overtaken(db, overtake=2)
    await run_until(loop_for(settings, db, producer, topic, handler), lambda: _count(db, 5))
    assert handler.overtake == 0  # both races happened
    assert await handled(db) == [0, 1, 2, 3, 4]
    await assert_streams_in_order(db)


async def test_only_a_message_that_always_loses_is_dead_lettered(settings, db, producer):
    topic = await publish(settings, producer, [{"n": n, "always": n == 2} for n in range(5)])
    await run_until(loop_for(settings, db, producer, topic, Overtaken(db, overtake=0)), lambda: _count(db, 4))
    assert await handled(db) == [0, 1, 3, 4]
    [dead] = await read_records(settings.kafka_bootstrap, dead_letter_topic(topic), 1)
    assert "StreamOrderConflict" in dict(dead.headers)["sitrep_error"].decode()
    assert Event.from_json(dead.value).data == {"n": 2, "always": True}
    await assert_streams_in_order(db)


async def _count(db: Database, n: int) -> bool:
    return len(await handled(db)) >= n
