"""Incidents as the API shows them: one real-world event and every story that reports it."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from services.api.claims.schemas import ClaimSummary
from services.api.exports import Format
from services.api.fields import Text, Time
from services.api.pagination import Page

SUMMARY_EXAMPLE = {
    "incident_id": "01927b9e-7000-7000-8000-00000000beef",
    "title": "Missile strike on Ganja apartment block kills seven",
    "language": "en",
    "opened_at": "2020-10-11T02:10:00Z",
    "first_reported_at": "2020-10-11T01:40:00Z",
    "last_reported_at": "2020-10-11T09:30:00Z",
    "updated_at": "2020-10-11T09:31:00Z",
    "story_count": 3,
}
STORY_EXAMPLE = {
    "story_id": "01927b9e-7000-7000-8000-00000000abcd",
    "title": "Ракетный удар по Гяндже: семь погибших",
    "language": "ru",
    "url": "https://news.example/ganja",
    "reported_at": "2020-10-11T03:00:00Z",
    "joined_at": "2020-10-11T03:01:00Z",
    "score": 0.41,
    "corroboration_count": 2,
}


class IncidentSummary(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [SUMMARY_EXAMPLE]})

    incident_id: str
    title: str = Field(description="The headline of the story that opened it.")
    language: str | None
    opened_at: datetime = Field(description="When sitrep opened the incident.")
    first_reported_at: datetime = Field(description="The earliest time among its stories (publication, else seen).")
    last_reported_at: datetime
    updated_at: datetime
    story_count: int = Field(description="Stories that report it, in any language, from any outlet.")


class IncidentStory(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [STORY_EXAMPLE]})

    story_id: str
    title: str
    language: str | None
    url: str | None
    reported_at: datetime
    joined_at: datetime
    score: float | None = Field(description="How strongly it matched the incident; null for the story that opened it.")
    corroboration_count: int | None = Field(description="Distinct sources of the story.")


class IncidentDetail(IncidentSummary):
    model_config = ConfigDict(json_schema_extra={"examples": [{**SUMMARY_EXAMPLE, "stories": [STORY_EXAMPLE],
                                                               "claims": [], "merged_from": []}]})

    stories: list[IncidentStory]
    claims: list[ClaimSummary] = Field(description="Claims read in its stories, first observed first.")
    merged_from: list[str] = Field(description="Incidents merged into this one (their ids redirect here).")


class IncidentPage(Page[IncidentSummary]):
    model_config = ConfigDict(json_schema_extra={"examples": [{"data": [SUMMARY_EXAMPLE], "next": None}]})


class IncidentFilters(BaseModel):
    since: Time | None = Field(None, description="Opened at or after this instant.", examples=["2020-10-11T00:00:00Z"])
    until: Time | None = Field(None, description="Opened before this instant.", examples=["2020-10-12T00:00:00Z"])
    min_stories: int = Field(1, ge=1, le=10_000, description="Reported by at least this many stories.")
    language: Text(35, description="Opened by a story in this language.", examples=["en"]) | None = None
    q: Text(200, min_length=1, description="Words in the title (case-insensitive substring).",
            examples=["Ganja"]) | None = None


class IncidentListQuery(IncidentFilters):
    cursor: Text(512, description="The `next` cursor of the previous page.") | None = None
    limit: int = Field(50, ge=1, le=500, description="Page size.")
    format: Format = Field(Format.json, description="`csv` or `ndjson` stream every matching incident instead.")


CSV_COLUMNS = tuple(IncidentSummary.model_fields)
