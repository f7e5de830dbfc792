import pytest

from services.dedupe.distinguishers import conflict, extract_facts


def _conflict(a: str, b: str) -> str | None:
    return conflict(extract_facts(a), extract_facts(b))


def test_numbers_and_days_that_differ_conflict():
    assert _conflict("12 drones downed on Monday", "9 drones downed on Tuesday")
    assert _conflict("12 drones were downed.", "Nine drones were downed.")
    assert _conflict("Air defences downed 12 drones", "Air defences downed 9 drones")


def test_daily_tallies_conflict_even_when_the_later_one_cites_the_earlier():
    day1 = "The death toll rose to 245, the ministry said."
    day2 = "The death toll rose to 263, up from 245, the ministry said."
    assert _conflict(day1, day2)


@pytest.mark.parametrize(
    "copy",
    [
        "Twelve drones were downed on Monday, the ministry said.",  # number word
        "The ministry said drones were downed.",  # trimmed of the number
        "On Monday the ministry said 12 drones were downed and 3 tanks destroyed.",  # more facts
        "The ministry said on Monday, September 28 that it downed 12 drones.",  # a date added
    ],
)
def test_copies_do_not_conflict(copy):
    assert _conflict("The ministry said 12 drones were downed on Monday.", copy) is None


def test_a_number_moved_away_from_its_word_is_no_conflict():
    a = "Karabakh forces destroyed 14 tanks in the past 24 hours, Armenia's ministry said."
    b = "Armenia's ministry said 14 tanks were destroyed by Karabakh forces in 24 hours."
    assert _conflict(a, b) is None


def test_dates_in_both_styles_and_iso():
    assert extract_facts("on 27 September") >= {"d:9-27"}
    assert extract_facts("on Sept. 27") >= {"d:9-27"}
    assert extract_facts("published 2020-10-04") >= {"d:10-4"}
    assert _conflict("Clashes on September 27.", "Clashes on September 28.")
    assert _conflict("Clashes on September 27.", "Clashes on 27 September.") is None


def test_may_is_a_month_only_when_capitalised():
    assert "d:5-9" in extract_facts("Talks resumed on 9 May.")
    assert not any(f.startswith("d:") for f in extract_facts("Of the 9 may rise, officials said."))


def test_day_of_month_is_a_date_not_a_count():
    facts = extract_facts("12 drones downed on Monday, September 27")
    assert {"n:>drone=12", "w:mon", "d:9-27"} <= facts
    assert not any(f.endswith("=27") for f in facts)


def test_thousands_separators_and_decimals():
    assert "n:>house=1062" in extract_facts("1,062 houses damaged")
    assert _conflict("1,062 houses damaged", "1062 houses damaged") is None


def test_places_after_prepositions_conflict_but_headline_places_do_not_count():
    assert _conflict("Heavy fighting near Martakert overnight.", "Heavy fighting near Hadrut overnight.")
    body = "Two journalists were wounded in Martuni."
    assert conflict(extract_facts(body, "Journalists wounded in Karabakh"), extract_facts(body)) is None


def test_no_facts_no_conflict():
    assert _conflict("Talks continue.", "Fighting goes on.") is None
