"""Casualty claims in one sentence: each loss phrase linked to the word that says what befell it.

    shot down [four Azerbaijani helicopters], [15 drones] and [10 tanks]   (verb before a list)
    [At least 14 people] were killed and [97] wounded                      (predicates after)
    reported [40 more military deaths], raising its total to 320          (noun head, toll)
"""

from __future__ import annotations

from dataclasses import replace

from .loss_claims import Loss, asserted, loss_from, subset_of
from .losses import LossPhrase, find_loss_phrases
from .tolls import find_tolls, toll_subsets
from .triggers import Trigger, left_trigger, right_trigger
from .uncounted import bare_plurals, dead_bodies, find_uncounted
from .view import SentenceView


def find_losses(view: SentenceView) -> list[Loss]:
    phrases = find_loss_phrases(view)
    losses: list[Loss] = []
    claimed: set[int] = set()
    for group in _groups(view, phrases):
        left = left_trigger(view, group[0].start)
        group_right = right_trigger(view, group[-1].end)
        side = None
        for position, phrase in enumerate(group):
            side = phrase.side or side  # "four Azerbaijani helicopters, 15 drones and 10 tanks"
            if phrase.side is None and side is not None:
                phrase = replace(phrase, side=side)
            right = group_right if position == len(group) - 1 else right_trigger(view, phrase.end)
            trigger = _choose(phrase, right, left, group_right) if _taken_lives(view, phrase) else None
            if trigger is None:
                trigger = subset_of(view, phrase, losses)
            if trigger is None:
                continue
            loss = loss_from(view, phrase, trigger, losses)
            if loss is not None and asserted(view, loss):
                losses.append(loss)
                claimed.add(phrase.start)
    tolls = find_tolls(view, phrases, losses, claimed)
    losses.extend(tolls)
    losses.extend(toll_subsets(view, phrases, tolls, claimed))
    losses.extend(find_uncounted(view, phrases))
    losses.extend(dead_bodies(view, losses))
    losses.extend(bare_plurals(view, losses))
    return sorted(losses, key=lambda loss: loss.start)


def _choose(phrase: LossPhrase, right: Trigger | None, left: Trigger | None, group_right: Trigger | None) -> Trigger | None:
    if phrase.nominal is not None:
        return Trigger(phrase.nominal, phrase.start, phrase.end)
    if phrase.definite:
        return left
    if phrase.headline:
        return left or (right if right is not None and right.start == phrase.end else None)
    return right or left or group_right


def _taken_lives(view: SentenceView, phrase: LossPhrase) -> bool:
    """ "lives" are a toll only when taken: "cost 850 lives", "lives were lost"; not "saved
    hundreds of lives", "came to define so many lives"."""
    if view.words[phrase.end - 1] != "lives":
        return True
    lives_verbs = view.lex.lives_verbs
    before = phrase.start
    while before > 0 and view.words[before - 1] in view.lex.object_gap:
        before -= 1
    if lives_verbs.match_ending(view.words, before) is not None:
        return True
    return any(lives_verbs.match(view.words, k) is not None for k in range(phrase.end, min(phrase.end + 4, len(view))))


def _groups(view: SentenceView, phrases: list[LossPhrase]) -> list[list[LossPhrase]]:
    """Loss phrases joined into lists ("four helicopters, 15 drones and 10 tanks")."""
    groups: list[list[LossPhrase]] = []
    for phrase in phrases:
        if groups and _joined(view, groups[-1][-1].end, phrase.start):
            groups[-1].append(phrase)
        else:
            groups.append([phrase])
    return groups


def _joined(view: SentenceView, end: int, start: int) -> bool:
    i = end
    while i < start:
        found = view.match(view.lex.list_joiners, i) or view.match(view.lex.subset_markers, i)
        if found is None:
            return False
        i = found.end
    return start - end <= 4
