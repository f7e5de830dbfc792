"""The story handler against a real PostgreSQL: claims from the seed article, their novelty, the
claims projection and the alerts queued."""

from __future__ import annotations

from datetime import UTC, datetime

from services.alerts.handler import StoryHandler
from shared.events import Event
from shared.events.stories import StoryItem, StoryItemMerged, StoryStarted, story_stream
from shared.replay import replay
from tests.conftest import shared_data_dir
from tools.webhook_fixtures import database, rows, subscribe

SEED = next((shared_data_dir() / "seed").glob("*.txt")).read_text()
PUBLISHED = datetime(2020, 9, 28, 9, tzinfo=UTC)


def item(source_id: str, n: int, **extra) -> StoryItem:
    return StoryItem(item_event_id=f"00000000-0000-7000-8000-00000000000{n}", item_stream_id=f"item-{n}",
                     source_id=source_id, url=f"http://127.0.0.1/{source_id}/nk", title="Fighting erupts in Nagorno-Karabakh",
                     text=SEED, language="en", published_at=PUBLISHED, **extra)


async def handle(db, handler: StoryHandler, payload) -> Event:
    event = Event.new(payload, stream_id=story_stream(payload.story_id), source="sitrep/dedupe", subject=payload.story_id)
    async with db.transaction() as uow:
        await uow.lock()
        [stored] = await uow.record(event.stream_id, [event])
        await handler(uow, stored)
    return stored


async def test_seed_article_claims_novelty_and_alerts(database_url):
    handler = StoryHandler(api_url="http://127.0.0.1:8000")
    async with database(database_url) as db:
        everything, _ = await subscribe(db, "http://127.0.0.1:9/all")
        tanks, _ = await subscribe(db, "http://127.0.0.1:9/tanks", subjects=["tank"], kinds=["casualty"])
        history, _ = await subscribe(db, "http://127.0.0.1:9/history", novelty=["historical"])

        await handle(db, handler, StoryStarted(story_id="s1", item=item("feed-a", 1), first_seen_at=PUBLISHED))
        claims = await rows(db, "SELECT kind, category, subject, count_min, novelty, historical, source_count FROM claims")
        by_subject = {(c.kind, c.category, c.subject, c.count_min): c for c in claims}
        for key in [("casualty", "downed", "helicopter", 4), ("casualty", "downed", "drone", 15),
                    ("casualty", "downed", "tank", 10), ("ceasefire", "call", None, None)]:
            assert by_subject[key].novelty == "new" and not by_subject[key].historical
        assert {c.novelty for c in claims if c.historical} == {"historical"}
        assert any(c.category == "agreement" for c in claims if c.historical)
        assert any(c.count_min == 200 for c in claims if c.historical)

        alerts = await rows(db, "SELECT d.subscription_id, c.subject, c.category, c.historical FROM deliveries d "
                                "JOIN claims c USING (claim_id)")
        to_all = [a for a in alerts if a.subscription_id == everything]
        assert not any(a.historical for a in to_all)
        assert {"helicopter", "drone", "tank"} <= {a.subject for a in to_all}
        assert any(a.category == "call" for a in to_all)
        assert [a.subject for a in alerts if a.subscription_id == tanks] == ["tank"]
        assert {a.historical for a in alerts if a.subscription_id == history} == {True}
        queued_before = len(alerts)

        merged = StoryItemMerged(story_id="s1", item=item("feed-b", 2), method="url", similarity=1.0, source_count=2)
        await handle(db, handler, merged)
        assert len(await rows(db, "SELECT * FROM deliveries")) == queued_before
        again = await rows(db, "SELECT novelty, count(*) FROM claim_observations GROUP BY novelty")
        assert dict(again)["corroborated"] == sum(1 for c in claims if not c.historical)
        assert {c.source_count for c in await rows(db, "SELECT source_count FROM claims")} == {2}
        assert len(await rows(db, "SELECT * FROM claims")) == len(claims)

        # the same source again: nothing new is kept
        observations = len(await rows(db, "SELECT * FROM claim_observations"))
        await handle(db, handler, StoryItemMerged(story_id="s1", item=item("feed-b", 3), method="url", similarity=1.0,
                                                  source_count=2))
        assert len(await rows(db, "SELECT * FROM claim_observations")) == observations

        before = await rows(db, "SELECT * FROM claims ORDER BY claim_id")
        deliveries = await rows(db, "SELECT delivery_id, status, payload FROM deliveries ORDER BY delivery_id")
        await replay(db)
        assert await rows(db, "SELECT * FROM claims ORDER BY claim_id") == before
        assert await rows(db, "SELECT delivery_id, status, payload FROM deliveries ORDER BY delivery_id") == deliveries


async def test_an_official_channel_is_the_claimant_when_the_text_names_nobody(database_url):
    handler = StoryHandler(api_url="http://127.0.0.1:8000")
    official = StoryItem(item_event_id="00000000-0000-7000-8000-000000000009", item_stream_id="item-9",
                         source_id="mod-am", source_owner="Armenian Ministry of Defence", source_official=True,
                         title="", text="Two Azerbaijani tanks were destroyed near Talish.", language="en",
                         published_at=PUBLISHED)
    async with database(database_url) as db:
        await handle(db, handler, StoryStarted(story_id="s9", item=official, first_seen_at=PUBLISHED))
        [claim] = await rows(db, "SELECT claimant, subject, count_min FROM claims")
        assert (claim.claimant, claim.subject, claim.count_min) == ("Armenian Ministry of Defence", "tank", 2)


async def test_a_revised_count_by_the_same_claimant_is_an_update_that_says_what_it_updates(database_url):
    handler = StoryHandler(api_url="http://127.0.0.1:8000")

    def told(n: int, text: str) -> StoryStarted:
        said = StoryItem(item_event_id=f"00000000-0000-7000-8000-00000000010{n}", item_stream_id=f"item-1{n}",
                         source_id=f"wire-{n}", title="", text=text, language="en", published_at=PUBLISHED)
        return StoryStarted(story_id=f"toll-{n}", item=said, first_seen_at=PUBLISHED)

    async with database(database_url) as db:
        await subscribe(db, "http://127.0.0.1:9/all")
        await handle(db, handler, told(1, "Azerbaijan's Defence Ministry said 320 Armenian soldiers had been killed."))
        await handle(db, handler, told(2, "Azerbaijan's Defence Ministry said 480 Armenian soldiers had been killed."))
        first, second = await rows(db, "SELECT claim_id, novelty, refers_to, count_min FROM claims ORDER BY first_observed_at")
        assert (first.novelty, first.count_min) == ("new", 320)
        assert (second.novelty, second.refers_to, second.count_min) == ("updated", first.claim_id, 480)
        [update] = await rows(db, "SELECT payload FROM deliveries WHERE claim_id = :c", c=second.claim_id)
        novelty = update.payload["data"]["novelty"]
        assert novelty["kind"] == "updated" and novelty["refers_to"] == first.claim_id
        assert novelty["previous"]["count"] == {"min": 320, "max": 320}


GANJA_FIRST = "Seven civilians were killed in a missile strike on Ganja overnight, Azerbaijan's prosecutor general said."
GANJA_LATER = "Nine civilians were killed in the missile strike on Ganja, Azerbaijan's prosecutor general said on Sunday."


def _ganja(n: int, text: str) -> StoryItem:
    return StoryItem(item_event_id=f"00000000-0000-7000-8000-00000000010{n}", item_stream_id=f"item-g{n}",
                     source_id=f"outlet-{n}", url=f"http://127.0.0.1/outlet-{n}/ganja", title="Strike on Ganja",
                     text=text, language="en", published_at=PUBLISHED)


async def test_an_alert_names_its_incident_and_a_subscription_can_ask_for_one_per_incident(database_url):
    from shared.events.incidents import Evidence, IncidentOpened, StoryJoinedIncident, incident_stream

    handler = StoryHandler(api_url="http://127.0.0.1:8000")
    async with database(database_url) as db:
        per_claim, _ = await subscribe(db, "http://127.0.0.1:9/claims", kinds=["casualty"])
        per_incident, _ = await subscribe(db, "http://127.0.0.1:9/incidents", kinds=["casualty"], per_incident=True)
        facts = [IncidentOpened(incident_id="inc-ganja", story_id="g1", title="Strike on Ganja", language="en",
                                reported_at=PUBLISHED, reason="no incident of the window reports the same"),
                 StoryJoinedIncident(incident_id="inc-ganja", story_id="g2", title="Strike on Ganja", language="en",
                                     reported_at=PUBLISHED, story_count=2,
                                     evidence=Evidence(score=0.6, words=0.5, free=0.6, shared=["s:knj"]))]
        for n, (fact, text) in enumerate(zip(facts, (GANJA_FIRST, GANJA_LATER), strict=True), 1):
            async with db.transaction() as uow:  # dedupe records it with the story event, before alerts reads it
                await uow.lock()
                await uow.record(incident_stream("inc-ganja"),
                                 [Event.new(fact, stream_id=incident_stream("inc-ganja"), source="sitrep/dedupe")])
            await handle(db, handler, StoryStarted(story_id=f"g{n}", item=_ganja(n, text), first_seen_at=PUBLISHED,
                                                   incident_id="inc-ganja"))
        alerts = await rows(db, "SELECT subscription_id, incident_id, payload FROM deliveries ORDER BY queued_at")
        to_claims = [a for a in alerts if a.subscription_id == per_claim]
        to_incidents = [a for a in alerts if a.subscription_id == per_incident]
        assert len(to_claims) == 2, "seven killed, then nine: two claims"
        assert len(to_incidents) == 1, "one alert for the incident"
        assert {a.incident_id for a in alerts} == {"inc-ganja"}
        incident = to_claims[-1].payload["data"]["incident"]
        assert (incident["id"], incident["story_count"]) == ("inc-ganja", 2)
        assert to_claims[-1].payload["data"]["links"]["incident"].endswith("/incidents/inc-ganja")
