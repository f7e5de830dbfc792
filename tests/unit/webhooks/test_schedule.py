import random

import pytest

from shared.webhooks.schedule import DEFAULT_SCHEDULE, RetryPolicy, parse_duration, parse_schedule, verdict


def test_default_schedule_is_immediately_then_5s_5m_30m_2h_5h_10h_10h():
    assert parse_schedule(DEFAULT_SCHEDULE) == (0, 5, 300, 1800, 7200, 18000, 36000, 36000)


@pytest.mark.parametrize("text,seconds", [("0", 0), ("250ms", 0.25), ("1.5s", 1.5), ("2m", 120), ("1d", 86400), ("7", 7)])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "5 minutes", "-1s", "h"])
def test_bad_durations_are_refused(text):
    with pytest.raises(ValueError):
        parse_schedule(text) if text == "" else parse_duration(text)


def test_after_the_last_attempt_the_message_is_given_up():
    policy = RetryPolicy.from_text("0,1s,2s", jitter=0)
    assert [policy.next_delay(n) for n in (1, 2, 3)] == [1, 2, None]
    assert policy.max_attempts == 3


def test_jitter_spreads_delays_within_bounds():
    policy = RetryPolicy.from_text("0,100s", jitter=0.1)
    delays = {policy.next_delay(1, rng=random.Random(seed)) for seed in range(50)}
    assert all(90 <= d <= 110 for d in delays)
    assert len(delays) > 10


def test_a_longer_retry_after_wins_and_is_capped():
    policy = RetryPolicy((0, 5, 10), jitter=0, max_retry_after=3600)
    assert policy.next_delay(1, retry_after=120) == 120
    assert policy.next_delay(1, retry_after=1) == 5
    assert policy.next_delay(1, retry_after=10**7) == 3600


@pytest.mark.parametrize(
    "status,expected",
    [(200, "delivered"), (204, "delivered"), (None, "retry"), (429, "retry"), (500, "retry"), (503, "retry"),
     (408, "retry"), (410, "gone"), (400, "fail"), (401, "fail"), (404, "fail"), (301, "fail")],
)
def test_verdicts(status, expected):
    assert verdict(status) == expected
