"""The webhook payload, version 1 (documented in WEBHOOKS.md). Pure: built from the claim event
and what the projections know of its story, frozen when the alert is queued."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from shared.events import Event
from shared.events.claims import ClaimObserved
from shared.webhooks.message import PAYLOAD_VERSION


def _iso(value: datetime | str | None) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else value


def claim_payload(
    *, claim_event: Event, observed: ClaimObserved, story: dict[str, Any], previous: dict[str, Any] | None,
    ids: dict[str, str], api_url: str, incident: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """`story`: story_id, title, url, first_seen_at, sources[]; `previous`: the claim it refers to;
    `incident`: incident_id, title, story_count, first_reported_at of the story's incident."""
    claim, evidence = observed.claim, observed.evidence
    api = api_url.rstrip("/")
    return {
        "type": "claim.observed",
        "version": PAYLOAD_VERSION,
        "timestamp": _iso(claim_event.time),
        "data": {
            "claim": {"id": observed.claim_id, **claim.model_dump(mode="json")},
            "novelty": {
                "kind": observed.novelty,
                "refers_to": observed.refers_to,
                "previous": previous,
            },
            "evidence": {
                "sentence": evidence.sentence,
                "start": evidence.start,
                "end": evidence.end,
                "title": evidence.title,
                "language": evidence.language,
                "source_id": evidence.source_id,
                "source_owner": evidence.source_owner,
                "source_official": evidence.source_official,
                "source_country": evidence.source_country,
                "url": evidence.source_url,
                "published_at": _iso(evidence.published_at),
            },
            "story": {
                "id": story["story_id"],
                "title": story.get("title"),
                "url": story.get("url"),
                "first_seen_at": _iso(story.get("first_seen_at")),
                "sources": [
                    {k: _iso(v) for k, v in source.items()} for source in story.get("sources", [])
                ],
            },
            "incident": None if incident is None else {
                "id": incident["incident_id"],
                "title": incident.get("title"),
                "story_count": incident.get("story_count"),
                "first_reported_at": _iso(incident.get("first_reported_at")),
            },
            "ids": {
                "claim_id": observed.claim_id,
                "claim_event_id": claim_event.id,
                "story_id": evidence.story_id,
                "incident_id": incident["incident_id"] if incident else None,
                "item_event_id": evidence.item_event_id,
                **ids,
            },
            "links": {
                "claim": f"{api}/claims/{observed.claim_id}",
                "story": f"{api}/stories/{evidence.story_id}",
                "incident": f"{api}/incidents/{incident['incident_id']}" if incident else None,
                "event": f"{api}/events/{claim_event.id}",
                "delivery": f"{api}/deliveries/{ids['delivery_id']}",
            },
        },
    }
