"""Sources to start from: the packs import (twice changes nothing), export and import again
unchanged; `feeds add` takes the feed's own title."""

from __future__ import annotations

import json
import subprocess
import uuid

from sqlalchemy import text

from tests.conftest import REPO, _admin, _drop_database, _sqlalchemy_url
from tools.feed_server import FeedServer, Response
from tools.processes import SITREP

PACKS = sorted(str(path) for path in (REPO / "sources").glob("*.opml"))


async def _events(db) -> int:
    async with db.engine.connect() as conn:
        return (await conn.execute(text("SELECT count(*) FROM events"))).scalar_one()


def _feeds(sitrep) -> dict[str, dict]:
    listed = sitrep("feeds", "list")
    assert listed.returncode == 0, listed.stderr
    fields = ("url", "kind", "title", "owner", "country", "language", "official", "min_interval_s", "max_interval_s",
              "fetch_full_text", "config")
    return {row["url"]: {k: row[k] for k in fields} for row in map(json.loads, listed.stdout.splitlines())}


async def test_packs_import_export_import_changes_nothing(sitrep, db, tmp_path):
    first = sitrep("feeds", "import", *PACKS)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "added 23, updated 0, unchanged 0 (of 23 sources)"
    imported, events = _feeds(sitrep), await _events(db)
    assert len(imported) == 23
    kremlin = imported["http://kremlin.ru/"]
    assert kremlin["kind"] == "html" and kremlin["config"]["selectors"]["item"] and kremlin["official"] is True
    assert imported["https://t.me/s/GeneralStaffZSU"]["kind"] == "telegram"
    assert imported["https://tass.com/rss/v2.xml"]["official"] is False

    again = sitrep("feeds", "import", *PACKS)
    assert again.stdout.strip() == "added 0, updated 0, unchanged 23 (of 23 sources)"
    exported = tmp_path / "mine.opml"
    assert sitrep("feeds", "export", "--file", str(exported)).returncode == 0
    assert b"sitrep:kind=\"html_listing\"" in exported.read_bytes()
    reimported = sitrep("feeds", "import", str(exported))
    assert reimported.stdout.strip() == "added 0, updated 0, unchanged 23 (of 23 sources)"
    assert await _events(db) == events, "nothing was recorded"
    assert _feeds(sitrep) == imported


async def test_an_export_imported_elsewhere_gives_the_same_sources(sitrep, env, tmp_path, template_database):
    sitrep("feeds", "import", *PACKS)
    added = sitrep("feeds", "add", "https://untitled.example/feed", "--min-interval", "30", "--full-text",
                   "--config", '{"encoding": "utf-8"}', "--title", "")
    assert added.returncode == 0, added.stderr
    exported = tmp_path / "all.opml"
    sitrep("feeds", "export", "-f", str(exported))
    elsewhere = f"sitrep_test_{uuid.uuid4().hex[:12]}"
    await _admin(f'CREATE DATABASE "{elsewhere}" TEMPLATE "{template_database}"')
    try:
        other = {**env, "SITREP_DATABASE_URL": _sqlalchemy_url(elsewhere)}
        done = subprocess.run([str(SITREP), "feeds", "import", str(exported)], env=other, capture_output=True,
                              text=True, cwd=REPO, timeout=60)
        assert done.stdout.strip() == "added 24, updated 0, unchanged 0 (of 24 sources)", done.stderr
        listed = subprocess.run([str(SITREP), "feeds", "list"], env=other, capture_output=True, text=True, cwd=REPO)
        theirs = {row["url"]: row for row in map(json.loads, listed.stdout.splitlines())}
    finally:
        await _drop_database(elsewhere)
    ours = _feeds(sitrep)
    assert {url: {k: theirs[url][k] for k in row} for url, row in ours.items()} == ours
    assert ours["https://untitled.example/feed"]["title"] is None


async def test_a_pack_sets_only_what_it_states(sitrep, tmp_path):
    pack = tmp_path / "one.opml"
    pack.write_text("""<?xml version="1.0"?>
<opml version="2.0" xmlns:sitrep="https://sitrep.dev/ns/opml/1"><head><title>t</title></head><body>
<outline text="MoD" xmlUrl="https://mod.example/rss" sitrep:owner="MoD" sitrep:official="true"/>
</body></opml>""")
    sitrep("feeds", "import", str(pack))
    [feed_id] = [row["feed_id"] for row in map(json.loads, sitrep("feeds", "list").stdout.splitlines())]
    sitrep("feeds", "remove", feed_id)
    sitrep("feeds", "add", "https://mod.example/rss", "--min-interval", "20", "--title", "Mine")
    assert sitrep("feeds", "import", str(pack)).stdout.startswith("added 0, updated 1")
    [row] = map(json.loads, sitrep("feeds", "list").stdout.splitlines())
    assert (row["title"], row["owner"], row["official"], row["min_interval_s"]) == ("MoD", "MoD", True, 20)
    assert sitrep("feeds", "import", "--dry-run", str(pack)).stdout.startswith("would add 0, would update 0")


def test_bad_packs_are_refused_with_the_outline_at_fault(env, tmp_path):
    strict = {**env, "SITREP_ALLOW_PRIVATE_NETWORKS": "false"}
    cases = {
        "kind": ('<outline text="x" xmlUrl="https://a.example/" sitrep:kind="podcast"/>', "outline 1 (https://a.example/)"),
        "twice": ('<outline xmlUrl="https://a.example/"/><outline xmlUrl="https://a.example/"/>', "repeats the xmlUrl"),
        "private": ('<outline xmlUrl="http://10.0.0.1/feed"/>', "outline 1: the feed URL is refused"),
    }
    for name, (outlines, message) in cases.items():
        path = tmp_path / f"{name}.opml"
        path.write_text(f'<opml version="2.0" xmlns:sitrep="https://sitrep.dev/ns/opml/1"><body>{outlines}</body></opml>')
        done = subprocess.run([str(SITREP), "feeds", "import", str(path)], capture_output=True, text=True, env=strict,
                              cwd=REPO, timeout=60)
        assert done.returncode == 1 and message in done.stderr, done.stderr
        assert "Traceback" not in done.stderr


async def test_feeds_add_takes_the_feeds_own_title(sitrep):
    rss = ("<?xml version='1.0'?><rss version='2.0'><channel><title>  Ministry of Defence\n (news) </title>"
           "<item><title>a</title><guid>1</guid></item></channel></rss>")
    with FeedServer() as server:
        server.route("/feed.xml", Response(200, {"Content-Type": "application/rss+xml"}, rss))
        server.route("/broken.xml", Response(500, body="down"))
        assert sitrep("feeds", "add", server.url("/feed.xml")).returncode == 0
        broken = sitrep("feeds", "add", server.url("/broken.xml"))
        named = sitrep("feeds", "add", server.url("/named.xml"), "--title", "Given")
    assert broken.returncode == 0 and "warning: registered without a title" in broken.stderr
    assert len(server.requests_for("/named.xml")) == 0, "a given title needs no fetch"
    titles = {row["url"].rsplit("/", 1)[1]: row["title"] for row in map(json.loads, sitrep("feeds", "list").stdout.splitlines())}
    assert titles == {"feed.xml": "Ministry of Defence (news)", "broken.xml": None, "named.xml": "Given"}
    assert named.returncode == 0
