"""Who a sentence says makes each claim, and over which of its words: "X said ...", "..., X said",
"according to X", "..., said the ministry", "Monitor: ...". Sentences with an id are verbatim from
the general-news set (`tests/data/feeds/general/`) or the development set
(`/work/shared/data/claims-dev.jsonl`, "dev"); the others are shaped on wire and ministry copy of
the wars the monitor follows."""

from __future__ import annotations

from datetime import date

import pytest

from shared.claims.attribution import find_attributions
from shared.claims.extract import extract_claims
from shared.claims.lexicon import load
from shared.claims.sentences import Sentence
from shared.claims.speakers import SpeakerMemory
from shared.claims.view import SentenceView


def attributions(text: str, owner: str | None = None) -> list[tuple]:
    """Each attribution as (claimant, words naming it, reporting word, words it covers, leading, denial)."""
    view = SentenceView(Sentence(text, 0, len(text)), load("en"))
    found = []
    for a in find_attributions(view, SpeakerMemory(owner=owner)):
        covered = " | ".join(view.text(start, end) for start, end in a.scopes)
        found.append((a.speaker.claimant, a.speaker.phrase, view.word(a.verb), covered, a.leading, a.denial))
    return found


def claimants(text: str, owner: str | None = None) -> list[str | None]:
    return [c.claimant for c in extract_claims(text, date(2023, 10, 9), owner)]


@pytest.mark.parametrize(("text", "expected"), [
    # dev
    ("Azerbaijan's Defence Ministry said its troops had destroyed five Armenian T-72 tanks and a BM-21 Grad "
     "rocket launcher overnight.",
     [("Azerbaijan", "Azerbaijan's Defence Ministry", "said", "its troops had destroyed five Armenian T-72 tanks and "
       "a BM-21 Grad rocket launcher overnight.", True, False)]),
    # nbc-2023-10-09-002
    ("More than 2,400 people were killed in earthquakes in Afghanistan, the Taliban administration said, in the "
     "deadliest tremors to rock the country in years.",
     [("Taliban", "Taliban administration", "said", "More than 2,400 people were killed in earthquakes in "
       "Afghanistan,", False, False)]),
    # cnn-2020-10-13-045
    ("At least 10 people have died in protests over police brutality in Nigeria, Amnesty International said Tuesday.",
     [("Amnesty International", "Amnesty International", "said",
       "At least 10 people have died in protests over police brutality in Nigeria,", False, False)]),
    # cnn-2022-02-25-006
    ("A Ukrainian Sukhoi Su-27 fighter jet was shot down over Kyiv early Friday, Ukrainian Deputy Interior Minister "
     "Evgeny Yenin tells CNN's Matthew Chance.",
     [("Ukraine", "Ukrainian Deputy Interior Minister Evgeny Yenin", "tells",
       "A Ukrainian Sukhoi Su-27 fighter jet was shot down over Kyiv early Friday,", False, False)]),
    # cnn-2020-10-27-011
    ("Seven people have died and at least 70 more have been injured in a blast at a religious seminary on Tuesday "
     "in the northern Pakistani city of Peshawar, according to local authorities.",
     [("local authorities", "local authorities", "according", "Seven people have died and at least 70 more have "
       "been injured in a blast at a religious seminary on Tuesday in the northern Pakistani city of Peshawar,",
       False, False)]),
    # guardian-2020-10-17-060
    ("Jihadists linked to the Islamic State group have killed 14 Nigerian soldiers in an attack on an army base, "
     "military sources have said.",
     [("military sources", "military sources", "said", "Jihadists linked to the Islamic State group have killed 14 "
       "Nigerian soldiers in an attack on an army base,", False, False)]),
    # guardian-2020-10-06-063
    ("Rights groups say two Egyptians have been killed and hundreds more detained in a recent wave of protests.",
     [("Rights groups", "Rights groups", "say", "two Egyptians have been killed and hundreds more detained in a "
       "recent wave of protests.", True, False)]),
    # dev
    ("Both Armenia and Azerbaijan confirmed combat casualties.",
     [("Armenia", "Both Armenia and Azerbaijan", "confirmed", "combat casualties.", True, False)]),
    ("According to the ministry, 12 soldiers were killed.",
     [("ministry", "ministry", "according", ", 12 soldiers were killed.", True, False)]),
    ("On Monday, according to the ministry, 12 soldiers were killed.",
     [("ministry", "ministry", "according", ", 12 soldiers were killed.", True, False)]),
    ("Twelve soldiers were killed, per the ministry.",
     [("ministry", "ministry", "per", "Twelve soldiers were killed,", False, False)]),
    ("Twelve soldiers were killed, police said on Monday, adding that 12 more were wounded.",
     [("police", "police", "said", "Twelve soldiers were killed, | adding that 12 more were wounded.", False, False),
      (None, "", "adding", "that 12 more were wounded.", True, False)]),
    ("Twelve soldiers were killed, Ukraine's air force said, adding that 30 drones were shot down.",
     [("Ukraine", "Ukraine's air force", "said", "Twelve soldiers were killed, | adding that 30 drones were shot down.",
       False, False)]),
    ("Twelve soldiers were killed, the ministry said in a statement on Telegram.",
     [("ministry", "ministry", "said", "Twelve soldiers were killed,", False, False)]),
    ("Twelve soldiers were killed, said the ministry.",
     [("ministry", "ministry", "said", "Twelve soldiers were killed", False, False)]),
    ("Says Ukraine's air force, 30 drones were shot down.",
     [("Ukraine", "Ukraine's air force", "says", ", 30 drones were shot down.", True, False)]),
    ("The Syrian Observatory for Human Rights, a Britain-based war monitor, said 12 fighters were killed.",
     [("Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights, a Britain-based war monitor", "said",
       "12 fighters were killed.", True, False)]),
    ("Armenia, which lost the 2016 clashes, said 12 soldiers were killed.",
     [("Armenia", "Armenia, which lost the 2016 clashes", "said", "12 soldiers were killed.", True, False)]),
    ("Russia denied that 12 soldiers were killed.",
     [("Russia", "Russia", "denied", "that 12 soldiers were killed.", True, True)]),
    ("Russia claimed that 200 lives were lost.",
     [("Russia", "Russia", "claimed", "that 200 lives were lost.", True, False)]),
    ("Monitor: 50 fighters killed in clashes",
     [("Monitor", "Monitor", ":", "50 fighters killed in clashes", True, False)]),
    ("There were reports that nine people were killed.",
     [(None, "", "there", "nine people were killed.", True, False)]),
    ("France confirmed two deaths, and there were reports that as many as nine were killed.",
     [("France", "France", "confirmed", "two deaths, and there were reports that as many as nine were killed.", True,
       False),
      (None, "", "there", "as many as nine were killed.", True, False)]),
])
def test_who_speaks_and_over_which_words(text: str, expected: list[tuple]) -> None:
    assert attributions(text) == expected


@pytest.mark.parametrize("text", [
    "The figure was reported to the UN on Monday.",
    "Twelve deaths were reported in Kharkiv.",
    "It is estimated that 300 people died.",
    "Twelve soldiers are said to have died.",
    "Twelve deaths have been confirmed by the ministry.",
    "The toll will be announced later by the ministry.",
    "Deaths are still being counted by the ministry.",
    "The claims of 300 dead were rejected by Kyiv.",
    "A claim of 300 dead was rejected by Kyiv.",
    "An estimate of 300 dead was rejected by Kyiv.",
    "Russia rejected its estimates of 300 dead.",
    "Kyiv rejected their claims of 300 dead.",
    "Kyiv rejected his claims of 300 dead.",
    "Kyiv rejected her claims of 300 dead.",
    "Kyiv rejected the previously reported toll of 300 dead.",
    "Kyiv rejected the widely reported toll of 300 dead.",
    "The pandemic has claimed the lives of 200,000 people.",
    "The pandemic has claimed 200,000 lives.",
    "Deaths per 100,000 people rose to 12.",
    "At least 12 confirmed dead in Kharkiv strike",
    "Three people were reported killed in the strike.",
    "Twelve reported wounded in Kharkiv strike",
])
def test_a_passive_a_noun_or_a_toll_of_lives_names_no_speaker(text: str) -> None:
    assert attributions(text) == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Twelve soldiers were killed, according to the ministry on Telegram.", "ministry"),
    ("Twelve soldiers were killed, according to the ministry in Kyiv.", "ministry"),
    ("Twelve soldiers were killed, according to the ministry late last night.", "ministry"),
    ("Twelve soldiers were killed, according to the ministry early this week.", "ministry"),
    ("Twelve soldiers were killed, according to the governor during a briefing.", "governor"),
    ("Twelve soldiers were killed, according to the governor at a briefing.", "governor"),
    ("Twelve soldiers were killed, according to the ministry via Telegram.", "ministry"),
    ("Twelve soldiers were killed, said the governor to reporters.", "governor"),
    ("Twelve soldiers were killed, said a ministry source told to speak anonymously.", "ministry source"),
    ("Twelve soldiers were killed, according to Armenia and the Azerbaijani army.", "Armenia and the Azerbaijani army"),
    ("Twelve soldiers were killed, according to Armenia and the ministry.", "Armenia"),
])
def test_the_speaker_after_the_claim_ends_before_where_when_and_to_whom(text: str, speaker: str) -> None:
    assert attributions(text)[0][1] == speaker


def test_the_speaker_after_the_claim_ends_before_a_source_it_cites() -> None:
    text = "Twelve soldiers were killed, according to the agency citing military sources."
    assert [a[:4] for a in attributions(text)] == [
        ("agency", "agency", "according", "Twelve soldiers were killed,"),
        ("military sources", "military sources", "citing", "Twelve soldiers were killed, according to the agency")]


@pytest.mark.parametrize("verb", ["adding", "saying"])
def test_a_speaker_going_on_without_a_comma_still_goes_on(verb: str) -> None:
    text = f"Twelve soldiers were killed, said the ministry {verb} that 12 more were wounded."
    assert attributions(text) == [
        ("ministry", "ministry", "said", f"Twelve soldiers were killed | {verb} that 12 more were wounded.", False, False),
        ("ministry", "ministry", verb, "that 12 more were wounded.", True, False)]


@pytest.mark.parametrize("pronoun", ["It", "He", "She", "They", "We"])
def test_a_pronoun_is_not_remembered_in_place_of_the_speaker_it_stands_for(pronoun: str) -> None:
    text = (f"Armenia's defence ministry said fighting went on. {pronoun} said two soldiers were wounded. "
            "The ministry said 16 servicemen had been killed.")
    assert claimants(text) == ["Armenia", "Armenia"]


def test_a_report_of_nobody_named_is_not_remembered_as_the_last_speaker() -> None:
    text = ("Armenia's defence ministry said fighting went on. There were reports that nine people were killed. "
            "Sixteen servicemen had been killed, it said.")
    assert claimants(text) == [None, "Armenia"]


@pytest.mark.parametrize("text", [
    "The war claims 200 lives every week.",
    "Shelling kept claiming lives in Bakhmut.",
    "Strikes claim 200 lives a month.",
])
def test_a_war_that_claims_lives_is_no_speaker(text: str) -> None:
    assert attributions(text) == []


@pytest.mark.parametrize("text", [
    "The ministry reports wounded and dead in Kharkiv.",
    "The ministry confirmed killed soldiers number 12.",
    "Police announced dead soldiers numbered 12.",
    "Police announced missing people number 12.",
])
def test_a_reporting_word_straight_before_a_loss_reads_as_part_of_the_loss(text: str) -> None:
    assert attributions(text) == []


@pytest.mark.parametrize(("text", "speaker", "verb", "covered"), [
    ("Officials said killed soldiers numbered 300.", "Officials", "said", "killed soldiers numbered 300."),
    ("Officials say dead soldiers were left behind.", "Officials", "say", "dead soldiers were left behind."),
    ("The ministry says missing soldiers number 300.", "ministry", "says", "missing soldiers number 300."),
])
def test_said_before_a_loss_still_reports_it(text: str, speaker: str, verb: str, covered: str) -> None:
    assert attributions(text) == [(speaker, speaker, verb, covered, True, False)]


@pytest.mark.parametrize(("tail", "verb"), [
    ("said on Monday, saying", "saying"), ("said Monday, adding", "adding"), ("said, saying", "saying")])
def test_the_speaker_goes_on_after_when_it_spoke(tail: str, verb: str) -> None:
    text = f"Twelve soldiers were killed, police {tail} that 12 more were wounded."
    assert attributions(text)[0] == (
        "police", "police", "said", f"Twelve soldiers were killed, | {verb} that 12 more were wounded.", False, False)


@pytest.mark.parametrize(("text", "covered"), [
    ("Russia claimed, without evidence, 200 lives were lost.", ", without evidence, 200 lives were lost."),
    ("Russia claimed victory; 200 lives were lost.", "victory; 200 lives were lost."),
    ("Russia claimed to have saved 200 lives.", "to have saved 200 lives."),
    ("Hamas claimed the attack that took 200 lives.", "the attack that took 200 lives."),
])
def test_lives_beyond_what_is_claimed_leave_the_claim_a_claim(text: str, covered: str) -> None:
    speaker = text.split()[0]
    assert attributions(text) == [(speaker, speaker, "claimed", covered, True, False)]


def test_a_war_that_claims_one_life_is_no_speaker() -> None:
    assert attributions("The war claimed one more life.") == []


@pytest.mark.parametrize(("text", "claimant", "phrase"), [
    ("Pashinyan, who visited the front, said 12 soldiers were killed.", "Armenia", "Pashinyan, who visited the front"),
    ("The spokesman of the army, Oleksandr Shtupun, said 12 soldiers were killed.",
     "spokesman of the army, Oleksandr Shtupun", "spokesman of the army, Oleksandr Shtupun"),
])
def test_a_speaker_described_between_commas_is_named_with_the_description(text: str, claimant: str, phrase: str) -> None:
    assert attributions(text) == [(claimant, phrase, "said", "12 soldiers were killed.", True, False)]
