"""Who makes a claim in an inflected language: a name of the registry ("Минобороны России",
"Генштаб ЗСУ", "Müdafiə Nazirliyi", "Շուշան Ստեփանյան") near a reporting word ("сообщил",
"за словами", "bildirib", "հայտնել է"), a pronoun or institution word standing for the speaker
named before ("по его словам", "в ведомстве"), or the speaker of the next sentence when it begins
"Об этом сообщил ..." / "Про це повідомили ...". Names resolve to the registry's canonical English
name and its party."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicon.inflected import InflectedLexicon
from ..phrases import PhraseTable
from ..registry import Entity, entity_of, names
from .morphology import keys
from .words import View

_REACH = 14
_PEOPLE = frozenset({"person", "spokesperson", "official", "head of state", "regional authority"})


@dataclass(frozen=True, slots=True)
class Mention:
    entity: Entity
    start: int
    end: int
    phrase: str


@dataclass(frozen=True, slots=True)
class Said:
    """The speaker a sentence names, and how sure the reading is."""

    entity: Entity | None
    phrase: str | None
    explicit: bool
    """Named beside a reporting word (not only mentioned, nor carried over)."""
    this_reported: bool = False
    """The sentence begins "Об этом сообщил ...": its speaker also speaks for the one before."""


@cache
def _names(language: str) -> PhraseTable[Entity]:
    key_of = keys(language)
    table: PhraseTable[Entity] = PhraseTable()
    for name, entity in names(language):
        if name == name.lower() and len(name.split()) == 1 and entity.kind in _PEOPLE:
            continue  # a bare title ("министр", "генерал") names no one by itself
        words = [key_of(word) for word in _split(name)]
        if words:
            table.add(" ".join(words), entity)
    return table


def _split(name: str) -> list[str]:
    from ..sentences import Sentence
    from .words import words_of

    return [word.text for word in words_of(Sentence(name, 0, len(name)), "en") if word.kind in ("word", "model")]


def mentions(view: View) -> list[Mention]:
    table = _names(view.language)
    found: list[Mention] = []
    i = 0
    while i < len(view):
        match = table.match(view.keys, i)
        if match is None:
            i += 1
            continue
        found.append(Mention(match.value, match.start, match.end, view.text(match.start, match.end)))
        i = match.end
    return found


def speaker(view: View, lex: InflectedLexicon, found: list[Mention], memory: Entity | None, skip: set[int]) -> Said:
    """The speaker of the sentence; `skip` holds mention starts that are parts of loss phrases."""
    usable = [m for m in found if m.start not in skip]
    this = view.match(lex.this_reported, 0) is not None or (view.low(0) in ("«", '"', "—", "-") and view.match(lex.this_reported, 1) is not None)
    for according in view.find_all(lex.according_to):
        after = [m for m in usable if according.end <= m.start <= according.end + 3]
        if after:
            return Said(after[0].entity, after[0].phrase, True, this)
        if _pronoun_near(view, lex, according.start, according.end + 3) and memory is not None:
            return Said(memory, view.text(according.start, according.end), True, this)
    for verb in view.find_all(lex.reporting):
        near = [m for m in usable if abs(_distance(m, verb.start, verb.end)) <= _REACH]
        if near:  # a person named beside the verb rather than the institution in their title
            best = min(near, key=lambda m: (m.entity.kind not in _PEOPLE, abs(_distance(m, verb.start, verb.end))))
            return Said(best.entity, best.phrase, True, this)
        if memory is not None and (_pronoun_near(view, lex, verb.start - 3, verb.end + 3) or _institution_near(view, lex, verb.start - 4, verb.end + 4)):
            return Said(memory, None, True, this)
    ending = _trailing(view, usable)
    if ending is not None:
        return Said(ending.entity, ending.phrase, True, this)
    speakers = [m for m in usable if m.entity.kind not in lex.unnamed_speaker_kinds]
    if speakers:  # a ministry or an official named without a reporting word speaks for itself
        first = speakers[0]
        return Said(first.entity, first.phrase, False, this)
    return Said(None, None, False, this)


def _distance(mention: Mention, start: int, end: int) -> int:
    if mention.start >= end:
        return mention.start - end
    if mention.end <= start:
        return start - mention.end
    return 0


def _pronoun_near(view: View, lex: InflectedLexicon, start: int, end: int) -> bool:
    return any(view.match(lex.pronouns, k) is not None for k in range(max(0, start), min(end, len(view))))


def _institution_near(view: View, lex: InflectedLexicon, start: int, end: int) -> bool:
    return any(view.match(lex.institutions, k) is not None for k in range(max(0, start), min(end, len(view))))


def _trailing(view: View, found: list[Mention]) -> Mention | None:
    """ "... – Генеральний штаб ЗС України", "...: ՊԲ փոխհրամանատար": a name closing a headline."""
    for mention in found:
        before = view.low(mention.start - 1)
        rest = [view.low(k) for k in range(mention.end, len(view))]
        if before in ("–", "—", "-", ".", ":") and all(not word.isalnum() for word in rest):
            return mention
    return None


def owner_entity(claimant: str | None) -> Entity | None:
    return entity_of(claimant)
