"""Wiring shared by the services that consume a topic and publish what they record."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from sqlalchemy import text

from shared.db import create_engine
from shared.kafka.consumer import ConsumerLoop, Handler
from shared.kafka.producer import EventProducer
from shared.kafka.relay import EventRelay, Route
from shared.kafka.topics import ensure_topics
from shared.logs import get_logger
from shared.observability.health import Health
from shared.projections import Projections
from shared.settings import Settings
from shared.unit_of_work import Database

log = get_logger(__name__)


async def check_database(db: Database) -> None:
    async with db.engine.connect() as conn:
        await conn.execute(text("SELECT 1"))


async def run_pipeline_service(
    *,
    name: str,
    settings: Settings,
    stop: asyncio.Event,
    health: Health,
    projections: Projections,
    consume: Sequence[str] = (),
    handler: Handler | None = None,
    routes: Sequence[Route] = (),
    extra_tasks: Sequence = (),
) -> None:
    """Start the producer, the relay and the consumer loop; on `stop`, finish and leave cleanly.

    `extra_tasks` are coroutine functions `f(db, producer, stop)` run beside them (e.g. a scheduler).
    """
    db = Database(create_engine(settings), projections)
    producer = EventProducer(settings.kafka_bootstrap, client_id=f"sitrep-{name}")
    health.add_check("postgres", lambda: check_database(db))
    health.add_check("kafka", producer.check)
    topics = [settings.topic(t) for t in consume] + sorted({r.topic for r in routes})
    await _retry_until_up(lambda: ensure_topics(settings.kafka_bootstrap, topics), stop, "kafka")
    await _retry_until_up(producer.start, stop, "kafka producer")
    loop: ConsumerLoop | None = None
    try:
        relay = EventRelay(name, db.engine, producer, list(routes), notifier=db.notifier)
        tasks = [asyncio.create_task(relay.run(stop))] if routes else []
        tasks += [asyncio.create_task(task(db, producer, stop)) for task in extra_tasks]
        if handler is not None:
            loop = ConsumerLoop(
                bootstrap=settings.kafka_bootstrap,
                topics=[settings.topic(t) for t in consume],
                group_id=settings.consumer_group(name),
                handler=handler,
                db=db,
                producer=producer,
            )
            await _retry_until_up(loop.start, stop, "kafka consumer")
            tasks.append(asyncio.create_task(loop.run(stop)))
        log.info("service_running", consumes=list(consume), publishes=sorted({r.topic for r in routes}))
        stopped = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait([stopped, *tasks], return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            if task is not stopped and task.exception():
                raise task.exception()
        await asyncio.gather(*tasks)
    finally:
        stop.set()
        if loop is not None:
            await loop.stop()
        await producer.stop()
        await db.close()


async def _retry_until_up(start, stop: asyncio.Event, what: str, pause: float = 1.0) -> None:
    while True:
        try:
            await start()
            return
        except Exception as exc:  # noqa: BLE001 — wait for the dependency to come up
            if stop.is_set():
                raise
            log.warning("waiting_for_dependency", dependency=what, error=repr(exc))
            await asyncio.sleep(pause)
            pause = min(pause * 2, 10.0)
