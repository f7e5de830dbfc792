"""The event envelope: CloudEvents 1.0 attributes plus stream, version and tracing ids.

An event is an immutable fact. `stream_id`/`stream_version` place it in its stream (optimistic
concurrency); `position` is its place in the global log once stored. `correlation_id` is shared by
every event that descends from one fetch, `causation_id` names the event that caused this one, so
one story can be traced from the fetch to the webhook.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson

from shared.ids import new_id

SPEC_VERSION = "1.0"


class EventDecodeError(ValueError):
    """A message that is not a well-formed sitrep event."""


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    data: dict[str, Any]
    stream_id: str
    source: str
    version: int = 1
    subject: str | None = None
    id: str = field(default_factory=new_id)
    time: datetime = field(default_factory=_now)
    correlation_id: str | None = None
    causation_id: str | None = None
    stream_version: int | None = None
    position: int | None = None

    def __post_init__(self) -> None:
        if self.correlation_id is None:
            object.__setattr__(self, "correlation_id", self.id)

    @classmethod
    def new(
        cls,
        payload: Any,
        *,
        stream_id: str,
        source: str,
        subject: str | None = None,
        caused_by: Event | None = None,
    ) -> Event:
        """Build an event from a registered payload model; `caused_by` carries the trace ids on."""
        return cls(
            type=payload.event_type,
            version=payload.event_version,
            data=payload.model_dump(mode="json"),
            stream_id=stream_id,
            source=source,
            subject=subject,
            correlation_id=caused_by.correlation_id if caused_by else None,
            causation_id=caused_by.id if caused_by else None,
        )

    def replace(self, **changes: Any) -> Event:
        return dataclasses.replace(self, **changes)

    def payload(self) -> Any:
        """The data parsed into its registered, typed model."""
        from shared.events.registry import payload_model

        return payload_model(self.type, self.version).model_validate(self.data)

    def to_cloudevent(self) -> dict[str, Any]:
        ce: dict[str, Any] = {
            "specversion": SPEC_VERSION,
            "id": self.id,
            "source": self.source,
            "type": self.type,
            "time": self.time.isoformat(),
            "datacontenttype": "application/json",
            "dataversion": self.version,
            "streamid": self.stream_id,
            "correlationid": self.correlation_id,
            "data": self.data,
        }
        if self.subject is not None:
            ce["subject"] = self.subject
        if self.causation_id is not None:
            ce["causationid"] = self.causation_id
        if self.stream_version is not None:
            ce["streamversion"] = self.stream_version
        if self.position is not None:
            ce["sequence"] = self.position
        return ce

    def to_json(self) -> bytes:
        return orjson.dumps(self.to_cloudevent())

    @classmethod
    def from_cloudevent(cls, ce: dict[str, Any]) -> Event:
        try:
            if ce.get("specversion") != SPEC_VERSION:
                raise EventDecodeError(f"unsupported specversion {ce.get('specversion')!r}")
            data = ce["data"]
            if not isinstance(data, dict):
                raise EventDecodeError("data must be a JSON object")
            return cls(
                type=str(ce["type"]),
                version=int(ce.get("dataversion", 1)),
                data=data,
                stream_id=str(ce["streamid"]),
                source=str(ce["source"]),
                subject=ce.get("subject"),
                id=str(ce["id"]),
                time=datetime.fromisoformat(ce["time"]),
                correlation_id=ce.get("correlationid"),
                causation_id=ce.get("causationid"),
                stream_version=ce.get("streamversion"),
                position=ce.get("sequence"),
            )
        except EventDecodeError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise EventDecodeError(f"malformed event: {exc!r}") from exc

    @classmethod
    def from_json(cls, raw: bytes | None) -> Event:
        if raw is None:
            raise EventDecodeError("empty message")
        try:
            ce = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise EventDecodeError(f"not JSON: {exc}") from exc
        if not isinstance(ce, dict):
            raise EventDecodeError("an event must be a JSON object")
        return cls.from_cloudevent(ce)
