"""Attribution, history and tallies through the public entry point."""

from datetime import date

from shared.claims.extract import extract_claims


def one(text: str, published: date | None = date(2020, 10, 5), claimant: str | None = None):
    claims = extract_claims(text, published, claimant)
    assert len(claims) == 1, [c.to_json() for c in claims]
    return claims[0]


def test_claimant_forms() -> None:
    assert one("Azerbaijan's Defence Ministry said 20 Armenian tanks were destroyed.").claimant == "Azerbaijan"
    assert one("20 Armenian tanks were destroyed, according to Azerbaijan's defence ministry.").claimant == "Azerbaijan"
    assert one("Twenty soldiers were killed, police said.").claimant == "police"
    assert one("Monitor: 50 fighters killed in clashes").claimant == "Monitor"
    claim = one("The head of the Nagorno-Karabakh defense agency claimed to have shot down four helicopters.")
    assert (claim.claimant, claim.claimant_phrase) == ("Nagorno-Karabakh", "head of the Nagorno-Karabakh defense agency")


def test_source_owner_speaks_when_nobody_is_named() -> None:
    assert one("Five enemy tanks were destroyed overnight.", claimant="Armenia").claimant == "Armenia"
    assert one("Five enemy tanks were destroyed overnight.", claimant="Armenia").side == "Azerbaijan"
    assert one("Five enemy tanks were destroyed overnight.").claimant is None


def test_pronoun_takes_the_last_speaker() -> None:
    claims = extract_claims("Armenia's defence ministry said fighting went on overnight. It said 21 servicemen had been killed.")
    assert [c.claimant for c in claims] == ["Armenia"]


def test_history_is_judged_against_the_article_date() -> None:
    assert one("In 2016, more than 200 people were killed.", date(2020, 9, 28)).historical
    assert not one("In 2016, more than 200 people were killed.", date(2016, 4, 10)).historical
    assert not one("More than 14,000 people have been killed since 2014.", date(2022, 2, 1)).historical
    assert one("Despite the 1994 ceasefire agreement, tensions remained.", date(2020, 9, 28)).historical
    assert not one("Armenia said on September 30 that 16 soldiers had been killed.", date(2020, 10, 3)).historical


def test_a_year_before_the_verb_is_when_not_how_many() -> None:
    claim = one("A raid in 1945 killed 12 sailors, the museum now says.", date(2024, 5, 8))
    assert (claim.count.min, claim.count.max, claim.subject, claim.historical) == (12, 12, "soldier", True)
    recent = one("A strike in 2024 killed 12 people, officials said.", date(2024, 5, 8))
    assert (recent.count.min, recent.subject) == (12, "person")
    assert one("The toll rose to 2,023 killed, officials said.").count.min == 2023  # a count with its comma
    dated = one("A strike on September 4 killed 12 soldiers, officials said.", date(2020, 10, 5))
    assert (dated.count.min, dated.date) == (12, date(2020, 9, 4))


def test_a_time_just_after_the_loss_or_a_few_words_on_dates_it() -> None:
    assert one("Shelling killed 12 soldiers yesterday, officials said.").date == date(2020, 10, 4)
    nine_words_on = "Twelve soldiers were killed in heavy fighting along the eastern front line on Monday, officials said."
    assert one(nine_words_on).date == date(2020, 10, 5)
    ten_words_on = "Twelve soldiers were killed in the heavy fighting along the eastern front line on Monday, officials said."
    assert one(ten_words_on).date is None
    assert one("After the talks, 12 soldiers were killed on Monday, officials said.").date == date(2020, 10, 5)


def test_a_time_the_claim_is_counted_from_does_not_make_it_history() -> None:
    published = date(2020, 10, 5)
    assert not one("After a 2016 offensive, 30 soldiers were killed in new clashes, the ministry said.", published).historical
    assert not one("Since the 2014 revolution, 300 soldiers were killed, the ministry said.", published).historical
    assert not one("From the 2016 clashes onward, 40 soldiers were killed, the ministry said.", published).historical


def test_a_time_in_an_aside_or_before_a_comma_does_not_date_the_claim() -> None:
    published = date(2020, 10, 5)
    assert not one("Armenia, who lost the 2016 clashes, said 12 soldiers were killed.", published).historical
    assert not one("After 2016, ceasefire violations rose sharply, officials said.", published).historical


def test_an_earlier_time_elsewhere_in_the_sentence_dates_the_claim_only_when_it_is_history() -> None:
    published = date(2020, 10, 5)
    told_now = one("Officials now say twelve sailors were killed, the museum said of the 1945 raid.", published)
    assert told_now.historical  # "now" comes before the claim, not between it and the raid
    month_back = one("Twelve soldiers were killed, officials said on September 4.", published)
    assert (month_back.historical, month_back.date) == (False, None)
    impossible = one("Twelve soldiers were killed, officials said on February 30.", published)
    assert (impossible.historical, impossible.date) == (False, None)


def test_may_after_on_is_the_month() -> None:
    assert one("Shelling on May the fifth killed 12 people, officials said.", date(2020, 10, 5)).historical


def test_a_date_without_a_year_is_the_nearest_one_not_far_ahead() -> None:
    announced = one("Armenia and Azerbaijan agreed a humanitarian ceasefire from noon on October 10.", date(2020, 10, 7))
    assert (announced.date, announced.historical) == (date(2020, 10, 10), False)
    assert one("Four soldiers were killed on December 30.", date(2021, 1, 2)).date == date(2020, 12, 30)
    assert one("Four soldiers were killed on May 3.", date(2021, 1, 2)).historical
    assert one("A ceasefire takes effect on January 3.", date(2020, 12, 29)).date == date(2021, 1, 3)


def test_event_day_from_a_weekday() -> None:
    assert one("Six soldiers were killed on Monday.", date(2020, 10, 7)).date == date(2020, 10, 5)


def test_tally_line_gives_total_and_change() -> None:
    claims = extract_claims("tanks ‒ 1,381 (+5)", date(2022, 6, 1), "Ukraine")
    assert [(c.count.min, c.basis, c.side) for c in claims] == [(1381, "total", "Russia"), (5, "increment", "Russia")]


def test_no_claim_in_denials_negations_and_conditions() -> None:
    for text in (
        "Azerbaijan denied that any of its helicopters had been shot down.",
        "No casualties were reported.",
        "If the offensive continues, thousands could die.",
        "The town of 40,000 people lies 12 km from the front.",
        "Armenia mobilised men aged 18 to 55.",
    ):
        assert extract_claims(text, date(2020, 10, 1)) == [], text


def test_offsets_are_those_of_the_sentence() -> None:
    text = "Shelling continued. Two civilians were killed in Terter, Baku said."
    claim = one(text)
    assert text[claim.start : claim.end] == "Two civilians were killed in Terter, Baku said."
    assert claim.place == "Terter"
    assert set(claim.to_json()) == {
        "kind", "category", "subject", "count", "approximate", "side", "claimant", "parties",
        "historical", "basis", "claimant_party", "language", "context", "conflict", "sentence", "start", "end",
    }
