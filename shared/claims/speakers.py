"""Who a speaker is: the words naming one normalised to a canonical actor where they name one
("Azerbaijan's Defence Ministry" -> Azerbaijan) and kept as written otherwise ("a monitoring
group" -> "monitoring group"); "it said" is the last speaker named."""

from __future__ import annotations

from dataclasses import dataclass

from .actors import actor_at, is_side
from .view import SentenceView

_NOT_IN_A_NAME = frozenset({"will", "would", "not", "n't", "never", "can", "cannot", "could", "should", "may", "might",
                            "must", "shall", "has", "have", "had", "is", "are", "was", "were", "erupted", "against"})
"""Words of a verb group, never of who speaks: "the president will not show" names no claimant."""
_INSTITUTIONS = frozenset({"ministry", "army", "forces", "staff", "command", "military", "defence", "defense", "government", "spokesman", "spokeswoman", "spokesperson", "service", "headquarters", "office", "press", "department"})


@dataclass(frozen=True, slots=True)
class Speaker:
    claimant: str | None
    phrase: str


@dataclass
class SpeakerMemory:
    """The last speaker named explicitly, for "it said" in a later sentence."""

    owner: str | None = None
    last: Speaker | None = None


def speaker_of(view: SentenceView, start: int, end: int, memory: SpeakerMemory) -> Speaker:
    """Normalise the words start..end naming a speaker."""
    lex = view.lex
    while start < end and (view.words[start] in lex.claimant_drop or view.words[start] in lex.time_words):
        start += 1
    while end > start and (view.words[end - 1] in lex.claimant_drop or view.words[end - 1] in lex.time_words or view.is_punct(end - 1)):
        end -= 1
    phrase = view.text(start, end)
    words = " ".join(view.words[start:end])
    if not phrase or any(word in _NOT_IN_A_NAME for word in view.words[start:end]):
        return Speaker(memory.owner, "")
    if _refers_back(view, start, end):
        if memory.last is not None and (words in ("it", "he", "she", "they", "we", "this") or _same_head(words, memory.last.phrase)):
            return Speaker(memory.last.claimant, phrase)
        if memory.owner is not None:
            return Speaker(memory.owner, phrase)
    claimant = _canonical(view, start, end, phrase)
    if claimant == phrase and memory.owner is not None and any(word in _INSTITUTIONS for word in view.words[start:end]):
        claimant = memory.owner  # "the General Staff said" on the channel of the General Staff
    return Speaker(claimant, phrase)


def _refers_back(view: SentenceView, start: int, end: int) -> bool:
    """The words are all one word pointing back: "it", "officials", "the ministry" (its "the" dropped)."""
    words = view.words[start:end]
    for candidate in (words, ["the", *words]):
        match = view.lex.pronouns.match(candidate, 0)
        if match is not None and match.end == len(candidate):
            return True
    return False


def _same_head(words: str, phrase: str) -> bool:
    head = words.split()[-1]
    return head in phrase.lower()


def _canonical(view: SentenceView, start: int, end: int, phrase: str) -> str:
    lex = view.lex
    organisation = None
    for i in range(start, end):
        organisation = view.match(lex.organisations, i)
        if organisation is not None:
            break
    for i in range(start, end):
        actor = actor_at(view, i, speakers=True)
        if actor is not None and actor.end <= end:
            # a country straight after the organisation's name is its branch: "Amnesty International Ukraine"
            inside = organisation is not None and organisation.start <= i <= organisation.end
            if not inside and is_side(actor.value):
                return actor.value
            if not inside:
                return phrase
            break
    if organisation is not None:
        name = " ".join(view.words[organisation.start : organisation.end])
        return lex.organisation_aliases.get(name, view.text(organisation.start, organisation.end))
    return phrase
