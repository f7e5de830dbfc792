"""The word that says what befell a loss phrase: a verb before it ("shot down [four helicopters]",
"Russia lost [20 tanks]") or a predicate after it ("[14 people] were killed")."""

from __future__ import annotations

from dataclasses import dataclass

from .actors import actor_at, is_side
from .interposed import skip_aside, skip_place
from .numbers import parse_quantity
from .phrases import Match
from .view import SentenceView

_MAX_AUX = 5
_PASSIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "be", "been", "being", "remain", "remained"})


@dataclass(frozen=True, slots=True)
class Trigger:
    category: str
    start: int
    end: int
    loser: str | None = None
    enemy_loser: bool = False
    active: bool = False
    by_speaker: bool = False
    agent: str | None = None
    """The belligerent named as doing it ("Hamas gunmen captured ...")."""


def left_trigger(view: SentenceView, start: int) -> Trigger | None:
    lex = view.lex
    j = start
    while j > 0 and view.words[j - 1] in lex.object_gap and start - j < 3:
        j -= 1
    found = lex.active.match_ending(view.words, j)
    if found is None and "bodies" in view.words[start:start + 3]:
        found = _bodies_found(view, j, ending=True)  # "rescuers recovered 260 bodies"
    if found is None:
        return None
    loser, enemy, agent = None, False, None
    active = not view.words[found.start].startswith(("the", "death", "bodies", "remains"))
    if view.words[found.start] in lex.loss_verbs:
        loser, enemy = loser_before(view, found.start)
    elif active:
        agent = agent_before(view, found.start)
    return Trigger(found.value, found.start, found.end, loser, enemy, active, _by_speaker(view, found.start), agent)


def _bodies_found(view: SentenceView, k: int, ending: bool = False) -> Match[str] | None:
    """ "260 bodies have been recovered", "rescuers pulled out 12 bodies": the dead, found."""
    table = view.lex.bodies_found
    found = table.match_ending(view.words, k) if ending else table.match(view.words, k)
    return None if found is None else Match("killed", found.start, found.end)


def _acting_clause_start(view: SentenceView, verb: int) -> int:
    """Where the clause that does what the verb says begins; for "..., destroying four planes"
    the clause before the participle."""
    start = view.clause_start(verb)
    if view.words[verb].endswith("ing") and view.word(start - 1) == ",":
        start = view.clause_start(start - 1)
    return start


_TARGET_PREPOSITIONS = frozenset({"on", "against", "in", "at", "near", "into", "over", "of", "inside"})
"""Before a side named as the place or target of an attack ("a strike on Russian positions")."""


def agent_before(view: SentenceView, verb: int) -> str | None:
    """The belligerent nearest before an active verb of harm, as its subject: "Hamas gunmen
    captured", "Russian troops killed", "Azerbaijani forces stormed the village, killing"; none
    when that side is the object of a preposition ("a strike on Russian positions killed")."""
    for k in range(verb - 1, max(_acting_clause_start(view, verb), verb - 8) - 1, -1):
        actor = actor_at(view, k)
        if actor is not None and is_side(actor.value):
            return None if view.word(k - 1) in _TARGET_PREPOSITIONS else actor.value
    return None


def _by_speaker(view: SentenceView, verb: int) -> bool:
    """ "Our defenders shot down", "its forces had destroyed", "we destroyed"."""
    start = _acting_clause_start(view, verb)
    for k in range(verb - 1, max(start, verb - 12) - 1, -1):
        if view.words[k] in ("our", "we", "us"):
            return True
        if view.words[k] == "it" and view.match(view.lex.reporting_verbs, k - 1) is not None:
            return True  # "Ukraine said it had hit ..."
        if view.words[k] in ("its", "their") and view.word(k + 1) in ("forces", "troops", "units", "army", "military", "soldiers", "fighters", "defenders", "air", "navy", "drones", "artillery"):
            return True
    return False


def loser_before(view: SentenceView, verb: int) -> tuple[str | None, bool]:
    """The side before "lost": "Russia has lost", "the enemy lost", "Ukrainian forces lost"."""
    for k in range(verb - 1, max(view.clause_start(verb), verb - 5) - 1, -1):
        if view.words[k] in ("enemy", "occupiers", "invaders", "adversary"):
            return None, True
        actor = actor_at(view, k)
        if actor is not None and is_side(actor.value):
            return actor.value, False
    return None, False


def right_trigger(view: SentenceView, end: int) -> Trigger | None:
    lex = view.lex
    k = skip_aside(view, skip_place(view, end))
    if view.word(k) == "," and (view.word(k + 1) in lex.auxiliaries or view.match(lex.passive, k + 1)):
        k += 1  # "Five people, including a child, were killed"
    skipped: list[str] = []
    while k < len(view) and view.words[k] in lex.auxiliaries and len(skipped) < _MAX_AUX:
        found = view.match(lex.passive, k)
        if found is not None:
            break
        skipped.append(view.words[k])
        k += 1
    found = view.match(lex.passive, k)
    if found is None and view.words[end - 1] == "bodies" and skipped:
        found = _bodies_found(view, k)
    if found is None or (found.value == "missing" and view.word(found.end) == "out"):
        return None  # "children missing out on education"
    # "soldiers killed civilians", "an officer who has shot dead three people" are active: a loss
    # phrase right after the verb makes the subject the one who did it, not the one it befell
    active = not any(word in _PASSIVE_AUXILIARIES for word in skipped)
    if active and found.value not in ("missing",) and _object_follows(view, found.end):
        return None
    return Trigger(found.value, found.start, found.end)


def _object_follows(view: SentenceView, i: int) -> bool:
    if view.word(i) in ("by", "in", "on", "at", "near", "during", "overnight", "and", ",", ".", "or", "while", "as", "after", "when"):
        return False
    return parse_quantity(view.tokens, view.words, i, view.lex) is not None or view.word(i) in ("a", "an", "the")
