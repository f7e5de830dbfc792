"""Who the words naming a speaker stand for: a country for its ministries, officials and leaders,
an organisation under its own name, the last speaker for "it" or "officials", the channel's
owner for its own institutions. Sentences with an id are verbatim from the general-news set
(`tests/data/feeds/general/`); the others are shaped on wire and ministry copy of the wars the
monitor follows."""

from __future__ import annotations

from datetime import date

import pytest

from shared.claims.extract import extract_claims
from shared.claims.lexicon import load
from shared.claims.sentences import Sentence
from shared.claims.speakers import Speaker, SpeakerMemory, speaker_of
from shared.claims.view import SentenceView


def claimants(text: str, owner: str | None = None) -> list[tuple[str | None, str | None]]:
    return [(c.claimant, c.claimant_phrase) for c in extract_claims(text, date(2023, 10, 9), owner)]


def speaker(text: str, words: str, owner: str | None = None, last: Speaker | None = None) -> Speaker:
    """The speaker named by `words`, as written in the sentence `text`."""
    view = SentenceView(Sentence(text, 0, len(text)), load("en"))
    begin = text.index(words)
    span = [k for k, token in enumerate(view.tokens) if begin <= token.start and token.end <= begin + len(words)]
    return speaker_of(view, span[0], span[-1] + 1, SpeakerMemory(owner=owner, last=last))


def test_an_organisation_keeps_its_name_though_it_names_a_people() -> None:
    # aljazeera-2023-10-09-037
    text = "Dozens killed and wounded in Israeli attack on Jabalia refugee camp, according to Palestinian health ministry."
    assert set(claimants(text)) == {("Palestinian health ministry", "Palestinian health ministry")}
    assert claimants("The Palestinian Red Crescent said 12 people were wounded.") == [
        ("Palestinian Red Crescent", "Palestinian Red Crescent")]


@pytest.mark.parametrize(("text", "claimant", "phrase"), [
    ("Gaza's health ministry said 704 Palestinians had been killed in the past 24 hours.",
     "Gaza health ministry", "Gaza's health ministry"),
    ("The Hamas-run health ministry said 704 Palestinians had been killed.",
     "Gaza health ministry", "Hamas-run health ministry"),
    ("The Syrian Observatory said 12 fighters were killed.",
     "Syrian Observatory for Human Rights", "Syrian Observatory"),
])
def test_an_organisation_called_by_another_name_is_one_claimant(text: str, claimant: str, phrase: str) -> None:
    assert claimants(text) == [(claimant, phrase)]


def test_a_leader_or_a_seat_of_government_speaks_for_the_country() -> None:
    assert claimants("Kremlin spokesman Dmitry Peskov said 12 soldiers were killed.") == [
        ("Russia", "Kremlin spokesman Dmitry Peskov")]
    assert speaker("Zelensky said 31,000 Ukrainian soldiers had been killed.", "Zelensky") == Speaker("Ukraine", "Zelensky")


def test_an_organisation_named_earlier_in_the_sentence_is_not_the_later_speaker() -> None:
    text = "The Red Cross said 12 people were wounded, and local officials said two had died."
    assert claimants(text) == [("Red Cross", "Red Cross"), ("local officials", "local officials")]


def test_an_apposition_ends_before_its_comma_and_a_time_word_is_no_part_of_the_name() -> None:
    text = "The Syrian Observatory for Human Rights, a Britain-based war monitor, said 12 fighters were killed."
    assert claimants(text) == [
        ("Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights, a Britain-based war monitor")]
    assert claimants("Russia's defence ministry yesterday said 12 Ukrainian soldiers were killed.") == [
        ("Russia", "Russia's defence ministry")]
    assert claimants("Ukrainian officials overnight said 12 civilians were killed.") == [("Ukraine", "Ukrainian officials")]


def test_a_verb_group_names_nobody_so_the_owner_speaks() -> None:
    text = "Azerbaijan's president will not say how many soldiers were killed."
    assert speaker(text, "Azerbaijan's president will not", owner="Azerbaijan") == Speaker("Azerbaijan", "")
    assert speaker(text, "Azerbaijan's president will not") == Speaker(None, "")


@pytest.mark.parametrize(("pronoun", "last"), [
    ("It", Speaker("Armenia", "Armenia's defence ministry")),
    ("He", Speaker("Armenia", "Nikol Pashinyan")),
    ("She", Speaker("Russia", "Maria Zakharova")),
    ("They", Speaker("Ukraine", "Ukrainian officials")),
    ("We", Speaker("Ukraine", "Ukraine's General Staff")),
    ("This", Speaker("Azerbaijan", "Azerbaijan's defence ministry")),
])
def test_a_pronoun_is_the_last_speaker_named(pronoun: str, last: Speaker) -> None:
    text = f"{pronoun} said 16 servicemen had been killed."
    assert speaker(text, pronoun, last=last) == Speaker(last.claimant, pronoun)
    assert speaker(text, pronoun, owner="Armenia") == Speaker("Armenia", pronoun)  # nobody named yet: the owner
    assert speaker(text, pronoun) == Speaker(pronoun, pronoun)


def test_it_said_after_the_claim_is_the_speaker_of_the_sentence_before() -> None:
    text = "Armenia's defence ministry said fighting went on overnight. Sixteen servicemen had been killed, it said."
    assert claimants(text) == [("Armenia", "it")]


def test_officials_are_the_last_speaker_when_that_speaker_was_officials() -> None:
    ukrainian = Speaker("Ukraine", "Ukrainian officials")
    assert speaker("Two civilians were killed, officials said.", "officials", last=ukrainian) == Speaker("Ukraine", "officials")
    ministry = Speaker("Armenia", "Armenia's defence ministry")
    assert speaker("Two civilians were killed, officials said.", "officials", last=ministry) == Speaker("officials", "officials")
    text = "Ukrainian officials said fighting went on. Sixteen soldiers had been killed, officials said."
    assert claimants(text) == [("Ukraine", "officials")]


def test_the_channels_own_institution_is_its_owner() -> None:
    text = "The General Staff said 640 Russian soldiers were killed over the past day."
    assert speaker(text, "The General Staff", owner="Ukraine") == Speaker("Ukraine", "General Staff")
    assert speaker(text, "The General Staff") == Speaker("General Staff", "General Staff")
    # a speaker who is no institution keeps its name on an official channel
    text = "Hundreds of fighters have died since the offensive started, a monitoring group estimated."
    assert speaker(text, "a monitoring group", owner="Ukraine") == Speaker("monitoring group", "monitoring group")


def test_an_institution_named_in_full_on_the_channel_is_its_owner_but_another_countrys_is_not() -> None:
    text = "The Operational Command South said 12 Russian soldiers were killed."
    assert speaker(text, "The Operational Command South", owner="Ukraine") == Speaker("Ukraine", "Operational Command South")
    assert speaker(text, "The Operational Command South") == Speaker("Operational Command South", "Operational Command South")
    text = "Russia's defence ministry said 12 Ukrainian soldiers were killed."
    assert speaker(text, "Russia's defence ministry", owner="Ukraine") == Speaker("Russia", "Russia's defence ministry")


def test_the_ministry_after_a_ministry_is_that_ministry() -> None:
    text = "Armenia's defence ministry said fighting went on overnight. The ministry said 16 servicemen had been killed."
    assert claimants(text) == [("Armenia", "ministry")]
    text = "Ukraine's General Staff said fighting went on. The General Staff said 640 Russian soldiers were killed."
    assert claimants(text) == [("Ukraine", "General Staff")]
    # another institution than the one named before is not it
    last = Speaker("Ukraine", "Ukraine's General Staff")
    assert speaker("The ministry said 16 servicemen had been killed.", "The ministry", last=last) == Speaker("ministry", "ministry")


def test_a_country_after_an_organisations_name_is_its_branch_not_the_state() -> None:
    assert claimants("Amnesty International Ukraine said 12 civilians were killed.") == [
        ("Amnesty International", "Amnesty International Ukraine")]


def test_a_summary_cut_off_after_according_to_names_nobody() -> None:
    assert claimants("Twelve people were killed, according to the") == [(None, "")]
    assert claimants("Twelve people were killed, according to the", owner="Ukraine") == [("Ukraine", "")]
