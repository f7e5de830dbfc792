import pytest

from shared.claims.lexicon import load
from shared.claims.numbers import parse_quantity
from shared.claims.tokens import tokenize


def quantity(text: str):
    tokens = tokenize(text)
    return parse_quantity(tokens, [t.low for t in tokens], 0, load())


@pytest.mark.parametrize(
    ("text", "low", "high", "approximate"),
    [
        ("four", 4, 4, False),
        ("twenty-three", 23, 23, False),
        ("one hundred and twenty", 120, 120, False),
        ("1,300", 1300, 1300, False),
        ("1 300", 1300, 1300, False),
        ("1.5 million", 1_500_000, 1_500_000, True),  # a decimal with a scale is a rounded figure
        ("1,500,000", 1_500_000, 1_500_000, False),
        ("more than 200", 200, None, False),
        ("at least 13", 13, None, False),
        ("up to 1,300", None, 1300, False),
        ("about 20", 20, 20, True),
        ("nearly 500", None, 500, True),
        ("a dozen", 12, 12, True),
        ("two dozen", 24, 24, True),
        ("dozens of", 24, 99, True),
        ("hundreds of", 200, 999, True),
        ("tens of thousands of", 20_000, 99_999, True),
        ("between 10 and 15", 10, 15, False),
        ("100 to 200", 100, 200, False),
        ("200 or more", 200, None, False),
    ],
)
def test_quantities(text: str, low, high, approximate: bool) -> None:
    found = quantity(text)
    assert (found.min, found.max, found.approximate) == (low, high, approximate)


def test_increments_are_marked() -> None:
    assert quantity("40 more").increment
    assert quantity("another 12").increment
    assert quantity("a further 5").increment
    assert not quantity("40").increment


def test_words_that_are_not_numbers() -> None:
    assert quantity("soldiers") is None
    assert quantity("the") is None
