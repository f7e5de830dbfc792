"""The ingest service against a local feed server whose feeds change and misbehave, over the real
PostgreSQL and Kafka: every new entry reaches `news.items` exactly once, nothing comes from the bad
documents, the service stays up, and each source's state says what happened."""

from __future__ import annotations

from collections import Counter

import pytest
from prometheus_client import REGISTRY

from services.ingest.bootstrap import main as ingest_main
from shared.db import create_engine
from shared.events.feeds import FeedSettings
from shared.kafka.topics import NEWS_ITEMS
from shared.readmodel.feeds.commands import register_feed
from shared.readmodel.projections import all_projections
from shared.unit_of_work import Database
from tests.integration.ingest.documents import (
    article_page,
    binary_garbage,
    bozo_rss,
    entity_bomb,
    gzip_bomb,
    html_page,
    huge_chunks,
    published,
    rss,
)
from tests.support.kafka import drain_topic
from tests.support.services import running, wait_for
from tools.feed_server import FeedServer, Response, conditional

RSS_TYPE = {"Content-Type": "application/rss+xml"}
GOOD = ("live", "moved", "temp", "busy", "flaky", "bozo", "summary")
ARTICLE = "The full story, which the feed only summarises, names the villages that were shelled."
BAD = {"slow": "slow_body", "huge": "too_large", "bomb": "xml_entities", "page": "not_a_feed",
       "garbage": "malformed", "disguised": "not_a_feed", "gzbomb": "too_large"}


def serve_live(server: FeedServer, guids: list[str]) -> None:
    server.route("/live.xml", conditional(rss("live", guids), etag=f'"v{len(guids)}"', headers=RSS_TYPE))


def routes(server: FeedServer) -> None:
    serve_live(server, ["l1", "l2"])
    server.route("/moved.xml", Response(301, {"Location": "/moved-new.xml"}))
    server.route("/moved-new.xml", Response(200, RSS_TYPE, rss("moved", ["m1"])))
    server.route("/temp.xml", Response(302, {"Location": "/temp-now.xml"}))
    server.route("/temp-now.xml", Response(200, RSS_TYPE, rss("temp", ["t1"])))
    server.route("/busy.xml", [Response(429, {"Retry-After": "3"}), Response(200, RSS_TYPE, rss("busy", ["b1"]))])
    server.route("/flaky.xml", [Response(500)] * 3 + [Response(200, RSS_TYPE, rss("flaky", ["f1"]))])
    server.route("/bozo.xml", Response(200, RSS_TYPE, bozo_rss()))
    server.route("/summary.xml", Response(200, RSS_TYPE, rss("summary", ["s1"], links=server.url("/articles"))))
    server.route("/articles/summary/s1", Response(200, {"Content-Type": "text/html"}, article_page(ARTICLE)))
    server.route("/slow.xml", Response(200, RSS_TYPE, chunks=[b"<rss>"] * 20, chunk_delay=0.3))
    server.route("/huge.xml", Response(200, RSS_TYPE, chunks=huge_chunks(1 << 20)))
    server.route("/bomb.xml", Response(200, RSS_TYPE, entity_bomb()))
    server.route("/page.xml", Response(200, {"Content-Type": "text/html"}, html_page()))
    server.route("/garbage.xml", Response(200, RSS_TYPE, binary_garbage()))
    server.route("/disguised.xml", Response(200, RSS_TYPE, html_page()))  # HTML served as a feed
    server.route("/gzbomb.xml", Response(200, {**RSS_TYPE, "Content-Encoding": "gzip"}, gzip_bomb()))


@pytest.fixture
def ingest_settings(settings):
    return settings.model_copy(update={
        "ingest_tick_seconds": 0.2,
        "ingest_fetch_timeout_seconds": 2.0,
        "ingest_max_bytes": 256 * 1024,
        "ingest_unhealthy_after_failures": 3,
        "ingest_unhealthy_retry_seconds": 2.0,
    })


async def register_all(settings, server: FeedServer) -> dict[str, str]:
    db = Database(create_engine(settings), all_projections())
    ids = {}
    for name in (*GOOD, *BAD):
        async with db.transaction() as uow:
            ids[name] = await register_feed(uow, FeedSettings(
                url=server.url(f"/{name}.xml"), min_interval_s=1, max_interval_s=2, owner=name,
                fetch_full_text=name == "summary",
            ))
    await db.engine.dispose()
    return ids


async def ingested(settings, where: str = "true", **params) -> list:
    return await wait_for(
        f"SELECT data->>'source_id', data->>'item_key', correlation_id, id::text FROM events "
        f"WHERE type = 'news.item.ingested' AND {where} ORDER BY position",
        lambda rows: True, settings.database_url, **params,
    )


async def states(settings) -> dict[str, dict]:
    rows = await wait_for(
        "SELECT f.owner, f.url, s.* FROM feeds f JOIN feed_fetch_state s USING (feed_id)",
        lambda rows: True, settings.database_url,
    )
    return {row.owner: row._asdict() for row in rows}


async def test_feeds_that_change_and_misbehave(ingest_settings):
    settings = ingest_settings
    with FeedServer() as server:
        routes(server)
        ids = await register_all(settings, server)
        count_for = "SELECT count(*) FROM events WHERE type = 'news.item.ingested' AND data->>'source_id' = :s"

        async with running(settings, ingest_main) as [health]:
            await wait_for(count_for, lambda rows: rows[0][0] == 2, settings.database_url, s=ids["live"])
            serve_live(server, ["l1", "l2", "l3", "l4"])
            await wait_for(count_for, lambda rows: rows[0][0] == 4, settings.database_url, s=ids["live"])
            await wait_for(
                "SELECT count(*) FROM events WHERE type = 'news.item.ingested'",
                lambda rows: rows[0][0] == 10, settings.database_url,
            )
            await wait_for(
                "SELECT count(*) FROM feed_fetch_state WHERE feed_id = ANY(:bad) AND last_error_kind IS NOT NULL",
                lambda rows: rows[0][0] == len(BAD), settings.database_url, bad=[ids[n] for n in BAD],
            )
            await wait_for(
                "SELECT count(*) FROM events WHERE type = 'feed.health_changed' AND subject = :s",
                lambda rows: rows[0][0] == 2, settings.database_url, s=ids["flaky"],
            )
            ready, checks = await health.readiness()
            assert ready, checks

        # A restart with two instances: what is in the log is not ingested again, and only one
        # instance fetches a source at a time.
        serve_live(server, ["l1", "l2", "l3", "l4", "l5"])
        before_restart = len(server.requests_for("/live.xml"))
        async with running(settings, ingest_main, ingest_main):
            await wait_for(count_for, lambda rows: rows[0][0] == 5, settings.database_url, s=ids["live"])
            await wait_for("SELECT 1", lambda rows: len(server.requests_for("/live.xml")) >= before_restart + 3,
                           settings.database_url)

    events = await ingested(settings)
    keys = Counter((source, key) for source, key, _, _ in events)
    expected = {(ids["live"], f"guid:l{n}") for n in range(1, 6)} | {
        (ids[name], f"guid:{name[0]}1") for name in ("moved", "temp", "busy", "flaky", "summary")
    } | {(ids["bozo"], "guid:z1")}
    assert set(keys) == expected and set(keys.values()) == {1}
    on_topic = await drain_topic(settings.kafka_bootstrap, settings.topic(NEWS_ITEMS), expect=len(expected))
    assert Counter((e.data["source_id"], e.data["item_key"]) for e in on_topic) == keys
    assert not {e.data["source_id"] for e in on_topic} & {ids[name] for name in BAD}

    by_fetch = Counter(correlation for _, _, correlation, _ in events)
    assert all(correlation != event_id for _, _, correlation, event_id in events), "the trace starts at the fetch"
    assert by_fetch.most_common(1)[0][1] == 2, "entries of one fetch share its correlation id"

    state = await states(settings)
    assert_live(state["live"], server)
    assert_redirects(state, server)
    [moved] = await wait_for("SELECT subject, data FROM events WHERE type = 'feed.updated'", lambda rows: True,
                             settings.database_url)
    assert moved.subject == ids["moved"]
    assert moved.data["changes"] == {"url": server.url("/moved-new.xml")}
    assert moved.data["reason"] == "moved permanently"
    assert_retry_after(state["busy"], server)
    await assert_failures_and_recovery(settings, state["flaky"], ids["flaky"])
    assert state["bozo"]["last_warning"].startswith("malformed document, read anyway")
    assert state["bozo"]["items_seen"] == 1 and state["bozo"]["last_status"] == "200"
    for name, kind in BAD.items():
        assert state[name]["last_error_kind"] == kind, (name, state[name])
        assert state[name]["items_seen"] == 0 and state[name]["consecutive_failures"] >= 1
    assert state["huge"]["last_error"] == f"body larger than {256 * 1024} bytes"
    assert_outcomes_counted(ids)
    [summary] = [e for e in on_topic if e.data["source_id"] == ids["summary"]]
    assert summary.data["text"] == "\n".join([ARTICLE] * 3), "the full article replaced the summary"
    assert summary.data["summary"] == "What happened in summary story s1."
    assert len(server.requests_for("/articles/summary/s1")) == 1, "articles are fetched for new entries only"
    assert len(server.requests_for("/summary.xml")) > 1


def assert_live(live: dict, server: FeedServer) -> None:
    assert live["etag"] == '"v5"' and live["last_status"] in ("200", "304")
    assert live["items_seen"] == 5 and live["consecutive_failures"] == 0 and live["healthy"]
    assert live["newest_item_at"] == published(5) and live["lease_id"] is None
    revalidated = [r for r in server.requests_for("/live.xml") if r.headers.get("if-none-match")]
    assert revalidated, "the feed was fetched conditionally"
    times = sorted(r.received_at for r in server.requests_for("/live.xml"))
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) > 0.5, "never fetched twice at once"


def assert_redirects(state: dict, server: FeedServer) -> None:
    assert state["moved"]["url"] == server.url("/moved-new.xml"), "a 301 moves the source"
    assert len(server.requests_for("/moved.xml")) == 1
    assert state["temp"]["url"] == server.url("/temp.xml"), "a 302 does not"
    assert len(server.requests_for("/temp.xml")) > 1


def assert_retry_after(busy: dict, server: FeedServer) -> None:
    first, second = server.requests_for("/busy.xml")[:2]
    assert second.received_at - first.received_at >= 2.9, "Retry-After: 3 honoured"
    assert busy["items_seen"] == 1 and busy["last_status"] == "200" and busy["last_error"] is None


async def assert_failures_and_recovery(settings, flaky: dict, feed_id: str) -> None:
    health = await wait_for(
        "SELECT data FROM events WHERE type = 'feed.health_changed' AND subject = :s ORDER BY position",
        lambda rows: True, settings.database_url, s=feed_id,
    )
    down, up = (row[0] for row in health)
    assert (down["healthy"], down["consecutive_failures"], down["error_kind"]) == (False, 3, "http_status")
    assert down["error"] == "HTTP 500"
    assert (up["healthy"], up["consecutive_failures"]) == (True, 0)
    assert flaky["healthy"] and flaky["consecutive_failures"] == 0 and flaky["items_seen"] == 1


def assert_outcomes_counted(ids: dict[str, str]) -> None:
    def fetches(name: str, outcome: str) -> float:
        return REGISTRY.get_sample_value("sitrep_ingest_fetches_total", {"source": ids[name], "outcome": outcome}) or 0

    assert fetches("live", "304") >= 1 and fetches("live", "200") >= 3
    assert fetches("busy", "429") == 1 and fetches("flaky", "500") == 3
    for name, kind in BAD.items():
        assert fetches(name, kind) >= 1
    assert REGISTRY.get_sample_value("sitrep_ingest_items_ingested_total", {"source": ids["live"]}) == 5
