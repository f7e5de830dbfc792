"""Official daily tallies: "tanks ‒ 1,381 (+5)" holds two claims, the running total and the
day's change. Lines of a ministry's list ("personnel ‒ about 62,870 (+370) persons were
liquidated, tanks ‒ 2,449 (+18), ...") are read item by item."""

from __future__ import annotations

import re

from .loss_claims import Loss
from .model import Count
from .view import SentenceView

_ITEM = re.compile(
    r"(?P<label>[^\W\d_][^,;:()\n‒–—=]{0,60}?)\s*[‒–—=:-]\s*"
    r"(?P<approx>about|approximately|approx\.?|around|~|almost|nearly)?\s*"
    r"(?P<total>\d{1,3}(?:[ ,\u00a0\u202f]\d{3})+(?![\d])|\d+)\s*"
    r"(?:\(\s*\+\s*(?P<change>\d{1,3}(?:[ ,\u00a0\u202f]\d{3})+|\d+)\s*\))?",
    re.IGNORECASE,
)

_HINT = re.compile(r"[‒–—=:-]\s*(?:about |approximately |around |~)?\d")


def find_tallies(view: SentenceView, in_list: bool = False) -> list[Loss]:
    """The items of a loss list in the sentence; `in_list` when a heading before it opened a list
    ("The total combat losses of the enemy ... were approximately:"), so that one line without
    "(+N)" ("tanks ‒ 732 од,") is an item too."""
    text = view.sentence.text
    hints = len(_HINT.findall(text))
    if hints == 0 or ("(+" not in text and "( +" not in text and hints < 3 and not in_list):
        return []
    items = list(_ITEM.finditer(text))
    listed = sum(1 for item in items if item.group("change")) >= 1 or len(items) >= 3 or (in_list and len(items) >= 1)
    if not listed:
        return []
    found: list[Loss] = []
    for item in items:
        subject = _subject(view, item.group("label"))
        if subject is None:
            continue
        category = "killed" if subject == "soldier" else "destroyed"
        start = _token_at(view, item.start())
        end = _token_at(view, item.end() - 1) + 1
        total = _number(item.group("total"))
        approximate = item.group("approx") is not None
        found.append(Loss(category, subject, Count(total, total), approximate, None, start, end, "total", enemy=True))
        change = item.group("change")
        if change and _number(change) > 0:
            value = _number(change)
            found.append(Loss(category, subject, Count(value, value), False, None, start, end, "increment", enemy=True))
    return found


def opens_list(view: SentenceView) -> bool:
    """A heading of a loss list: the enemy's losses, ending in a colon."""
    return view.sentence.text.rstrip().endswith(":") and bool(view.lex.tally_enemy_hints.find_all(view.words))


def _subject(view: SentenceView, label: str) -> str | None:
    lex = view.lex
    words = [word.lower() for word in re.findall(r"[^\W_]+(?:[-'/][^\W_]+)*|/", label)]
    if words and words[-1] in lex.tally_personnel or " ".join(words) in lex.tally_personnel:
        return "soldier"
    for i in range(len(words)):
        found = lex.subjects.match(words, i)
        if found is not None:
            return "soldier" if found.value.person else found.value.name
        model = lex.model_subject(words[i])
        if model is not None:
            return model.name
    return None


def _number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _token_at(view: SentenceView, char: int) -> int:
    absolute = view.sentence.start + char
    for index, token in enumerate(view.tokens):
        if token.end > absolute:
            return index
    return len(view.tokens) - 1
