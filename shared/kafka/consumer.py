"""The consumer loop: handle a batch in one PostgreSQL transaction, then commit Kafka offsets.

Exactly-once in effect: the offsets consumed and the ids of the events handled are written in the
same transaction as the work they caused, and the loop resumes from the offsets stored in
PostgreSQL on every partition assignment. A message that keeps failing goes to `<topic>.dlq` with
its error and the loop moves on; a transient failure (database or broker away) rolls the batch
back and retries it after a pause. A conflict with a concurrent writer (a stream appended to
meanwhile, a deadlock, a serialization failure) rolls the batch back and redoes it at once in a
new transaction, which reads the state anew and appends with a newer transaction id. A handler
with a `prepare` method does the batch's pure work before the transaction (see `prepared.py`).
"""

from __future__ import annotations

import asyncio
import random
import time
import traceback
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition
from aiokafka.structs import ConsumerRecord
from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from shared.events import Event, EventDecodeError
from shared.eventstore import ConcurrencyError, consumer_offsets, inbox
from shared.kafka.producer import EventProducer
from shared.kafka.topics import dead_letter_topic
from shared.logs import bind_context, get_logger
from shared.observability import metrics
from shared.unit_of_work import Database, UnitOfWork

log = get_logger(__name__)

Handler = Callable[[UnitOfWork, Event], Awaitable[None]]


SERVER_AWAY_SQLSTATES = ("08", "53300", "57P01", "57P02", "57P03")
"""Connection exceptions, too many connections, and a server shutting down, crashed or starting
up: asyncpg raises these while PostgreSQL restarts, and SQLAlchemy wraps them as a bare DBAPIError."""


def sqlstate_of(exc: BaseException) -> str | None:
    """The SQLSTATE of the database error behind `exc`, following what it wraps."""
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return None
        code = getattr(seen, "sqlstate", None)
        if isinstance(code, str) and code:
            return code
        seen = getattr(seen, "orig", None) or seen.__cause__
    return None


def is_transient(exc: BaseException) -> bool:
    """Errors of the infrastructure, not of the message: retry the batch rather than dead-letter."""
    if isinstance(exc, (OperationalError, InterfaceError, ConnectionError, OSError, asyncio.TimeoutError)):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    code = sqlstate_of(exc)
    return code is not None and code.startswith(SERVER_AWAY_SQLSTATES)


CONFLICT_SQLSTATES = ("40001", "40P01")
"""Serialization failure and deadlock: the transaction lost a race, not the message."""


def is_conflict(exc: BaseException) -> bool:
    """A race with a concurrent writer: redo the whole transaction (a savepoint cannot help: the
    order of a stream depends on the transaction's id)."""
    return isinstance(exc, ConcurrencyError) or sqlstate_of(exc) in CONFLICT_SQLSTATES


def _decode(record: ConsumerRecord) -> Event | EventDecodeError:
    try:
        return Event.from_json(record.value)
    except EventDecodeError as exc:
        return exc


class _SeekToStoredOffsets(ConsumerRebalanceListener):
    def __init__(self, loop: ConsumerLoop) -> None:
        self._loop = loop

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        for tp in revoked:
            metrics.forget_partition(self._loop.group_id, tp.topic, tp.partition)

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        await self._loop.seek_to_stored_offsets(assigned)


class ConsumerLoop:
    def __init__(
        self,
        *,
        bootstrap: str,
        topics: list[str],
        group_id: str,
        handler: Handler,
        db: Database,
        producer: EventProducer,
        batch_size: int = 200,
        max_attempts: int = 3,
        conflict_redos: int = 5,
        retry_pause: float = 1.0,
        inbox_retention: timedelta = timedelta(days=14),
    ) -> None:
        self.topics = topics
        self.group_id = group_id
        self.handler = handler
        self.db = db
        self.producer = producer
        self.max_attempts = max_attempts
        self.conflict_redos = conflict_redos
        self.retry_pause = retry_pause
        self.batch_size = batch_size
        self.consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap,
            group_id=group_id,
            client_id=group_id,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            isolation_level="read_committed",
            max_poll_interval_ms=300_000,
        )
        self.inbox_retention = inbox_retention
        self._next_prune = 0.0

    async def start(self) -> None:
        metrics.initialise_consumer(self.group_id, self.topics)
        self.consumer.subscribe(self.topics, listener=_SeekToStoredOffsets(self))
        await self.consumer.start()

    async def stop(self) -> None:
        """Leave the group; the batch in hand has already been committed by `run`."""
        await self.consumer.stop()

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            batches = await self.consumer.getmany(timeout_ms=500, max_records=self.batch_size)
            for tp, records in batches.items():
                await self._process_with_retry(tp, records, stop)
            await self._export_lag()
            await self._prune_inbox()

    async def seek_to_stored_offsets(self, partitions: set[TopicPartition]) -> None:
        if not partitions:
            return
        async with self.db.engine.connect() as conn:
            rows = await conn.execute(
                select(consumer_offsets.c.topic, consumer_offsets.c.partition, consumer_offsets.c.next_offset).where(
                    consumer_offsets.c.group_id == self.group_id,
                    consumer_offsets.c.topic.in_([tp.topic for tp in partitions]),
                )
            )
            stored = {(r.topic, r.partition): r.next_offset for r in rows}
        for tp in partitions:
            if (tp.topic, tp.partition) in stored:
                self.consumer.seek(tp, stored[(tp.topic, tp.partition)])

    async def _process_with_retry(self, tp: TopicPartition, records: list[ConsumerRecord], stop: asyncio.Event) -> None:
        pause = self.retry_pause
        while True:
            try:
                await self._process_redoing_conflicts(tp, records, stop)
                return
            except Exception as exc:
                if not is_transient(exc) or stop.is_set():
                    raise
                metrics.batch_failures.labels(self.group_id, tp.topic).inc()
                log.warning("batch_retry", topic=tp.topic, partition=tp.partition, error=repr(exc), pause=pause)
                await asyncio.sleep(pause)
                pause = min(pause * 2, 30.0)

    async def _process_redoing_conflicts(self, tp: TopicPartition, records: list[ConsumerRecord], stop: asyncio.Event) -> None:
        """Redo a batch that lost a race with another writer; one that keeps losing is handled one
        message per transaction (short ones, which rarely lose), and only a single message that
        still loses has its conflict treated as an error of the message."""
        for redo in range(self.conflict_redos):
            try:
                await self.process_batch(tp, records)
                return
            except Exception as exc:
                if not is_conflict(exc) or stop.is_set():
                    raise
                log.info("batch_redo", topic=tp.topic, partition=tp.partition, size=len(records), error=repr(exc))
                await asyncio.sleep(random.uniform(0, 0.02 * (redo + 1)))
        if len(records) == 1:
            await self.process_batch(tp, records, redo_conflicts=False)
            return
        for record in records:
            await self._process_redoing_conflicts(tp, [record], stop)

    async def process_batch(
        self, tp: TopicPartition, records: list[ConsumerRecord], *, redo_conflicts: bool = True
    ) -> None:
        """Handle the batch in one transaction; a conflict is raised (for a redo) when
        `redo_conflicts`, else it fails its message like any error."""
        started = time.perf_counter()
        outcomes: list[str] = []
        read = [(record, _decode(record)) for record in records]
        if (prepare := getattr(self.handler, "prepare", None)) is not None:
            prepare([event for _, event in read if isinstance(event, Event)])
        async with self.db.transaction() as uow:
            await uow.lock()
            next_offset = await self._stored_offset(uow, tp)
            fresh = [(r, event) for r, event in read if next_offset is None or r.offset >= next_offset]
            outcomes += ["duplicate"] * (len(records) - len(fresh))
            decoded: list[tuple[ConsumerRecord, Event]] = []
            for record, event in fresh:
                if isinstance(event, EventDecodeError):
                    await self._dead_letter(record, event)
                    outcomes.append("dead_lettered")
                else:
                    decoded.append((record, event))
            todo = await self._first_seen(uow, decoded)
            outcomes += ["duplicate"] * (len(decoded) - len(todo))
            handled_outcomes = await self._handle_all(uow, todo, redo_conflicts)
            outcomes += handled_outcomes
            await uow.conn.execute(
                pg_insert(consumer_offsets)
                .values(group_id=self.group_id, topic=tp.topic, partition=tp.partition, next_offset=records[-1].offset + 1)
                .on_conflict_do_update(
                    index_elements=["group_id", "topic", "partition"],
                    set_={"next_offset": records[-1].offset + 1, "updated_at": pg_insert(consumer_offsets).excluded.updated_at},
                )
            )
        try:
            await self.consumer.commit({tp: records[-1].offset + 1})
        except Exception as exc:  # noqa: BLE001 — PostgreSQL holds the truth; Kafka's copy can lag
            log.warning("kafka_commit_failed", topic=tp.topic, partition=tp.partition, error=repr(exc))
        handled = [event for (_, event), outcome in zip(todo, handled_outcomes, strict=True) if outcome == "handled"]
        self._record_metrics(tp.topic, outcomes, handled, (time.perf_counter() - started) / len(records))

    def _record_metrics(self, topic: str, outcomes: list[str], handled: list[Event], per_message: float) -> None:
        for outcome in outcomes:
            metrics.messages_consumed.labels(self.group_id, topic, outcome).inc()
            metrics.message_processing_seconds.labels(self.group_id, topic).observe(per_message)
        committed_at = datetime.now(UTC)
        for event in handled:
            delay = (committed_at - event.time).total_seconds()
            metrics.message_delay_seconds.labels(self.group_id, topic).observe(max(delay, 0.0))

    async def _stored_offset(self, uow: UnitOfWork, tp: TopicPartition) -> int | None:
        result = await uow.conn.execute(
            select(consumer_offsets.c.next_offset)
            .where(
                consumer_offsets.c.group_id == self.group_id,
                consumer_offsets.c.topic == tp.topic,
                consumer_offsets.c.partition == tp.partition,
            )
            .with_for_update()
        )
        return result.scalar_one_or_none()

    async def _first_seen(
        self, uow: UnitOfWork, decoded: list[tuple[ConsumerRecord, Event]]
    ) -> list[tuple[ConsumerRecord, Event]]:
        """Record the batch's event ids in the inbox in one statement; keep the ones not seen before."""
        if not decoded:
            return []
        result = await uow.conn.execute(
            pg_insert(inbox)
            .values([{"group_id": self.group_id, "event_id": event.id} for _, event in decoded])
            .on_conflict_do_nothing()
            .returning(inbox.c.event_id)
        )
        new_ids = {row[0] for row in result}
        todo = []
        for record, event in decoded:
            if event.id in new_ids:
                new_ids.discard(event.id)  # a copy later in the same batch is a duplicate
                todo.append((record, event))
        return todo

    def _must_raise(self, exc: BaseException, redo_conflicts: bool) -> bool:
        return is_transient(exc) or (redo_conflicts and is_conflict(exc))

    async def _handle_all(
        self, uow: UnitOfWork, todo: list[tuple[ConsumerRecord, Event]], redo_conflicts: bool
    ) -> list[str]:
        """Handle the batch under one savepoint; if a message fails, redo it one savepoint each."""
        if not todo:
            return []
        savepoint = await uow.conn.begin_nested()
        mark = uow.mark()
        try:
            for _, event in todo:
                bind_context(correlation_id=event.correlation_id, event_id=event.id)
                await self.handler(uow, event)
            await savepoint.commit()
            return ["handled"] * len(todo)
        except Exception as exc:
            if self._must_raise(exc, redo_conflicts):
                raise
            await savepoint.rollback()
            uow.forget_since(mark)
        return [await self._handle_alone(uow, record, event, redo_conflicts) for record, event in todo]

    async def _handle_alone(self, uow: UnitOfWork, record: ConsumerRecord, event: Event, redo_conflicts: bool) -> str:
        bind_context(correlation_id=event.correlation_id, event_id=event.id)
        error: Exception | None = None
        for _ in range(self.max_attempts):
            savepoint = await uow.conn.begin_nested()
            mark = uow.mark()
            try:
                await self.handler(uow, event)
                await savepoint.commit()
                return "handled"
            except Exception as exc:
                if self._must_raise(exc, redo_conflicts):
                    raise
                await savepoint.rollback()
                uow.forget_since(mark)
                error = exc
        assert error is not None
        await self._dead_letter(record, error)
        return "dead_lettered"

    async def _dead_letter(self, record: ConsumerRecord, error: Exception) -> None:
        log.error("dead_lettered", topic=record.topic, partition=record.partition, offset=record.offset, error=repr(error))
        detail = "".join(traceback.format_exception_only(error)).strip()[:2000]
        headers = list(record.headers or []) + [
            ("sitrep_error", detail.encode()),
            ("sitrep_original_topic", record.topic.encode()),
            ("sitrep_original_partition", str(record.partition).encode()),
            ("sitrep_original_offset", str(record.offset).encode()),
            ("sitrep_consumer_group", self.group_id.encode()),
        ]
        await self.producer.send_raw(dead_letter_topic(record.topic), record.value, record.key, headers)
        metrics.dead_letters.labels(self.group_id, record.topic).inc()

    async def _prune_inbox(self) -> None:
        """Forget handled event ids long after any copy of them could still arrive."""
        if time.monotonic() < self._next_prune:
            return
        self._next_prune = time.monotonic() + 600
        try:
            async with self.db.engine.begin() as conn:
                await conn.execute(
                    delete(inbox).where(
                        inbox.c.group_id == self.group_id,
                        inbox.c.processed_at < datetime.now(UTC) - self.inbox_retention,
                    )
                )
        except Exception as exc:  # noqa: BLE001 — pruning can wait for the next round
            log.warning("inbox_prune_failed", error=repr(exc))

    async def _export_lag(self) -> None:
        for tp in self.consumer.assignment():
            highwater = self.consumer.highwater(tp)
            if highwater is None:
                continue
            position = await self.consumer.position(tp)
            metrics.consumer_lag.labels(self.group_id, tp.topic, str(tp.partition)).set(max(highwater - position, 0))
