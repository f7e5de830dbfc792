"""Ceasefire claims: a mention of a ceasefire and the words around it that say what happened.

Each mention collects triggers before it ("called for a ceasefire") and after it ("the truce
collapsed"). Triggers in a subordinate clause ("hours after the truce began"), infinitives
("urged them to agree to a truce") and compounds ("the ceasefire agreement") are weak; the
strongest trigger of each stretch of the sentence makes the claim, by the precedence in the
lexicon (a violation outranks the agreement it violates).
"""

from __future__ import annotations

from dataclasses import dataclass

from .actors import actor_at, actors_in, at_war, is_side
from .modality import is_hypothetical, is_negated
from .phrases import Match
from .view import SentenceView

_BEFORE_WINDOW = 8
_AFTER_WINDOW = 14
_STOPS_BEFORE = frozenset({";", ":", ".", "(", ")", "that", "which", "who", "while", "but", '"', "“", "”"})
_STOPS_AFTER = frozenset({";", ".", "but", "while", "whereas"})
_ANAPHORS = ("it", "the offer", "the proposal", "the plan", "the deal", "the agreement", "the call", "the calls", "the idea", "the initiative", "this offer", "this proposal", "the pause", "the lull", "the arrangement")
_INTRANSITIVE_FOLLOWERS = frozenset({"on", "in", "at", "after", "when", "with", "as", ".", ",", ";", "abruptly", "early", "late", "without", "before", "", "and", "amid", "following", "overnight", "yesterday", "today", "this", "last", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "within", "hours", "days", "minutes", "just", "less", "only", "but"})
_GOVERNORS = frozenset({"urged", "urges", "urge", "urging", "called", "calls", "call", "calling", "asked", "asks", "pressed", "presses", "pressing", "told", "appealed", "demanded", "demands", "encouraged", "encourages"})


@dataclass(frozen=True, slots=True)
class Truce:
    """A ceasefire claim before its speaker and its time are known."""

    category: str
    start: int
    """Where the trigger starts: what the speaker's scope is checked against."""
    end: int
    mention: tuple[int, int]
    speaker_span: tuple[int, int] | None
    """The subject of the trigger verb ("Germany and France" called for)."""
    mediator: str | None


@dataclass(frozen=True, slots=True)
class _Candidate:
    category: str
    start: int
    end: int
    weak: int
    """0 for a main-clause verb, 1 for a compound or participle, 2 in a subordinate clause."""
    mention: tuple[int, int]
    before: bool


def find_truces(view: SentenceView, in_context: bool = False) -> list[Truce]:
    """Ceasefire claims; `in_context` when the sentence before spoke of a ceasefire ("Kyiv
    dismissed the proposal")."""
    lex = view.lex
    mentions = lex.ceasefire_nouns.find_all(view.words)
    if not mentions and not in_context:
        return []
    candidates: list[_Candidate] = []
    for mention in mentions:
        candidates.extend(_around(view, mention))
    candidates.extend(_anaphoric(view, mentions[0].end if mentions else 0))
    chosen: dict[tuple[int, int], _Candidate] = {}
    for candidate in candidates:
        segment = view.segment_bounds(candidate.start)
        best = chosen.get(segment)
        if best is None or _rank(lex, candidate) < _rank(lex, best):
            chosen[segment] = candidate
    mediator = _mediator(view)
    truces: list[Truce] = []
    seen: set[str] = set()
    for candidate in sorted(chosen.values(), key=lambda c: c.start):
        if candidate.category in seen or not _asserted(view, candidate):
            continue
        seen.add(candidate.category)
        candidate = _governed(view, candidate)
        speaker = _speaker_span(view, candidate) if candidate.before else None
        truces.append(Truce(candidate.category, candidate.start, candidate.end, candidate.mention, speaker, mediator))
    return truces


def _rank(lex, candidate: _Candidate) -> tuple[int, int]:
    return candidate.weak, lex.ceasefire_order.index(candidate.category)


def _around(view: SentenceView, mention: Match[str]) -> list[_Candidate]:
    lex = view.lex
    found: list[_Candidate] = []
    span = (mention.start, mention.end)
    subordinate = _subordinate(view, mention.start)
    despite = _despite(view, mention.start)
    fighting = [k for k, word in enumerate(view.words) if word in lex.fighting_words and k != mention.start]
    if despite is not None and fighting:
        # the claim is the report of fighting: its speaker is whoever reports it
        found.append(_Candidate("violation", fighting[0], fighting[0] + 1, 0, span, False))
    for j in range(mention.start - 1, max(-1, mention.start - _BEFORE_WINDOW - 1), -1):
        if view.words[j] in _STOPS_BEFORE:
            break
        trigger = view.match(lex.ceasefire_before, j)
        if trigger is None or trigger.end > mention.start:
            continue
        phrase = " ".join(view.words[trigger.start : trigger.end])
        weak = 2 if subordinate else int(phrase in lex.ceasefire_weak_before or _infinitive(view, j))
        found.append(_Candidate(trigger.value, trigger.start, trigger.end, weak, span, True))
    k = mention.end
    relative = False
    relative_trigger = False
    while k < len(view) and k - mention.end < _AFTER_WINDOW and view.words[k] not in _STOPS_AFTER:
        if view.words[k] in ("that", "which", "after", "since", "when", "before"):
            relative = True
        elif relative_trigger and view.words[k] in ("has", "have", "had", "is", "was", "were", "are"):
            relative = False  # the relative clause is over: "a truce that took effect in July has held"
        trigger = view.match(lex.ceasefire_after, k)
        if trigger is not None:
            phrase = " ".join(view.words[trigger.start : trigger.end])
            if trigger.value == "collapse" and _transitive(view, trigger.end):
                trigger = Match("in_effect", trigger.start, trigger.end)
            weak = 2 if subordinate or relative else int(phrase in lex.ceasefire_weak_after or _infinitive(view, k))
            found.append(_Candidate(trigger.value, trigger.start, trigger.end, weak, span, False))
            relative_trigger = relative
            k = trigger.end
            if not weak:
                break
            continue
        k += 1
    return found


def _transitive(view: SentenceView, end: int) -> bool:
    """ "the ceasefire ended 11 days of fighting": the truce did the ending, so it held."""
    return view.word(end) not in _INTRANSITIVE_FOLLOWERS


def _despite(view: SentenceView, mention: int) -> int | None:
    """ "Fighting raged despite the truce": where "despite" stands, if it governs the mention."""
    for k in range(mention - 1, max(-1, mention - _BEFORE_WINDOW - 1), -1):
        if view.words[k] in _STOPS_BEFORE or view.words[k] == ",":
            return None
        if view.words[k] in ("despite", "notwithstanding"):
            return k
    return None


def _anaphoric(view: SentenceView, after: int) -> list[_Candidate]:
    """ "Russia proposed a truce, but Ukraine rejected it": a trigger whose object points back."""
    found: list[_Candidate] = []
    for i in range(after, len(view)):
        for anaphor in _ANAPHORS:
            words = anaphor.split()
            if view.words[i : i + len(words)] == words:
                trigger = view.lex.ceasefire_before.match_ending(view.words, i)
                if trigger is not None and trigger.value in ("rejection", "agreement", "violation", "collapse") and trigger.end == i:
                    found.append(_Candidate(trigger.value, trigger.start, trigger.end, int(_infinitive(view, trigger.start)), (i, i + len(words)), True))
    return found


def _subordinate(view: SentenceView, i: int) -> bool:
    start = view.clause_start(i)
    return any(view.match(view.lex.subordinators, k) is not None and view.words[k] not in ("that", "which", "as", "under") for k in range(start, i))


def _infinitive(view: SentenceView, j: int) -> bool:
    """ "to respect", "to strictly observe" (an adverb may split it)."""
    before = j - 2 if view.word(j - 1).endswith("ly") else j - 1
    return view.word(before) == "to" or view.words[j] == "to"


def _governed(view: SentenceView, candidate: _Candidate) -> _Candidate:
    """ "urged both sides to respect the truce" is a call made by whoever urged."""
    if not candidate.weak or not _infinitive(view, candidate.start):
        return candidate
    for k in range(candidate.start - 1, max(-1, candidate.start - 9), -1):
        if view.words[k] in _STOPS_BEFORE or view.words[k] == ",":
            break
        if view.words[k] in _GOVERNORS:
            return _Candidate("call", k, candidate.end, 0, candidate.mention, True)
    return candidate


def _speaker_span(view: SentenceView, candidate: _Candidate) -> tuple[int, int] | None:
    j = candidate.start - 1
    while j >= 0 and view.words[j] in ("also", "again", "jointly", "both", "have", "has", "had", "formally", "publicly", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "had", "reportedly"):
        j -= 1
    end = j + 1
    while j >= 0 and candidate.start - j <= 10 and view.words[j] not in (",", ";", ":", "that", "which", "(", ")", '"', "“", "”", "but", "while", "after", "as", "since", "when"):
        j -= 1
    start = j + 1
    return (start, end) if start < end else None


def _asserted(view: SentenceView, candidate: _Candidate) -> bool:
    """Not negated before its trigger ("did not agree to a truce"), nor conditional."""
    start = min(candidate.start, candidate.mention[0])
    end = max(candidate.end, candidate.mention[1])
    return not (is_negated(view, start, candidate.start) or is_hypothetical(view, start, end) or view.words[-1:] == ["?"])


def _mediator(view: SentenceView) -> str | None:
    lex = view.lex
    for marker in lex.mediator_markers.find_all(view.words):
        found = actors_in(view, marker.end, min(marker.end + 4, len(view)), speakers=True)
        if found:
            return found[0].value
    for token in view.tokens:
        for suffix in lex.mediator_suffixes:
            if token.low.endswith(suffix):
                prefix = token.low[: -len(suffix)]
                actor = lex.actors.match([prefix], 0) or lex.speakers.match([prefix], 0)
                if actor is not None:
                    return actor.value
    return None


def parties(view: SentenceView, claimant: str | None, speaker_span: tuple[int, int] | None, mediator: str | None) -> list[str]:
    """The sides of the ceasefire named in the sentence: not its mediator, nor a third-party speaker."""
    named: list[tuple[str, int]] = []
    for match in actors_in(view, 0, len(view)):
        if is_side(match.value) and match.value != mediator and match.value not in [name for name, _ in named]:
            named.append((match.value, match.start))
    names = [name for name, _ in named]
    result = []
    for name, at in named:
        spoken = name == claimant or (speaker_span is not None and speaker_span[0] <= at < speaker_span[1])
        if spoken and not any(at_war(name, other) for other in names if other != name):
            continue
        result.append(name)
    return result
