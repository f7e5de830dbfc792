"""The incident index in PostgreSQL, shared by every dedupe instance (tables: `tables.py`).

Race safety as for stories: ``lock`` takes a transaction-scoped advisory lock on each of the
story's lookup keys, sorted. Two stories of one incident share keys — that is how either finds
the other — so the second waits for the first's commit, then finds its incident and joins it.
Everything runs on the caller's connection, in the caller's transaction.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import bindparam, delete, func, select, text, update
from sqlalchemy.dialects.postgresql import JSONB, insert
from sqlalchemy.ext.asyncio import AsyncConnection

from services.dedupe.incidents.decision import Profile
from services.dedupe.incidents.memory import MAX_POSTINGS_SCAN
from services.dedupe.incidents.report import Report
from services.dedupe.incidents.tables import (
    INCIDENT_TABLES,
    dedupe_incident,
    dedupe_incident_day,
    dedupe_incident_df,
    dedupe_incident_key,
    dedupe_incident_story,
)
from services.dedupe.incidents.weights import Rarity, window_days
from services.dedupe.similarity.hashing import text_digest
from shared.schema import metadata

_LOCK = text("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(CAST(:keys AS bigint[])) AS k")
_CANDIDATES = text(
    f"""
    WITH best AS (
    SELECT live.incident_id, sum(live.weight) AS shared FROM (
        SELECT DISTINCT k.key, k.weight, coalesce(i.merged_into, i.incident_id) AS incident_id
        FROM unnest(CAST(:keys AS bigint[]), CAST(:weights AS float8[])) AS k(key, weight)
        CROSS JOIN LATERAL (
            SELECT p.incident_id FROM dedupe_incident_key p
            WHERE p.key = k.key AND p.time BETWEEN :lo AND :hi
            ORDER BY p.time DESC LIMIT {MAX_POSTINGS_SCAN}
        ) AS hit
        JOIN dedupe_incident i ON i.incident_id = hit.incident_id
    ) AS live
    GROUP BY live.incident_id ORDER BY shared DESC, live.incident_id LIMIT :limit
    )
    SELECT {", ".join("i." + c.name for c in dedupe_incident.c)}
    FROM best JOIN dedupe_incident i ON i.incident_id = best.incident_id AND i.merged_into IS NULL
    ORDER BY i.incident_id
    """
).columns(*dedupe_incident.c)
"""The profiles of the incidents filed under the most weight of the story's keys (a merged one
counts as the one that absorbed it)."""
_COUNTS = text(
    """
    SELECT k.key, s.stories FROM unnest(CAST(:keys AS bigint[])) AS k(key)
    CROSS JOIN LATERAL (
        SELECT sum(d.stories) AS stories FROM dedupe_incident_df d
        WHERE d.key = k.key AND d.day = ANY(CAST(:days AS date[]))
    ) AS s
    WHERE s.stories IS NOT NULL
    UNION ALL
    SELECT NULL, sum(stories) FROM dedupe_incident_day WHERE day = ANY(CAST(:days AS date[]))
    """
)
"""Stories per key in the window, one primary-key lookup per key (the table grows faster than
its statistics in a burst, and a scan of it would cost more with every story), and the row with
no key: every story in the window."""
_COUNT = text(
    """
    WITH story AS (
        INSERT INTO dedupe_incident_day (day, stories) VALUES (:day, 1)
        ON CONFLICT (day) DO UPDATE SET stories = dedupe_incident_day.stories + 1
    )
    INSERT INTO dedupe_incident_df (key, day, stories)
    SELECT k, :day, 1 FROM unnest(CAST(:keys AS bigint[])) AS k
    ON CONFLICT (key, day) DO UPDATE SET stories = dedupe_incident_df.stories + 1
    """
)

_FILE_STORY = text(
    """
    WITH incident AS (
        INSERT INTO dedupe_incident (incident_id, profile, languages, follow_ups, first_time, last_time, story_count)
        VALUES (:incident_id, :profile, :languages, :follow_ups, :first_time, :last_time, :story_count)
        ON CONFLICT (incident_id) DO UPDATE SET profile = excluded.profile, languages = excluded.languages,
            follow_ups = excluded.follow_ups, first_time = excluded.first_time, last_time = excluded.last_time,
            story_count = excluded.story_count
    ), posting AS (
        INSERT INTO dedupe_incident_key (key, time, incident_id)
        SELECT k, :time, :incident_id FROM unnest(CAST(:keys AS bigint[])) AS k
        ON CONFLICT DO NOTHING
    ), story AS (
        INSERT INTO dedupe_incident_story (story_id, incident_id, report, time)
        VALUES (:story_id, :incident_id, :report, :time)
        ON CONFLICT (story_id) DO UPDATE SET incident_id = excluded.incident_id, report = excluded.report,
            time = excluded.time
    ), day AS (
        INSERT INTO dedupe_incident_day (day, stories) VALUES (:day, 1)
        ON CONFLICT (day) DO UPDATE SET stories = dedupe_incident_day.stories + 1
    )
    INSERT INTO dedupe_incident_df (key, day, stories)
    SELECT k, :day, 1 FROM unnest(CAST(:counted AS bigint[])) AS k
    ON CONFLICT (key, day) DO UPDATE SET stories = dedupe_incident_df.stories + 1
    """
).bindparams(*(bindparam(name, type_=JSONB) for name in ("profile", "languages", "follow_ups", "report")))
"""`save`, `place` and `count` of a new story in one round trip (each table written once)."""


def key_hash(key: str) -> int:
    return text_digest(f"incident\x00{key}")


def _report_json(report: Report) -> dict:
    return {"keys": report.keys, "time": report.time.isoformat(), "dates": sorted(report.dates),
            "language": report.language, "follow_ups": sorted(report.follow_ups)}


def _report(data: dict) -> Report:
    return Report(dict(data["keys"]), datetime.fromisoformat(data["time"]), frozenset(data["dates"]),
                  data["language"], frozenset(data["follow_ups"]))


def _profile_values(profile: Profile) -> dict:
    """The incident's row but its id; ``profile`` holds ``{key: [count, idf]}``."""
    keys_json = {k: [c, round(profile.idf.get(k, 0.0), 4)] for k, c in profile.counts.items()}
    return {"profile": keys_json, "languages": sorted(profile.languages), "follow_ups": sorted(profile.follow_ups),
            "first_time": profile.first, "last_time": profile.last, "story_count": profile.story_count}


def _profile(row) -> Profile:
    """``profile`` holds ``{key: [count, idf]}``."""
    counts = {k: v[0] for k, v in row.profile.items()}
    idf = {k: v[1] for k, v in row.profile.items()}
    return Profile(row.incident_id, counts, idf, row.first_time, row.last_time, row.story_count,
                   frozenset(row.languages), frozenset(row.follow_ups))


class PgIncidentIndex:
    """:class:`~services.dedupe.incidents.memory.IncidentIndex` on a connection in a transaction."""

    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def lock(self, keys: list[str]) -> None:
        await self._conn.execute(_LOCK, {"keys": sorted({key_hash(k) for k in keys})})

    async def rarity(self, report: Report) -> Rarity:
        days = window_days(report.time)
        hashed = {key_hash(k): k for k in report.keys}
        rows = (await self._conn.execute(_COUNTS, {"keys": list(hashed), "days": days})).all()
        counts = {hashed[r.key]: int(r.stories) for r in rows if r.key is not None}
        return Rarity(counts, sum(int(r.stories or 0) for r in rows if r.key is None))

    async def count(self, report: Report) -> None:
        day: date = report.time.date()
        await self._conn.execute(_COUNT, {"day": day, "keys": sorted({key_hash(k) for k in report.keys})})

    async def candidates(self, keys: list[str], rarity: Rarity, time: datetime, window: timedelta,
                         limit: int) -> list[Profile]:
        if not keys:
            return []
        rows = await self._conn.execute(_CANDIDATES, {
            "keys": [key_hash(k) for k in keys], "weights": [rarity.idf(k) for k in keys],
            "lo": time - window, "hi": time + window, "limit": limit,
        })
        return [_profile(r) for r in rows]

    async def profile(self, incident_id: str) -> Profile | None:
        for _ in range(8):  # follow a chain of merges
            row = (await self._conn.execute(
                select(dedupe_incident).where(dedupe_incident.c.incident_id == incident_id))).first()
            if row is None:
                return None
            if row.merged_into is None:
                return _profile(row)
            incident_id = row.merged_into
        return None

    async def save(self, profile: Profile, keys: list[str], time: datetime) -> None:
        values = _profile_values(profile)
        await self._conn.execute(
            insert(dedupe_incident).values(incident_id=profile.incident_id, **values)
            .on_conflict_do_update(index_elements=["incident_id"], set_=values)
        )
        if keys:
            await self._conn.execute(
                insert(dedupe_incident_key).on_conflict_do_nothing(),
                [{"key": key_hash(k), "time": time, "incident_id": profile.incident_id} for k in sorted(set(keys))],
            )

    async def file_story(self, profile: Profile, keys: list[str], story_id: str, report: Report) -> None:
        await self._conn.execute(_FILE_STORY, {
            "incident_id": profile.incident_id, **_profile_values(profile),
            "keys": [key_hash(k) for k in sorted(set(keys))], "time": report.time, "story_id": story_id,
            "report": _report_json(report), "day": report.time.date(),
            "counted": sorted({key_hash(k) for k in report.keys}),
        })

    async def place(self, story_id: str, incident_id: str, report: Report) -> None:
        values = {"incident_id": incident_id, "report": _report_json(report), "time": report.time}
        await self._conn.execute(
            insert(dedupe_incident_story).values(story_id=story_id, **values)
            .on_conflict_do_update(index_elements=["story_id"], set_=values)
        )

    async def story(self, story_id: str) -> tuple[str, Report] | None:
        row = (await self._conn.execute(
            select(dedupe_incident_story).where(dedupe_incident_story.c.story_id == story_id))).first()
        if row is None:
            return None
        profile = await self.profile(row.incident_id)
        return (profile.incident_id if profile else row.incident_id), _report(row.report)

    async def absorb(self, into: Profile, absorbed_id: str) -> None:
        await self._conn.execute(update(dedupe_incident).where(dedupe_incident.c.incident_id == absorbed_id)
                                 .values(merged_into=into.incident_id))
        await self._conn.execute(update(dedupe_incident).where(dedupe_incident.c.merged_into == absorbed_id)
                                 .values(merged_into=into.incident_id))
        await self._conn.execute(update(dedupe_incident_story).where(dedupe_incident_story.c.incident_id == absorbed_id)
                                 .values(incident_id=into.incident_id))

    async def prune(self, before: datetime) -> int:
        """Forget incidents whose last story is older than ``before``, their postings, stories and counts."""
        removed = (await self._conn.execute(delete(dedupe_incident).where(dedupe_incident.c.last_time < before))).rowcount
        await self._conn.execute(delete(dedupe_incident_key).where(dedupe_incident_key.c.time < before))
        await self._conn.execute(delete(dedupe_incident_story).where(dedupe_incident_story.c.time < before))
        oldest = (before - timedelta(days=len(window_days(before)))).date()
        await self._conn.execute(delete(dedupe_incident_df).where(dedupe_incident_df.c.day < oldest))
        await self._conn.execute(delete(dedupe_incident_day).where(dedupe_incident_day.c.day < oldest))
        return removed

    async def size(self) -> int:
        count = select(func.count()).select_from(dedupe_incident).where(dedupe_incident.c.merged_into.is_(None))
        return (await self._conn.execute(count)).scalar_one()


async def create_incident_tables(conn: AsyncConnection) -> None:
    await conn.run_sync(lambda sync: metadata.create_all(sync, tables=INCIDENT_TABLES))
