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
    return _has(view, lex.hypotheticals, left, end)


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


def _has(view: SentenceView, table, start: int, end: int, only: tuple[str, ...] | None = None) -> bool:
    for i in range(max(start, 0), end):
        found = view.match(table, i)
        if found is None or found.end > end:
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
