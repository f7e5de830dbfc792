"""Telegram channel previews, HTML listings, and the dispatcher's refusals."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from services.ingest.parse.document import parse_document
from services.ingest.parse.model import ParseError, ParseErrorKind

FIXTURES = Path(__file__).parent / "fixtures"
LISTING = {"item": ".news-item", "title": "h3", "link": "h3 a", "date": ".date", "summary": ".lead",
           "date_formats": ["%d.%m.%Y %H:%M", "%d.%m.%Y"], "timezone": "Asia/Yerevan"}


def telegram():
    body = (FIXTURES / "telegram_channel.html").read_bytes()
    return parse_document("telegram", body, {"Content-Type": "text/html; charset=utf-8"},
                          "https://t.me/s/mod_example")


def test_telegram_posts_become_entries_newest_first():
    feed = telegram()
    assert feed.title == "Defence Ministry (example)"
    assert [e.link for e in feed.entries] == [f"https://t.me/mod_example/{n}" for n in (1004, 1003, 1001)]
    assert all(e.guid == e.link for e in feed.entries)
    assert any("skipped 2 posts" in w for w in feed.warnings)  # the service message and the bare photo


def test_telegram_post_text_date_author_and_hashtags():
    post = telegram().entries[2]
    assert post.published == datetime(2020, 9, 27, 8, 15, 32, tzinfo=UTC)
    assert "four helicopters, 15 drones and 10 tanks" in post.content
    assert post.authors == ["Defence Ministry (example)"]
    assert post.tags == ["Artsakh", "breaking"]


def test_telegram_reply_quote_and_link_preview_are_not_the_posts_text():
    reply, forwarded = telegram().entries[1], telegram().entries[0]
    assert "12 tanks" in reply.content and "four helicopters" not in reply.content
    assert "preview of someone else" not in forwarded.content
    assert forwarded.authors == ["Government (example)"]


def test_telegram_page_without_posts_is_not_a_feed():
    with pytest.raises(ParseError) as caught:
        parse_document("telegram", b"<html><body><h1>Channel is private</h1></body></html>")
    assert caught.value.kind is ParseErrorKind.NOT_A_FEED


def listing(config=LISTING):
    body = (FIXTURES / "ministry_listing.html").read_bytes()
    return parse_document("html", body, {"Content-Type": "text/html"}, "https://mod.example/en/press/", config)


def test_html_listing_reads_items_with_the_configured_selectors():
    feed = listing()
    assert [e.title for e in feed.entries] == [
        "Statement on the situation at the line of contact",
        "Briefing by the Ministry’s spokesperson",  # windows-1252 declared in a meta tag
        "Archive",
    ]
    first = feed.entries[0]
    assert first.link == "https://mod.example/en/press/2020/09/27/1?utm_source=site&utm_medium=list"  # <base>
    assert first.published == datetime(2020, 9, 27, 10, 5, tzinfo=UTC)  # 14:05 in Yerevan
    assert "adversary has launched an offensive" in first.summary
    assert feed.entries[2].published is None and feed.entries[2].published_raw == "—"
    assert feed.language == "en" and any("skipped 1 items" in w for w in feed.warnings)


def test_html_listing_dates_in_the_pages_own_words():
    page = """<ul><li><a href="/a">Заявление министерства</a> <span>27 сентября 2020, 14:05</span></li>
              <li><a href="/b">Brifinq</a> <span>26 sentyabr 2020</span></li></ul>""".encode()
    feed = parse_document("html", page, {"content-type": "text/html; charset=utf-8"}, "https://mod.example/",
                          {"item": "li", "date": "span", "languages": ["ru", "az"]})
    assert feed.entries[0].published == datetime(2020, 9, 27, 14, 5, tzinfo=UTC)
    assert feed.entries[1].published == datetime(2020, 9, 26, tzinfo=UTC)
    assert feed.entries[0].link == "https://mod.example/a"


@pytest.mark.parametrize("config, message", [
    (None, "needs selectors"),
    ({"item": "li", "colour": "red"}, "unknown selector keys"),
    ({"item": "li[[["}, "bad item selector"),
])
def test_html_listing_refuses_bad_configuration(config, message):
    with pytest.raises(ParseError) as caught:
        parse_document("html", b"<ul><li><a href='/x'>x</a></li></ul>", {}, "https://e.example/", config)
    assert caught.value.kind is ParseErrorKind.BAD_CONFIG and message in caught.value.message


def test_html_listing_with_no_matching_item_is_empty():
    with pytest.raises(ParseError) as caught:
        listing({"item": "article.press"})
    assert caught.value.kind is ParseErrorKind.EMPTY


def test_dispatcher_refuses_unknown_kinds_and_empty_documents():
    with pytest.raises(ParseError) as unknown:
        parse_document("podcast", b"<rss/>")
    assert unknown.value.kind is ParseErrorKind.BAD_CONFIG
    with pytest.raises(ParseError) as empty:
        parse_document("rss", b"  \n ")
    assert empty.value.kind is ParseErrorKind.EMPTY


def test_rss_kind_also_reads_json_feed():
    body = (b'{"version": "https://jsonfeed.org/version/1.1", '
            b'"items": [{"id": "1", "url": "/p/1", "content_text": "x"}]}')
    feed = parse_document("rss", body, {}, "https://blog.example/feed.json")
    assert feed.format == "jsonfeed1.1" and feed.entries[0].link == "https://blog.example/p/1"


def test_rss_ttl_and_skip_hours_reach_the_feed():
    body = b"""<rss version="2.0"><channel><title>t</title><ttl>30</ttl>
      <skipHours><hour>0</hour><hour>1</hour><hour>24</hour></skipHours><skipDays><day>Sunday</day></skipDays>
      <item><title>a</title><link>https://e.example/a</link></item></channel></rss>"""
    feed = parse_document("rss", body)
    assert feed.ttl_minutes == 30 and feed.skip_hours == {0, 1} and feed.skip_days == {"sunday"}


def test_bozo_document_with_entries_is_accepted_with_a_warning():
    body = b"""<rss version="2.0"><channel><title>t</title>
      <item><title>Ceasefire called</title><link>https://e.example/1</link></item>
      <item><title>Broken & unescaped</title></item></channel>"""  # no </rss>, a bare &
    feed = parse_document("rss", body)
    assert [e.title for e in feed.entries][0] == "Ceasefire called"
    assert any("malformed" in w for w in feed.warnings)


def test_malformed_document_yielding_nothing_is_an_error():
    with pytest.raises(ParseError) as caught:
        parse_document("rss", b"<rss><channel><title>cut off")
    assert caught.value.kind is ParseErrorKind.MALFORMED


def test_feed_body_naming_a_local_file_is_not_read_as_that_file(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_text("<rss version='2.0'><channel><item><title>secret</title></item></channel></rss>")
    with pytest.raises(ParseError):
        parse_document("rss", str(secret).encode())
