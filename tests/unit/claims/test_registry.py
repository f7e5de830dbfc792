"""The who-is-who registry: claimants in every language resolve to their party, "the enemy" to
the other side, a party to its conflict."""

from __future__ import annotations

import pytest

from shared.claims.registry import adversary_of, at_war, conflict_of, entity_of, names, party_of, registry


@pytest.mark.parametrize(("claimant", "party"), [
    ("Ministry of Defence of Ukraine", "Ukraine"),
    ("Генштаб ЗСУ", "Ukraine"),
    ("Генеральний штаб ЗСУ", "Ukraine"),
    ("Ukraine's defence ministry", "Ukraine"),
    ("Конашенков", "Russia"),
    ("Министерство обороны России", "Russia"),
    ("Müdafiə Nazirliyi", "Azerbaijan"),
    ("Azərbaycan Respublikası Müdafiə Nazirliyi", "Azerbaijan"),
    ("ՀՀ ՊՆ", "Armenia"),
    ("Шушан Степанян", "Armenia"),
    ("Defence Army of Nagorno-Karabakh", "Nagorno-Karabakh"),
    ("Ukraine", "Ukraine"),
    ("IDF", "Israel"),
])
def test_a_claimant_resolves_to_the_party_it_speaks_for(claimant: str, party: str) -> None:
    assert party_of(claimant) == party


@pytest.mark.parametrize("claimant", ["Patriarch Kirill", "United States", "UN General Assembly", "a local resident", None, ""])
def test_third_parties_and_strangers_have_no_party(claimant) -> None:
    assert party_of(claimant) is None


def test_the_canonical_name_of_an_entity_is_english() -> None:
    assert entity_of("Конашенкова").name == "Igor Konashenkov"
    assert entity_of("Генштаб ЗСУ").name == "General Staff of the Armed Forces of Ukraine"


def test_the_enemy_is_the_main_party_of_the_other_side() -> None:
    assert adversary_of("Ukraine") == "Russia"
    assert adversary_of("Russia") == "Ukraine"
    assert adversary_of("Donetsk People's Republic") == "Ukraine"
    assert adversary_of("Nagorno-Karabakh") == "Azerbaijan"
    assert adversary_of("Azerbaijan") == "Armenia"
    assert adversary_of("Israel") is None  # several wars: no single enemy
    assert adversary_of("Israel", "israel-hamas") == "Hamas"
    assert adversary_of("United States") is None


def test_a_party_belongs_to_its_conflict() -> None:
    assert conflict_of("Nagorno-Karabakh") == "armenia-azerbaijan"
    assert conflict_of("Ukraine") == "russia-ukraine"
    assert conflict_of("Israel") is None
    assert conflict_of("Israel", "Hezbollah") == "israel-hezbollah"
    assert at_war("Armenia", "Azerbaijan") and not at_war("Armenia", "Nagorno-Karabakh")


def test_every_entity_names_a_known_party_and_has_an_english_name() -> None:
    belligerents = {party for conflict in registry().conflicts for party in conflict.belligerents}
    for entity in registry().entities:
        assert entity.party is None or entity.party in belligerents, entity.id
        assert entity.name and any(lang == "en" for lang, _ in entity.names), entity.id


def test_names_are_listed_by_language() -> None:
    armenian = {name for name, _ in names("hy")}
    assert "ՀՀ ՊՆ" in armenian and "Генштаб ЗСУ" not in armenian
