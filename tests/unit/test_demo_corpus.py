"""The demo corpus splits into its 33 items, each feed still a feed at every stage of its
release, and the schedule releases every item once, the failing source down only for a while."""

from __future__ import annotations

import feedparser

from tools.demo.corpus import load
from tools.demo.runner import FAILING_FEED, demo_schedule


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
