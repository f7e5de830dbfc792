"""Where a claimed loss happened, when the words right after it say so ("in Kyiv")."""

from __future__ import annotations

from .view import SentenceView

_PREPOSITIONS = frozenset({"in", "near", "at", "around", "outside", "over"})
_REACH = 6
_NAME_LINKS = frozenset({"of", "-", "al", "el"})


def place_after(view: SentenceView, end: int) -> str | None:
    lex = view.lex
    for k in range(end, min(end + _REACH, len(view))):
        if view.words[k] in (",", ";", ".", "since", "after", "said", "says"):
            return None
        if view.words[k] not in _PREPOSITIONS:
            continue
        j = k + 1
        if view.word(j) == "the":
            j += 1
        first = j
        while j < len(view) and (view.tokens[j].capitalized or (view.words[j] in _NAME_LINKS and j > first)):
            if view.words[j] in lex.months or view.words[j] in lex.weekdays:
                break
            j += 1
        while j > first and view.words[j - 1] in _NAME_LINKS:
            j -= 1
        if j > first:
            return view.text(first, j)
    return None
