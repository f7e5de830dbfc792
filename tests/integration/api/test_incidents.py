"""`GET /v1/incidents` and `GET /v1/incidents/{id}`, and the incident of a story and of a claim."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shared.events.incidents import Evidence, IncidentMerged, IncidentOpened, StoryJoinedIncident
from tests.support.api_seed import T0, add_claim, add_feed, add_story, record_incident

EVIDENCE = Evidence(score=0.52, words=0.31, free=0.52, shared=["s:knj", "c:missile", "q:killed=7"])


@pytest.fixture
async def world(db) -> dict[str, str]:
    """Ganja reported in English and Russian (a second incident merged into the first), and a ceasefire."""
    az = await add_feed(db, "https://mod.az.example/rss", country="AZ", language="az", official=True)
    ru = await add_feed(db, "https://news.ru.example/rss", country="RU", language="ru")
    en = await add_story(db, "Missile strike on Ganja kills seven", [(az, "AZ")], T0)
    ru_story = await add_story(db, "Ракетный удар по Гяндже", [(ru, "RU")], T0 + timedelta(hours=1), "ru")
    later = await add_story(db, "Seven killed as missile hits Ganja", [(az, "AZ")], T0 + timedelta(hours=2))
    truce = await add_story(db, "Ceasefire from noon", [(ru, "RU")], T0 + timedelta(days=1))
    await record_incident(
        db,
        IncidentOpened(incident_id="ganja", story_id=en, title="Missile strike on Ganja kills seven", language="en",
                       reported_at=T0, reason="no incident of the window reports the same"),
        StoryJoinedIncident(incident_id="ganja", story_id=ru_story, title="Ракетный удар по Гяндже", language="ru",
                            reported_at=T0 + timedelta(hours=1), story_count=2, evidence=EVIDENCE),
        IncidentOpened(incident_id="ganja-again", story_id=later, title="Seven killed as missile hits Ganja",
                       language="en", reported_at=T0 + timedelta(hours=2), reason="no incident of the window"),
        IncidentMerged(incident_id="ganja-again", into_incident_id="ganja", story_id=later, evidence=EVIDENCE,
                       reason="a story reports both"),
        IncidentOpened(incident_id="truce", story_id=truce, title="Ceasefire from noon", language="en",
                       reported_at=T0 + timedelta(days=1), reason="no incident of the window reports the same"),
    )
    await add_claim(db, "c-ganja", T0 + timedelta(hours=1), evidence={"story_id": ru_story})
    return {"en": en, "ru": ru_story, "later": later, "truce": truce}


async def test_incidents_newest_first_without_merged_ones(client, world):
    body = (await client.get("/v1/incidents")).json()
    assert [(i["incident_id"], i["story_count"]) for i in body["data"]] == [("truce", 1), ("ganja", 3)]
    assert [i["incident_id"] for i in (await client.get("/v1/incidents", params={"min_stories": 2})).json()["data"]] \
        == ["ganja"]
    assert [i["incident_id"] for i in (await client.get("/v1/incidents", params={"q": "ganja"})).json()["data"]] \
        == ["ganja"]


async def test_one_incident_with_its_stories_in_every_language_and_its_claims(client, world):
    incident = (await client.get("/v1/incidents/ganja")).json()
    assert [s["story_id"] for s in incident["stories"]] == [world["en"], world["ru"], world["later"]]
    assert [s["language"] for s in incident["stories"]] == ["en", "ru", "en"]
    assert incident["stories"][0]["score"] is None and incident["stories"][1]["score"] == 0.52
    assert incident["merged_from"] == ["ganja-again"]
    assert [c["claim_id"] for c in incident["claims"]] == ["c-ganja"]
    assert incident["first_reported_at"] == "2020-09-27T08:00:00Z"


async def test_a_merged_incident_redirects_to_the_one_that_absorbed_it(client, world):
    response = await client.get("/v1/incidents/ganja-again", follow_redirects=False)
    assert response.status_code == 308 and response.headers["location"] == "/v1/incidents/ganja"
    assert (await client.get("/v1/incidents/nope")).status_code == 404


async def test_stories_and_claims_link_to_their_incident(client, world):
    assert (await client.get(f"/v1/stories/{world['later']}")).json()["incident_id"] == "ganja"
    listed = {s["story_id"]: s["incident_id"] for s in (await client.get("/v1/stories")).json()["data"]}
    assert listed[world["truce"]] == "truce" and listed[world["ru"]] == "ganja"
    assert (await client.get("/v1/claims/c-ganja")).json()["incident_id"] == "ganja"
