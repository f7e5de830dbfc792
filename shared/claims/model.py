"""A claim found in text: a casualty or ceasefire statement, who makes it, and where it stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

Kind = Literal["casualty", "ceasefire"]
Basis = Literal["total", "increment"]
Context = Literal["armed_conflict", "terrorism", "unrest", "crime", "accident_disaster", "disease", "other"]

CASUALTY_CATEGORIES = ("killed", "wounded", "missing", "captured", "destroyed", "downed", "damaged", "casualties")
CEASEFIRE_CATEGORIES = ("call", "proposal", "agreement", "in_effect", "violation", "collapse", "rejection")
CONTEXTS = ("armed_conflict", "terrorism", "unrest", "crime", "accident_disaster", "disease", "other")


@dataclass(frozen=True, slots=True)
class Count:
    """An interval: exactly 4 is 4..4, "more than 200" is 200..None, "up to 1,300" None..1300."""

    min: int | None
    max: int | None

    def to_json(self) -> dict[str, int | None]:
        return {"min": self.min, "max": self.max}


@dataclass(frozen=True, slots=True)
class Claim:
    kind: Kind
    category: str
    subject: str | None
    count: Count | None
    approximate: bool
    side: str | None
    claimant: str | None
    parties: tuple[str, ...]
    historical: bool
    sentence: str
    start: int
    end: int
    claimant_phrase: str | None = None
    place: str | None = None
    date: date | None = None
    """The day the claimed event happened, when the text says it."""
    mediator: str | None = None
    basis: Basis | None = None
    """"total" for a running toll, "increment" for the change over a period ("40 more")."""
    reported_on: date | None = None
    """The article's date."""
    language: str | None = None
    """The language of the sentence the claim was read in (ISO 639-1)."""
    claimant_party: str | None = None
    """The belligerent the claimant speaks for ("Ministry of Defence of Ukraine" → "Ukraine")."""
    context: Context | None = None
    """What kind of violence or harm the claim is about; armed_conflict is what alerts by default."""
    conflict: str | None = None
    """For an armed-conflict claim, the conflict of the registry it belongs to ("russia-ukraine")."""

    def to_json(self) -> dict[str, Any]:
        """The fields of the command line's and the scorer's JSON, exactly."""
        return {
            "kind": self.kind,
            "category": self.category,
            "subject": self.subject,
            "count": self.count.to_json() if self.count else None,
            "approximate": self.approximate,
            "side": self.side,
            "claimant": self.claimant,
            "parties": list(self.parties),
            "historical": self.historical,
            "basis": self.basis,
            "claimant_party": self.claimant_party,
            "language": self.language,
            "context": self.context,
            "conflict": self.conflict,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }

    def to_payload(self) -> dict[str, Any]:
        """Everything known about the claim, for the `claim.observed` event."""
        payload = self.to_json()
        payload.update(
            claimant_phrase=self.claimant_phrase,
            place=self.place,
            date=self.date.isoformat() if self.date else None,
            mediator=self.mediator,
        )
        return payload
