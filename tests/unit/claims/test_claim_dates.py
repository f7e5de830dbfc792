"""Which time in a sentence dates a claim, and so whether the claim is history and on which day
it happened. Sentence shapes are those of wire reports on the Karabakh, Georgian and Ukrainian
wars (the project's history cases, h001-h005, are their real counterparts); the article is of
Saturday 15 June 2024."""

from __future__ import annotations

from datetime import date

import pytest

from shared.claims.extract import extract_claims

PUBLISHED = date(2024, 6, 15)
MONDAY = date(2024, 6, 10)


def dated(text: str, published: date | None = PUBLISHED) -> list[tuple]:
    return [(c.kind, c.historical, c.date) for c in extract_claims(text, published)]


@pytest.mark.parametrize(("text", "historical", "day"), [
    # a time before the claim in its clause dates a claim told in the past tense
    ("In 2016, 200 people were killed.", True, None),
    ("The 2008 war killed 850 people.", True, None),
    ("In 2016, on Monday, 3 soldiers were killed.", True, MONDAY),
    ("In 2016 the army, on Monday, said 3 soldiers were killed.", True, MONDAY),
    # ... but not one the claim reaches the present from
    ("The 2008 fighting has killed 850 people.", False, None),
    ("In 2016 200 soldiers have been killed.", False, None),
    ("Since 2014, 14,000 people have been killed.", False, None),
    ("On Monday, 3 soldiers were killed since 2016.", False, MONDAY),
    # ... nor a time it is measured from
    ("After the 2020 war, 3 soldiers were killed.", False, None),
    ("Before the 2020 war, 3 soldiers were killed.", False, None),
    ("Following the 2016 clashes, 3 soldiers were killed.", False, None),
    ("Until 2016, 3 soldiers were killed yearly.", False, None),
    ("After the 2016 war, on Monday, 3 soldiers were killed.", False, MONDAY),
    # ... nor one in an aside closed before the claim
    ("Armenia, which lost the 2016 clashes, said 3 soldiers were killed.", False, None),
    ("Azerbaijan, which fought a war in 2020, said on Monday that 2 soldiers were wounded.", False, None),
    # a time just after the claim dates it, unless a clause break comes between
    ("Three soldiers were killed on June 10.", False, MONDAY),
    ("Three soldiers were killed in 2016 clashes.", True, None),
    ("Three soldiers were killed on Monday in the village shelled in 2016.", True, MONDAY),
    ("Three soldiers were killed on Monday, and in 2016 five.", False, MONDAY),
    # a time ten words after the claim is no longer its own
    ("Three soldiers were killed in shelling of the town of the district of the region of Tavush near Berd "
     "in 2016, on Monday.", False, None),
    # when nothing dates the claim, an earlier time in its stretch of the sentence does
    ("A raid in 1945 which sank the German cruiser killed 12 sailors.", True, None),
    ("The conflict, which began in 2014, has killed 14,000 people.", False, None),
    ("In 2016 200 soldiers were killed, the ministry says on Monday.", True, None),
    ("On Monday the 2016 war, which killed 200 soldiers, was remembered.", False, None),
])
def test_the_time_that_dates_a_casualty(text: str, historical: bool, day: date | None) -> None:
    claims = [claim for claim in dated(text) if claim[0] == "casualty"]
    assert claims[-1][1:] == (historical, day)


def test_each_stretch_of_a_sentence_has_its_own_time() -> None:
    text = "A raid in 1945 which sank the cruiser killed 12 sailors; on Monday 3 died."
    assert [c[1:] for c in dated(text) if c[0] == "casualty"][-2:] == [(True, None), (False, MONDAY)]


def test_without_the_articles_date_only_words_of_the_past_make_history() -> None:
    assert dated("In 2016, 200 people were killed.", None)[0][1] is False
    assert dated("Years ago, 200 people were killed.", None)[0][1] is True
    assert dated("On Monday 200 people were killed.", None)[0][1:] == (False, None)
    assert dated("A raid which sank the cruiser killed 12 sailors on 5 June.", None)[-1][1:] == (False, None)


@pytest.mark.parametrize(("text", "historical", "day"), [
    ("The 1994 ceasefire was signed in Bishkek.", True, None),
    ("The truce of 2016 held.", True, None),
    ("The ceasefire in 2020 ended the war.", True, None),
    ("The 1994 Bishkek ceasefire held.", True, None),
    ("The 2016 ceasefire held on Monday.", True, MONDAY),
    ("On Monday the ceasefire of 2016 held.", True, MONDAY),
    ("A ceasefire took effect on Monday.", False, MONDAY),
    # the year of the ceasefire itself, whatever stands between it and what happened to it
    ("On Monday both sides violated, again, the ceasefire of 1994.", True, MONDAY),
    ("On Monday both sides violated, again, the ceasefire in 1994.", True, MONDAY),
    ("On Monday both sides violated, again, the ceasefire at 1994.", False, MONDAY),
    ("On Monday both sides violated, again, the ceasefire of the 1994 year.", False, MONDAY),
    ("On Monday both sides said the 2020 ceasefire, which Russia brokered, was violated.", True, None),
    ("On Monday both sides said the 2020 Moscow ceasefire, which Russia brokered, was violated.", True, None),
    ("On Monday both sides said in 2020, the ceasefire, which Russia brokered, was violated.", False, None),
])
def test_the_time_that_dates_a_ceasefire(text: str, historical: bool, day: date | None) -> None:
    claims = [claim for claim in dated(text) if claim[0] == "ceasefire"]
    assert claims[0][1:] == (historical, day)
