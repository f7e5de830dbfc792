from datetime import UTC, datetime, timedelta

from services.ingest.check import process_document
from services.ingest.item import IngestedItem, Source
from services.ingest.normalise.entries import normalise_feed
from services.ingest.parse.model import ParsedEntry, ParsedFeed
from tests.unit.ingest.conftest import FEEDS

FETCHED = datetime(2020, 9, 27, 12, 0, tzinfo=UTC)
SOURCE = Source(id="mod-am", url="https://mod.example/feed", kind="rss", owner="Ministry of Defence (example)",
                country="AM", official=True)
NNW = FEEDS / "netnewswire" / "Modules" / "RSParser" / "Tests" / "RSParserTests" / "Resources"


def items(*entries: ParsedEntry, source: Source = SOURCE, language: str | None = None) -> list[IngestedItem]:
    return normalise_feed(ParsedFeed(format="rss20", entries=list(entries), language=language), source, FETCHED)


def entry(**fields) -> ParsedEntry:
    fields.setdefault("title", "Four helicopters downed")
    fields.setdefault("published", FETCHED - timedelta(hours=1))
    return ParsedEntry(**fields)


def test_identity_prefers_a_unique_guid():
    [item] = items(entry(guid="urn:1", link="https://e.example/1"))
    assert item.item_key == "guid:urn:1" and item.guid == "urn:1"


def test_repeated_guid_falls_back_to_the_url():
    a, b = items(entry(guid="same", link="https://e.example/1?utm_source=x"), entry(guid="same", link="/2"))
    assert (a.item_key, b.item_key) == ("url:https://e.example/1", "url:https://mod.example/2")


def test_without_guid_or_unique_url_the_content_decides():
    a, b = items(entry(link="https://e.example/home", title="A", content="<p>x</p>"),
                 entry(link="https://e.example/home", title="B", content="<p>x</p>"))
    assert a.item_key.startswith("sha256:") and a.item_key != b.item_key
    again, _ = items(entry(link="https://e.example/home", title="A", content="<p>x</p>"),
                    entry(link="https://e.example/home", title="C"))
    assert again.item_key == a.item_key  # stable across fetches


def test_very_long_guids_are_hashed():
    [item] = items(entry(guid="g" * 2000))
    assert item.item_key.startswith("guid-sha256:") and len(item.item_key) < 100


def test_missing_and_absurd_dates_fall_back_to_the_fetch_time():
    for published in (None, FETCHED + timedelta(days=2), datetime(1970, 1, 1, tzinfo=UTC),
                      datetime(9999, 12, 31, tzinfo=UTC)):
        [item] = items(entry(published=published))
        assert item.published_fallback and item.published_at == FETCHED


def test_a_believable_updated_date_stands_in_for_a_missing_published():
    updated = FETCHED - timedelta(hours=3)
    [item] = items(entry(published=None, updated=updated))
    assert (item.published_at, item.updated_at, item.published_fallback) == (updated, updated, False)


def test_unparsed_raw_dates_are_read_here():
    [item] = items(entry(published=None, published_raw="Sun, 27 Sep 2020 10:15:00 +0400"))
    assert item.published_at == datetime(2020, 9, 27, 6, 15, tzinfo=UTC) and not item.published_fallback


def test_source_metadata_is_attached():
    [item] = items(entry())
    assert (item.source_id, item.source_url, item.source_kind, item.source_owner, item.source_country,
            item.source_official, item.fetched_at) == (
        "mod-am", "https://mod.example/feed", "rss", "Ministry of Defence (example)", "AM", True, FETCHED)


def test_text_html_and_summary():
    [item] = items(entry(content="<p>[ad_1]</p><p>Both sides confirmed casualties.</p><script>x()</script>",
                         summary="<p>Short version.</p>"))
    assert item.text == "Both sides confirmed casualties."
    assert item.html == "<p></p><p>Both sides confirmed casualties.</p>"
    assert item.summary == "Short version."


def test_plain_text_content_has_no_html():
    [item] = items(entry(content="Line one\nLine two", content_type="text/plain"))
    assert item.text == "Line one\nLine two" and item.html is None


def test_title_comes_from_the_text_when_missing():
    [item] = items(entry(title=None, content="<p>Germany and France called for a ceasefire.</p><p>More.</p>"))
    assert item.title == "Germany and France called for a ceasefire."


def test_entries_with_nothing_to_read_are_dropped():
    assert items(entry(title=None, link="tag:example.org,2020:1", published=None)) == []


def test_language_from_source_then_document_then_text():
    hy = "Պաշտպանության նախարարությունը հայտնում է, որ հակառակորդը փորձել է առաջխաղացում"
    [detected] = items(entry(title=hy))
    [declared] = items(entry(title=hy), language="ru-RU")
    [configured] = items(entry(title=hy), source=Source(id="s", url="https://e.example/", language="hy"),
                         language="en")
    assert (detected.language, declared.language, configured.language) == ("hy", "ru", "hy")


def test_tags_are_deduplicated():
    [item] = items(entry(tags=["Artsakh", " Artsakh ", "war"]))
    assert item.tags == ["Artsakh", "war"]


def test_real_feed_end_to_end():
    body = (NNW / "medscape.rss").read_bytes()
    feed, result = process_document(Source(id="medscape", url="https://www.medscape.com/rss"), body, {},
                                    datetime(2025, 11, 6, tzinfo=UTC))
    assert len(result) == len(feed.entries) == 20
    assert all(not i.published_fallback for i in result)
    assert all(i.url.startswith("https://www.medscape.com/") and i.language == "en" for i in result)
    assert len({i.item_key for i in result}) == 20


def test_item_serialises_to_json_types():
    [item] = items(entry())
    data = item.to_json()
    assert data["published_at"] == (FETCHED - timedelta(hours=1)).isoformat()
    assert set(data) == {
        "source_id", "item_key", "guid", "url", "title", "text", "html", "summary", "published_at",
        "updated_at", "published_fallback", "language", "authors", "tags", "fetched_at", "source_url",
        "source_kind", "source_owner", "source_country", "source_official"}
