"""Every SQL of the Situation dashboard (panels, annotations, variable) runs on a migrated database
with claims in it, with Grafana's macros and variables put in as Grafana's PostgreSQL plugin does."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from shared.db import create_engine
from shared.readmodel.projections import all_projections
from shared.settings import Settings
from shared.unit_of_work import Database
from tests.support.api_seed import T0, add_claim
from tests.support.observability import dashboards, panels, sql_queries, variables
from tests.support.situation_seed import seed_situation

FROM, TO = T0 - timedelta(days=3), T0 + timedelta(days=10)


def _instant(at: datetime) -> str:
    return "'" + at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") + "'"


def as_grafana_sends(sql: str, conflicts: list[str]) -> str:
    """The macros of Grafana's PostgreSQL data source over [FROM, TO], and `$conflict` multi-valued."""
    sql = re.sub(r"\$__timeFilter\((\w+)\)", lambda m: f"{m[1]} BETWEEN {_instant(FROM)} AND {_instant(TO)}", sql)
    sql = re.sub(r"\$__timeGroupAlias\((\w+),\s*1d\)",
                 lambda m: f'floor(extract(epoch from {m[1]})/86400)*86400 AS "time"', sql)
    sql = sql.replace("$__timeFrom()", _instant(FROM)).replace("$__timeTo()", _instant(TO))
    sql = sql.replace("$conflict", ",".join("'" + c.replace("'", "''") + "'" for c in conflicts))
    assert "$" not in sql, sql
    return sql


@pytest.fixture
async def connection(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    db = Database(create_engine(Settings(database_url=database_url, database_pool_size=2)), all_projections())
    try:
        await seed_situation(db)
        elsewhere = {"conflict": "russia-ukraine", "context": "armed_conflict", "claimant_party": "Russia"}
        await add_claim(db, "elsewhere", T0, side="Ukraine", basis="total", category="killed", subject="soldier",
                        **elsewhere)
        await add_claim(db, "other-truce", T0, kind="ceasefire", category="agreement", subject=None, side=None,
                        claimant="African Union", parties=["Sudan", "RSF"])
    finally:
        await db.engine.dispose()
    conn = await asyncpg.connect(database_url.replace("postgresql+asyncpg://", "postgresql://"))
    yield conn
    await conn.close()


def _board() -> dict:
    return dashboards()["situation"]


async def _run(conn: asyncpg.Connection, sql: str) -> list[dict]:
    return [dict(row) for row in await conn.fetch(as_grafana_sends(sql, ["armenia-azerbaijan"]))]


async def test_the_conflict_variable_lists_the_conflict_with_most_claims_first(connection):
    [variable] = variables(_board())
    rows = await connection.fetch(variable["query"])
    assert [row[0] for row in rows] == ["armenia-azerbaijan", "russia-ukraine"]


async def test_every_situation_query_runs_and_answers(connection):
    queries = sql_queries("situation", _board())
    assert len(queries) == len(panels(_board())) + 1  # and the annotation
    for query in queries:
        assert await _run(connection, query.expr), query.where


async def test_claims_per_party_per_day(connection):
    [target] = panels(_board())[0]["targets"]
    rows = await _run(connection, target["rawSql"])
    day = int(T0.replace(hour=0, minute=0).timestamp())
    by_day = [(int(row["time"]) - day) // 86400 for row in rows]
    assert [(d, row["metric"], row["claims"]) for d, row in zip(by_day, rows, strict=True)] == [
        (0, "Azerbaijan", 1), (1, "Armenia", 1), (1, "Azerbaijan", 1), (2, "Armenia", 2)]


async def test_latest_totals_side_by_side(connection):
    [target] = panels(_board())[1]["targets"]
    [row] = await _run(connection, target["rawSql"])
    assert (row["Losses of"], row["What"], row["By themselves"], row["By the other side"], row["Other side"]) == (
        "Armenia", "killed · soldier", 40, 160, "Azerbaijan")
    assert row["Their total of"] == row["Other side's total of"] == T0 + timedelta(days=1)


async def test_ceasefire_annotations_of_the_conflict_and_its_parties_only(connection):
    [annotation] = _board()["annotations"]["list"]
    rows = await _run(connection, annotation["target"]["rawSql"])
    assert [row["tags"] for row in rows] == ["ceasefire,call", "ceasefire,violation"]
    assert rows[0]["time"] == T0 + timedelta(days=1.5)
    assert rows[0]["text"].startswith("ceasefire call — France: ")
