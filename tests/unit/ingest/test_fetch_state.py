from datetime import UTC, datetime, timedelta

from services.ingest.schedule.fetch_state import MAX_MESSAGE_CHARS, bounds_for, state_columns, state_from_row
from services.ingest.schedule.timing import SourceState
from shared.settings import Settings

NOW = datetime(2020, 9, 28, 12, 0, tzinfo=UTC)


def test_a_state_survives_the_table_round_trip():
    state = SourceState(
        "s1", "http://x.example/feed", last_checked_at=NOW, last_success_at=NOW - timedelta(hours=1),
        last_status=500, last_error="HTTP 500", last_error_kind="http_status", consecutive_failures=2,
        failing_since=NOW - timedelta(minutes=5), etag='"e"', last_modified="Mon, 28 Sep 2020 11:00:00 GMT",
        next_check_at=NOW + timedelta(minutes=2), healthy=True, items_seen=40, newest_item_at=NOW,
        recent_published=(NOW, NOW - timedelta(minutes=9)), content_hash="ab12",
    )
    row = state_columns(state, warning="kept the first 500 of 800 entries")
    assert row["last_status"] == "500" and row["last_warning"].startswith("kept the first")
    assert state_from_row("s1", "http://x.example/feed", row) == state


def test_a_fetch_error_without_status_and_long_messages():
    row = state_columns(SourceState("s1", "u", last_error="x" * 5000, last_error_kind="timeout"))
    assert row["last_status"] is None and len(row["last_error"]) == MAX_MESSAGE_CHARS
    assert state_from_row("s1", "u", row).last_status is None


def test_bounds_come_from_the_source_and_the_settings():
    bounds = bounds_for(30, 600, Settings(ingest_unhealthy_after_failures=4, ingest_unhealthy_retry_seconds=900))
    assert (bounds.min_interval, bounds.max_interval, bounds.backoff_base) == (
        timedelta(seconds=30), timedelta(minutes=10), timedelta(seconds=30))
    assert bounds.backoff_cap == timedelta(hours=1)
    assert (bounds.unhealthy_after_failures, bounds.unhealthy_interval) == (4, timedelta(minutes=15))
    assert bounds_for(120, 60, Settings()).max_interval == timedelta(minutes=2), "an upper bound below the lower"
