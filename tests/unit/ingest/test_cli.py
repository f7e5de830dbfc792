import json
from pathlib import Path

from typer.testing import CliRunner

from services.ingest.cli import feeds_app
from shared.settings import get_settings
from tests.unit.ingest.conftest import FEEDS
from tools.feed_server import Response

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures"
NNW = FEEDS / "netnewswire" / "Modules" / "RSParser" / "Tests" / "RSParserTests" / "Resources"


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_parse_a_file_prints_json_lines():
    result = runner.invoke(feeds_app, ["parse", str(NNW / "DaringFireball.json"), "--source-id", "df",
                                       "--owner", "John Gruber", "--country", "US"])
    assert result.exit_code == 0, result.output
    items = lines(result.stdout)
    assert len(items) == 48
    assert items[0]["source_id"] == "df" and items[0]["source_owner"] == "John Gruber"
    assert items[0]["published_at"] == "2017-06-27T00:54:17+00:00"


def test_parse_html_listing_with_selectors():
    selectors = json.dumps({"item": ".news-item", "title": "h3", "date": ".date", "date_formats": ["%d.%m.%Y %H:%M"]})
    result = runner.invoke(feeds_app, ["parse", str(FIXTURES / "ministry_listing.html"), "--kind", "html",
                                       "--selectors", selectors, "--base-url", "https://mod.example/en/press/"])
    assert result.exit_code == 0, result.output
    assert lines(result.stdout)[0]["url"] == "https://mod.example/en/press/2020/09/27/1"


def test_parse_failure_is_a_clear_error_and_non_zero_exit():
    result = runner.invoke(feeds_app, ["parse", str(NNW / "allthis-partial.json")])
    assert result.exit_code == 1
    assert "error:" in result.stderr and "malformed" in result.stderr and not lines(result.stdout)


def test_bad_arguments_are_refused():
    assert runner.invoke(feeds_app, ["parse", "/no/such/file.xml"]).exit_code == 1
    assert runner.invoke(feeds_app, ["parse", str(NNW / "kc0011.rss"), "--kind", "podcast"]).exit_code == 1
    assert runner.invoke(feeds_app, ["parse", str(FIXTURES / "ministry_listing.html"), "--kind", "html",
                                     "--selectors", "{not json"]).exit_code == 1


def test_parse_a_url_through_the_fetcher(feed_server):
    feed_server.route("/cli.xml", Response(body=(NNW / "kc0011.rss").read_bytes(),
                                           headers={"Content-Type": "application/rss+xml"}))
    blocked = runner.invoke(feeds_app, ["parse", feed_server.url("/cli.xml")])
    assert blocked.exit_code == 1 and "blocked" in blocked.stderr
    allowed = runner.invoke(feeds_app, ["parse", feed_server.url("/cli.xml"), "--allow-private"])
    assert allowed.exit_code == 0, allowed.output
    assert lines(allowed.stdout)[0]["title"] == "建国35周年纪念，华表，和平鸽"


def test_discover_from_a_served_page(feed_server):
    feed_server.route("/page", Response(body=b'<link rel="alternate" type="application/rss+xml" href="/rss">',
                                        headers={"Content-Type": "text/html"}))
    result = runner.invoke(feeds_app, ["discover", feed_server.url("/page"), "--allow-private"])
    assert result.exit_code == 0, result.output
    assert lines(result.stdout) == [{"url": feed_server.url("/rss"), "type": "application/rss+xml",
                                     "title": None, "kind": "rss"}]
    empty = runner.invoke(feeds_app, ["discover", str(NNW / "kc0011.rss")])
    assert empty.exit_code == 1 and "advertises no feed" in empty.stderr


def test_feeds_add_refuses_a_literal_private_address_before_touching_the_database(monkeypatch):
    monkeypatch.setenv("SITREP_ALLOW_PRIVATE_NETWORKS", "false")
    monkeypatch.setenv("SITREP_DATABASE_URL", "postgresql+asyncpg://nobody:nothing@127.0.0.1:1/none")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(feeds_app, ["add", "http://[::ffff:127.0.0.1]/rss"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2
    assert "feed URL is refused" in result.output
