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


def test_a_number_is_keyed_by_the_two_content_words_on_each_side_of_it():
    assert extract_facts("Air defences downed 12 drones over the Kyiv region") == {
        "n:<defence=12", "n:<downed=12", "n:>drone=12", "n:>kyiv=12",
    }
    facts = extract_facts("Russian forces shelled frontline villages 14 times overnight near Kupiansk")
    assert {"n:<village=14", "n:<frontline=14", "n:>time=14", "n:>overnight=14"} <= facts
    assert not any(f.startswith("n:") and ("shelled" in f or "kupiansk" in f) for f in facts)


def test_context_stops_at_another_number_and_at_the_sentence_end():
    facts = extract_facts("Shelling of Stepanakert continued. Residents said 40 homes burned.")
    assert {f for f in facts if f.startswith("n:")} == {"n:<resident=40", "n:>home=40", "n:>burned=40"}
    # "Gen." ends no sentence, so the rank stays beside the number.
    assert extract_facts("Gen. Smith said 5 tanks.") == {"n:<gen=5", "n:<smith=5", "n:>tank=5"}
    facts = extract_facts("drones 12 9 tanks")
    assert facts == {"n:<drone=12", "n:>tank=9"}


def test_number_words_plural_stems_and_short_words():
    assert extract_facts("forty soldiers killed") == {"n:>soldier=40", "n:>killed=40"}
    assert extract_facts("twenty gas tanks") == {"n:>gas=20", "n:>tank=20"}  # "gas" too short to lose its s
    assert extract_facts("3 press offices") == {"n:>press=3", "n:>office=3"}  # "ss" is no plural


def test_headline_numbers_and_days_count_but_its_places_do_not():
    body = "Two journalists were wounded in Martuni."
    title = "Journalists wounded in Karabakh on Monday, 3 killed"
    facts = extract_facts(body, title)
    assert facts >= extract_facts(body) | {"w:mon"}
    assert "p:wounded=karabakh" not in facts and not any(f.startswith("p:") for f in facts - extract_facts(body))


def test_a_place_is_a_capitalised_name_keyed_by_the_content_word_before_its_preposition():
    assert extract_facts("Fighting near Hadrut on Sunday, in May and in the city") == {"p:fighting=hadrut", "w:sun"}
    assert extract_facts("Residents in shushi were evacuated") == set()  # not capitalised
    assert extract_facts("In Ganja, sirens") == set()  # nothing before the preposition
    assert extract_facts("Three of the many in Ganja") == {"n:>many=3", "n:>ganja=3", "p:many=ganja"}
    assert extract_facts("Shelled in Ganja") == {"p:shelled=ganja"}


def test_the_reason_of_a_conflict_names_the_key_and_both_sides_values():
    assert _conflict("12 drones downed", "9 drones downed") == "n:>downed: ['12'] vs ['9']"
    assert _conflict("Clashes on Monday", "Clashes on Tuesday") == "w: ['mon'] vs ['tue']"
    assert _conflict("Fighting near Hadrut", "Fighting near Martakert") == "p:fighting: ['hadrut'] vs ['martakert']"



@pytest.mark.parametrize(("text", "date"), [
    ("1 September", "d:9-1"), ("31 December", "d:12-31"), ("September 1", "d:9-1"),
    ("on 27 of September", "d:9-27"),  # the day two words before the month
])
def test_days_of_month_run_from_1_to_31_on_either_side_of_the_month(text, date):
    assert date in extract_facts(text)


def test_what_is_not_a_day_of_month_names_no_date():
    assert not any(f.startswith("d:") for f in extract_facts("32 September") | extract_facts("0 September"))
    assert not any(f.startswith("d:") for f in extract_facts("September in the 27"))  # too far after
    assert not any(f.startswith("d:") for f in extract_facts("27 of the September"))  # too far before
    facts = extract_facts("Strikes on 5 September and on 6 October")
    assert {"d:9-5", "d:10-6"} <= facts


def test_every_place_of_a_sentence_counts_and_its_key_is_at_most_three_words_back():
    assert {"p:shelling=avdiivka", "p:fighting=bakhmut"} <= extract_facts(
        "Shelling at Avdiivka, and in May, fighting near Bakhmut")
    assert extract_facts("Shelling of the town at Avdiivka") == {"p:town=avdiivka"}
    assert not any(f.startswith("p:") for f in extract_facts("Shelling of the us at Avdiivka"))
    assert extract_facts("The 12 at Avdiivka") == {"n:>avdiivka=12"}  # a number is no key
    assert not any(f.startswith("p:") for f in extract_facts("UN in Geneva"))  # two letters are no key


def test_a_two_letter_word_is_no_context_of_a_number():
    assert extract_facts("UN 12") == set()


def test_a_plural_of_four_letters_is_counted_as_its_singular():
    assert extract_facts("12 guns") == {"n:>gun=12"}
    assert _conflict("Troops lost 12 guns", "Troops lost 12 gun") is None


@pytest.mark.parametrize("text", [
    "Today, 24 February, the ministry said",
    "Heute, 24. Februar",
    "Today, 24.02.2023, the ministry said",
])
def test_a_date_given_as_today_is_the_day_of_the_text(text):
    assert {"d:2-24", "t:2-24"} <= extract_facts(text)


def test_a_date_three_words_or_more_after_today_is_not_the_day_of_the_text():
    facts = extract_facts("Today officials recalled that 24 February changed everything")
    assert "d:2-24" in facts and not any(f.startswith("t:") for f in facts)


def test_announcements_of_one_template_on_two_days_differ_in_their_today():
    monday = "Today, 24 February, the General Staff reports 12 drones downed."
    tuesday = "Today, 25 February, the General Staff reports 12 drones downed."
    assert _conflict(monday, tuesday) == "d: ['2-24'] vs ['2-25']"
    assert "t:2-25" in extract_facts(tuesday)


def test_a_place_key_is_the_nearest_content_word_up_to_three_back():
    assert extract_facts("The shelling was in Kherson") == {"p:shelling=kherson"}
    assert extract_facts("The war in Gaza") == {"p:war=gaza"}  # three letters are a key


@pytest.mark.parametrize(("text", "dates"), [
    ("on 24.02.2023", {"d:2-24"}),
    ("on 26/4/2020", {"d:4-26"}),
    ("24.02", {"d:2-24"}),
    ("1.03.2020 and 31.12.2020 and 15.01.2021", {"d:3-1", "d:12-31", "d:1-15"}),
    ("35.12.2020", set()),
    ("32.12.2020", set()),
    ("12.13.2020", set()),
    ("0.12.2020 and 12.00.2020", set()),
])
def test_numeric_dates_have_a_day_from_1_to_31_and_a_month_from_1_to_12(text, dates):
    assert {f for f in extract_facts(text) if f.startswith("d:")} == dates


def test_a_decimal_is_a_count_not_a_date():
    assert extract_facts("3.5 million people fled") == {"n:>million=3.5", "n:>people=3.5"}


@pytest.mark.parametrize("text", ["1'062 houses damaged", "1’062 houses damaged"])
def test_apostrophes_separate_thousands(text):
    assert extract_facts(text) == {"n:>house=1062", "n:>damaged=1062"}


def test_headline_numbers_count_only_over_a_body_of_fewer_than_eight_words():
    title = "12 drones downed over Kyiv"
    assert {"n:>drone=12", "p:alert=kyiv"} <= extract_facts("Air raid alert in Kyiv.", title)
    eight_words = "Air raid alert in Kyiv tonight, residents said."
    assert extract_facts(eight_words, title) == extract_facts(eight_words)


def test_places_swapped_between_their_words_are_no_conflict():
    a = "Troops fighting near Hadrut were shelled by artillery near Martakert."
    b = "Troops fighting near Martakert were shelled by artillery near Hadrut."
    assert _conflict(a, b) is None
    assert _conflict(a, "Troops fighting near Fuzuli were shelled by artillery near Martakert.")


def test_a_number_moved_away_from_its_word_does_not_hide_another_conflict():
    a = "Karabakh forces destroyed 14 tanks in the past 24 hours on Monday."
    b = "On Tuesday, 14 tanks were destroyed by Karabakh forces in 24 hours."
    assert _conflict(a, b) == "w: ['mon'] vs ['tue']"


def test_a_decimal_comma_is_the_same_count_as_a_decimal_point():
    assert extract_facts("3,5 million people fled") == {"n:>million=3.5", "n:>people=3.5"}
    assert _conflict("3,5 million people fled", "3.5 million people fled") is None


def test_a_date_or_a_number_after_a_preposition_is_no_place():
    assert extract_facts("Air raid alerts were declared in Kyiv at 2023-02-24 and at 25.02.2023.") == {
        "p:declared=kyiv", "d:2-24", "d:2-25",
    }
    assert extract_facts("Damage was recorded in 1'062 houses") == {
        "n:<recorded=1062", "n:<damage=1062", "n:>house=1062",
    }
