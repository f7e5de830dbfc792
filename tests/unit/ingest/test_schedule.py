import random
from datetime import UTC, datetime, timedelta

from services.ingest.schedule.timing import (
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
