"""The log's lock: shared by writers, exclusive for a replay.

Ordering no longer needs it (see `store.py`): writers take it shared, so they run side by side,
and a replay takes it exclusively, so it sees a still log and writers wait until the rebuilt
projections commit. Writers take it before any other lock they need (`UnitOfWork.lock()`), which
keeps one order of locks everywhere.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

APPEND_LOCK_KEY = 0x5173_7265_7001  # "sitrep" log lock
_SHARED_BY = "sitrep_append_lock_transaction"
_EXCLUSIVE_BY = "sitrep_exclusive_log_lock_transaction"


async def _once_per_transaction(conn: AsyncConnection, marker: str, statement: str) -> None:
    transaction = conn.get_transaction()
    if conn.info.get(marker) is transaction:
        return
    await conn.execute(text(statement), {"k": APPEND_LOCK_KEY})
    conn.info[marker] = transaction


async def take_append_lock(conn: AsyncConnection) -> None:
    """Take the log's lock shared, once per transaction (savepoints included)."""
    await _once_per_transaction(conn, _SHARED_BY, "SELECT pg_advisory_xact_lock_shared(:k)")


async def lock_log_exclusively(conn: AsyncConnection) -> None:
    """Wait for every writer to finish and keep new ones out until this transaction ends."""
    await _once_per_transaction(conn, _EXCLUSIVE_BY, "SELECT pg_advisory_xact_lock(:k)")
