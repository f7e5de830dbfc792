"""Which errors make the consumer retry its batch (the database or broker is away) rather than
dead-letter the message."""

from __future__ import annotations

import asyncpg.exceptions as pg
import pytest
from sqlalchemy.exc import DBAPIError

from shared.kafka.consumer import is_transient


def wrapped(error: Exception) -> DBAPIError:
    """As SQLAlchemy's asyncpg dialect raises it: a bare DBAPIError whose cause is asyncpg's."""
    adapted = Exception(str(error))
    adapted.__cause__ = error
    return DBAPIError("SELECT 1", None, adapted)


@pytest.mark.parametrize("error", [
    pg.CannotConnectNowError("the database system is shutting down"),
    pg.CannotConnectNowError("the database system is starting up"),
    pg.AdminShutdownError("terminating connection due to administrator command"),
    pg.ConnectionDoesNotExistError("connection was closed in the middle of operation"),
    pg.TooManyConnectionsError("sorry, too many clients already"),
])
def test_a_database_that_is_away_is_transient(error):
    assert is_transient(wrapped(error))


@pytest.mark.parametrize("error", [
    pg.UniqueViolationError("duplicate key value violates unique constraint"),
    pg.CharacterNotInRepertoireError("invalid byte sequence for encoding"),
    ValueError("a message nobody can read"),
])
def test_an_error_of_the_message_is_not(error):
    assert not is_transient(wrapped(error))
    assert not is_transient(error)
