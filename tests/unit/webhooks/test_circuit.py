from shared.webhooks.circuit import Breakers, CircuitBreaker


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_opens_after_consecutive_failures_and_lets_one_trial_through_after_cooldown():
    clock = Clock()
    breaker = CircuitBreaker(failure_threshold=3, cooldown=10, clock=clock)
    for _ in range(2):
        breaker.failed()
    assert breaker.state == "closed" and breaker.capacity(4, 0) == 4
    breaker.failed()
    assert breaker.state == "open" and breaker.capacity(4, 0) == 0
    clock.now = 10
    assert breaker.state == "half_open" and breaker.capacity(4, 0) == 1
    breaker.started()
    assert breaker.capacity(4, 1) == 0
    breaker.succeeded()
    assert breaker.state == "closed" and breaker.capacity(4, 1) == 3


def test_a_failed_trial_reopens_with_a_longer_cooldown():
    clock = Clock()
    breaker = CircuitBreaker(failure_threshold=1, cooldown=10, max_cooldown=25, clock=clock)
    breaker.failed()
    clock.now = 10
    breaker.started()
    breaker.failed()
    assert breaker.state == "open"
    clock.now = 29
    assert breaker.state == "open"
    clock.now = 30
    assert breaker.state == "half_open"
    breaker.started()
    breaker.failed()
    clock.now = 30 + 24
    assert breaker.state == "open"
    clock.now = 30 + 25
    assert breaker.state == "half_open"


def test_a_success_resets_the_failure_count():
    breaker = CircuitBreaker(failure_threshold=2, clock=Clock())
    breaker.failed()
    breaker.succeeded()
    breaker.failed()
    assert breaker.state == "closed"


def test_breakers_are_per_endpoint():
    clock = Clock()
    breakers = Breakers(lambda: CircuitBreaker(failure_threshold=1, cooldown=5, clock=clock))
    breakers["http://a/hook"].failed()
    assert breakers["http://b/hook"].state == "closed"
    assert breakers.open_keys() == ["http://a/hook"]


def test_a_closed_circuit_never_lets_more_than_the_limit_start():
    breaker = CircuitBreaker(clock=Clock())
    assert breaker.capacity(2, 1) == 1
    assert breaker.capacity(2, 2) == 0
    assert breaker.capacity(2, 3) == 0


def test_a_success_after_a_failed_trial_brings_the_cooldown_back_to_its_first_length():
    clock = Clock()
    breaker = CircuitBreaker(failure_threshold=1, cooldown=10, clock=clock)
    breaker.failed()
    clock.now = 10
    breaker.started()
    breaker.failed()  # cooldown now 20
    clock.now = 30
    breaker.started()
    breaker.succeeded()
    breaker.failed()  # opens again at 30, for the first cooldown
    clock.now = 39
    assert breaker.state == "open"
    clock.now = 40
    assert breaker.state == "half_open"


def test_by_default_five_failures_open_for_thirty_seconds_doubling_up_to_ten_minutes():
    clock = Clock()
    breaker = CircuitBreaker(clock=clock)
    for _ in range(4):
        breaker.failed()
    assert breaker.state == "closed"
    breaker.failed()
    clock.now = 29.9
    assert breaker.state == "open"
    cooldowns = []
    for _ in range(7):
        clock.now += 1000
        assert breaker.state == "half_open"
        breaker.started()
        breaker.failed()
        opened = clock.now
        while breaker.state == "open":
            clock.now += 0.5
        cooldowns.append(clock.now - opened)
    assert cooldowns == [60, 120, 240, 480, 600, 600, 600]
