"""The story index in PostgreSQL, shared by every dedupe instance.

Tables: `services/dedupe/index/tables.py`.

Race safety: ``lock`` takes a transaction-scoped advisory lock on every key
the item is filed under (in sorted order, so two instances never deadlock).
Two copies of one story share at least one key — that is how either finds the
other — so the second waits until the first commits, then sees its rows and
joins its story. Unrelated items share no key and never wait on each other.
Everything runs on the caller's connection, inside the caller's transaction,
together with the events and consumer offsets written for the same item.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from services.dedupe.decision import Candidates, Entry
from services.dedupe.fingerprint import Fingerprint
from services.dedupe.index.memory import MAX_BUCKET_SCAN, index_keys, title_filings, title_lookup
from services.dedupe.index.tables import (
    EXACT_KINDS,
    INDEX_TABLES,
    dedupe_band,
    dedupe_entry,
    dedupe_exact,
    dedupe_story_fact,
)
from services.dedupe.index.host_lines import forget_rare_lines
from services.dedupe.similarity.minhash import from_bytes, to_bytes
from shared.schema import metadata

_LOCK = text("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(CAST(:keys AS bigint[])) AS k")
"""The keys arrive sorted and a function scan yields them in array order."""
_EXACT = text(
    """
    SELECT x.kind, x.story_id, x.time, x.source_key FROM dedupe_exact x
    JOIN unnest(CAST(:kinds AS text[]), CAST(:keys AS bigint[])) AS w(kind, key)
      ON x.kind = w.kind AND x.key = w.key
    """
)
_NEAR = text(
    f"""
    SELECT DISTINCT e.entry_id, e.story_id, e.signature, e.lead_signature, e.size, e.simhash,
           e.anchored, e.title_key
    FROM unnest(CAST(:nos AS smallint[]), CAST(:hashes AS bigint[])) AS k(no, h)
    CROSS JOIN LATERAL (
        SELECT b.entry_id FROM dedupe_band b
        WHERE b.band_no = k.no AND b.band_hash = k.h AND b.time BETWEEN :lo AND :hi
        ORDER BY b.time DESC LIMIT {MAX_BUCKET_SCAN}
    ) AS hit
    JOIN dedupe_entry e ON e.entry_id = hit.entry_id
    ORDER BY e.entry_id
    """
)


def lock_keys(fp: Fingerprint) -> list[int]:
    """The advisory-lock keys of ``fp``, sorted: its band keys and exact keys."""
    keys = {hash_key for _, hash_key in index_keys(fp)}
    keys.update(k for k in (fp.item_key, fp.url_key, fp.text_key, fp.title_key) if k is not None)
    return sorted(keys)


class PgStoryIndex:
    """:class:`~services.dedupe.index.memory.StoryIndex` on an ``AsyncConnection`` in a transaction."""

    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def lock(self, fp: Fingerprint) -> None:
        await self._conn.execute(_LOCK, {"keys": lock_keys(fp)})

    async def candidates(self, fp: Fingerprint, window: timedelta) -> Candidates:
        lo, hi = fp.time - window, fp.time + window
        exact = await self._exact(fp, lo, hi)
        keys = index_keys(fp)
        rows = (
            await self._conn.execute(
                _NEAR,
                {"nos": [n for n, _ in keys], "hashes": [h for _, h in keys], "lo": lo, "hi": hi},
            )
        ).all() if keys else []
        near = [
            Entry(
                r.story_id, from_bytes(r.signature), r.size, r.simhash,
                from_bytes(r.lead_signature) if r.lead_signature is not None else None,
                r.anchored, r.title_key,
            )
            for r in rows
        ]
        return Candidates(
            repeat_of=exact.get("item"),
            same_url=exact.get("url"),
            same_text=exact.get("text"),
            same_title=exact.get("title") or exact.get("headline"),
            near=near,
            story_facts=await self._facts(sorted({e.story_id for e in near})),
        )

    async def add(self, story_id: str, fp: Fingerprint) -> None:
        entry_id = (
            await self._conn.execute(
                insert(dedupe_entry)
                .values(
                    item_key=fp.item_key, story_id=story_id, signature=to_bytes(fp.signature),
                    lead_signature=to_bytes(fp.lead_signature) if fp.lead_signature is not None else None,
                    size=fp.size, simhash=fp.simhash, time=fp.time, anchored=fp.anchored, title_key=fp.title_key,
                )
                .on_conflict_do_nothing(index_elements=["item_key"])
                .returning(dedupe_entry.c.entry_id)
            )
        ).scalar_one_or_none()
        if entry_id is None:
            return
        keys = index_keys(fp)
        if keys:
            await self._conn.execute(
                insert(dedupe_band).on_conflict_do_nothing(),
                [{"band_no": n, "band_hash": h, "time": fp.time, "entry_id": entry_id} for n, h in keys],
            )
        exact = [(kind, key) for kind, key in zip(EXACT_KINDS, (fp.item_key, fp.url_key, fp.text_key))
                 if key is not None]
        exact += [(kind, fp.title_key) for kind in title_filings(fp)]
        await self._conn.execute(
            insert(dedupe_exact).on_conflict_do_nothing(),
            [{"kind": kind, "key": key, "story_id": story_id, "time": fp.time, "source_key": fp.source_key}
             for kind, key in exact],
        )
        if fp.facts:
            await self._conn.execute(
                insert(dedupe_story_fact).on_conflict_do_nothing(),
                [{"story_id": story_id, "fact": fact} for fact in sorted(fp.facts)],
            )

    async def prune(self, before: datetime) -> int:
        """Forget entries whose item time is before ``before`` (item keys stay)."""
        return await self._forget("time", before)

    async def prune_filed(self, before: datetime) -> int:
        """Forget entries filed before ``before``, however old their items: the running service's
        retention, so copies of an old article that arrive together still meet. A host's line
        seen too rarely to be boilerplate is forgotten then too."""
        await forget_rare_lines(self._conn, before)
        return await self._forget("filed_at", before)

    async def _forget(self, column: str, before: datetime) -> int:
        removed = (
            await self._conn.execute(delete(dedupe_entry).where(dedupe_entry.c[column] < before))
        ).rowcount
        await self._conn.execute(
            delete(dedupe_exact).where(dedupe_exact.c.kind != "item", dedupe_exact.c[column] < before)
        )
        live = select(dedupe_entry.c.entry_id).where(dedupe_entry.c.story_id == dedupe_story_fact.c.story_id)
        await self._conn.execute(delete(dedupe_story_fact).where(~live.exists()))
        return removed

    async def size(self) -> int:
        return (await self._conn.execute(select(func.count()).select_from(dedupe_entry))).scalar_one()

    async def stories(self) -> int:
        """Stories with at least one live entry."""
        count = select(func.count(func.distinct(dedupe_entry.c.story_id)))
        return (await self._conn.execute(count)).scalar_one()

    async def _exact(self, fp: Fingerprint, lo: datetime, hi: datetime) -> dict[str, str]:
        wanted = [(kind, key) for kind, key in zip(EXACT_KINDS, (fp.item_key, fp.url_key, fp.text_key))
                  if key is not None]
        if (table := title_lookup(fp)) is not None:
            wanted.append((table, fp.title_key))
        rows = await self._conn.execute(
            _EXACT, {"kinds": [k for k, _ in wanted], "keys": [v for _, v in wanted]}
        )
        return {
            r.kind: r.story_id for r in rows
            if r.kind == "item" or (lo <= r.time <= hi and (r.kind in EXACT_KINDS or r.source_key != fp.source_key))
        }

    async def _facts(self, story_ids: list[str]) -> dict[str, frozenset[str]]:
        if not story_ids:
            return {}
        rows = await self._conn.execute(
            select(dedupe_story_fact.c.story_id, dedupe_story_fact.c.fact).where(
                dedupe_story_fact.c.story_id.in_(story_ids)
            )
        )
        facts: dict[str, set[str]] = {s: set() for s in story_ids}
        for story_id, fact in rows:
            facts[story_id].add(fact)
        return {s: frozenset(f) for s, f in facts.items()}


async def create_tables(conn: AsyncConnection) -> None:
    """The story index's tables and the incident index's (tests and benchmarks; the service migrates)."""
    from services.dedupe.incidents.tables import INCIDENT_TABLES

    await conn.run_sync(lambda sync: metadata.create_all(sync, tables=INDEX_TABLES + INCIDENT_TABLES))
