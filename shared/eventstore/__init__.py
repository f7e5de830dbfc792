"""The append-only event log in PostgreSQL and the bookkeeping tables that follow it."""

from shared.eventstore.store import ANY_VERSION, NO_STREAM, ConcurrencyError, EventStore
from shared.eventstore.tables import consumer_offsets, events, inbox, metadata, relay_positions

__all__ = [
    "ANY_VERSION",
    "NO_STREAM",
    "ConcurrencyError",
    "EventStore",
    "consumer_offsets",
    "events",
    "inbox",
    "metadata",
    "relay_positions",
]
