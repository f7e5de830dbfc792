"""The second tier through the real Kafka broker and PostgreSQL: three outlets in two languages
report one incident, two pages that are only a cookie banner stay apart, and two instances racing
on one incident make one."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

import pytest

from services.dedupe.bootstrap import main as dedupe_main
from services.dedupe.distinguishers import extract_facts
from services.dedupe.incidents.assign import Change, IncidentOutcome, assign_incident
from services.dedupe.incidents.decision import IncidentConfig
from services.dedupe.incidents.postgres import PgIncidentIndex
from services.dedupe.incidents.report import Report, read_report
from tests.support.dedupe import T0, consumed, incident_events, ingested, publish, query, story_events
from tests.support.incidents import COOKIE_BANNER, GANJA, UNRELATED
from tests.support.services import running

pytestmark = pytest.mark.integration


def _ganja_items(prefix: str = "") -> list:
    return [ingested(f"{prefix}outlet-{n}", f"ganja-{n}", text, title=title, language=lang,
                     url=f"https://{prefix}outlet{n}.example/ganja", hours=n / 2)
            for n, (lang, title, text) in enumerate(GANJA)]


async def test_three_outlets_in_two_languages_report_one_incident(settings):
    items = _ganja_items()
    lang, title, text = UNRELATED
    other = ingested("un", "un-1", text, title=title, language=lang, url="https://un.example/sc", hours=1)
    async with running(settings, dedupe_main):
        await publish(settings, items[0])
        await consumed(settings, 1)
        await publish(settings, *items[1:], other)
        await consumed(settings, 4)

    stories = await story_events(settings)
    assert [e.type for e in stories] == ["story.started"] * 4, "written separately: four stories"
    facts = await incident_events(settings)
    assert Counter(e.type for e in facts) == {"incident.opened": 2, "story.joined_incident": 2}
    story_of = {e.item: e.story_id for e in stories}
    incident_of = {e.story_id: e.incident_id for e in facts}
    assert len({incident_of[story_of[i.stream_id]] for i in items}) == 1
    assert incident_of[story_of[other.stream_id]] != incident_of[story_of[items[0].stream_id]]
    named = await query(settings, "SELECT data->>'story_id' AS s, data->>'incident_id' AS i FROM events "
                                  "WHERE type = 'story.started'")
    assert {r.s: r.i for r in named} == incident_of, "each story event names its incident"
    rows = await query(settings, "SELECT title, story_count, merged_into FROM incidents ORDER BY story_count DESC")
    assert [(r.title, r.story_count, r.merged_into) for r in rows] == [(GANJA[0][1], 3, None), (UNRELATED[1], 1, None)]
    languages = await query(settings, "SELECT language, count(*) FROM incident_stories GROUP BY language ORDER BY 1")
    assert [tuple(r) for r in languages] == [("en", 3), ("ru", 1)]


async def test_two_pages_that_are_only_a_cookie_banner_stay_apart(settings):
    first = ingested("wz", "rakete", COOKIE_BANNER, title="NRW: Rakete fliegt durch gekipptes Fenster",
                     url="https://www.wz.de/nrw/rakete-fliegt-durch-gekipptes-fenster_aid-48082559", language="de")
    second = ingested("wz", "zoo", COOKIE_BANNER, title="Himmelslaternen könnten Ursache von Zoo-Brand sein",
                      url="https://www.wz.de/nrw/krefeld/zoo-brand-himmelslaternen_aid-48085201", language="de",
                      hours=1)
    async with running(settings, dedupe_main):
        await publish(settings, first, second)
        await consumed(settings, 2)
    stories = await story_events(settings)
    assert [e.type for e in stories] == ["story.started", "story.started"]
    facts = await incident_events(settings)
    assert [e.type for e in facts] == ["incident.opened", "incident.opened"]


async def test_two_dedupe_instances_consuming_one_incident_make_one(settings):
    items = _ganja_items()
    async with running(settings, dedupe_main, dedupe_main):
        await publish(settings, *items)
        await consumed(settings, len(items))
    facts = await incident_events(settings)
    assert Counter(e.type for e in facts) == {"incident.opened": 1, "story.joined_incident": 2}
    [incident] = await query(settings, "SELECT story_count FROM incidents")
    assert incident.story_count == 3


def _reports() -> list[Report]:
    return [read_report(title, text, T0 + timedelta(hours=n), extract_facts(text, title), lang)
            for n, (lang, title, text) in enumerate(GANJA)]


class _NoLockIndex(PgIncidentIndex):
    async def lock(self, keys: list[str]) -> None:
        return None


async def _racing(engine, index_type) -> list[IncidentOutcome]:
    """Each of three transactions decides its story; the first holds its transaction open while the
    others look up theirs (no log lock: the index's own locks are all there is)."""
    first_done, others_started = asyncio.Event(), asyncio.Event()
    reports = _reports()

    async def first() -> IncidentOutcome:
        async with engine.begin() as conn:
            outcome = await assign_incident(index_type(conn), "story-0", reports[0], IncidentConfig(), lambda: "inc-0")
            first_done.set()
            await others_started.wait()
            await asyncio.sleep(0.3)  # the others now wait on the lock, or have decided without it
            return outcome

    async def later(n: int) -> IncidentOutcome:
        await first_done.wait()
        async with engine.begin() as conn:
            others_started.set()
            return await assign_incident(index_type(conn), f"story-{n}", reports[n], IncidentConfig(),
                                         lambda: f"inc-{n}")

    return list(await asyncio.gather(first(), later(1)))


async def test_without_the_lock_racing_instances_would_open_two_incidents(clean_engine):
    outcomes = await _racing(clean_engine, _NoLockIndex)
    assert [o.change for o in outcomes] == [Change.OPENED, Change.OPENED]


async def test_with_the_lock_racing_instances_make_one_incident(clean_engine):
    outcomes = await _racing(clean_engine, PgIncidentIndex)
    assert [(o.change, o.incident_id) for o in outcomes] == [(Change.OPENED, "inc-0"), (Change.JOINED, "inc-0")]


async def test_many_transactions_at_once_make_one_incident(clean_engine):
    reports = _reports() * 3
    start = asyncio.Barrier(len(reports))

    async def instance(n: int, report: Report) -> IncidentOutcome:
        async with clean_engine.begin() as conn:
            await start.wait()
            return await assign_incident(PgIncidentIndex(conn), f"story-{n}", report, IncidentConfig(),
                                         lambda: f"inc-{n}")

    outcomes = await asyncio.gather(*(instance(n, r) for n, r in enumerate(reports)))
    assert len({o.incident_id for o in outcomes}) == 1
    assert sum(o.change is Change.OPENED for o in outcomes) == 1
