"""Typed, versioned event payloads and the registry that maps (type, version) to them."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

_REGISTRY: dict[tuple[str, int], type[EventPayload]] = {}


class UnknownEventType(LookupError):
    """An event type or version this code does not know."""


class EventPayload(BaseModel):
    """Base of every payload. Subclasses set `event_type` and `event_version` and are registered."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    event_type: ClassVar[str]
    event_version: ClassVar[int] = 1

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "event_type" in cls.__dict__:
            key = (cls.event_type, cls.event_version)
            if key in _REGISTRY and _REGISTRY[key].__qualname__ != cls.__qualname__:
                raise RuntimeError(f"event {key} registered twice")
            _REGISTRY[key] = cls


def payload_model(event_type: str, version: int) -> type[EventPayload]:
    _load_catalog()
    try:
        return _REGISTRY[(event_type, version)]
    except KeyError:
        raise UnknownEventType(f"unknown event {event_type} v{version}") from None


def registered_types() -> list[tuple[str, int]]:
    _load_catalog()
    return sorted(_REGISTRY)


def _load_catalog() -> None:
    import shared.events.catalog  # noqa: F401  (registers every payload)
