"""Who makes a claim: "X said ...", "..., X said", "according to X", "Monitor: ...".

Each attribution covers a stretch of the sentence (its scope); a claim takes the
innermost attribution covering it. Who the speaker is comes from `speakers.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .actors import actor_at
from .phrases import PhraseTable
from .speakers import Speaker, SpeakerMemory, speaker_of
from .view import SentenceView

_NP_BOUNDARIES = frozenset(
    {",", ";", ":", '"', "“", "”", "(", ")", "—", "–", "-", "‒", "that", "which", "but", "while",
     "whereas", "as", "because", "after", "when", "since", "if", "and", "who", "where", "‘", "’",
     "'", "«", "»", ".", "?", "!"}
)
_TRAILING_OPENERS = frozenset({",", "-", "–", "—", "‒", '"', "”", "“", "'", "’", "(", ":"})
_MAX_SPEAKER_WORDS = 14
_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "minister", "ministry", "official", "head", "chief", "commander", "governor", "mayor", "president", "secretary", "director", "adviser", "advisor", "leader", "ombudsman", "representative", "envoy", "ambassador"})


_UNNAMED_REPORTS = PhraseTable.flat([
    "there were reports that", "there are reports that", "there have been reports that", "there had been reports that",
    "it was reported that", "it is reported that", "it has been reported that"])
"""Reports of nobody named: what follows is no earlier speaker's ("France confirmed …, and there were
reports that as many as nine …")."""


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: Speaker
    scopes: tuple[tuple[int, int], ...]
    verb: int
    """Token index of the reporting word; leading attributions cover what follows it."""
    leading: bool
    denial: bool

    def covers(self, i: int) -> bool:
        return any(start <= i < end for start, end in self.scopes)


def find_attributions(view: SentenceView, memory: SpeakerMemory) -> list[Attribution]:
    lex = view.lex
    found: list[Attribution] = []
    n = len(view)
    i = 0
    while i < n:
        unnamed = view.match(_UNNAMED_REPORTS, i)
        if unnamed is not None:
            found.append(Attribution(Speaker(None, ""), ((unnamed.end, n),), i, True, False))
            i = unnamed.end
            continue
        according = view.match(lex.according_to, i)
        if according is not None and not _is_verb_phrase(view, i):
            end = _right_np_end(view, according.end)
            if end > according.end:
                speaker = speaker_of(view, according.end, end, memory)
                leading = view.clause_start(i) == 0 or _only_adjuncts(view, 0, i)
                scopes = ((end, n),) if leading else ((0, i), (end, n)) if _adding(view, end) else ((0, i),)
                found.append(Attribution(speaker, scopes, i, leading, False))
                i = end
                continue
        verb = view.match(lex.reporting_verbs, i)
        if verb is not None and _is_reporting_use(view, verb.start, verb.end):
            attribution = _reporting(view, verb.start, verb.end, memory)
            if attribution is not None:
                found.append(attribution)
            i = verb.end
            continue
        i += 1
    headline = _headline(view, memory)
    if headline is not None:
        found.append(headline)
    return found


def claimant_at(attributions: list[Attribution], i: int) -> Attribution | None:
    """The innermost attribution covering token `i`."""
    leading = [a for a in attributions if a.leading and a.verb < i and a.covers(i)]
    if leading:
        return max(leading, key=lambda a: a.verb)
    trailing = [a for a in attributions if a.covers(i)]
    return min(trailing, key=lambda a: a.verb) if trailing else None


def remember(memory: SpeakerMemory, attributions: list[Attribution]) -> None:
    for attribution in attributions:
        if attribution.speaker.claimant and attribution.speaker.phrase.lower() not in ("it", "he", "she", "they", "we"):
            memory.last = attribution.speaker


def _is_verb_phrase(view: SentenceView, i: int) -> bool:
    return view.word(i) == "per" and not view.word(i + 1)[:1].isalpha()


def _is_reporting_use(view: SentenceView, start: int, end: int) -> bool:
    lex = view.lex
    before = view.word(start - 1)
    if before in ("was", "were", "is", "are", "been", "be", "being", "the", "a", "an", "its", "their", "his", "her", "previously", "widely"):
        return False
    active = view.match(lex.active, start)
    if active is not None and active.end > end:
        return False
    passive = view.match(lex.passive, start)
    if passive is not None and passive.end > end:
        return False
    after = view.word(end)
    if view.word(start) in ("claimed", "claims", "claiming", "claim") and _takes_lives(view, end):
        return False  # "the pandemic has claimed 200,000 lives"
    if view.word(start) in ("reported", "reports", "confirmed") and view.match(lex.passive, end) and not view.tokens[end - 1].text.endswith("ed"):
        return False
    return after not in ("killed", "dead", "missing") or view.word(start) in ("said", "says", "say")


def _takes_lives(view: SentenceView, end: int) -> bool:
    for k in range(end, min(end + 7, len(view))):
        if view.words[k] in ("that", ",", ";", "to"):
            return False
        if view.words[k] in ("lives", "life"):
            return True
    return False


def _reporting(view: SentenceView, start: int, end: int, memory: SpeakerMemory) -> Attribution | None:
    n = len(view)
    np_start = _left_np_start(view, start)
    if np_start < start and view.word(start - 1) == "," and not _speaker_like(view, np_start, _head_end(view, np_start, start)):
        np_start = start  # "three people died, said the official": the clause before is what was said
    if np_start < start:
        speaker = speaker_of(view, np_start, start, memory)
        opener = view.word(np_start - 1)
        rest_is_tail = _only_tail(view, end) or view.word(_tail_end(view, end)) == ","
        trailing = np_start > 0 and opener in _TRAILING_OPENERS and (rest_is_tail or _adding(view, _tail_end(view, end)))
        if trailing:
            scopes = [(0, np_start)]
            if _adding(view, _tail_end(view, end)):
                scopes.append((_tail_end(view, end), n))
            return Attribution(speaker, tuple(scopes), start, False, _is_denial(view, start))
        return Attribution(speaker, ((end, n),), start, True, _is_denial(view, start))
    # "..., said the ministry." / "..., says Ukraine's air force"
    np_end = _right_np_end(view, end)
    if np_end > end and _speaker_like(view, end, np_end) and (start == 0 or view.word(start - 1) in _TRAILING_OPENERS):
        speaker = speaker_of(view, end, np_end, memory)
        if start == 0:
            return Attribution(speaker, ((np_end, n),), start, True, _is_denial(view, start))
        scopes = [(0, start - 1)]
        if _adding(view, np_end):
            scopes.append((np_end, n))
        return Attribution(speaker, tuple(scopes), start, False, _is_denial(view, start))
    return None


def _speaker_like(view: SentenceView, start: int, end: int) -> bool:
    """No number and no predicate of a loss ("died", "were killed"): words that can name who speaks."""
    return not any(view.tokens[k].is_number or view.match(view.lex.passive, k) for k in range(start, end))


def _head_end(view: SentenceView, start: int, end: int) -> int:
    """The speaker's own words, before a comma or a relative clause ("Armenia, which lost …")."""
    return next((k for k in range(start, end) if view.words[k] in (",", "which", "who")), end)


def _is_denial(view: SentenceView, start: int) -> bool:
    return view.match(view.lex.denials, start) is not None


def _left_np_start(view: SentenceView, verb: int) -> int:
    """First token of the speaker's noun phrase that ends before the verb."""
    end = verb - 1 if view.word(verb - 1) == "," and verb >= 2 else verb  # "X, a war monitor, said"
    start = _chunk_start(view, end, verb)
    if start >= end:
        return verb
    if view.word(start - 1) in ("who", "which") and view.word(start - 2) == "," and start >= 3:
        return _chunk_start(view, start - 2, verb)  # "Armenia, which lost the 2016 clashes, said"
    if view.word(start - 1) == "," and start >= 2:
        earlier = _chunk_start(view, start - 1, verb)
        chunk = range(start, end)
        descriptive = end < verb and not any(view.tokens[k].is_number for k in range(earlier, start))
        named = all(view.tokens[k].capitalized for k in chunk)
        role = any(view.words[k] in _ROLES for k in range(earlier, start - 1))
        if earlier < start - 1 and (descriptive or (named and role)):
            return earlier
    return start


def _chunk_start(view: SentenceView, end: int, verb: int) -> int:
    j = end - 1
    while j >= 0 and verb - j <= _MAX_SPEAKER_WORDS:
        word = view.words[j]
        if word in _NP_BOUNDARIES and not _joins_names(view, j):
            break
        if view.match(view.lex.reporting_verbs, j) and j < verb - 1:
            break
        j -= 1
    return j + 1


def _joins_names(view: SentenceView, j: int) -> bool:
    """An "and" inside a speaker ("Armenia and Azerbaijan confirmed")."""
    if view.words[j] != "and":
        return False
    after = j + 2 if view.word(j + 1) == "the" else j + 1
    return actor_at(view, after, speakers=True) is not None and (
        actor_at(view, j - 1, speakers=True) is not None or view.tokens[j - 1].capitalized
    )


def _right_np_end(view: SentenceView, start: int) -> int:
    j = start
    while j < len(view) and j - start < _MAX_SPEAKER_WORDS:
        word = view.words[j]
        if word in _NP_BOUNDARIES or word in ("on", "in", "late", "early", "told", "citing", "during", "at", "who", "to", "via", "adding", "saying"):
            if not (word == "and" and _joins_names(view, j)):
                break
        if word in view.lex.time_words:
            break
        j += 1
    return j


def _tail_end(view: SentenceView, i: int) -> int:
    """Index after the adjuncts that follow a reporting verb ("on Monday", "in a statement")."""
    while i < len(view) and (view.words[i] in view.lex.reporting_tail or view.tokens[i].capitalized and view.words[i] not in ("adding", "saying")):
        if view.words[i] in ("adding", "saying"):
            break
        i += 1
    if view.word(i) == ",":
        return i + 1 if view.word(i + 1) in ("adding", "saying") else i
    return i


def _only_tail(view: SentenceView, i: int) -> bool:
    end = _tail_end(view, i)
    return all(view.is_punct(k) for k in range(end, len(view)))


_CONTINUING = frozenset({"adding", "saying", "claiming", "noting", "stating", "reporting", "estimating", "insisting", "confirming"})


def _adding(view: SentenceView, i: int) -> bool:
    """ "..., X said, adding that ...": the speaker goes on in the rest of the sentence."""
    return view.word(i) in _CONTINUING or view.word(i - 1) in _CONTINUING or (view.word(i) == "," and view.word(i + 1) in _CONTINUING)


def _only_adjuncts(view: SentenceView, start: int, end: int) -> bool:
    return all(view.words[k] in view.lex.reporting_tail or view.is_punct(k) or view.tokens[k].is_number for k in range(start, end))


def _headline(view: SentenceView, memory: SpeakerMemory) -> Attribution | None:
    """ "Monitor: 50 killed in strikes" — a role word before an early colon."""
    for c in range(1, min(5, len(view))):
        if view.words[c] == ":":
            words = view.words[:c]
            if any(word in view.lex.headline_roles for word in words):
                return Attribution(speaker_of(view, 0, c, memory), ((c + 1, len(view)),), c, True, False)
            return None
    return None
