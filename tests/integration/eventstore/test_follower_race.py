"""Many writers race two followers of the log: short and long transactions, some rolled back,
several streams each, many appending to the same streams. Every committed event must be seen
exactly once, none rolled back, each stream in its order, by a follower keeping a cursor (as the
relays do) and by one keeping a position (as the API's live stream does)."""

from __future__ import annotations

import asyncio
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import text

from shared.events import Event
from shared.eventstore import LOG_START, EventStore, StreamAppend
from shared.kafka.consumer import is_conflict
from shared.unit_of_work import Database
from tests.integration.eventstore.log_samples import happened

WRITERS = 16
TRANSACTIONS = 20
SHARED_STREAMS = ("shared-0", "shared-1", "shared-2")
SHAPES = ("short", "short", "long", "long", "rolled back", "many streams")
store = EventStore()


class RollBack(Exception):
    pass


@dataclass
class Tally:
    committed: set[str] = field(default_factory=set)
    rolled_back: set[str] = field(default_factory=set)
    redone: Counter = field(default_factory=Counter)


async def one_transaction(db: Database, writer: int, number: int, shape: str, rng: random.Random) -> list[Event]:
    """Writes to a stream of its own first (so its transaction id is taken early), then to shared
    streams; a long one waits in between, so younger transactions overtake it."""
    appended: list[Event] = []
    try:
        async with db.transaction() as uow:
            await uow.lock()
            appended += await uow.record(f"own-{writer}-{rng.randrange(3)}", [happened(number)])
            if shape in ("long", "rolled back"):
                await asyncio.sleep(rng.uniform(0.01, 0.12))
            shared = rng.sample(SHARED_STREAMS, k=rng.randint(1, 2))
            if shape == "many streams":
                targets = [*shared, f"many-{writer}-{number}"]
                appended += await uow.record_streams([StreamAppend(s, [happened(number), happened(-number)]) for s in targets])
            else:
                for stream in shared:
                    appended += await uow.record(stream, [happened(number) for _ in range(rng.randint(1, 3))])
            if shape == "rolled back":
                raise RollBack
    except BaseException as exc:
        exc.add_note(f"appended before it failed: {[e.id for e in appended]}")
        exc.appended = appended  # type: ignore[attr-defined]
        raise
    return appended


async def write(db: Database, writer: int, tally: Tally) -> None:
    rng = random.Random(writer)
    for number in range(TRANSACTIONS):
        shape = rng.choice(SHAPES)
        while True:
            try:
                tally.committed.update(e.id for e in await one_transaction(db, writer, number, shape, rng))
                break
            except RollBack as exc:
                tally.rolled_back.update(e.id for e in exc.appended)
                break
            except Exception as exc:
                if not is_conflict(exc):
                    raise
                tally.rolled_back.update(e.id for e in exc.appended)
                tally.redone[type(exc).__name__] += 1


async def follow(db: Database, writers_done: asyncio.Event, by_position: bool, limit: int) -> list[Event]:
    """Reads until the writers are done and a read after that finds nothing, held back or not."""
    seen: list[Event] = []
    after = 0 if by_position else LOG_START
    while True:
        finished = writers_done.is_set()
        async with db.engine.connect() as conn:
            page = await store.read_all(conn, after=after, limit=limit)
        seen += page
        if page:
            after = page[-1].position if by_position else page.cursor
        elif finished and not page.held_back:
            return seen
        await asyncio.sleep(0.002)


def assert_stream_order(seen: list[Event]) -> None:
    versions: dict[str, list[int]] = defaultdict(list)
    for event in seen:
        versions[event.stream_id].append(event.stream_version)
    for stream, found in versions.items():
        assert found == list(range(1, len(found) + 1)), f"{stream} seen as versions {found}"


async def test_every_committed_event_is_seen_once_in_stream_order(db):
    tally = Tally()
    writers_done = asyncio.Event()
    followers = [asyncio.create_task(follow(db, writers_done, by_position, limit))
                 for by_position, limit in ((False, 7), (True, 11))]
    await asyncio.gather(*(write(db, w, tally) for w in range(WRITERS)))
    writers_done.set()
    by_cursor, by_position = await asyncio.wait_for(asyncio.gather(*followers), 120)

    async with db.engine.connect() as conn:
        logged = [r.id for r in await conn.execute(text("SELECT id::text FROM events ORDER BY transaction_id, position"))]
    assert set(logged) == tally.committed
    for seen in (by_cursor, by_position):
        ids = [e.id for e in seen]
        assert len(ids) == len(set(ids)), "an event was seen twice"
        assert not set(ids) & tally.rolled_back, "a rolled-back event was seen"
        assert ids == logged, "not every committed event was seen, in follower order"
        assert_stream_order(seen)

    # The race was real: appends overtook one another, and the order rule refused some.
    positions = [e.position for e in by_cursor]
    assert any(a > b for a, b in zip(positions, positions[1:])), "no transaction committed after a younger one"
    assert tally.redone["StreamOrderConflict"] > 0
    assert len(tally.rolled_back) > 0
