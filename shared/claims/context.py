"""What a claim is about — armed conflict, terrorism, unrest, crime, accident or disaster, disease
or other — and, for armed conflict, which conflict.

Decided from the words, never from the outlet: the claim's own sentence weighs most (its cue
words, what was hit — soldiers and tanks are war, a "police officer" crime — and who is named),
then the headline and the sentences beside it, then the rest of the item. An official defence
channel speaks of its war. A cue is a word that goes with one kind of event ("airstrikes",
"Covid", "earthquake"); cues that name the kind outright ("war", "murder") weigh more.

A terrorist attack by a belligerent of a war the monitor follows (Hamas, Hezbollah) is that war.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from .conflicts import ARMED_GROUPS, conflict_of, named_parties, place_sides, war_between
from .lexicon.context_cues import CUES, STRONG, WEAK
from .model import Claim
from .phrases import PhraseTable
from .sentences import Sentence
from .tokens import tokenize

WAR = "armed_conflict"
_ORDER = (WAR, "terrorism", "unrest", "crime", "accident_disaster", "disease")
_OWN, _NEAR, _FAR = 4.0, 1.5, 0.5
_STRONG_WEIGHT = 3.0
_WEAK_WEIGHT = 0.5
_QUOTES = frozenset({"'", '"', "‘", "“", "”", "«", "»"})
_WAR_SUBJECTS = frozenset({
    "tank", "armored vehicle", "artillery", "missile", "drone", "rocket launcher", "air defence system",
    "electronic warfare system", "radar", "command post", "ammunition depot", "special equipment",
    "submarine", "rocket",
})
_SUBJECT_CUES = {
    "soldier": {WAR: 2.0}, "fighter": {WAR: 1.0}, "militant": {WAR: 1.0, "terrorism": 1.0},
    "civilian": {WAR: 1.0}, "aircraft": {WAR: 1.0}, "helicopter": {WAR: 1.0}, "ship": {WAR: 1.0},
}


@dataclass(frozen=True)
class _Table:
    phrases: PhraseTable[str | None]
    prefixes: tuple[tuple[str, str | None], ...]
    weights: dict[str, float]


def _table(language: str) -> _Table:
    cached = _TABLES.get(language)
    if cached is None:
        data = CUES.get(language, CUES["en"])
        phrases: PhraseTable[str | None] = PhraseTable()
        prefixes = []
        for context, cues in data.items():
            for cue in cues:
                if cue.endswith("*"):
                    prefixes.append((cue[:-1], context))
                else:
                    phrases.add(cue, context)
        weights = {cue.rstrip("*"): _WEAK_WEIGHT for cue in WEAK.get(language, ())}
        weights |= {cue.rstrip("*"): _STRONG_WEIGHT for cue in STRONG.get(language, ())}
        cached = _TABLES[language] = _Table(phrases, tuple(sorted(prefixes, key=lambda p: -len(p[0]))), weights)
    return cached


_TABLES: dict[str, _Table] = {}


def _weight(table: _Table, phrase: str) -> float:
    """A phrase's own weight, or the strongest of its words' ("wrong-way crash" is a crash)."""
    if phrase in table.weights:
        return table.weights[phrase]
    return max((table.weights[word] for word in phrase.split() if table.weights.get(word, 1.0) > 1.0), default=1.0)


_PEOPLE = frozenset({"person", "civilian", "child", "woman"})
"""Who is hit where they live: with no side said, the side is the one whose ground it is."""


@dataclass(frozen=True)
class _Sentence:
    start: int
    scores: dict[str, float]
    parties: frozenset[str]
    places: frozenset[str] = frozenset()


def cue_scores(text: str, languages: Iterable[str] = ("en",)) -> dict[str, float]:
    """The weight of each context's cue words in `text`."""
    words = [token.low for token in tokenize(text)]
    scores: dict[str, float] = {}
    for language in languages:
        table = _table(language)
        i = 0
        while i < len(words):
            found = table.phrases.match(words, i)
            if found is not None:
                phrase = " ".join(words[found.start : found.end])
                quoted = i > 0 and words[i - 1] in _QUOTES and found.end < len(words) and words[found.end] in _QUOTES
                if found.value is not None and not quoted:  # the "earthquake" bomb is a name
                    scores[found.value] = scores.get(found.value, 0.0) + _weight(table, phrase)
                i = found.end
                continue
            for prefix, context in table.prefixes:
                if context is not None and words[i].startswith(prefix):
                    scores[context] = scores.get(context, 0.0) + table.weights.get(prefix, 1.0)
                    break
            i += 1
    return scores


def place_in_context(claims: list[Claim], sentences: list[Sentence], owner: str | None = None,
                     languages: Iterable[str] = ("en", "ru", "uk")) -> list[Claim]:
    """The claims with their context and, for armed-conflict claims, their conflict."""
    if not claims:
        return claims
    languages = tuple(languages)
    read = [_Sentence(s.start, cue_scores(s.text, languages), named_parties(s.text), place_sides(s.text))
            for s in sentences]
    return [_placed(claim, read, owner) for claim in claims]


def _placed(claim: Claim, read: list[_Sentence], owner: str | None) -> Claim:
    at = next((k for k, sentence in enumerate(read) if sentence.start == claim.start), 0)
    own = read[at] if read else _Sentence(claim.start, {}, frozenset())
    near = [read[k] for k in {0, at - 1, at + 1} if 0 <= k < len(read) and k != at]
    far = [sentence for k, sentence in enumerate(read) if k != at and sentence not in near]
    owner_parties = named_parties(owner) | {owner} if owner else frozenset()
    claim_parties = own.parties | {name for name in (claim.side, claim.claimant, *claim.parties) if name}
    scores: dict[str, float] = {}
    _add(scores, own.scores, _OWN)
    _add(scores, _claim_cues(claim, claim_parties, owner_parties), _OWN)
    for sentence in near:
        _add(scores, sentence.scores, _NEAR)
    for sentence in far:
        _add(scores, sentence.scores, _FAR)
    item_parties = claim_parties.union(*(sentence.parties for sentence in read))
    if war_between(item_parties):
        scores[WAR] = scores.get(WAR, 0.0) + _NEAR
    context = _winner(scores)
    if context == "other" and conflict_of(claim_parties | owner_parties) is not None:
        context = WAR  # nothing but a belligerent named: "a Ukrainian official said eight people died"
    if context == "terrorism" and war_between(item_parties) and scores.get(WAR, 0.0) > 0:
        context = WAR  # a belligerent's attack is its war ("the Hamas terror attack")
    if context != WAR:
        return replace(claim, context=context, conflict=None)
    conflict = conflict_of(claim_parties) or conflict_of(claim_parties | read[0].parties if read else claim_parties)
    conflict = conflict or conflict_of(item_parties) or conflict_of(owner_parties)
    side = claim.side
    if side is None and claim.kind == "casualty" and claim.subject in _PEOPLE and len(own.places) == 1:
        side = next(iter(own.places))  # "one civilian was killed in the attack on Ganja"
    return replace(claim, context=WAR, conflict=conflict, side=side)


def _claim_cues(claim: Claim, parties: frozenset[str], owner_parties: frozenset[str]) -> dict[str, float]:
    cues: dict[str, float] = {}
    if claim.kind == "ceasefire":
        cues[WAR] = _STRONG_WEIGHT
    if claim.subject in _WAR_SUBJECTS:
        cues[WAR] = cues.get(WAR, 0.0) + _STRONG_WEIGHT
    for context, weight in _SUBJECT_CUES.get(claim.subject or "", {}).items():
        cues[context] = cues.get(context, 0.0) + weight
    if parties & ARMED_GROUPS:
        cues[WAR] = cues.get(WAR, 0.0) + 1.0
    if conflict_of(owner_parties) is not None:
        cues[WAR] = cues.get(WAR, 0.0) + 2 * _STRONG_WEIGHT  # a defence ministry's own channel
    return cues


def _add(total: dict[str, float], scores: dict[str, float], weight: float) -> None:
    for context, score in scores.items():
        total[context] = total.get(context, 0.0) + weight * score


def _winner(scores: dict[str, float]) -> str:
    best = max(_ORDER, key=lambda context: scores.get(context, 0.0))
    return best if scores.get(best, 0.0) > 0 else "other"
