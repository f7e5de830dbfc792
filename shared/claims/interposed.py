"""What may stand between a loss phrase and the predicate after it: an aside ("130 people,
including children, have been taken"), a place ("14 people in Kyiv were killed"), ages ("two
children aged five and eight, have died")."""

from __future__ import annotations

from .view import SentenceView


def skip_aside(view: SentenceView, k: int) -> int:
    """ "130 people, including children, have been taken": past an aside that counts nobody, to
    the comma that closes it."""
    if view.word(k) != "," or view.word(k + 1) not in ("including", "among", "mostly", "many"):
        return k
    for j in range(k + 2, min(k + 8, len(view))):
        if view.tokens[j].is_number:
            return k  # "including two children" is a loss of its own
        if view.words[j] == ",":
            return j
    return k


def skip_place(view: SentenceView, k: int) -> int:
    """ "14 people in Kyiv were killed", "fighters holed up in the Azovstal plant have surrendered",
    "two children aged five and eight, have died"."""
    k = _skip_ages(view, k)
    word = view.word(k)
    if word in ("in", "near", "on", "at", "from", "across", "aboard", "inside") or (len(word) > 4 and word.endswith(("ed", "ing")) and not view.match(view.lex.passive, k)):
        for j in range(k + 2, min(k + 9, len(view))):
            if view.is_punct(j - 1) or view.match(view.lex.passive, j - 1):
                break
            if view.words[j] in ("were", "was", "have", "has", "had", "are", "is"):
                return j
    return k


def _skip_ages(view: SentenceView, k: int) -> int:
    age = view.lex.age_markers.match(view.words, k)
    if age is None:
        return k
    k = age.end
    while k < len(view) and (view.tokens[k].is_number or view.words[k] in view.lex.units or view.words[k] in ("and", "or", "to", "under", "over", "between")):
        k += 1
    return k + 1 if view.word(k) == "," and (view.word(k + 1) in view.lex.auxiliaries or view.match(view.lex.passive, k + 1)) else k
