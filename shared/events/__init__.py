"""Events: the CloudEvents envelope, typed versioned payloads, and their registry."""

from shared.events.envelope import Event, EventDecodeError
from shared.events.registry import EventPayload, UnknownEventType, payload_model, registered_types

__all__ = [
    "Event",
    "EventDecodeError",
    "EventPayload",
    "UnknownEventType",
    "payload_model",
    "registered_types",
]
