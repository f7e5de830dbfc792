"""The webhook payload's schema, version 1, as WEBHOOKS.md documents it."""

from datetime import UTC, datetime

import orjson

from services.alerts.payload import claim_payload
from shared.events import Event
from shared.events.claims import ClaimFields
from shared.webhooks.message import body_of
from shared.webhooks.ping import ping_payload
from tools.observations import observation

STORY = {
    "story_id": "s1", "title": "Fighting erupts", "url": "https://news.example/a",
    "first_seen_at": datetime(2020, 9, 28, 9, tzinfo=UTC),
    "sources": [{"source_id": "feed-1", "owner": "Seed news", "country": "FR", "url": "https://news.example/a",
                 "title": "Fighting erupts", "published_at": datetime(2020, 9, 28, 9, tzinfo=UTC)}],
}
IDS = {"subscription_id": "sub1", "delivery_id": "d1", "message_id": "msg_d1"}


def build(novelty="new", previous=None):
    observed = observation(novelty)
    event = Event.new(observed, stream_id="claim-c1", source="sitrep/claims")
    return event, claim_payload(claim_event=event, observed=observed, story=STORY, previous=previous, ids=IDS,
                                api_url="https://sitrep.example/api/")


def test_payload_v1_carries_every_claim_field_novelty_evidence_story_ids_and_links():
    event, payload = build()
    assert set(payload) == {"type", "version", "timestamp", "data"}
    assert payload["type"] == "claim.observed" and payload["version"] == 1
    data = payload["data"]
    assert set(data) == {"claim", "novelty", "evidence", "story", "incident", "ids", "links"}
    assert data["incident"] is None, "a story not yet placed in an incident"
    assert set(data["claim"]) == {"id", *ClaimFields.model_fields}
    assert {"language", "claimant_party", "basis", "context", "conflict"} <= set(data["claim"])
    assert data["claim"]["count"] == {"min": 4, "max": 4} and data["claim"]["subject"] == "helicopter"
    assert data["novelty"] == {"kind": "new", "refers_to": None, "previous": None}
    assert data["evidence"]["sentence"].startswith("The head of the Nagorno-Karabakh")
    assert data["evidence"]["start"] == 0 and data["evidence"]["end"] == 120
    assert data["story"]["sources"][0]["published_at"] == "2020-09-28T09:00:00+00:00"
    assert data["ids"] == {"claim_id": "c1", "claim_event_id": event.id, "story_id": "s1", "item_event_id": "e1",
                           "incident_id": None, **IDS}
    assert data["links"]["claim"] == "https://sitrep.example/api/claims/c1"
    assert data["links"]["delivery"] == "https://sitrep.example/api/deliveries/d1"


def test_an_update_says_what_it_updates():
    previous = {"id": "c0", "count": {"min": 320, "max": 320}}
    _, payload = build("updated", previous)
    assert payload["data"]["novelty"] == {"kind": "updated", "refers_to": "c0", "previous": previous}


def test_the_body_is_json_with_sorted_keys_so_every_retry_sends_the_same_bytes():
    _, payload = build()
    body = body_of(payload)
    assert orjson.loads(body) == payload
    assert body_of(orjson.loads(body)) == body


def test_ping():
    ping = ping_payload(subscription_id="sub1", message_id="msg_1", now=datetime(2024, 1, 1, tzinfo=UTC))
    assert ping == {"type": "ping", "version": 1, "timestamp": "2024-01-01T00:00:00+00:00",
                    "data": {"subscription_id": "sub1", "message_id": "msg_1"}}
