import random
from datetime import UTC, datetime, timedelta

import pytest

from shared.webhooks.queue import Delivery
from shared.webhooks.schedule import (
    DEFAULT_SCHEDULE, RetryPolicy, decide, parse_duration, parse_schedule, verdict,
)
from shared.webhooks.sender import AttemptResult

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
POLICY = RetryPolicy((0, 5, 60), jitter=0)


def test_default_schedule_is_immediately_then_5s_5m_30m_2h_5h_10h_10h():
    assert parse_schedule(DEFAULT_SCHEDULE) == (0, 5, 300, 1800, 7200, 18000, 36000, 36000)


@pytest.mark.parametrize("text,seconds", [("0", 0), ("250ms", 0.25), ("1.5s", 1.5), ("2m", 120), ("1d", 86400), ("7", 7)])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["5 minutes", "-1s", "h"])
def test_bad_durations_are_refused_with_what_was_wrong(text):
    with pytest.raises(ValueError, match=r"^not a duration: '.*' \(use e\.g\. 0, 500ms, 5s, 5m, 2h\)$") as refused:
        parse_duration(text)
    assert repr(text) in str(refused.value)


@pytest.mark.parametrize("text", ["", " , "])
def test_an_empty_schedule_is_refused(text):
    with pytest.raises(ValueError, match=r"^a retry schedule needs at least one attempt$"):
        parse_schedule(text)


def test_the_first_attempt_waits_the_schedules_first_delay():
    assert RetryPolicy.from_text("0,5s").first_delay() == 0
    assert RetryPolicy.from_text("2s,5s").first_delay() == 2


def test_after_the_last_attempt_the_message_is_given_up():
    policy = RetryPolicy.from_text("0,1s,2s", jitter=0)
    assert [policy.next_delay(n) for n in (1, 2, 3)] == [1, 2, None]
    assert policy.max_attempts == 3


def test_jitter_spreads_delays_within_bounds():
    policy = RetryPolicy.from_text("0,100s", jitter=0.1)
    delays = {policy.next_delay(1, rng=random.Random(seed)) for seed in range(50)}
    assert all(90 <= d <= 110 for d in delays)
    assert len(delays) > 10


def test_by_default_delays_are_jittered_by_a_tenth_either_way():
    policy = RetryPolicy.from_text("0,100s")
    delays = [policy.next_delay(1, rng=random.Random(seed)) for seed in range(200)]
    assert all(90 <= d <= 110 for d in delays)
    assert min(delays) < 92 and max(delays) > 108


def test_the_jitter_comes_from_the_random_source_given():
    policy = RetryPolicy.from_text("0,100s")
    assert len({policy.next_delay(1, rng=random.Random(7)) for _ in range(5)}) == 1


def test_a_longer_retry_after_wins_and_is_capped():
    policy = RetryPolicy((0, 5, 10), jitter=0, max_retry_after=3600)
    assert policy.next_delay(1, retry_after=120) == 120
    assert policy.next_delay(1, retry_after=1) == 5
    assert policy.next_delay(1, retry_after=10**7) == 3600


@pytest.mark.parametrize(
    "status,expected",
    [(200, "delivered"), (204, "delivered"), (None, "retry"), (429, "retry"), (500, "retry"), (503, "retry"),
     (408, "retry"), (410, "gone"), (400, "fail"), (401, "fail"), (404, "fail"), (301, "fail"),
     (299, "delivered"), (300, "fail"), (199, "fail"), (425, "retry"), (426, "fail"), (499, "fail")],
)
def test_verdicts(status, expected):
    assert verdict(status) == expected


def _delivery(round_attempts: int) -> Delivery:
    return Delivery("d1", "msg_1", "sub1", "https://hooks.example/in", {}, attempts=round_attempts,
                    round_attempts=round_attempts, claim_observed_at=NOW)


@pytest.mark.parametrize("result,outcome", [
    (AttemptResult(200, 5.0), "delivered"),
    (AttemptResult(204, 5.0), "delivered"),
    (AttemptResult(410, 5.0), "gone"),
    (AttemptResult(400, 5.0), "dead_lettered"),
    (AttemptResult(None, 0.0, error="refused", refused=True), "dead_lettered"),
    (AttemptResult(200, 0.0, refused=True), "dead_lettered"),
])
def test_an_attempt_that_settles_the_message_schedules_nothing(result, outcome):
    assert decide(_delivery(0), result, POLICY, NOW) == (outcome, None)


@pytest.mark.parametrize("result", [AttemptResult(503, 5.0), AttemptResult(None, 15000.0, error="timeout"),
                                    AttemptResult(429, 5.0)])
def test_a_failed_attempt_is_retried_after_the_next_delay_of_the_schedule(result):
    assert decide(_delivery(0), result, POLICY, NOW) == ("retrying", NOW + timedelta(seconds=5))
    assert decide(_delivery(1), result, POLICY, NOW) == ("retrying", NOW + timedelta(seconds=60))
    assert decide(_delivery(2), result, POLICY, NOW) == ("dead_lettered", None)


def test_a_retry_after_longer_than_the_schedule_sets_the_next_attempt():
    result = AttemptResult(503, 5.0, retry_after=120.0)
    assert decide(_delivery(0), result, POLICY, NOW) == ("retrying", NOW + timedelta(seconds=120))
