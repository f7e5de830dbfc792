"""The times an English sentence names: which words make each one and which days it covers.
Sentence shapes are those of wire reports and ministry statements on the wars the project
follows; the article's date decides the year of a month or season named without one."""

from __future__ import annotations

from datetime import date

import pytest

from shared.claims.history import is_historical, time_expressions, year_of
from shared.claims.lexicon import load
from shared.claims.sentences import Sentence
from shared.claims.view import SentenceView

PUBLISHED = date(2024, 6, 15)


def times(text: str, published: date | None = PUBLISHED) -> list[tuple]:
    view = SentenceView(Sentence(text, 0, len(text)), load("en"))
    return [(view.text(e.start, e.end), e.first, e.last, e.past, e.since) for e in time_expressions(view, published)]


def span(first: date, last: date | None = None) -> tuple[date, date]:
    return first, last or first


@pytest.mark.parametrize(("text", "expected"), [
    # years, decades and ranges of years
    ("In 2014, more than 2,200 Palestinians were killed during a seven-week war in Gaza.",
     [("2014", *span(date(2014, 1, 1), date(2014, 12, 31)))]),
    ("Raids during 1960s killed 50 villagers.", [("1960s", *span(date(1960, 1, 1), date(1969, 12, 31)))]),
    ("The 1940s bombing of the port killed 5,000.", [("1940s", *span(date(1940, 1, 1), date(1949, 12, 31)))]),
    ("Between 2016 and 2020, 40 soldiers died on the line of contact.",
     [("2016 and 2020", *span(date(2016, 1, 1), date(2020, 12, 31)))]),
    ("In 1990 - 1994 thousands died.", [("1990 - 1994", *span(date(1990, 1, 1), date(1994, 12, 31)))]),
    ("The 2014–2016 fighting killed 100.", [("2014–2016", *span(date(2014, 1, 1), date(2016, 12, 31)))]),
    ("The 1992-94 conflict killed about 30,000 people.",
     [("1992-94", *span(date(1992, 1, 1), date(1994, 12, 31)))]),
    ("The 1999-00 campaign in Chechnya killed thousands.",
     [("1999-00", *span(date(1999, 1, 1), date(2000, 12, 31)))]),
    # a number that is no year
    ("Some 2016 soldiers were listed as missing.", [("2016", *span(date(2016, 1, 1), date(2016, 12, 31)))]),
    ("Around 1500 - 1800 troops took part.", []),
    ("A 2014-15 ceasefire deal, 14 - 15 pages long.",
     [("2014-15", *span(date(2014, 1, 1), date(2015, 12, 31)))]),
    # a month, with or without its day and year
    ("On June 5, 2016, two soldiers were killed.", [("June 5, 2016", *span(date(2016, 6, 5)))]),
    ("Two soldiers were killed on 5 March.", [("5 March", *span(date(2024, 3, 5)))]),
    ("Two soldiers were killed on 5 March 2016.", [("5 March 2016", *span(date(2016, 3, 5)))]),
    ("Two soldiers died on June 1.", [("June 1", *span(date(2024, 6, 1)))]),
    ("Two soldiers died on 1 June.", [("1 June", *span(date(2024, 6, 1)))]),
    ("Two soldiers died on May 31.", [("May 31", *span(date(2024, 5, 31)))]),
    ("Two soldiers died on 31 May.", [("31 May", *span(date(2024, 5, 31)))]),
    ("Two soldiers died on May 32.", [("May", *span(date(2024, 5, 1), date(2024, 5, 31)))]),
    ("Three civilians were killed on September 29.", [("September 29", *span(date(2023, 9, 29)))]),
    ("The ceasefire takes effect on August 10.", [("August 10", *span(date(2024, 8, 10)))]),
    ("He was killed in December 2016.", [("December 2016", *span(date(2016, 12, 1), date(2016, 12, 31)))]),
    ("He was killed in December, 2016.", [("December, 2016", *span(date(2016, 12, 1), date(2016, 12, 31)))]),
    ("In February, four were wounded.", [("February", *span(date(2024, 2, 1), date(2024, 2, 29)))]),
    ("The truce of Feb 30 held.", [("Feb 30", None, None)]),
    ("Fighting on 31 June killed 3.", [("31 June", None, None)]),
    ("On 32 June nothing.", [("June", *span(date(2024, 6, 1), date(2024, 6, 30)))]),
    ("They met on 0 June.", [("June", *span(date(2024, 6, 1), date(2024, 6, 30)))]),
    # "may", "march" are months only where a date would stand
    ("In May, three servicemen died.", [("May", *span(date(2024, 5, 1), date(2024, 5, 31)))]),
    ("Troops may withdraw, March organisers said.", []),
    ("The March 8 strike killed five.", [("March 8", *span(date(2024, 3, 8)))]),
    ("The toll since May has reached 40.", [("May", *span(date(2024, 5, 1), date(2024, 5, 31)))]),
    ("Fighting of March killed 40.", [("March", *span(date(2024, 3, 1), date(2024, 3, 31)))]),
    ("In early March, 40 died.", [("March", *span(date(2024, 3, 1), date(2024, 3, 31)))]),
    ("In late May, 40 died.", [("May", *span(date(2024, 5, 1), date(2024, 5, 31)))]),
    ("In mid March, 40 died.", [("March", *span(date(2024, 3, 1), date(2024, 3, 31)))]),
    ("Since last May, 40 died.", [("May", *span(date(2024, 5, 1), date(2024, 5, 31)))]),
    ("The truce held until May.", [("May", *span(date(2024, 5, 1), date(2024, 5, 31)))]),
    ("The may of the village said 4 died.", []),
    ("Police in the Mar district said 4 died.", []),
    # a capital letter makes the month
    ("Officials said 4 died, may god rest them.", []),
    ("Units were sent on march 2 days later.", []),
    ("Casualties in june were not reported.", []),
    # days counted back from the article's date
    ("Yesterday three soldiers died.", [("Yesterday", *span(date(2024, 6, 14)))]),
    ("Overnight three drones were shot down.", [("Overnight", *span(date(2024, 6, 14)))]),
    ("Today three soldiers died.", [("Today", *span(date(2024, 6, 15)))]),
    ("On Monday two civilians died.", [("Monday", *span(date(2024, 6, 10)))]),
    ("On Saturday two civilians died.", [("Saturday", *span(date(2024, 6, 15)))]),
    ("On Sunday two civilians died.", [("Sunday", *span(date(2024, 6, 9)))]),
])
def test_dated_expressions(text: str, expected: list[tuple]) -> None:
    assert [found[:3] for found in times(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Two were killed last winter.", [("last winter", date(2023, 12, 1), date(2024, 2, 29))]),
    ("In winter 2 died.", [("winter", date(2023, 12, 1), date(2024, 2, 29))]),
    ("In the fall, 12 were killed.", [("fall", date(2023, 9, 1), date(2023, 11, 30))]),
    ("This fall, 12 were killed.", [("This fall", date(2023, 9, 1), date(2023, 11, 30))]),
    ("During the spring 12 were killed.", [("spring", date(2024, 3, 1), date(2024, 5, 31))]),
    ("During spring 12 were killed.", [("spring", date(2024, 3, 1), date(2024, 5, 31))]),
    ("This summer 12 were killed.", [("This summer", date(2024, 6, 1), date(2024, 8, 31))]),
    ("In autumn 12 were killed.", [("autumn", date(2023, 9, 1), date(2023, 11, 30))]),
    # "fall" after "in" or "during" is the verb's noun ("in fall of Avdiivka")
    ("Troops retreated in fall of the town.", []),
    ("Soldiers died during fall back.", []),
    ("Heavy summer fighting killed 12.", []),
])
def test_seasons(text: str, expected: list[tuple]) -> None:
    assert [found[:3] for found in times(text)] == expected


def test_a_season_begun_on_its_first_day_is_this_years() -> None:
    assert times("This summer 12 were killed.", date(2024, 6, 1))[0][1:3] == (date(2024, 6, 1), date(2024, 8, 31))
    assert times("This summer 12 were killed.", date(2024, 5, 31))[0][1:3] == (date(2023, 6, 1), date(2023, 8, 31))


def test_winter_that_began_this_year_ends_next_year() -> None:
    assert times("Last winter 12 were killed.", date(2024, 12, 20))[0][1:3] == (date(2024, 12, 1), date(2025, 2, 28))


def test_without_the_articles_date_only_years_and_dated_months_are_known() -> None:
    assert times("Yesterday 3 died, on Monday 2, today 1, in winter 4.", None) == []
    assert times("On June 5 and in 2016, two died.", None) == [
        ("June 5", None, None, False, False), ("2016", date(2016, 1, 1), date(2016, 12, 31), False, False)]


@pytest.mark.parametrize(("text", "expected"), [
    ("More than 14,000 people have been killed since 2014.", [("2014", True)]),
    ("From 2014, 14,000 died.", [("2014", True)]),
    ("From 2014 to 2016, 100 died.", [("2014 to 2016", False)]),
    ("From April until June, 100 died.", [("April", False), ("June", False)]),
    ("From June till August, 100 died.", [("June", False), ("August", False)]),
    ("Since yesterday 5 died.", [("yesterday", True)]),
    ("Since 2014 and the start of the war, 14,000 have died.", [("2014", True)]),
    ("From 2014 - 2016, 100 died.", [("2014 - 2016", False)]),
    ("After 2014, 14,000 died.", [("2014", False)]),
])
def test_a_time_counted_from_reaches_the_present(text: str, expected: list[tuple]) -> None:
    assert [(found[0], found[4]) for found in times(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("About 30,000 people were killed in the war in the early 1990s.", ["in the early 1990s"]),
    ("Some 30,000 died years ago in 2016 clashes.", ["years ago", "2016"]),
    ("The four-day war in April 2016 left around 200 dead.", ["The four-day war", "April 2016"]),
])
def test_phrases_that_name_the_past(text: str, expected: list[str]) -> None:
    found = times(text)
    assert [f[0] for f in found] == expected
    assert found[0][3] is True
    assert found[0][1:3] == (None, None)


def test_a_phrase_of_the_past_is_read_once_whole() -> None:
    found = times("Around 200 died in the 2016 war on the line.")
    assert found == [("the 2016 war", None, None, True, False)]


@pytest.mark.parametrize(("month", "day", "published", "year"), [
    (12, 28, date(2024, 1, 5), 2023),   # early January's "December 28" is last year's
    (10, 10, date(2024, 10, 7), 2024),  # "a ceasefire from October 10", announced on the 7th
    (1, 10, date(2024, 12, 20), 2025),  # "from January 10", announced before New Year
    (9, 15, date(2024, 6, 15), 2024),   # exactly 92 days ahead
    (9, 16, date(2024, 6, 15), 2023),   # 93 days ahead: last year's
    (2, 29, date(2023, 12, 1), 2024),   # a leap day, when next year has one
    (2, 30, date(2024, 3, 1), 2024),    # a day past the month's end counts from its last day
    (6, None, date(2024, 6, 15), 2024),
    (9, None, date(2024, 6, 15), 2024),
    (10, None, date(2024, 6, 15), 2023),
    (1, None, date(2020, 10, 1), 2021),  # a month counts from its first day: January 1 is 92 days ahead
])
def test_year_of_a_date_named_without_one(month: int, day: int | None, published: date, year: int) -> None:
    assert year_of(month, day, published) == year


def test_a_date_more_than_a_month_before_the_article_is_history() -> None:
    def historical(text: str, published: date) -> bool:
        view = SentenceView(Sentence(text, 0, len(text)), load("en"))
        return is_historical(time_expressions(view, published), published)

    assert historical("On May 14 two died.", date(2024, 6, 15))
    assert not historical("On May 15 two died.", date(2024, 6, 15))
    assert not historical("On May 16 two died.", date(2024, 6, 15))
    assert not historical("Since 2014 14,000 died.", date(2024, 6, 15))
    assert historical("Since 2014 14,000 died, and years ago 5.", date(2024, 6, 15))
    assert historical("Years ago 5 died.", None)
    assert not historical("In 2016 5 died.", None)


def test_a_month_with_an_end_does_not_reach_the_present() -> None:
    assert times("Fighting from June to August killed 40 people.")[0][4] is False
    assert times("Armenia and Azerbaijan have fought since 2020.")[0][4] is True  # "and" before it ends nothing


def test_may_at_the_head_of_a_wish_is_no_month() -> None:
    assert times("May the fighting end soon.") == []


def test_a_number_ending_the_sentence_is_no_day() -> None:
    assert times("The toll rose to 12") == []


def test_years_in_a_list_are_not_one_range() -> None:
    assert times("Clashes in 2014, 2016 and 2020 killed hundreds.")[0][1:3] == span(date(2014, 1, 1), date(2014, 12, 31))
    assert times("Deaths rose in 2022 to 45, the ministry said.") == [
        ("2022", date(2022, 1, 1), date(2022, 12, 31), False, False)]  # "to 45" is the toll, not 2045


def test_ranges_of_years_written_short() -> None:
    assert times("The 1992–94 war killed 30,000 people.")[0][1:3] == (date(1992, 1, 1), date(1994, 12, 31))
    assert times("The 2014-14 season was calm.")[0][1:3] == (date(2014, 1, 1), date(2014, 12, 31))


def test_last_fall_is_a_season() -> None:
    assert times("Fighting last fall killed 40 people.") == [
        ("last fall", date(2023, 9, 1), date(2023, 11, 30), False, False)]
