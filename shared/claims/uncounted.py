"""Losses stated without a number: "Both Armenia and Azerbaijan confirmed combat casualties",
"civilians' bodies have been found"."""

from __future__ import annotations

from .actors import actor_at, is_side
from .loss_claims import Loss, asserted
from .losses import LossPhrase
from .remains import remains
from .triggers import loser_before
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
