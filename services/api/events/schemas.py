"""The event log as the API shows it: CloudEvents 1.0 with sitrep's extension attributes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from services.api.exports import Format
from services.api.fields import MAX_POSITION, Text, Time
from services.api.pagination import Page

EXAMPLE = {
    "specversion": "1.0",
    "id": "01927b9e-6a3c-7c1e-9c4d-2f5b8e0a1d23",
    "source": "sitrep/feeds",
    "type": "feed.registered",
    "time": "2020-09-27T08:15:00Z",
    "datacontenttype": "application/json",
    "dataversion": 1,
    "streamid": "feed-01927b9e-6a3b-7000-8000-000000000001",
    "streamversion": 1,
    "sequence": 42,
    "subject": "01927b9e-6a3b-7000-8000-000000000001",
    "correlationid": "01927b9e-6a3c-7c1e-9c4d-2f5b8e0a1d23",
    "causationid": None,
    "data": {"feed_id": "01927b9e-6a3b-7000-8000-000000000001", "settings": {"url": "https://mod.example/rss"}},
}

EventType = Annotated[str, StringConstraints(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.\-]+$")]


class CloudEvent(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE]})

    specversion: str
    id: str
    source: str
    type: str
    time: datetime
    datacontenttype: str
    dataversion: int = Field(description="Version of the event type's payload schema.")
    streamid: str
    streamversion: int = Field(description="Place of the event in its stream, from 1.")
    sequence: int = Field(description="Global position in the log; increases with every event.")
    subject: str | None = None
    correlationid: str | None = None
    causationid: str | None = None
    data: dict[str, Any]


class EventPage(Page[CloudEvent]):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"data": [EXAMPLE], "next": "eyJrIjoiZXZlbnRzIiwidiI6WzQyXX0"}]}
    )


class EventFilters(BaseModel):
    type: list[EventType] = Field(
        default_factory=list,
        max_length=20,
        description="Event types to include (repeat for several).",
        examples=[["story.started", "story.item_merged"]],
    )
    stream: (
        Text(200, description="Only this stream.", examples=["feed-01927b9e-6a3b-7000-8000-000000000001"]) | None
    ) = None
    subject: (
        Text(200, description="Only events about this subject.", examples=["01927b9e-6a3b-7000-8000-000000000001"])
        | None
    ) = None
    since: Time | None = Field(
        None, description="Event time at or after this instant.", examples=["2020-09-27T00:00:00Z"]
    )
    until: Time | None = Field(None, description="Event time before this instant.", examples=["2020-10-10T00:00:00Z"])


class EventListQuery(EventFilters):
    after: int = Field(0, ge=0, le=MAX_POSITION, description="Start after this global position (`sequence`).")
    cursor: Text(512, description="The `next` cursor of the previous page.") | None = None
    limit: int = Field(100, ge=1, le=1000, description="Page size.")
    format: Format = Field(
        Format.json, description="`csv` or `ndjson` stream every matching event instead of one page."
    )


class EventStreamQuery(EventFilters):
    after: int = Field(0, ge=0, le=MAX_POSITION, description="Start after this position; `Last-Event-ID` overrides it.")


CSV_COLUMNS = (
    "sequence",
    "id",
    "type",
    "dataversion",
    "time",
    "source",
    "subject",
    "streamid",
    "streamversion",
    "correlationid",
    "causationid",
    "data",
)
