"""A headline restating a toll of the text below it is one claim, with what either says more
precisely. Texts are real entries of the development part of the general-news set (their ids)."""

from __future__ import annotations

from datetime import date

from shared.claims.extract import extract_claims
from shared.claims.restatements import fold_headline


def folded(title: str, body: str, published: date) -> list[tuple]:
    claims = extract_claims(f"{title}\n\n{body}", published)
    return [(c.category, c.subject, c.count.min if c.count else None, c.count.max if c.count else None, c.claimant)
            for c in fold_headline(claims, len(title))]


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
        ("killed", 4), ("killed", 2), ("killed", 3)]


def test_without_a_headline_nothing_is_folded() -> None:
    text = "At least 7 dead after blast in Peshawar\n\nSeven people have died in a blast in Peshawar."
    claims = extract_claims(text, date(2020, 10, 27))
    assert fold_headline(claims, 0) == claims and len(claims) == 2
