from datetime import UTC, datetime

from services.ingest.check import Failed, Fetched, check_source
from services.ingest.fetch.fetcher import Fetcher, FetchLimits
from services.ingest.item import Source
from shared.netguard import AddressPolicy
from tools.feed_server import Response, conditional

NOW = datetime(2020, 9, 28, 12, 0, tzinfo=UTC)
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><ttl>30</ttl>
<skipHours><hour>3</hour></skipHours>
<item><title>One</title><guid isPermaLink="false">1</guid><pubDate>Mon, 28 Sep 2020 09:00:00 GMT</pubDate></item>
<item><title>Two</title><guid isPermaLink="false">2</guid></item>
</channel></rss>"""


async def check(url: str, **kwargs):
    async with Fetcher(policy=AddressPolicy(allow_private=True), limits=FetchLimits(total_timeout=5)) as fetcher:
        return await check_source(fetcher, Source(id="s", url=url), now=NOW, max_items=100,
                                  **{"etag": None, "last_modified": None, **kwargs})


async def test_a_feed_gives_items_hints_and_validators(feed_server):
    feed_server.route("/ok", conditional(RSS, etag='"x"', headers={"Cache-Control": "max-age=120"}))
    outcome = await check(feed_server.url("/ok"))
    assert isinstance(outcome, Fetched) and outcome.outcome == "200" and outcome.etag == '"x"'
    assert [item.item_key for item in outcome.items] == ["guid:1", "guid:2"]
    assert outcome.published == [datetime(2020, 9, 28, 9, 0, tzinfo=UTC)], "undated entries set no rhythm"
    assert (outcome.hints.max_age, outcome.hints.ttl_minutes, outcome.hints.skip_hours) == (120, 30, {3})
    again = await check(feed_server.url("/ok"), etag='"x"')
    assert isinstance(again, Fetched) and again.outcome == "304" and again.items == []


async def test_the_same_document_again_is_not_parsed(feed_server):
    feed_server.route("/same", Response(200, {}, RSS))
    first = await check(feed_server.url("/same"))
    again = await check(feed_server.url("/same"), content_hash=first.content_hash)
    assert not first.unchanged and len(first.items) == 2 and first.content_hash
    assert again.unchanged and again.items == [] and again.content_hash == first.content_hash
    async with Fetcher(policy=AddressPolicy(allow_private=True)) as fetcher:
        reconfigured = await check_source(fetcher, Source(id="s", url=feed_server.url("/same"), config={"x": 1}),
                                          etag=None, last_modified=None, now=NOW, max_items=100,
                                          content_hash=first.content_hash)
    assert not reconfigured.unchanged and len(reconfigured.items) == 2, "other settings read it anew"


async def test_errors_are_outcomes_with_a_kind(feed_server):
    feed_server.route("/busy", Response(429, {"Retry-After": "90"}))
    feed_server.route("/page", Response(200, {"Content-Type": "text/html"}, "<!doctype html><html><p>hi</p></html>"))
    busy, page, missing = [await check(feed_server.url(p)) for p in ("/busy", "/page", "/missing")]
    assert busy == Failed("http_status", "HTTP 429", 429, 90.0) and busy.outcome == "429"
    assert isinstance(page, Failed) and (page.kind, page.outcome, page.status) == ("not_a_feed", "not_a_feed", 200)
    assert isinstance(missing, Failed) and missing.outcome == "404"


async def test_a_permanent_move_is_reported(feed_server):
    feed_server.route("/old", Response(308, {"Location": "/ok-moved"}))
    feed_server.route("/ok-moved", Response(200, {}, RSS))
    outcome = await check(feed_server.url("/old"))
    assert isinstance(outcome, Fetched) and outcome.permanent_url == feed_server.url("/ok-moved")
    assert all(item.source_url == feed_server.url("/old") for item in outcome.items)
