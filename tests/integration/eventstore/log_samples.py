"""Events for the event store's tests."""

from __future__ import annotations

from shared.events import Event


def happened(n: int, stream_id: str = "") -> Event:
    return Event(type="test.happened", data={"n": n}, stream_id=stream_id, source="test")
