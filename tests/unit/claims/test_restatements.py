"""A headline restating a toll of the text below it is one claim, with what either says more
precisely. Texts are real entries of the development part of the general-news set (their ids)."""

from __future__ import annotations

from datetime import date

from shared.claims.extract import extract_claims
from shared.claims.restatements import fold_headline, headline_end


def folded(title: str, body: str, published: date) -> list[tuple]:
    text = f"{title}\n\n{body}"
    return [(c.category, c.subject, c.count.min if c.count else None, c.count.max if c.count else None, c.claimant)
            for c in fold_headline(extract_claims(text, published), text)]


def test_the_exact_count_and_the_claimant_of_the_body_stand_for_the_headline() -> None:
    # cnn-2020-10-27-011
    assert folded(
        "At least 7 dead, dozens injured after blast in Pakistani city of Peshawar",
        "Seven people have died and at least 70 more have been injured in a blast at a religious seminary on "
        "Tuesday in the northern Pakistani city of Peshawar, according to local authorities.",
        date(2020, 10, 27),
    ) == [("killed", "person", 7, 7, "local authorities"), ("wounded", "person", 70, None, "local authorities")]


def test_the_headline_keeps_what_it_says_more_precisely() -> None:
    # guardian-2020-10-17-014: "12 civilians" over "at least 12 people"
    assert folded(
        "Nagorno-Karabakh: Azerbaijan says 12 civilians killed by shelling in Ganja",
        "Azerbaijan has said at least 12 people have died after shelling levelled a row of homes in the city of "
        "Ganja, with 40 more wounded in a sharp escalation of the conflict with Armenia.",
        date(2020, 10, 17),
    )[0] == ("killed", "civilian", 12, 12, "Azerbaijan")
    # nbc-2023-10-09-002: the headline's 2,445 is the toll the summary rounds to "more than 2,400"
    assert folded(
        "Afghan earthquakes kill 2,445, Taliban say, as deaths mount",
        "More than 2,400 people were killed in earthquakes in Afghanistan, the Taliban administration said, in the "
        "deadliest tremors to rock the country in years.",
        date(2023, 10, 9),
    ) == [("killed", "person", 2445, 2445, "Taliban")]


def test_different_tolls_stay_apart() -> None:
    # guardian-2020-10-27-074: the headline's four dead are not the body's three who died after rescue
    found = folded(
        "Four dead including two children after migrant boat sinks in Channel",
        "One man drowned when the migrant boat sank, and three people died after they were pulled from the water "
        "alive with 15 others, said the official from the Nord department.",
        date(2020, 10, 27),
    )
    assert [(category, count_min) for category, _, count_min, _, _ in found if category == "killed"] == [
        ("killed", 4), ("killed", 2), ("killed", 1), ("killed", 3)]


def test_a_standfirst_is_a_headline_line_too() -> None:
    # guardian-2020-10-04-055: the standfirst's "one person" is the body's "one civilian"
    found = folded(
        "Nagorno-Karabakh: Azerbaijan accuses Armenia of rocket attack",
        "At least one person killed in Ganja incident, as former Soviet republics move closer to war\n"
        "At least one civilian was killed and four more injured in the attack on Sunday on Ganja, Azerbaijan’s "
        "second largest city, 100km (60 miles) north of the Karabakh capital, Stepanakert.",
        date(2020, 10, 4),
    )
    assert found == [("killed", "civilian", 1, None, None), ("wounded", "civilian", 4, 4, None)]


def test_a_bound_far_from_the_headline_s_number_is_another_toll() -> None:
    # guardian-2023-10-09-029: "death toll up to 800" is not "at least 10 British citizens"
    found = folded(
        "Nine US citizens killed in Hamas attacks on Israel, state department says",
        "Death toll up to 800, including French, Argentinian, Thai and Nepalese, with at least 10 UK citizens "
        "reportedly dead or missing\n"
        "As it became clear that the dead included people from different backgrounds and originally from countries "
        "other than Israel, the BBC reported that at least 10 British citizens were dead or missing.",
        date(2023, 10, 9),
    )
    assert ("killed", "person", 800, 800, None) in found


def test_the_headline_lines_end_at_the_first_paragraph() -> None:
    assert headline_end("Title\n\nStandfirst\nA paragraph.\nAnother.") == len("Title\n\nStandfirst\n")
    text = "At least 7 dead after blast in Peshawar.\n\nSeven people have died in a blast in Peshawar."
    claims = extract_claims(text, date(2020, 10, 27))
    assert headline_end(text) == 0 and fold_headline(claims, text) == claims and len(claims) == 2
