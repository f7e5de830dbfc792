"""Which errors make the consumer redo its batch in a new transaction: lost races with other
writers, not errors of the message nor of the infrastructure."""

from __future__ import annotations

import asyncpg.exceptions as pg
import pytest
from sqlalchemy.exc import DBAPIError

from shared.eventstore import ConcurrencyError, StreamOrderConflict
from shared.kafka.consumer import is_conflict, is_transient


def wrapped(error: Exception) -> DBAPIError:
    """As SQLAlchemy's asyncpg dialect raises it: a bare DBAPIError whose cause is asyncpg's."""
    adapted = Exception(str(error))
    adapted.__cause__ = error
    return DBAPIError("SELECT 1", None, adapted)


@pytest.mark.parametrize("error", [
    StreamOrderConflict("stream s was appended to by a transaction that began writing later"),
    ConcurrencyError("stream s is at version 3, expected 2"),
    wrapped(pg.DeadlockDetectedError("deadlock detected")),
    wrapped(pg.SerializationError("could not serialize access due to concurrent update")),
])
def test_a_lost_race_is_a_conflict(error):
    assert is_conflict(error)
    assert not is_transient(error)


@pytest.mark.parametrize("error", [
    wrapped(pg.UniqueViolationError("duplicate key value violates unique constraint")),
    wrapped(pg.CannotConnectNowError("the database system is shutting down")),
    ValueError("a message nobody can read"),
])
def test_other_errors_are_not(error):
    assert not is_conflict(error)
