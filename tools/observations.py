"""Builds `claim.observed` payloads for tests of matching, payloads and the delivery queue."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from shared.events.claims import ClaimFields, ClaimObserved, CountRange, Evidence


def observation(novelty: str = "new", evidence: dict[str, Any] | None = None, claim_id: str = "c1",
                **claim: Any) -> ClaimObserved:
    fields = {"kind": "casualty", "category": "downed", "subject": "helicopter", "count": CountRange(min=4, max=4),
              "side": "Azerbaijan", "claimant": "the head of the Nagorno-Karabakh defense agency"} | claim
    where = {
        "sentence": "The head of the Nagorno-Karabakh defense agency claimed to have shot down four Azerbaijani "
                    "helicopters, 15 drones and 10 tanks.",
        "start": 0, "end": 120, "story_id": "s1", "item_event_id": "e1", "item_stream_id": "item-1",
        "source_id": "feed-1", "source_url": "https://news.example/a", "title": "Fighting erupts in Nagorno-Karabakh",
        "language": "en", "source_country": "FR", "published_at": datetime(2020, 9, 28, tzinfo=UTC),
    } | (evidence or {})
    return ClaimObserved(
        claim_id=claim_id, novelty=novelty, identity_key=f"id:{claim_id}", series_key=f"series:{claim_id}",
        refers_to=None if novelty == "new" else "c0", claim=ClaimFields(**fields), evidence=Evidence(**where),
    )
