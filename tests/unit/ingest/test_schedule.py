import random
from datetime import UTC, datetime, timedelta

from services.ingest.schedule.timing import (
    WEEK,
    FeedHints,
    ScheduleBounds,
    SourceState,
    backoff,
    next_after_success,
    outside_skips,
    publishing_interval,
    record_failure,
    record_success,
)

NOW = datetime(2020, 9, 27, 12, 0, tzinfo=UTC)
BOUNDS = ScheduleBounds()


def every(minutes: int, count: int) -> list[datetime]:
    return [NOW - timedelta(minutes=minutes * i) for i in range(count)]


def test_busy_feed_is_checked_at_the_lower_bound():
    assert publishing_interval(every(1, 200), NOW, BOUNDS) == timedelta(minutes=1)


def test_interval_follows_the_recent_rhythm_within_bounds():
    assert publishing_interval(every(30, 20), NOW, BOUNDS) == timedelta(minutes=30)
    burst_after_quiet_week = every(4, 10) + every(60 * 24, 7)
    assert publishing_interval(burst_after_quiet_week, NOW, BOUNDS) == timedelta(minutes=4)
    assert publishing_interval(list(reversed(every(7, 12))), NOW, BOUNDS) == timedelta(minutes=7)


def test_quiet_or_silent_feed_is_checked_at_the_upper_bound():
    assert publishing_interval(every(60 * 24, 3), NOW, BOUNDS) == BOUNDS.max_interval
    assert publishing_interval([], NOW, BOUNDS) == BOUNDS.max_interval
    old = [NOW - timedelta(days=30)]
    assert publishing_interval(old, NOW, BOUNDS) == BOUNDS.max_interval


def test_per_source_bounds_override_the_defaults():
    tight = ScheduleBounds(min_interval=timedelta(minutes=5), max_interval=timedelta(minutes=10))
    assert publishing_interval(every(1, 500), NOW, tight) == timedelta(minutes=5)
    assert publishing_interval([], NOW, tight) == timedelta(minutes=10)


def test_cache_hints_delay_the_next_check_but_not_past_the_ceiling():
    busy = every(1, 200)
    assert next_after_success(NOW, busy, FeedHints(max_age=600), BOUNDS) == NOW + timedelta(minutes=10)
    assert next_after_success(NOW, busy, FeedHints(ttl_minutes=20), BOUNDS) == NOW + timedelta(minutes=20)
    assert next_after_success(NOW, busy, FeedHints(max_age=86400), BOUNDS) == NOW + BOUNDS.max_interval


def test_retry_after_is_honoured_beyond_the_ceiling_up_to_a_day():
    assert next_after_success(NOW, [], FeedHints(retry_after=7200), BOUNDS) == NOW + timedelta(hours=2)
    assert next_after_success(NOW, [], FeedHints(retry_after=10**7), BOUNDS) == NOW + timedelta(hours=24)


def test_skip_hours_and_days_push_the_check_out():
    at_13 = NOW.replace(hour=13, minute=20)
    assert outside_skips(at_13, frozenset({13, 14}), frozenset()) == NOW.replace(hour=15, minute=0)
    sunday = NOW  # 2020-09-27 was a Sunday
    assert outside_skips(sunday, frozenset(), frozenset({"sunday"})) == datetime(2020, 9, 28, tzinfo=UTC)
    assert outside_skips(at_13, frozenset(range(24)), frozenset()) == at_13


def test_backoff_grows_exponentially_with_full_jitter():
    rng = random.Random(7)
    draws = {n: [backoff(n, BOUNDS, rng) for _ in range(200)] for n in (1, 3, 6, 12)}
    assert all(BOUNDS.min_interval <= d <= BOUNDS.backoff_base for d in draws[1])
    assert all(d <= BOUNDS.backoff_base * 4 for d in draws[3])
    assert max(draws[6]) > BOUNDS.backoff_base * 16  # room grows: 32 min ceiling
    assert all(d <= BOUNDS.backoff_cap for d in draws[12])
    assert len({round(d.total_seconds()) for d in draws[6]}) > 50  # jittered, not fixed


def test_failures_accumulate_then_success_resets():
    rng = random.Random(1)
    state = SourceState("s1", "https://example.org/feed")
    for i in range(3):
        state = record_failure(state, NOW + timedelta(minutes=i), error_kind="timeout", message="slow",
                               status=None, retry_after=None, bounds=BOUNDS, rng=rng)
    assert state.consecutive_failures == 3 and state.healthy and state.failing_since == NOW
    assert state.last_error_kind == "timeout" and state.next_check_at > NOW + timedelta(minutes=2)
    state = record_success(state, NOW + timedelta(hours=1), status=200, etag='"e"', last_modified=None,
                           new_items=4, published=[NOW], hints=FeedHints(), bounds=BOUNDS)
    assert (state.consecutive_failures, state.failing_since, state.healthy, state.items_seen) == (0, None, True, 4)
    assert state.etag == '"e"' and state.last_error is None and state.newest_item_at == NOW


def test_not_modified_keeps_the_validators():
    state = SourceState("s1", "u", etag='"old"', last_modified="Mon, 01 Jan 2020 00:00:00 GMT")
    state = record_success(state, NOW, status=304, etag=None, last_modified=None, new_items=0,
                           published=[], hints=FeedHints(), bounds=BOUNDS)
    assert state.etag == '"old"' and state.last_modified.startswith("Mon")


def test_permanent_redirect_updates_the_url():
    state = record_success(SourceState("s1", "http://old.example/feed"), NOW, status=200, etag=None,
                           last_modified=None, new_items=0, published=[], hints=FeedHints(), bounds=BOUNDS,
                           url="https://new.example/feed")
    assert state.url == "https://new.example/feed"


def test_retry_after_on_failure_is_a_floor():
    state = record_failure(SourceState("s1", "u"), NOW, error_kind="http_status", message="HTTP 429",
                           status=429, retry_after=1800, bounds=BOUNDS, rng=random.Random(3))
    assert state.next_check_at == NOW + timedelta(minutes=30)


def test_long_failing_source_turns_unhealthy_and_is_retried_rarely():
    rng = random.Random(2)
    state = SourceState("s1", "u")
    for i in range(BOUNDS.unhealthy_after_failures):
        state = record_failure(state, NOW + timedelta(minutes=i), error_kind="connect", message="refused",
                               status=None, retry_after=None, bounds=BOUNDS, rng=rng)
    assert not state.healthy
    assert state.next_check_at == state.last_checked_at + BOUNDS.unhealthy_interval


def test_failing_for_a_day_turns_unhealthy_even_with_few_failures():
    state = SourceState("s1", "u", consecutive_failures=2, failing_since=NOW - timedelta(hours=25))
    state = record_failure(state, NOW, error_kind="http_status", message="HTTP 500", status=500,
                           retry_after=None, bounds=BOUNDS, rng=random.Random(0))
    assert not state.healthy and state.next_check_at == NOW + timedelta(hours=6)


def test_not_modified_keeps_the_publishing_rhythm():
    state = record_success(SourceState("s1", "u"), NOW, status=200, etag='"a"', last_modified=None,
                           new_items=12, published=every(5, 12), hints=FeedHints(), bounds=BOUNDS,
                           content_hash="h1")
    assert len(state.recent_published) == 11 and state.next_check_at == NOW + timedelta(minutes=5)
    later = NOW + timedelta(minutes=5)
    state = record_success(state, later, status=304, etag=None, last_modified=None, new_items=0,
                           published=[], hints=FeedHints(), bounds=BOUNDS)
    assert state.next_check_at == later + timedelta(minutes=5)
    assert state.newest_item_at == NOW and state.items_seen == 12 and state.content_hash == "h1"


def test_a_source_is_due_when_never_scheduled_or_once_its_time_has_come():
    assert SourceState("s1", "u").due(NOW)
    assert SourceState("s1", "u", next_check_at=NOW).due(NOW)
    assert not SourceState("s1", "u", next_check_at=NOW + timedelta(seconds=1)).due(NOW)
    assert SourceState("s1", "u", next_check_at=NOW - timedelta(seconds=1)).due(NOW)


def test_the_rhythm_counts_entries_from_exactly_a_week_ago_up_to_now():
    assert publishing_interval([NOW, NOW - timedelta(minutes=20)], NOW, BOUNDS) == timedelta(minutes=20)
    week_old = [NOW - timedelta(minutes=20), NOW - WEEK]
    assert publishing_interval(week_old, NOW, BOUNDS) == BOUNDS.max_interval  # a gap of days, clamped
    tight = ScheduleBounds(max_interval=timedelta(days=30))
    assert publishing_interval(week_old, NOW, tight) == WEEK - timedelta(minutes=20)
    assert publishing_interval([NOW - WEEK - timedelta(seconds=1), NOW], NOW, tight) == tight.max_interval
    assert publishing_interval([NOW + timedelta(minutes=5), NOW - timedelta(minutes=20)], NOW, BOUNDS) \
        == BOUNDS.max_interval  # an entry dated in the future is no evidence


def test_the_rhythm_is_the_median_gap():
    # Gaps of 2, 3, 10, 20 and 40 minutes, newest first: the median is 10.
    offsets = [0, 2, 5, 15, 35, 75]
    published = [NOW - timedelta(minutes=m) for m in offsets]
    assert publishing_interval(published, NOW, BOUNDS) == timedelta(minutes=10)


def test_without_cache_hints_a_source_allowed_under_a_minute_keeps_its_own_rhythm():
    fast = ScheduleBounds(min_interval=timedelta(seconds=10))
    every_30_seconds = [NOW - timedelta(seconds=30 * i) for i in range(11)]
    assert next_after_success(NOW, every_30_seconds, FeedHints(), fast) == NOW + timedelta(seconds=30)


def test_a_skipped_hour_moves_the_check_to_the_start_of_the_next_hour():
    at_13 = datetime(2020, 9, 27, 13, 20, 45, 500000, tzinfo=UTC)
    assert outside_skips(at_13, frozenset({13}), frozenset()) == datetime(2020, 9, 27, 14, tzinfo=UTC)
    assert outside_skips(at_13, frozenset({12}), frozenset()) == at_13


def test_a_skipped_day_moves_the_check_to_the_next_midnight():
    sunday_afternoon = datetime(2020, 9, 27, 15, 34, 56, 789000, tzinfo=UTC)
    weekend = frozenset({"saturday", "sunday"})
    assert outside_skips(sunday_afternoon, frozenset(), weekend) == datetime(2020, 9, 28, tzinfo=UTC)
    friday = datetime(2020, 9, 25, 23, 30, tzinfo=UTC)
    assert outside_skips(friday, frozenset({23}), weekend) == datetime(2020, 9, 28, tzinfo=UTC)


def test_a_feed_that_skips_every_day_is_read_anyway():
    every_day = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
    assert outside_skips(NOW, frozenset(), every_day) == NOW
    assert outside_skips(NOW, frozenset(), every_day - {"monday"}) == datetime(2020, 9, 28, tzinfo=UTC)


def test_a_success_after_a_bad_spell_records_the_fetch_and_clears_the_failure():
    unhealthy = SourceState("s1", "u", last_checked_at=NOW - timedelta(hours=6), last_status=503,
                            last_error="HTTP 503", last_error_kind="http_status", consecutive_failures=14,
                            failing_since=NOW - timedelta(days=2), healthy=False)
    state = record_success(unhealthy, NOW, status=200, etag=None, last_modified=None, new_items=0,
                           published=[], hints=FeedHints(), bounds=BOUNDS)
    assert (state.last_checked_at, state.last_success_at, state.last_status) == (NOW, NOW, 200)
    assert (state.last_error, state.last_error_kind, state.consecutive_failures, state.failing_since) \
        == (None, None, 0, None)
    assert state.healthy


def test_a_full_response_replaces_the_validators_even_with_none():
    state = SourceState("s1", "u", etag='"old"', last_modified="Mon, 01 Jan 2020 00:00:00 GMT")
    fresh = record_success(state, NOW, status=200, etag='"new"', last_modified="Tue, 02 Jan 2020 00:00:00 GMT",
                           new_items=1, published=[NOW], hints=FeedHints(), bounds=BOUNDS)
    assert (fresh.etag, fresh.last_modified) == ('"new"', "Tue, 02 Jan 2020 00:00:00 GMT")
    bare = record_success(state, NOW, status=200, etag=None, last_modified=None, new_items=1,
                          published=[NOW], hints=FeedHints(), bounds=BOUNDS)
    assert (bare.etag, bare.last_modified) == (None, None)  # the server stopped sending them
    revalidated = record_success(state, NOW, status=304, etag='"newer"', last_modified=None, new_items=0,
                                 published=[], hints=FeedHints(), bounds=BOUNDS)
    assert (revalidated.etag, revalidated.last_modified) == ('"newer"', state.last_modified)


def test_a_full_response_without_entries_forgets_the_rhythm_but_not_the_newest_entry():
    state = record_success(SourceState("s1", "u"), NOW, status=200, etag=None, last_modified=None, new_items=6,
                           published=every(5, 6), hints=FeedHints(), bounds=BOUNDS)
    later = NOW + timedelta(minutes=5)
    emptied = record_success(state, later, status=200, etag=None, last_modified=None, new_items=0,
                             published=[], hints=FeedHints(), bounds=BOUNDS)
    assert emptied.recent_published == () and emptied.next_check_at == later + BOUNDS.max_interval
    assert emptied.newest_item_at == NOW


def test_the_newest_entry_is_the_newest_ever_seen():
    state = SourceState("s1", "u", newest_item_at=NOW)
    older = record_success(state, NOW, status=200, etag=None, last_modified=None, new_items=0,
                           published=[NOW - timedelta(hours=1)], hints=FeedHints(), bounds=BOUNDS)
    assert older.newest_item_at == NOW
    newer = record_success(state, NOW + timedelta(hours=1), status=200, etag=None, last_modified=None,
                           new_items=1, published=[NOW + timedelta(minutes=30)], hints=FeedHints(), bounds=BOUNDS)
    assert newer.newest_item_at == NOW + timedelta(minutes=30)


def test_the_rhythm_kept_for_later_is_that_of_the_newest_entries():
    burst = every(2, 11)
    quiet_before = [NOW - timedelta(hours=h) for h in range(1, 6)]
    state = record_success(SourceState("s1", "u"), NOW, status=200, etag=None, last_modified=None, new_items=16,
                           published=quiet_before + burst, hints=FeedHints(), bounds=BOUNDS)
    assert state.recent_published == tuple(burst)
    later = NOW + timedelta(minutes=2)
    state = record_success(state, later, status=304, etag=None, last_modified=None, new_items=0,
                           published=[], hints=FeedHints(), bounds=BOUNDS)
    assert state.next_check_at == later + timedelta(minutes=2)


def test_a_failure_records_what_went_wrong():
    state = record_failure(SourceState("s1", "u"), NOW, error_kind="http_status", message="HTTP 502", status=502,
                           retry_after=None, bounds=BOUNDS, rng=random.Random(4))
    assert (state.last_checked_at, state.last_status, state.last_error, state.last_error_kind) \
        == (NOW, 502, "HTTP 502", "http_status")
    assert state.last_success_at is None


def test_failing_for_exactly_the_unhealthy_span_turns_unhealthy():
    since = NOW - BOUNDS.unhealthy_after
    state = SourceState("s1", "u", consecutive_failures=1, failing_since=since)
    state = record_failure(state, NOW, error_kind="connect", message="refused", status=None, retry_after=None,
                           bounds=BOUNDS, rng=random.Random(0))
    assert not state.healthy
    almost = SourceState("s1", "u", consecutive_failures=1, failing_since=since + timedelta(seconds=1))
    assert record_failure(almost, NOW, error_kind="connect", message="refused", status=None, retry_after=None,
                          bounds=BOUNDS, rng=random.Random(0)).healthy
