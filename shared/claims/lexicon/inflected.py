"""Lexicons of the inflected languages (`ru.py`, `uk.py`, `hy.py`, `az.py`: plain data under the
names below), compiled once into tables keyed by each word's lemma or stem, so an entry may be
written in any of its forms and matches all of them."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache

from ..inflected.morphology import keys
from ..phrases import PhraseTable
from . import Subject


@dataclass(frozen=True)
class InflectedLexicon:
    language: str
    numbers: dict[str, float]
    scales: dict[str, int]
    round_numbers: frozenset[str]
    vague: PhraseTable[tuple[int, int | None]]
    bounds: PhraseTable[str]
    bounds_after: PhraseTable[str]
    bound_suffixes: dict[str, str]
    ordinal_suffixes: frozenset[str]
    counters: PhraseTable[str]
    subjects: PhraseTable[Subject]
    person_words: PhraseTable[str]
    nominals: PhraseTable[str]
    triggers: PhraseTable[str]
    exists: frozenset[str]
    loser_triggers: frozenset[str]
    """Keys of triggers whose subject is the loser ("потеряли", "itirib")."""
    suffered_triggers: frozenset[str]
    tolls: PhraseTable[str]
    toll_links: PhraseTable[str]
    toll_links_min: PhraseTable[str]
    not_counts: PhraseTable[str]
    increment: PhraseTable[str]
    total: PhraseTable[str]
    sides: PhraseTable[str]
    enemy: PhraseTable[str]
    own: PhraseTable[str]
    own_suffixes: tuple[str, ...]
    including: PhraseTable[str]
    """Words that open a part of the count before ("այդ թվում", "в том числе"): the part shares its loss."""
    follow_ons: PhraseTable[str]
    """Openings that go on from the sentence before ("Nəticədə", "В результате"): its speaker goes on."""
    side_markers: PhraseTable[str]
    attacks: PhraseTable[str]
    """Nouns of an attack ("удара", "атаки", "zərbələri"): a side next to one is the attacker."""
    another: PhraseTable[str]
    """Words of one more of a kind ("очередной", "հերթական"): the noun after one is one."""
    patronymics: frozenset[str]
    """Words that close a full name ("oğlu", "qızı"): a person noun before one is one person."""
    attack_targets: PhraseTable[str]
    """Words before an attack's target ("удар по ..."): a side after one was attacked."""
    military: PhraseTable[str]
    civilian: PhraseTable[str]
    reporting: PhraseTable[str]
    according_to: PhraseTable[str]
    this_reported: PhraseTable[str]
    pronouns: PhraseTable[str]
    institutions: PhraseTable[str]
    unnamed_speaker_kinds: frozenset[str]
    negations: PhraseTable[str]
    out_of_sight: PhraseTable[str]
    """Beside a loss word, what makes it lost from sight ("локаційно втрачені"), not destroyed."""
    negation_words: frozenset[str]
    absence_words: frozenset[str]
    absence: PhraseTable[str]
    denials: PhraseTable[str]
    alleged: PhraseTable[str]
    hypotheticals: PhraseTable[str]
    ceasefire_nouns: PhraseTable[str]
    ceasefire_triggers: PhraseTable[str]
    ceasefire_order: tuple[str, ...]
    months: dict[str, int]
    year_words: PhraseTable[str]
    birth_words: PhraseTable[str]
    past: PhraseTable[str]
    since: PhraseTable[str]
    tally_personnel: PhraseTable[str]
    tally_side: str | None
    writers_enemy: str | None
    writers_side: str | None
    joiners: PhraseTable[str]
    breaks: PhraseTable[str]


def _table(language: str, phrases) -> PhraseTable[str]:
    """Phrases (list, or {value: [phrases]}) keyed word by word."""
    key_of = keys(language)
    table: PhraseTable[str] = PhraseTable()
    items = phrases.items() if isinstance(phrases, dict) else ((p, [p]) for p in phrases)
    for value, group in items:
        for phrase in ([group] if isinstance(group, str) else group):
            words = phrase.split()
            if words:
                table.add(" ".join(key_of(word) for word in words), value)
    return table


def _flat(language: str, phrases) -> PhraseTable[str]:
    key_of = keys(language)
    table: PhraseTable[str] = PhraseTable()
    for phrase in phrases:
        table.add(" ".join(key_of(word) for word in phrase.split()), phrase)
    return table


def _subjects(language: str, people: dict, equipment: dict) -> PhraseTable[Subject]:
    key_of = keys(language)
    table: PhraseTable[Subject] = PhraseTable()
    for groups, person in ((equipment, False), (people, True)):
        for name, phrases in groups.items():
            for phrase in phrases:
                table.add(" ".join(key_of(word) for word in phrase.split()), Subject(name, True, person))
    return table


def _keyed(language: str, mapping: dict) -> dict:
    key_of = keys(language)
    return {key_of(word): value for word, value in mapping.items()}


def _compile(language: str) -> InflectedLexicon:
    data = importlib.import_module(f"{__package__}.{language}")
    key_of = keys(language)
    table = lambda phrases: _table(language, phrases)  # noqa: E731
    flat = lambda phrases: _flat(language, phrases)  # noqa: E731
    triggers = data.TRIGGERS
    return InflectedLexicon(
        language=language,
        numbers=_keyed(language, data.NUMBERS),
        scales=_keyed(language, data.SCALES),
        round_numbers=frozenset(key_of(word) for word in data.ROUND_NUMBERS),
        vague=_table_values(language, data.VAGUE),
        bounds=_table_values(language, data.BOUNDS),
        bounds_after=_table_values(language, data.BOUNDS_AFTER),
        bound_suffixes=dict(data.BOUND_SUFFIXES),
        ordinal_suffixes=frozenset(data.ORDINAL_SUFFIXES),
        counters=flat(data.COUNTERS),
        subjects=_subjects(language, data.PEOPLE, data.EQUIPMENT),
        person_words=flat(data.PERSON_WORDS),
        nominals=table(data.NOMINALS),
        triggers=table(triggers),
        exists=frozenset(data.EXISTS),
        loser_triggers=frozenset(" ".join(key_of(w) for w in p.split()) for p in data.LOSER_TRIGGERS),
        suffered_triggers=frozenset(" ".join(key_of(w) for w in p.split()) for p in data.SUFFERED_TRIGGERS),
        tolls=table(data.TOLLS),
        toll_links=flat(data.TOLL_LINKS),
        toll_links_min=flat(data.TOLL_LINKS_MIN),
        not_counts=flat(data.NOT_COUNTS),
        increment=flat(data.INCREMENT),
        total=flat(data.TOTAL),
        sides=table(data.SIDES),
        enemy=flat(data.ENEMY),
        own=flat(data.OWN),
        own_suffixes=tuple(data.OWN_SUFFIXES),
        including=flat(getattr(data, "INCLUDING", [])),
        out_of_sight=flat(getattr(data, "OUT_OF_SIGHT", [])),
        follow_ons=flat(getattr(data, "FOLLOW_ONS", [])),
        side_markers=flat(data.SIDE_MARKERS),
        attacks=flat(getattr(data, "ATTACKS", [])),
        attack_targets=flat(getattr(data, "ATTACK_TARGETS", [])),
        patronymics=frozenset(getattr(data, "PATRONYMICS", [])),
        another=flat(getattr(data, "ANOTHER", [])),
        military=flat(data.MILITARY),
        civilian=flat(data.CIVILIAN),
        reporting=flat(data.REPORTING),
        according_to=flat(data.ACCORDING_TO),
        this_reported=flat(data.THIS_REPORTED),
        pronouns=flat(data.PRONOUNS),
        institutions=flat(data.INSTITUTIONS),
        unnamed_speaker_kinds=frozenset(data.UNNAMED_SPEAKER_KINDS),
        negations=flat(data.NEGATIONS),
        negation_words=frozenset(data.NEGATION_WORDS),
        absence_words=frozenset(data.ABSENCE_WORDS),
        absence=flat(data.ABSENCE),
        denials=flat(data.DENIALS),
        alleged=flat(data.ALLEGED),
        hypotheticals=flat(data.HYPOTHETICALS),
        ceasefire_nouns=flat(data.CEASEFIRE_NOUNS),
        ceasefire_triggers=table(data.CEASEFIRE_TRIGGERS),
        ceasefire_order=tuple(data.CEASEFIRE_ORDER),
        months=_keyed(language, data.MONTHS),
        year_words=flat(data.YEAR_WORDS),
        birth_words=flat(data.BIRTH_WORDS),
        past=flat(data.PAST),
        since=flat(data.SINCE),
        tally_personnel=flat(data.TALLY_PERSONNEL),
        tally_side=data.TALLY_SIDE,
        writers_enemy=data.WRITERS_ENEMY,
        writers_side=data.WRITERS_SIDE,
        joiners=flat(data.JOINERS),
        breaks=flat(data.BREAKS),
    )


def _table_values(language: str, mapping: dict) -> PhraseTable:
    key_of = keys(language)
    return PhraseTable((" ".join(key_of(w) for w in phrase.split()), value) for phrase, value in mapping.items())


@cache
def load_inflected(language: str) -> InflectedLexicon:
    return _compile(language)
