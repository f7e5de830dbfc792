"""Tallies as the API shows them: per conflict, claimant party, side and subject, the latest figure."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from services.api.claims.schemas import BasisName
from services.api.fields import Text, Time

SideName = Literal["own", "other"]

TALLY_EXAMPLE: dict[str, Any] = {
    "conflict": "armenia-azerbaijan",
    "claimant_party": "Azerbaijan",
    "side": "other",
    "suffered_by": "Armenia",
    "category": "killed",
    "subject": "soldier",
    "basis": "total",
    "count_min": 2300,
    "count_max": 2300,
    "approximate": False,
    "as_of": "2020-10-14",
    "published_at": "2020-10-14T09:00:00Z",
    "claim_id": "01927c00-0000-7000-8000-0000000000c2",
    "claimant": "Azerbaijan's Defence Ministry",
    "sentence": "The enemy has lost more than 2,300 servicemen since 27 September.",
    "source": {"source_id": "01927b9e-6a3b-7000-8000-000000000002", "owner": "MoD AZ",
               "url": "https://mod.az.example/news/1"},
    "previous": {"claim_id": "01927c00-0000-7000-8000-0000000000c1", "count_min": 2100, "count_max": 2100,
                 "published_at": "2020-10-13T09:00:00Z"},
    "change": 200,
}


class TallySource(BaseModel):
    source_id: str | None
    owner: str | None = Field(description="Who runs the source, as its registration says.")
    url: str | None = Field(description="The item the figure was read in.")


class PreviousFigure(BaseModel):
    claim_id: str
    count_min: int | None
    count_max: int | None
    published_at: datetime


class Tally(BaseModel):
    """The latest figure a party claims for one side, category and subject."""

    model_config = ConfigDict(json_schema_extra={"examples": [TALLY_EXAMPLE]})

    conflict: str
    claimant_party: str = Field(description="The belligerent whose channels claim it.")
    side: SideName = Field(description="own: the claimant's side suffered it; other: the other side did.")
    suffered_by: str = Field(description="The party that suffered it, as the claim names it.")
    category: str = Field(description="killed, wounded, captured, destroyed, downed…")
    subject: str | None
    basis: BasisName | None = Field(
        description="total: a running total; increment: the day's figure; null: a figure reported once "
        "(the latest such report stands in when the party publishes no running total)."
    )
    count_min: int | None
    count_max: int | None
    approximate: bool
    as_of: date = Field(description="The day (UTC) the figure was published.")
    published_at: datetime
    claim_id: str = Field(description="`/v1/claims/{claim_id}` has its evidence.")
    claimant: str | None
    sentence: str
    source: TallySource
    previous: PreviousFigure | None = Field(
        description="Running totals: the party's latest total of an earlier day for the same side and subject."
    )
    change: int | None = Field(
        description="Since the day before: the latest total less the previous one (lower bounds); for an "
        "increment, the increment itself; null otherwise."
    )


class TallyReport(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"data": [TALLY_EXAMPLE]}]})

    data: list[Tally] = Field(description="By conflict, claimant party, own side first, category and subject.")


class TallyQuery(BaseModel):
    conflict: Text(100, description="The conflict, exactly.", examples=["armenia-azerbaijan"]) | None = None
    party: Text(200, description="The claimant speaks for this party (case-insensitive).",
                examples=["Azerbaijan"]) | None = None
    side: SideName | None = Field(None, description="own or other losses only.")
    subject: Text(100, description="What was hit, exactly (case-insensitive).", examples=["soldier"]) | None = None
    since: Time | None = Field(None, description="Figures published at or after this instant.",
                               examples=["2020-09-27T00:00:00Z"])
    until: Time | None = Field(None, description="Figures published before this instant (a tally as it stood "
                               "then).", examples=["2020-10-01T00:00:00Z"])
