"""Work prepared for a batch before its transaction is taken back once, and only for that batch."""

from __future__ import annotations

import pytest

from shared.events import Event
from shared.kafka.prepared import Prepared


def event(n: int) -> Event:
    return Event(type="test.happened", data={"n": n}, stream_id=f"s-{n}", source="test")


def test_prepared_results_are_taken_without_computing_again():
    calls: list[int] = []

    def square(e: Event) -> int:
        calls.append(e.data["n"])
        return e.data["n"] ** 2

    prepared = Prepared(square)
    a, b = event(2), event(3)
    prepared.prepare([a, b])
    assert [prepared.take(a), prepared.take(b)] == [4, 9]
    assert calls == [2, 3]
    assert prepared.take(a) == 4 and calls == [2, 3, 2], "taken once; a second call computes"


def test_a_new_batch_forgets_the_last_and_a_failure_shows_in_the_call():
    calls: list[int] = []

    def only_small(e: Event) -> int:
        calls.append(e.data["n"])
        if e.data["n"] > 5:
            raise ValueError("too big")
        return e.data["n"]

    prepared = Prepared(only_small)
    old, big = event(1), event(9)
    prepared.prepare([old])
    prepared.prepare([big])
    assert prepared.take(old) == 1 and calls == [1, 9, 1], "the earlier batch's result was forgotten"
    with pytest.raises(ValueError, match="too big"):
        prepared.take(big)
