"""Feeds as the API shows and accepts them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from services.api.exports import Format
from services.api.fields import Country, HttpUrl, JsonObject, Language, Text
from services.api.pagination import Page
from shared.events.feeds import FeedKind

MAX_INTERVAL = 7 * 24 * 3600

FeedUrl = HttpUrl
Interval = Annotated[int, Field(ge=10, le=MAX_INTERVAL)]
NULLABLE = frozenset({"title", "owner", "country", "language"})

CREATE_EXAMPLE = {
    "url": "https://mod.example/rss",
    "kind": "rss",
    "title": "MoD Armenia",
    "owner": "Armenian Ministry of Defence",
    "country": "AM",
    "language": "hy",
    "official": True,
}
FETCH_STATE_EXAMPLE = {
    "last_status": "200",
    "last_error": None,
    "last_fetched_at": "2020-09-27T08:14:00Z",
    "last_success_at": "2020-09-27T08:14:00Z",
    "consecutive_failures": 0,
    "next_check_at": "2020-09-27T08:15:00Z",
    "healthy": True,
    "items_seen": 12,
    "newest_item_at": "2020-09-27T08:05:00Z",
}
FEED_EXAMPLE = {
    "feed_id": "01927b9e-6a3b-7000-8000-000000000001",
    **CREATE_EXAMPLE,
    "min_interval_s": 60,
    "max_interval_s": 3600,
    "fetch_full_text": False,
    "config": {},
    "registered_at": "2020-09-26T12:00:00Z",
    "updated_at": "2020-09-26T12:00:00Z",
    "removed_at": None,
    "version": 1,
    "fetch_state": FETCH_STATE_EXAMPLE,
}


class FeedCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [CREATE_EXAMPLE]})

    url: FeedUrl
    kind: FeedKind = "rss"
    title: Text(300) | None = None
    owner: Text(200, description="Who runs the source; the default claimant of an official channel.") | None = None
    country: Country | None = None
    language: Language | None = None
    official: bool = False
    min_interval_s: Interval = 60
    max_interval_s: Interval = 3600
    fetch_full_text: bool = False
    config: JsonObject = Field(default_factory=dict, description="Kind-specific settings, e.g. CSS selectors.")

    @model_validator(mode="after")
    def _intervals(self) -> FeedCreate:
        if self.min_interval_s > self.max_interval_s:
            raise ValueError("min_interval_s must not exceed max_interval_s")
        return self


class FeedPatch(BaseModel):
    """Only the fields present change; `title`, `owner`, `country` and `language` may be set to null."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"max_interval_s": 900, "reason": "posts more often in wartime"}]},
    )

    url: FeedUrl | None = None
    kind: FeedKind | None = None
    title: Text(300) | None = None
    owner: Text(200) | None = None
    country: Country | None = None
    language: Language | None = None
    official: bool | None = None
    min_interval_s: Interval | None = None
    max_interval_s: Interval | None = None
    fetch_full_text: bool | None = None
    config: JsonObject | None = None
    reason: Text(500, description="Why; kept in the `feed.updated` event.") | None = None

    @model_validator(mode="after")
    def _no_null_for_required(self) -> FeedPatch:
        for name in self.model_fields_set - NULLABLE - {"reason"}:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self

    def changes(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.model_fields_set - {"reason"}}


class FetchState(BaseModel):
    last_status: str | None
    last_error: str | None
    last_fetched_at: datetime | None
    last_success_at: datetime | None
    consecutive_failures: int
    next_check_at: datetime | None
    healthy: bool
    items_seen: int
    newest_item_at: datetime | None


class Feed(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [FEED_EXAMPLE]})

    feed_id: str
    url: str
    kind: str
    title: str | None
    owner: str | None
    country: str | None
    language: str | None
    official: bool
    min_interval_s: int
    max_interval_s: int
    fetch_full_text: bool
    config: dict[str, Any]
    registered_at: datetime
    updated_at: datetime
    removed_at: datetime | None = Field(description="Set once the feed is removed; its history stays in the log.")
    version: int = Field(description="Version of the feed's event stream.")
    fetch_state: FetchState | None


class FeedPage(Page[Feed]):
    model_config = ConfigDict(json_schema_extra={"examples": [{"data": [FEED_EXAMPLE], "next": None}]})


class FeedListQuery(BaseModel):
    kind: FeedKind | None = None
    country: Country | None = Field(None, examples=["AM"])
    language: Language | None = Field(None, examples=["hy"])
    official: bool | None = None
    include_removed: bool = Field(False, description="Also list removed feeds.")
    cursor: Text(512, description="The `next` cursor of the previous page.") | None = None
    limit: int = Field(100, ge=1, le=500, description="Page size.")
    format: Format = Field(Format.json, description="`csv` or `ndjson` stream every matching feed instead of one page.")


FETCH_STATE_COLUMNS = tuple(FetchState.model_fields)
CSV_COLUMNS = tuple(name for name in Feed.model_fields if name != "fetch_state") + FETCH_STATE_COLUMNS
