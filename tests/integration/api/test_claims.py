"""`GET /v1/claims` and `GET /v1/claims/{id}` over the projections the alerts service's events build."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest

from shared.events.claims import CountRange
from tests.support.api_seed import T0, add_claim, add_feed, add_story
from tools.webhook_fixtures import subscribe

HELICOPTERS = "The head of the Nagorno-Karabakh defense agency claimed to have shot down four Azerbaijani helicopters."


@pytest.fixture
async def world(db) -> dict[str, str]:
    """Five claims over three days; the helicopters are corroborated by a second outlet in another story."""
    am = await add_feed(db, "https://mod.am.example/rss", country="AM", official=True)
    story = await add_story(db, "Four helicopters downed", [(am, "AM")], T0)
    other_story = await add_story(db, "Helicopters shot down, Karabakh says", [("wire", "FR")], T0 + timedelta(hours=1))
    official = {"story_id": story, "source_id": am, "source_official": True, "source_owner": "MoD AM",
                "source_country": "AM", "sentence": HELICOPTERS, "start": 26, "end": 26 + len(HELICOPTERS)}
    await add_claim(db, "heli", T0 + timedelta(minutes=5), evidence=official)
    await add_claim(db, "heli", T0 + timedelta(hours=1, minutes=5), novelty="corroborated", refers_to="heli",
                    evidence={"story_id": other_story, "source_id": "wire", "source_country": "FR"})
    soldiers = {"category": "killed", "subject": "soldier", "side": "Armenia",
                "claimant": "Azerbaijan's Defence Ministry", "claimant_party": "Azerbaijan", "language": "en",
                "context": "armed_conflict", "conflict": "armenia-azerbaijan"}
    await add_claim(db, "killed", T0 + timedelta(hours=2), count=CountRange(min=30, max=None), **soldiers)
    await add_claim(db, "killed-2", T0 + timedelta(days=1), novelty="updated", refers_to="killed",
                    count=CountRange(min=45, max=45), basis="total", **soldiers)
    await add_claim(db, "history", T0 + timedelta(hours=3), novelty="historical", category="killed",
                    subject="person", count=CountRange(min=200, max=None), side=None, claimant=None, historical=True,
                    context="other", language="ru")
    await add_claim(db, "call", T0 + timedelta(days=2), kind="ceasefire", category="call", subject=None, count=None,
                    side=None, claimant="Germany and France", parties=["Armenia", "Azerbaijan"])
    return {"am": am, "story": story, "other_story": other_story}


async def _ids(client, **params) -> list[str]:
    response = await client.get("/v1/claims", params=params)
    assert response.status_code == 200, response.text
    return [claim["claim_id"] for claim in response.json()["data"]]


async def test_newest_first_with_counts(client, world):
    body = (await client.get("/v1/claims")).json()
    assert [c["claim_id"] for c in body["data"]] == ["call", "killed-2", "history", "killed", "heli"]
    heli = body["data"][-1]
    assert heli["observation_count"] == 2 and heli["source_count"] == 2
    assert heli["count_min"] == 4 and heli["subject"] == "helicopter"
    assert heli["first_observed_at"] == "2020-09-27T08:05:00Z"
    assert body["next"] is None


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"kind": "ceasefire"}, ["call"]),
        ({"category": "killed"}, ["killed-2", "history", "killed"]),
        ({"novelty": "new"}, ["call", "killed", "heli"]),
        ({"novelty": "updated"}, ["killed-2"]),
        ({"novelty": "historical"}, ["history"]),
        ({"novelty": "corroborated"}, ["heli"]),
        ({"side": "armenia"}, ["killed-2", "killed"]),
        ({"side": "Azerbaijan"}, ["heli"]),
        ({"claimant": "defence ministry"}, ["killed-2", "killed"]),
        ({"claimant": "%"}, []),
        ({"subject": "Soldier"}, ["killed-2", "killed"]),
        ({"min_count": 40}, ["killed-2", "history"]),
        ({"min_count": 4, "kind": "casualty", "novelty": "new"}, ["killed", "heli"]),
        ({"official": "true"}, ["heli"]),
        ({"official": "false"}, ["call", "killed-2", "history", "killed"]),
        ({"since": (T0 + timedelta(days=1)).isoformat()}, ["call", "killed-2"]),
        ({"until": (T0 + timedelta(hours=2)).isoformat()}, ["heli"]),
        ({"since": "2020-09-27T10:00:00Z", "until": "2020-09-28T08:00:00Z"}, ["history", "killed"]),
        ({"language": "RU"}, ["history"]),
        ({"party": "azerbaijan"}, ["killed-2", "killed"]),
        ({"party": "Azerbai"}, []),
        ({"basis": "total"}, ["killed-2"]),
        ({"context": "armed_conflict"}, ["killed-2", "killed"]),
        ({"context": "other"}, ["history"]),
        ({"conflict": "armenia-azerbaijan", "novelty": "new"}, ["killed"]),
    ],
)
async def test_filters(client, world, params, expected):
    assert await _ids(client, **params) == expected


async def test_story_filter_includes_claims_corroborated_there(client, world):
    assert await _ids(client, story=world["other_story"]) == ["heli"]
    assert await _ids(client, story=world["story"]) == ["heli"]


async def test_pages_by_cursor(client, world):
    first = (await client.get("/v1/claims", params={"limit": 2, "category": "killed"})).json()
    assert [c["claim_id"] for c in first["data"]] == ["killed-2", "history"]
    second = (await client.get("/v1/claims", params={"limit": 2, "category": "killed", "cursor": first["next"]})).json()
    assert [c["claim_id"] for c in second["data"]] == ["killed"] and second["next"] is None
    stories_cursor = (await client.get("/v1/stories", params={"limit": 1})).json()["next"]
    wrong = await client.get("/v1/claims", params={"cursor": stories_cursor})
    assert wrong.status_code == 400 and wrong.headers["content-type"] == "application/problem+json"


async def test_exports(client, world):
    response = await client.get("/v1/claims", params={"format": "csv", "category": "killed", "limit": 1})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["claim_id"] for row in rows] == ["killed-2", "history", "killed"]
    assert rows[0]["count_min"] == "45" and rows[0]["refers_to"] == "killed" and rows[2]["count_max"] == ""
    response = await client.get("/v1/claims", params={"format": "ndjson", "kind": "ceasefire"})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    [line] = response.text.splitlines()
    assert json.loads(line)["parties"] == ["Armenia", "Azerbaijan"]


async def test_a_claim_with_its_evidence(client, world):
    response = await client.get("/v1/claims/heli")
    assert response.status_code == 200, response.text
    claim = response.json()
    first, repeat = claim["evidence"]
    assert first["novelty"] == "new" and repeat["novelty"] == "corroborated"
    assert first["sentence"] == HELICOPTERS and (first["start"], first["end"]) == (26, 26 + len(HELICOPTERS))
    assert first["story"] == {"story_id": world["story"], "title": "Four helicopters downed"}
    assert first["source"] == {"source_id": world["am"], "owner": "MoD AM", "official": True, "country": "AM"}
    assert first["item"]["url"] == "https://news.example/a" and first["item"]["published_at"] == "2020-09-28T00:00:00Z"
    assert repeat["story"]["story_id"] == world["other_story"] and repeat["source"]["source_id"] == "wire"
    assert claim["updates"] is None and claim["updated_by"] == [] and claim["alerts"] == []


async def test_updates_point_both_ways(client, world):
    original = (await client.get("/v1/claims/killed")).json()
    assert [c["claim_id"] for c in original["updated_by"]] == ["killed-2"] and original["updates"] is None
    update = (await client.get("/v1/claims/killed-2")).json()
    assert update["updates"]["claim_id"] == "killed" and update["updates"]["count_min"] == 30


async def test_a_claim_shows_the_alerts_sent_for_it(client, db):
    subscription_id, _ = await subscribe(db, "http://127.0.0.1:9/hook", kinds=["casualty"])
    [delivery_id] = await add_claim(db, "alerted", T0, queue=True)
    [alert] = (await client.get("/v1/claims/alerted")).json()["alerts"]
    assert alert["delivery_id"] == delivery_id and alert["subscription_id"] == subscription_id
    assert alert["status"] == "pending" and alert["attempts"] == 0 and alert["message_id"].startswith("msg_")


async def test_a_story_lists_its_claims(client, world):
    story = (await client.get(f"/v1/stories/{world['other_story']}")).json()
    assert [c["claim_id"] for c in story["claims"]] == ["heli"]
    assert (await client.get(f"/v1/stories/{world['story']}")).json()["claims"][0]["source_count"] == 2


async def test_unknown_claim_is_a_404_problem(client, world):
    response = await client.get("/v1/claims/nope")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("params", [{"kind": "rumour"}, {"category": "sneezed"}, {"min_count": -1},
                                    {"novelty": "old"}, {"side": "a\x00"}, {"since": "yesterday"}])
async def test_bad_filters_are_validation_problems(client, params):
    response = await client.get("/v1/claims", params=params)
    assert response.status_code == 422
    assert response.json()["type"] == "urn:sitrep:problem:validation"
