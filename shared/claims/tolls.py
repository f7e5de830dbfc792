"""Tolls: "the death toll rose to 320", "raising its total to 320", "the number of Israelis killed
reached 1,200", and the parts of a toll stated after it ("..., including 44 soldiers")."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .actors import actor_at, is_side
from .loss_claims import Loss, asserted, loss_from, subset_of
from .losses import LossPhrase
from .model import Count
from .noun_heads import head_at
from .numbers import parse_quantity
from .view import SentenceView


@dataclass(frozen=True, slots=True)
class _Toll:
    category: str
    start: int
    end: int
    subject: str | None = None
    side: str | None = None


def _toll_phrases(view: SentenceView) -> list[_Toll]:
    """ "the death toll", "its total", and "the number of Israelis killed"."""
    lex = view.lex
    found = [_Toll(m.value, m.start, m.end) for m in lex.tolls.find_all(view.words)]
    for i in range(len(view) - 2):
        if view.words[i : i + 2] != ["number", "of"]:
            continue
        head = head_at(view, i + 2)
        if head is None or head.subject is None:
            continue
        passive = view.match(lex.passive, head.end)
        category, end = (passive.value, passive.end) if passive else (head.nominal, head.end)
        if category is not None:
            found = [toll for toll in found if not i <= toll.start < end]
            found.append(_Toll(category, i, end, head.subject.name, head.side))
    return sorted(found, key=lambda toll: toll.start)


def find_tolls(view: SentenceView, phrases: list[LossPhrase], losses: list[Loss], claimed: set[int]) -> list[Loss]:
    """ "the death toll rose to 320", "raising its total to 320", "losses amounted to 1,300 troops"."""
    lex = view.lex
    found: list[Loss] = []
    by_start = {phrase.start: phrase for phrase in phrases}
    for toll in _toll_phrases(view):
        count_at = _toll_count(view, toll.end)
        if count_at is None or count_at[0] in claimed:
            continue
        at, minimum = count_at
        quantity = parse_quantity(view.tokens, view.words, at, lex)
        if quantity is None:
            continue
        phrase = by_start.get(at)
        side, modifier, own = _toll_modifiers(view, toll.start)
        side = toll.side or side
        category = toll.category
        subject = phrase.subject.name if phrase and phrase.subject else toll.subject or modifier
        if category == "inherit":
            previous = [loss for loss in losses + found if loss.start < toll.start]
            if not previous:
                continue
            category, subject, side = previous[-1].category, subject or previous[-1].subject, side or previous[-1].side
        if phrase is not None and phrase.subject is not None and not phrase.subject.person:
            category = "destroyed"
        loss = Loss(
            category, subject or "person", Count(quantity.min, None if minimum else quantity.max),
            quantity.approximate, side or (phrase.side if phrase else None), toll.start, quantity.end, "total",
            own=own, suffered=True,
        )
        if asserted(view, loss):
            found.append(loss)
            claimed.add(at)
    return found


def toll_subsets(view: SentenceView, phrases: list[LossPhrase], tolls: list[Loss], claimed: set[int]) -> list[Loss]:
    """ "The Israeli toll has risen to at least 700, including 44 soldiers": a part of the toll, on
    its side."""
    found: list[Loss] = []
    for phrase in phrases:
        before = [toll for toll in tolls if toll.end <= phrase.start]
        if phrase.start in claimed or not before:
            continue
        toll = before[-1]
        trigger = subset_of(view, phrase, [toll])
        loss = loss_from(view, phrase, trigger, [toll]) if trigger is not None else None
        if loss is not None and asserted(view, loss):
            found.append(replace(loss, side=loss.side or toll.side))
            claimed.add(phrase.start)
    return found


def _toll_count(view: SentenceView, after: int) -> tuple[int, bool] | None:
    """Where the toll's number stands, and whether the link makes it a floor ("topped 300")."""
    lex = view.lex
    for k in range(after, min(after + 14, len(view))):
        if view.words[k] in (".", ";", ",", "but"):
            return None
        link = view.match(lex.toll_links, k)
        if link is None:
            continue
        if view.word(link.end) in lex.unit_words:
            return None  # "losses climbed to £1.5bn": money, not people
        quantity = parse_quantity(view.tokens, view.words, link.end, lex)
        if quantity is not None and not _is_date(view, quantity) and view.word(quantity.end) not in lex.unit_words:
            return link.end, " ".join(view.words[link.start : link.end]) in lex.toll_links_min
    return None


def _is_date(view: SentenceView, quantity) -> bool:
    """A year ("rose in 2023") or a day of a month ("losses as of 21 August", "as of August 21")."""
    value = quantity.exact_value
    if value is None or not view.tokens[quantity.start].text.isdigit():
        return False
    return 1900 <= value <= 2100 or (value <= 31 and (_is_month(view, quantity.end) or _is_month(view, quantity.start - 1)))


def _is_month(view: SentenceView, i: int) -> bool:
    return 0 <= i < len(view) and view.tokens[i].capitalized and view.words[i] in view.lex.months


def _toll_modifiers(view: SentenceView, start: int) -> tuple[str | None, str | None, bool]:
    """Whose toll ("the Palestinian death toll") and of whom ("the military death toll")."""
    side = subject = None
    own = False
    for k in range(max(0, start - 3), start):
        actor = actor_at(view, k)
        if actor is not None and is_side(actor.value):
            side = actor.value
        own = own or view.words[k] in ("its", "their", "our")
        subject = view.lex.subject_modifiers.get(view.words[k]) or subject
    return side, subject, own
