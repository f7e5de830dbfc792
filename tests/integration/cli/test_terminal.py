"""The list commands on a terminal (a pseudo-terminal here): aligned tables with the columns people
need, long fields cut, times relative; JSON lines when piped; errors as one line and a hint."""

from __future__ import annotations

import json
import re

from tests.conftest import REPO
from tests.integration.cli.conftest import LONG_TITLE
from tests.support.terminal import in_terminal
from tools.processes import SITREP


def shown(env, *args: str, columns: int = 160) -> str:
    status, screen = in_terminal([str(SITREP), *args], env, REPO, columns=columns)
    assert status == 0, screen
    return screen


def header_and_rows(screen: str, first_header: str) -> tuple[str, list[str]]:
    lines = screen.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith(first_header))
    assert set(lines[start + 1].strip()) == {"─"}, "a rule under the header"
    return lines[start], [line for line in lines[start + 2:] if line.strip()]


async def test_feeds_list_is_a_table_on_a_terminal(env, world):
    screen = shown(env, "feeds", "list")
    header, rows = header_and_rows(screen, "source")
    assert len(rows) == 2 and "{" not in screen
    for name in ("source", "owner", "state", "items", "last success", "next check", "id"):
        assert name in header
    ministry = next(row for row in rows if row.startswith("Ministry"))
    assert LONG_TITLE not in ministry and "…" in ministry, "a long title is cut"
    wire = next(row for row in rows if row.startswith("Wire"))
    assert "failing ×3: http_status (HTTP 503)" in wire
    assert re.search(r"in [34] min", wire), "the next check, relative"
    assert header.index("state") == ministry.index("not fetched yet"), "columns are aligned"
    assert world["wire"] in wire


async def test_a_wide_terminal_shows_every_column_and_a_narrow_one_those_that_matter(env, world):
    header, _ = header_and_rows(shown(env, "feeds", "list", columns=230), "source")
    assert header.split() == ["source", "kind", "owner", "lang", "official", "state", "items", "last", "success",
                              "next", "check", "id"]
    header, rows = header_and_rows(shown(env, "feeds", "list", columns=90), "source")
    assert "state" in header and "id" in header and "owner" not in header
    assert all(len(row) <= 90 for row in rows)


async def test_claims_and_stories_lists_read_like_a_report(env, world):
    header, rows = header_and_rows(shown(env, "claims", "list"), "seen")
    assert [row.split()[0:3] for row in rows] == [["3", "min", "ago"], ["6", "min", "ago"]], "newest first"
    assert "up to 430" in rows[0] and "killed soldier (total)" in rows[0]
    assert "downed drone" in rows[1] and "Azerbaijan" in rows[1] and "Ministry of Defence of Armenia" in rows[1]
    _, stories = header_and_rows(shown(env, "stories", "list"), "seen")
    assert len(stories) == 1 and "Drones shot down over the border" in stories[0] and "7 min ago" in stories[0]


async def test_filters_and_explicit_formats(env, world, sitrep):
    piped = sitrep("claims", "list", "--party", "armenia")
    assert piped.returncode == 0, piped.stderr
    [claim] = [json.loads(line) for line in piped.stdout.splitlines()]
    assert claim["claim_id"] == "drones" and claim["count_min"] == 3 and "identity_key" not in claim
    as_json = json.loads(sitrep("claims", "list", "--output", "json", "--since", "5m").stdout)
    assert [c["claim_id"] for c in as_json] == ["tally"]
    table = sitrep("feeds", "list", "-o", "table").stdout
    assert "source" in table.splitlines()[0] and "{" not in table
    terminal_json = shown(env, "stories", "list", "--output", "jsonl")
    assert json.loads(terminal_json.strip())["story_id"] == world["story"]


async def test_status_is_one_screen(env, world):
    status, screen = in_terminal([str(SITREP), "status"], env, REPO)
    assert status == 1, "the services are not running"
    assert re.search(r"●\s+postgresql\s+sitrep_test_\w+ on 127\.0\.0\.1", screen)
    assert re.search(r"●\s+ingest\s+http://127\.0\.0\.1:9/readyz does not answer", screen)
    assert "2 claims" in screen and "1 stories" in screen
    assert "1 ok" not in screen and "1 new, 1 failing" in screen
    assert "Wire" in screen and "failing ×3" in screen
    assert "0 subscriptions" in screen and "0 pending" in screen


async def test_status_as_json_for_scripts(world, sitrep):
    done = sitrep("status")
    found = json.loads(done.stdout)
    assert done.returncode == 1 and found["healthy"] is False
    assert found["feeds"] == {"new": 1, "failing": 1} and found["counts"]["claims"] == 2
    assert [lag["topic"] for lag in found["lag"]] == ["news.items", "news.stories"]


def test_errors_are_one_line_and_a_hint(sitrep, env):
    unreachable = {**env, "SITREP_DATABASE_URL": "postgresql+asyncpg://sitrep:sitrep@127.0.0.1:9/sitrep"}
    status, screen = in_terminal([str(SITREP), "feeds", "list"], unreachable, REPO)
    assert status == 1
    assert screen.strip().splitlines() == [
        "error: cannot reach PostgreSQL: [Errno 111] Connect call failed ('127.0.0.1', 9)",
        "hint: check SITREP_DATABASE_URL, or start the local stack with `make stack` (`make up` also runs the services)",
    ]
    for args, message in [
        (("feeds", "lisst"), "error: No such command 'lisst'."),
        (("claims", "list", "--since", "yesterday"), "error: not a time: 'yesterday'"),
        (("feeds", "remove", "no-such-feed"), "error: no such feed no-such-feed"),
        (("feeds", "import", "missing.opml"), "error: no such file: missing.opml"),
    ]:
        done = sitrep(*args)
        assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
        first, second = done.stderr.strip().splitlines()
        assert first.startswith(message) and second.startswith("hint: "), done.stderr
