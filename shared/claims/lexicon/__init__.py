"""Lexicons compiled into lookup tables, one per language.

A language is a module in this package (`en.py`) holding plain data under fixed names;
`load(code)` compiles it once. The extractor only ever reads the compiled `Lexicon`.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from ..phrases import PhraseTable


@dataclass(frozen=True, slots=True)
class Subject:
    name: str
    plural: bool
    person: bool


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    number_joiners: frozenset[str]
    single_articles: frozenset[str]
    vague: PhraseTable[tuple[int, int | None]]
    dozen: str
    bounds: PhraseTable[str]
    trailing_min: PhraseTable[str]
    increment_before: PhraseTable[str]
    increment_after: frozenset[str]
    unit_words: frozenset[str]
    subjects: PhraseTable[Subject]
    models: tuple[tuple[re.Pattern[str], str], ...]
    subject_modifiers: dict[str, str | None]
    noun_modifiers: frozenset[str]
    active: PhraseTable[str]
    loss_verbs: frozenset[str]
    passive: PhraseTable[str]
    nominal: PhraseTable[str]
    tolls: PhraseTable[str]
    toll_links: PhraseTable[str]
    toll_links_min: frozenset[str]
    auxiliaries: frozenset[str]
    object_gap: frozenset[str]
    list_joiners: PhraseTable[str]
    subset_markers: PhraseTable[str]
    negations: PhraseTable[str]
    denials: PhraseTable[str]
    hypotheticals: PhraseTable[str]
    clause_breaks: PhraseTable[str]
    reporting_verbs: PhraseTable[str]
    casualty_verbs: PhraseTable[str]
    casualty_nouns: frozenset[str]
    according_to: PhraseTable[str]
    reporting_tail: frozenset[str]
    pronouns: PhraseTable[str]
    claimant_drop: frozenset[str]
    time_words: frozenset[str]
    headline_roles: frozenset[str]
    ceasefire_nouns: PhraseTable[str]
    fighting_words: frozenset[str]
    ceasefire_order: tuple[str, ...]
    ceasefire_before: PhraseTable[str]
    ceasefire_after: PhraseTable[str]
    ceasefire_weak_after: frozenset[str]
    ceasefire_weak_before: frozenset[str]
    mediator_markers: PhraseTable[str]
    mediator_suffixes: tuple[str, ...]
    subordinators: PhraseTable[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    past_phrases: PhraseTable[str]
    present_reach: PhraseTable[str]
    tally_personnel: frozenset[str]
    tally_enemy_hints: PhraseTable[str]
    actors: PhraseTable[str]
    speakers: PhraseTable[str]
    organisations: PhraseTable[str]
    organisation_aliases: dict[str, str]
    case_sensitive: frozenset[str]
    demonyms: frozenset[str]
    measure_adjectives: frozenset[str] = frozenset()
    age_markers: PhraseTable[str] = PhraseTable()
    lives_verbs: PhraseTable[str] = PhraseTable()
    depicting: frozenset[str] = frozenset()
    out_of_sight: frozenset[str] = frozenset()
    taking: frozenset[str] = frozenset()
    seasons: dict[str, tuple[int, int]] | None = None
    bodies_found: PhraseTable[str] = PhraseTable()
    attacks: PhraseTable[str] = PhraseTable()

    def model_subject(self, word: str) -> Subject | None:
        """The equipment a weapon name or model code stands for ("su-25s" -> aircraft)."""
        for pattern, name in self.models:
            if pattern.fullmatch(word):
                return Subject(name, plural=word.endswith("s"), person=False)
        return None


def _subjects(people: dict, equipment: dict) -> PhraseTable[Subject]:
    table: PhraseTable[Subject] = PhraseTable()
    for groups, person in ((equipment, False), (people, True)):
        for name, (singular, plural) in groups.items():
            for phrase in singular:
                table.add(phrase, Subject(name, plural=False, person=person))
            for phrase in plural:
                table.add(phrase, Subject(name, plural=True, person=person))
    return table


def _compile(data: ModuleType) -> Lexicon:
    flat = PhraseTable.flat
    return Lexicon(
        units=dict(data.UNITS),
        tens=dict(data.TENS),
        scales=dict(data.SCALES),
        number_joiners=frozenset(data.NUMBER_JOINERS),
        single_articles=frozenset(data.SINGLE_ARTICLES),
        vague=PhraseTable(data.VAGUE.items()),
        dozen=data.DOZEN,
        bounds=PhraseTable(data.BOUNDS.items()),
        trailing_min=flat(data.TRAILING_MIN),
        increment_before=flat(data.INCREMENT_BEFORE),
        increment_after=frozenset(data.INCREMENT_AFTER),
        unit_words=frozenset(data.UNIT_WORDS),
        subjects=_subjects(data.PEOPLE, data.EQUIPMENT),
        models=tuple((re.compile(pattern), name) for name, pattern in data.MODEL_PATTERNS.items()),
        subject_modifiers=dict(data.SUBJECT_MODIFIERS),
        noun_modifiers=frozenset(data.NOUN_MODIFIERS),
        active=PhraseTable.of(data.ACTIVE),
        loss_verbs=frozenset(data.LOSS_VERBS),
        passive=PhraseTable.of(data.PASSIVE),
        nominal=PhraseTable.of(data.NOMINAL),
        tolls=PhraseTable.of(data.TOLLS),
        toll_links=flat(data.TOLL_LINKS),
        toll_links_min=frozenset(data.TOLL_LINKS_MIN),
        auxiliaries=frozenset(data.AUXILIARIES),
        object_gap=frozenset(data.OBJECT_GAP),
        list_joiners=flat(data.LIST_JOINERS),
        subset_markers=flat(data.SUBSET_MARKERS),
        negations=flat(data.NEGATIONS),
        denials=flat(data.DENIALS),
        hypotheticals=flat(data.HYPOTHETICALS),
        clause_breaks=flat(data.CLAUSE_BREAKS),
        reporting_verbs=flat(data.REPORTING_VERBS),
        casualty_verbs=flat(data.CASUALTY_VERBS),
        casualty_nouns=frozenset(data.CASUALTY_NOUNS),
        according_to=flat(data.ACCORDING_TO),
        reporting_tail=frozenset(data.REPORTING_TAIL),
        pronouns=flat(data.PRONOUNS),
        claimant_drop=frozenset(data.CLAIMANT_DROP),
        time_words=frozenset(data.TIME_WORDS),
        headline_roles=frozenset(data.HEADLINE_ROLES),
        ceasefire_nouns=flat(data.CEASEFIRE_NOUNS),
        fighting_words=frozenset(data.FIGHTING_WORDS),
        ceasefire_order=tuple(data.CEASEFIRE_ORDER),
        ceasefire_before=PhraseTable.of(data.CEASEFIRE_BEFORE),
        ceasefire_after=PhraseTable.of(data.CEASEFIRE_AFTER),
        ceasefire_weak_after=frozenset(data.CEASEFIRE_WEAK_AFTER),
        ceasefire_weak_before=frozenset(data.CEASEFIRE_WEAK_BEFORE),
        mediator_markers=flat(data.MEDIATOR_MARKERS),
        mediator_suffixes=tuple(data.MEDIATOR_SUFFIXES),
        subordinators=flat(data.SUBORDINATORS),
        months=dict(data.MONTHS),
        weekdays=dict(data.WEEKDAYS),
        past_phrases=flat(data.PAST_PHRASES),
        present_reach=flat(data.PRESENT_REACH),
        tally_personnel=frozenset(data.TALLY_PERSONNEL),
        tally_enemy_hints=flat(data.TALLY_SIDE_HINTS["enemy"]),
        actors=PhraseTable.of(data.ACTORS),
        speakers=PhraseTable.of(data.SPEAKERS),
        organisations=flat(data.ORGANISATIONS),
        organisation_aliases=dict(data.ORGANISATION_ALIASES),
        case_sensitive=frozenset(data.CASE_SENSITIVE),
        demonyms=frozenset(data.DEMONYMS),
        # what a sentence states and what it only seems to (a language may leave these out)
        measure_adjectives=frozenset(getattr(data, "MEASURE_ADJECTIVES", ())),
        age_markers=flat(getattr(data, "AGE_MARKERS", ())),
        lives_verbs=flat(getattr(data, "LIVES_VERBS", ())),
        depicting=frozenset(getattr(data, "DEPICTING", ())),
        out_of_sight=frozenset(getattr(data, "OUT_OF_SIGHT", ())),
        taking=frozenset(getattr(data, "TAKING", ())),
        seasons=dict(getattr(data, "SEASONS", {})),
        bodies_found=flat(getattr(data, "BODIES_FOUND", ())),
        attacks=PhraseTable.of(getattr(data, "ATTACKS", {})),
    )


@cache
def load(language: str = "en") -> Lexicon:
    return _compile(importlib.import_module(f"{__name__}.{language}"))
