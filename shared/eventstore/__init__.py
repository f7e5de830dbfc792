"""The append-only event log in PostgreSQL and the bookkeeping tables that follow it."""

from shared.eventstore.log_reader import LOG_START, LogCursor, LogPage
from shared.eventstore.store import (
    ANY_VERSION,
    NO_STREAM,
    ConcurrencyError,
    EventStore,
    StreamAppend,
    StreamOrderConflict,
)
from shared.eventstore.tables import consumer_offsets, events, inbox, metadata, relay_positions

__all__ = [
    "ANY_VERSION",
    "LOG_START",
    "NO_STREAM",
    "ConcurrencyError",
    "EventStore",
    "LogCursor",
    "LogPage",
    "StreamAppend",
    "StreamOrderConflict",
    "consumer_offsets",
    "events",
    "inbox",
    "metadata",
    "relay_positions",
]
