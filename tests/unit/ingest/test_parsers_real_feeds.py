"""Parsers on feeds captured from real sites (../shared/data/feeds)."""

from datetime import UTC, datetime

import pytest

from services.ingest.parse.document import parse_document
from services.ingest.parse.model import ParseError, ParseErrorKind
from tests.unit.ingest.conftest import FEEDS

RSS_PARSER = FEEDS / "rss-parser" / "test" / "input"
NNW = FEEDS / "netnewswire" / "Modules" / "RSParser" / "Tests" / "RSParserTests" / "Resources"


def parse(path, kind="rss", headers=None, base="https://feeds.example/feed"):
    return parse_document(kind, path.read_bytes(), headers or {}, base)


def test_guardian_rss2():
    feed = parse(RSS_PARSER / "guardian.rss")
    assert feed.format == "rss20" and len(feed.entries) == 55 and not feed.warnings
    first = feed.entries[0]
    assert first.title == "Trump State of the Union address promised unity but emphasized discord"
    assert first.link.startswith("https://www.theguardian.com/us-news/2018/jan/31/")
    assert first.guid == first.link
    assert first.published == datetime(2018, 1, 31, 7, 26, 5, tzinfo=UTC)
    assert "Donald Trump" in first.tags and first.authors == ["David Smith in Washington"]


def test_latin1_declared_in_the_xml_prolog():
    feed = parse(RSS_PARSER / "encoding.rss")
    assert feed.encoding == "iso-8859-1"
    assert feed.entries[0].title == "Mãe de utente é a nova presidente da Raríssimas"


def test_latin1_without_any_declaration_is_guessed():
    feed = parse(RSS_PARSER / "uolNoticias.rss")
    assert feed.entries[0].title == "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno"
    assert any("guessed" in w for w in feed.warnings)
    assert feed.entries[0].published_raw == "Seg, 24 Set 2018 19:42:40 -0300"  # Portuguese: left to dates.py


def test_gb2312_chinese_feed():
    feed = parse(NNW / "kc0011.rss")
    assert len(feed.entries) == 20
    assert feed.entries[0].title == "建国35周年纪念，华表，和平鸽"


def test_rss1_rdf_uses_dc_date():
    feed = parse(RSS_PARSER / "rss-1.rss")
    assert feed.format == "rss10" and len(feed.entries) == 69
    assert feed.entries[0].updated == datetime(2017, 6, 15, 17, 29, 47, tzinfo=UTC)
    bio = parse(NNW / "bio.rdf")
    assert bio.format == "rss10" and bio.entries[0].title.startswith("Wheat inositol pyrophosphate kinase")


def test_atom_feeds():
    heise = parse(RSS_PARSER / "heise.atom")
    assert heise.format == "atom10" and len(heise.entries) == 15
    assert heise.entries[0].title.startswith("Java-Anwendungsserver: Red Hat gibt WildFly 10 frei")
    df = parse(NNW / "DaringFireball.atom")
    assert len(df.entries) == 48 and df.entries[0].content and df.entries[0].content_type == "text/html"


def test_odd_date_with_double_space_and_zone_abbreviation():
    entry = parse(NNW / "medscape.rss").entries[0]
    assert entry.published_raw == "Wed, 5 Nov 2025 13:52:10  EST"
    assert entry.published == datetime(2025, 11, 5, 18, 52, 10, tzinfo=UTC)


def test_content_encoded_becomes_html_content():
    entry = parse(RSS_PARSER / "content-encoded.rss").entries[0]
    assert entry.content.startswith("<h4>Using Wild Ingredients in the\xa0Kitchen</h4>")
    assert entry.content_type == "text/html"


def test_html_page_served_as_a_feed_is_not_a_feed():
    with pytest.raises(ParseError) as caught:
        parse(RSS_PARSER / "unrecognized.rss")
    assert caught.value.kind is ParseErrorKind.NOT_A_FEED


@pytest.mark.parametrize("name", ["incomplete-fields.atom", "missing-fields.atom"])
def test_atom_entries_missing_their_fields_parse_with_empty_values(name):
    entry = parse(RSS_PARSER / name).entries[0]
    assert (entry.title, entry.published, entry.content) == (None, None, None)


def test_json_feed_1_0():
    feed = parse(NNW / "DaringFireball.json")
    assert feed.format == "jsonfeed1" and len(feed.entries) == 48
    entry = feed.entries[0]
    assert entry.title == "The Talk Show: ‘I Do Like Throwing a Baby’"
    assert entry.published == datetime(2017, 6, 27, 0, 54, 17, tzinfo=UTC)
    assert entry.content_type == "text/html" and entry.authors == ["John Gruber"]


def test_json_feed_1_1_authors():
    feed = parse(NNW / "authors.json", "json")
    assert feed.format == "jsonfeed1.1"
    by_title = {e.guid: e.authors for e in feed.entries}
    assert any(len(a) >= 2 for a in by_title.values())


def test_truncated_json_feed_is_an_error():
    with pytest.raises(ParseError) as caught:
        parse(NNW / "allthis-partial.json")
    assert caught.value.kind is ParseErrorKind.MALFORMED and "JSON" in caught.value.message


def test_rss_in_json_is_not_a_json_feed():
    with pytest.raises(ParseError) as caught:
        parse(NNW / "ScriptingNews.json")
    assert caught.value.kind is ParseErrorKind.NOT_A_FEED


@pytest.mark.parametrize("name, count", [("aktuality.rss", 30), ("livemint.xml", 25), ("medscape.rss", 20),
                                         ("reddit-atom.rss", 24), ("feedburner.atom", 25)])
def test_other_news_feeds_parse_completely(name, count):
    path = NNW / name if (NNW / name).exists() else RSS_PARSER / name
    feed = parse(path)
    assert len(feed.entries) == count and all(e.title for e in feed.entries)


def test_max_items_keeps_the_first_entries():
    feed = parse_document("rss", (RSS_PARSER / "guardian.rss").read_bytes(), max_items=10)
    assert len(feed.entries) == 10 and feed.dropped_entries == 45
    assert any("first 10 of 55" in w for w in feed.warnings)
