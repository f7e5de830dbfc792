"""Stories as the API shows them: one event seen by one or more outlets."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from services.api.claims.schemas import SUMMARY_EXAMPLE as CLAIM_EXAMPLE
from services.api.claims.schemas import ClaimSummary
from services.api.exports import Format
from services.api.fields import Text, Time
from services.api.pagination import Page

SUMMARY_EXAMPLE = {
    "story_id": "01927b9e-7000-7000-8000-00000000abcd",
    "title": "Nagorno-Karabakh says four helicopters downed",
    "url": "https://news.example/karabakh-helicopters",
    "language": "en",
    "first_seen_at": "2020-09-27T08:20:00Z",
    "earliest_published_at": "2020-09-27T08:05:00Z",
    "updated_at": "2020-09-27T09:00:00Z",
    "item_count": 3,
    "corroboration_count": 2,
    "incident_id": "01927b9e-7000-7000-8000-00000000beef",
}
ITEM_EXAMPLE = {
    "item_event_id": "01927b9e-7000-7000-8000-0000000000a1",
    "source_id": "01927b9e-6a3b-7000-8000-000000000001",
    "source_owner": "Armenian Ministry of Defence",
    "source_country": "AM",
    "url": "https://news.example/karabakh-helicopters",
    "title": "Nagorno-Karabakh says four helicopters downed",
    "published_at": "2020-09-27T08:05:00Z",
    "merged_at": "2020-09-27T08:20:00Z",
    "method": None,
    "similarity": None,
}
SOURCE_EXAMPLE = {
    "source_id": "01927b9e-6a3b-7000-8000-000000000001",
    "owner": "Armenian Ministry of Defence",
    "country": "AM",
    "title": "MoD Armenia",
    "url": "https://mod.example/rss",
    "official": True,
    "item_count": 1,
    "first_published_at": "2020-09-27T08:05:00Z",
}


class StorySummary(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [SUMMARY_EXAMPLE]})

    story_id: str
    title: str
    url: str | None
    language: str | None
    first_seen_at: datetime = Field(description="When sitrep first saw the story.")
    earliest_published_at: datetime = Field(description="The earliest publication time among its items.")
    updated_at: datetime
    item_count: int
    corroboration_count: int = Field(description="Distinct sources that carried the story.")
    incident_id: str | None = Field(None, description="The incident the story reports (`/v1/incidents/{id}`).")


class StoryItem(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [ITEM_EXAMPLE]})

    item_event_id: str
    source_id: str
    source_owner: str | None
    source_country: str | None
    url: str | None
    title: str
    published_at: datetime
    merged_at: datetime
    method: str | None = Field(description="How the item was matched to the story; null for the first item.")
    similarity: float | None


class StorySource(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [SOURCE_EXAMPLE]})

    source_id: str
    owner: str | None
    country: str | None
    title: str | None = Field(description="The feed's title, if the source is still registered.")
    url: str | None = Field(description="The feed's URL, if the source is still registered.")
    official: bool | None
    item_count: int
    first_published_at: datetime


class StoryDetail(StorySummary):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {**SUMMARY_EXAMPLE, "items": [ITEM_EXAMPLE], "sources": [SOURCE_EXAMPLE], "claims": [CLAIM_EXAMPLE]}
            ]
        }
    )

    items: list[StoryItem]
    sources: list[StorySource]
    claims: list[ClaimSummary] = Field(description="Claims read in the story's items, first observed first.")


class StoryPage(Page[StorySummary]):
    model_config = ConfigDict(json_schema_extra={"examples": [{"data": [SUMMARY_EXAMPLE], "next": None}]})


class StoryFilters(BaseModel):
    since: Time | None = Field(
        None, description="First seen at or after this instant.", examples=["2020-09-27T00:00:00Z"]
    )
    until: Time | None = Field(None, description="First seen before this instant.", examples=["2020-10-01T00:00:00Z"])
    source: Text(200, description="Carried by this source (feed id).") | None = None
    country: (
        Text(10, description="Carried by a source from this country (ISO 3166-1 alpha-2).", examples=["AM"]) | None
    ) = None
    language: Text(35, description="Written in this language.", examples=["en"]) | None = None
    q: (
        Text(200, min_length=1, description="Words in the title (case-insensitive substring).", examples=["helicopter"])
        | None
    ) = None


class StoryListQuery(StoryFilters):
    cursor: Text(512, description="The `next` cursor of the previous page.") | None = None
    limit: int = Field(50, ge=1, le=500, description="Page size.")
    format: Format = Field(
        Format.json, description="`csv` or `ndjson` stream every matching story instead of one page."
    )


CSV_COLUMNS = tuple(StorySummary.model_fields)
