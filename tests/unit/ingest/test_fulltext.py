from datetime import UTC, datetime

from services.ingest.fetch.fetcher import Fetcher, FetchLimits
from services.ingest.fetch.fulltext import add_full_text, article_text
from services.ingest.item import IngestedItem
from shared.netguard import AddressPolicy
from shared.text.boilerplate import HostBoilerplate
from tools.feed_server import Response

STORY = (
    "Azerbaijani forces shelled Stepanakert overnight, the Armenian Defence Ministry said on Monday. "
    "Four civilians were wounded and a school was damaged, according to local officials."
)
ARTICLE_PAGE = f"""<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body>
<nav><a href="/">Home</a><a href="/world">World</a></nav>
<article><header><h1>Shelling in Stepanakert</h1></header>
<p>{STORY}</p><p>{STORY}</p>
<aside class="related"><a href="/other">Read also: something else entirely</a></aside>
<footer>Share this story</footer></article>
<footer>© News site 2020. All rights reserved.</footer></body></html>"""
PLAIN_PAGE = f"""<html><body><div class="menu"><p>Home</p><p>World</p></div>
<div class="story"><p>{STORY}</p><p>{STORY}</p><p>Officials gave no further detail.</p></div>
<div class="footer"><p>Contact us</p></div></body></html>"""


def item(url: str, text: str = "Shelling in Stepanakert.") -> IngestedItem:
    now = datetime(2020, 9, 28, tzinfo=UTC)
    return IngestedItem(
        source_id="s", item_key=f"url:{url}", guid=None, url=url, title="Shelling", text=text, html=None,
        summary=text, published_at=now, updated_at=None, published_fallback=False, language="en", authors=[],
        tags=[], fetched_at=now, source_url="http://127.0.0.1/feed", source_kind="rss", source_owner=None,
        source_country=None, source_official=False,
    )


def test_the_article_element_without_what_surrounds_it():
    text, html = article_text(ARTICLE_PAGE.encode(), {"content-type": "text/html"}, "http://news.invalid/a")
    assert text.startswith("Azerbaijani forces shelled"), "the headline is the item's title already"
    assert text.count("Four civilians were wounded") == 2
    assert "Home" not in text and "Read also" not in text and "Share this" not in text and "©" not in text
    assert "<p>" in html and "<nav" not in html


def test_without_markup_the_densest_paragraphs_win():
    text, _ = article_text(PLAIN_PAGE.encode(), {}, "http://news.invalid/b")
    assert text.startswith("Azerbaijani forces") and text.endswith("Officials gave no further detail.")
    assert "Contact us" not in text and "World" not in text


def test_a_page_without_an_article_gives_nothing():
    assert article_text(b"<html><body><p>Subscribe</p></body></html>", {}, "http://news.invalid/c") is None


async def test_articles_replace_summaries_and_failures_keep_them(feed_server):
    feed_server.route("/a1", Response(200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE_PAGE))
    feed_server.route("/gone", Response(404))
    items = [item(feed_server.url("/a1")), item(feed_server.url("/gone")), item(None)]
    async with Fetcher(policy=AddressPolicy(allow_private=True), limits=FetchLimits(total_timeout=5)) as fetcher:
        enriched, warnings = await add_full_text(fetcher, items, budget=5)
    assert "Four civilians were wounded" in enriched[0].text and enriched[0].html
    assert enriched[1] == items[1] and enriched[2] == items[2]
    assert warnings == [f"full text of {feed_server.url('/gone')}: http_status: HTTP 404"]


SIDEBAR = "Explore the five favourite budget-friendly grocery stores in town this week."
BANNER = "We use cookies to give you the best experience; by continuing to browse you agree."


def sidebar_page(story: str) -> str:
    return (f"<html><body><article><p>{BANNER}</p><p>{story}</p><p>{story}</p><p>{SIDEBAR}</p></article>"
            "</body></html>")


async def test_a_hosts_repeated_lines_and_consent_banners_leave_the_article(feed_server):
    stories = [f"{STORY} Report number {n} adds its own detail about the shelling." for n in range(3)]
    for n, story in enumerate(stories):
        feed_server.route(f"/s{n}", Response(200, {"Content-Type": "text/html; charset=utf-8"}, sidebar_page(story)))
    learnt = HostBoilerplate()
    async with Fetcher(policy=AddressPolicy(allow_private=True), limits=FetchLimits(total_timeout=5)) as fetcher:
        texts = []
        for n in range(3):  # one fetch after another, as feed checks come
            enriched, _ = await add_full_text(fetcher, [item(feed_server.url(f"/s{n}"))], budget=5, boilerplate=learnt)
            texts.append(enriched[0].text)
    assert all(BANNER not in text and f"number {n}" in text for n, text in enumerate(texts))
    assert SIDEBAR in texts[0] and SIDEBAR in texts[1], "twice is not yet a pattern"
    assert SIDEBAR not in texts[2], "the host's third page with the line drops it"
