"""The demo corpus splits into its 33 items, each feed still a feed at every stage of its
release, and the schedule releases every item once, the failing source down only for a while."""

from __future__ import annotations

import io
import queue
from types import SimpleNamespace

import feedparser

from tools.demo.corpus import load
from tools.demo.runner import FAILING_FEED, demo_schedule, print_alerts


def test_every_feed_reads_as_a_feed_at_every_stage():
    feeds = load()
    assert sum(len(feed.items) for feed in feeds) == 33
    for feed in feeds:
        assert feed.title and feed.title.endswith(")"), "each title marks its feed as the demo's"
        for revealed in range(len(feed.items) + 1):
            parsed = feedparser.parse(feed.document(revealed))
            assert not parsed.bozo, (feed.name, revealed, parsed.bozo_exception)
            assert len(parsed.entries) == revealed
        [first] = feedparser.parse(feed.document(1)).entries
        assert [e.title for e in feedparser.parse(feed.document(2)).entries][1] == first.title, "newest first"


def test_the_schedule_releases_everything_in_turns_within_its_span():
    feeds = load()
    schedule = demo_schedule(feeds, span=90)
    assert schedule.span == 90
    assert [r.at for r in schedule.releases] == sorted(r.at for r in schedule.releases)
    assert schedule.releases[0].at == 0
    for feed in feeds:
        assert schedule.revealed(feed.name, 90) == len(feed.items)
    assert [feed.name for feed in feeds if schedule.revealed(feed.name, 0)] == ["mod-armenia-en"]
    original = next(r.at for r in schedule.releases if r.feed == "news-general")
    copy = next(r.at for r in schedule.releases if r.feed == "news-syndicated")
    assert original < copy, "the syndicated copy follows its original"
    assert not schedule.failing(FAILING_FEED, 10) and schedule.failing(FAILING_FEED, 20)
    assert not schedule.failing(FAILING_FEED, 46) and not schedule.failing("mod-russia", 20)


def test_a_note_given_before_an_alert_arrives_is_printed_before_it():
    """The server notes a recovered source before the item it then serves can become an alert; the
    demo prints the note first, even when it came while waiting for the alert that ends the wait."""
    notes, out = queue.Queue(), io.StringIO()

    class AlertsAfterTheNote(queue.Queue):
        def get(self, block=True, timeout=None):
            notes.put("mod-azerbaijan is back")
            return super().get(block, timeout)

    receiver = SimpleNamespace(alerts=AlertsAfterTheNote())
    payload = {"timestamp": "2020-10-04T08:00:00+00:00", "data": {
        "claim": {"kind": "killed", "subject": "soldier", "count": {"exact": 3}, "claimant": {"name": "Azerbaijan"}},
        "evidence": {"source_owner": "Ministry of Defence of Azerbaijan", "language": "az"},
        "novelty": {"kind": "new"}}}
    receiver.alerts.put(payload)
    lines = print_alerts(receiver, out, until=bool, timeout=5, notes=notes)
    printed = out.getvalue().splitlines()
    assert len(lines) == 1 and len(printed) == 2
    assert printed[0].endswith("(mod-azerbaijan is back)") and printed[1] == lines[0]
