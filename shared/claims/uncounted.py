"""Losses stated without a number: "Both Armenia and Azerbaijan confirmed combat casualties",
"civilians' bodies have been found"."""

from __future__ import annotations

from .actors import actor_at, is_side
from .loss_claims import Loss, asserted
from .losses import LossPhrase
from .model import Count
from .noun_heads import head_at
from .numbers import parse_quantity
from .remains import remains
from .triggers import loser_before, right_trigger
from .view import SentenceView


def find_uncounted(view: SentenceView, phrases: list[LossPhrase]) -> list[Loss]:
    """ "Both Armenia and Azerbaijan confirmed combat casualties": a loss without a number."""
    lex = view.lex
    counted = {phrase.end - 1 for phrase in phrases}
    found: list[Loss] = []
    for verb in lex.casualty_verbs.find_all(view.words):
        k = verb.end
        subject = "person"
        while k < len(view) and k - verb.end <= 3 and view.words[k] not in lex.casualty_nouns:
            subject = lex.subject_modifiers.get(view.words[k]) or subject
            k += 1
        if view.word(k) not in lex.casualty_nouns or k in counted:
            continue
        side, enemy = _uncounted_side(view, verb.start, k + 1)
        loss = Loss("casualties", subject, None, False, side, verb.start, k + 1, enemy=enemy)
        if asserted(view, loss):
            found.append(loss)
    return found


def _uncounted_side(view: SentenceView, verb: int, end: int) -> tuple[str | None, bool]:
    """Losses "inflicted on the enemy" fall on the enemy; losses "suffered" on the subject."""
    if view.word(end) == "on":
        for k in range(end + 1, min(end + 4, len(view))):
            if view.words[k] in ("enemy", "occupiers", "invaders"):
                return None, True
            actor = actor_at(view, k)
            if actor is not None and is_side(actor.value):
                return actor.value, False
        return None, False
    if view.words[verb] in ("suffered", "suffers", "suffer", "sustained", "sustains", "suffering", "sustaining"):
        loser, enemy = loser_before(view, verb)
        return loser, enemy
    return None, False


def dead_bodies(view: SentenceView, losses: list[Loss]) -> list[Loss]:
    """ "civilians' bodies have been found": the dead, with no count."""
    found = []
    for subject, start, end in remains(view):
        if any(loss.start < end and start < loss.end for loss in losses):
            continue
        loss = Loss("killed", subject, None, False, None, start, end, suffered=True)
        if asserted(view, loss):
            found.append(loss)
    return found


_BEFORE_BARE = frozenset({",", ";", ":", "and", "as", "while", "after", "when", "—", "–", "where"})
"""What may come right before a plural noun that stands alone as a subject."""
_STATED_PAST = frozenset({"were", "been"})
"""Of the words between such a subject and its predicate, one must say it happened: "were
killed", "have been kidnapped" — not "are killed every day" or "could be lost"."""


def bare_plurals(view: SentenceView, losses: list[Loss]) -> list[Loss]:
    """ "Civilians were killed in the strike", "other family members were also kidnapped",
    "Palestinians killed in Israeli strikes" (a headline): people lost, with no count."""
    found: list[Loss] = []
    for i in range(len(view)):
        if i > 0 and view.words[i - 1] not in _BEFORE_BARE or any(loss.start <= i < loss.end for loss in losses + found):
            continue
        start = i + 1 if view.words[i] == "other" else i
        head = head_at(view, start)
        if head is None or head.subject is None or not (head.subject.person and head.subject.plural) or head.nominal:
            continue
        trigger = right_trigger(view, head.end)
        if trigger is None or trigger.category not in ("killed", "wounded", "captured", "missing"):
            continue
        between = set(view.words[head.end:trigger.start])
        if not (between & _STATED_PAST or (i == 0 and trigger.start == head.end and view.sentence.start == 0)):
            continue
        count = _at_least_those_named(view, head.end, trigger.start)
        loss = Loss(trigger.category, head.subject.name, count, False, head.side, i, trigger.end, suffered=True)
        if asserted(view, loss):
            found.append(loss)
    return found


def _at_least_those_named(view: SentenceView, k: int, end: int) -> Count | None:
    """ "family members, including Shiri's husband and parents, were kidnapped": at least the
    three named; a plural named without a number counts as two."""
    if view.word(k) != "," or view.word(k + 1) != "including":
        return None
    named, k = 0, k + 2
    while k < end and view.words[k] != ",":
        quantity = parse_quantity(view.tokens, view.words, k, view.lex)
        subject = view.match(view.lex.subjects, quantity.end if quantity else k)
        if subject is not None and subject.value.person:
            named += quantity.min or 1 if quantity else (2 if subject.value.plural else 1)
            k = subject.end
        else:
            k += 1
    return Count(named, None) if named else None
