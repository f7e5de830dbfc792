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
        ("nears one million", None, 1_000_000, True),  # cnn-2020-09-27-040: "World nears one million deaths"
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


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("3 dozen", 36, 36),  # a dozen after digits is as rough as after words
        ("three dozen", 36, 36),
        ("half a dozen", 6, 6),
    ],
)
def test_dozens_are_approximate_counts(text: str, low: int, high: int) -> None:
    found = quantity(text)
    assert (found.min, found.max, found.approximate, found.exact_value) == (low, high, True, None)


@pytest.mark.parametrize(
    ("text", "value", "length"),
    [
        ("2 thousand", 2000, 2),
        ("3 billion", 3_000_000_000, 2),
        ("a thousand", 1000, 2),
        ("an hundred", 100, 2),
        ("seventy-two", 72, 1),
        ("twenty three", 23, 2),
        ("two hundred and five", 205, 4),
        ("three thousand four hundred", 3400, 4),
        ("one million two hundred thousand", 1_200_000, 5),
    ],
)
def test_a_plain_number_is_exact_and_ends_after_its_last_word(text: str, value: int, length: int) -> None:
    found = quantity(text + " soldiers")
    assert (found.min, found.max, found.approximate, found.increment) == (value, value, False, False)
    assert found.exact_value == value
    assert (found.start, found.end) == (0, length)


@pytest.mark.parametrize("text, value", [("2.5 thousand", 2500), ("1.5 million", 1_500_000)])
def test_a_decimal_with_a_scale_is_a_rounded_figure(text: str, value: int) -> None:
    found = quantity(text + " soldiers")
    assert (found.min, found.max, found.approximate, found.end) == (value, value, True, 2)


def test_number_words_that_do_not_follow_each_other_end_the_number() -> None:
    assert (quantity("twenty thirty").min, quantity("twenty thirty").end) == (20, 1)
    assert (quantity("five six").min, quantity("five six").end) == (5, 1)
    assert (quantity("twenty-one five").min, quantity("twenty-one five").end) == (21, 1)
    assert quantity("ninety-ninety") is None and quantity("five-twenty") is None
    # "and" joins only a scale to what follows it.
    assert (quantity("one hundred and soldiers").min, quantity("one hundred and soldiers").end) == (100, 2)
    assert quantity("thousand") is None


def test_an_increment_or_a_bound_has_no_exact_value() -> None:
    """The exact value tells a year from a count; "another 12" and "more than 200" are never years."""
    assert quantity("2020").exact_value == 2020
    for text in ("another 12", "40 more", "a further 5", "more than 200", "up to 1,300", "about 20"):
        assert quantity(text).exact_value is None, text


def test_others_after_a_number_is_not_an_increment() -> None:
    found = quantity("12 others")
    assert (found.min, found.increment, found.end) == (12, False, 1)
    assert quantity("12 other").increment is False


def test_a_range_must_rise() -> None:
    found = quantity("5 to 3")
    assert (found.min, found.max, found.end) == (5, 5, 1)
    assert (quantity("10 or 12").min, quantity("10 or 12").max, quantity("10 or 12").end) == (10, 12, 3)
    assert (quantity("10 – 12").min, quantity("10 – 12").max) == (10, 12)


def test_between_needs_both_ends() -> None:
    assert quantity("between 10 and") is None
    assert quantity("between 10 or 15") is None
    assert quantity("between soldiers") is None
    found = quantity("between ten and fifteen")
    assert (found.min, found.max, found.approximate, found.end) == (10, 15, False, 4)


def test_a_vague_amount_wins_only_when_it_reads_further_than_a_number() -> None:
    found = quantity("hundreds of soldiers")
    assert (found.min, found.max, found.approximate, found.end) == (200, 999, True, 2)
    found = quantity("a dozen soldiers")
    assert (found.min, found.max, found.end) == (12, 12, 2)
