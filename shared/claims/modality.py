"""Statements that claim nothing: negated, denied, conditional or hypothetical ones."""

from __future__ import annotations

from .view import SentenceView

_WINDOW = 5


def is_negated(view: SentenceView, start: int, end: int) -> bool:
    """A negation just before or inside the words start..end ("were not killed", "no one")."""
    lex = view.lex
    left = max(view.clause_start(start), start - _WINDOW)
    for i in range(left, end):
        found = view.match(lex.negations, i)
        if found is not None and found.end <= end:
            if view.words[i] in ("no", "not") and view.word(i + 1) in ("longer", "doubt", "fewer", "less", "more", "only"):
                continue
            return True
    return False


def is_hypothetical(view: SentenceView, start: int, end: int) -> bool:
    """A condition or modal in the clause before the claim, or inside it ("could have killed")."""
    lex = view.lex
    left = view.clause_start(start)
    # an "if" clause before a comma rules the clause after it too
    if left > 0 and _has(view, lex.hypotheticals, view.clause_start(left - 1), left - 1, only=("if", "unless")):
        return True
    return _has(view, lex.hypotheticals, left, end, before=start)


_OPENERS = frozenset({"after", "before", "when", "since", "because", "following", "while", "although", "though",
                      "whereas", "leaving", "killing", "as"})
"""Words that open a clause of their own: a modal before one does not reach past it ("a storm that
could hit the coast after leaving scores dead")."""


_MODALS = frozenset({"could", "would", "might", "may", "will", "can", "should", "'d", "must"})


def projected(view: SentenceView, end: int) -> bool:
    """A modal right after the loss: "511,000 lives could be lost", "deaths may rise"."""
    for k in range(end, min(end + 3, len(view))):
        if view.words[k] in _MODALS and not (view.words[k] == "may" and view.tokens[k].capitalized):
            return True
        if view.is_punct(k):
            return False
    return False


_REJECTING = frozenset({"rejected", "rejects", "dismissed", "dismisses", "refuted", "refutes", "disputed", "disputes", "denied", "denies"})
_CLAIM_NOUNS = frozenset({"claim", "claims", "report", "reports", "allegation", "allegations", "statement", "figure", "figures", "assertion", "assertions"})


def in_denial(view: SentenceView, i: int) -> bool:
    """After a denial in the same stretch ("denied that any helicopters were shot down",
    "rejected Azerbaijan's claim that ...")."""
    start, _ = view.segment_bounds(i)
    for k in range(start, i):
        if view.match(view.lex.denials, k) is not None:
            return True
        if view.words[k] in _REJECTING and any(view.word(m) in _CLAIM_NOUNS for m in range(k + 1, min(k + 4, i))):
            return True
    return False


def _has(view: SentenceView, table, start: int, end: int, only: tuple[str, ...] | None = None, before: int | None = None) -> bool:
    for i in range(max(start, 0), end):
        found = view.match(table, i)
        if found is None or found.end > end:
            continue
        if before is not None and any(view.words[k] in _OPENERS for k in range(found.end, before)):
            continue
        word = view.words[i]
        if only is not None and word not in only:
            continue
        if word == "may" and view.tokens[i].capitalized:
            continue  # the month
        if word == "will" and view.word(i - 1) in ("goodwill", "the", "political"):
            continue
        return True
    return False
