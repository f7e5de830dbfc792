"""The entry point: text in, claims out. Pure and deterministic."""

from __future__ import annotations

import re
from datetime import date

from .actors import actor_at, is_party, is_side, opponent
from .attribution import Attribution, claimant_at, find_attributions, remember
from .casualty import find_losses
from .ceasefire import Truce, find_truces, parties
from .context import place_in_context
from .history import attached, dated_by_sentence, event_day, is_historical, time_expressions
from .inflected.reader import InflectedReader
from .languages import sentence_language
from .lexicon import load
from .loss_claims import Loss
from .model import Claim
from .places import place_after
from .sentences import split_sentences
from .speakers import SpeakerMemory, speaker_of
from .registry import adversary_of, party_of
from .tallies import find_tallies, opens_list
from .view import SentenceView

_CAPTION = re.compile(r"\bScreenshot\b|[–-]\s*(?:Source|Photo|Video)\s*:", re.IGNORECASE)


def extract_claims(
    text: str, published: date | None = None, claimant: str | None = None, language: str | None = None
) -> list[Claim]:
    """Casualty and ceasefire claims in `text`, in reading order.

    `published` is the article's date (history is judged against it); `claimant` is the
    source's owner, the speaker when the text names nobody; `language` is the item's, a hint:
    each sentence is read in the language its letters show.
    """
    lex = load("en")
    memory = SpeakerMemory(owner=claimant)
    claims: list[Claim] = []
    truce_before = False
    inflected: InflectedReader | None = None
    current = language
    in_list = False
    sentences = split_sentences(text)
    for sentence in sentences:
        if _CAPTION.search(sentence.text):
            continue
        current = sentence_language(sentence.text, current)
        if current != "en":
            inflected = inflected or InflectedReader(published, claimant)
            inflected.read(sentence, current, claims)
            continue
        view = SentenceView(sentence, lex)
        attributions = find_attributions(view, memory)
        times = time_expressions(view, published)
        reader = _Reader(view, attributions, memory, times, published)
        seen: set[tuple] = set()
        tallies = find_tallies(view, in_list)
        in_list = opens_list(view) or (in_list and bool(tallies))
        losses = [loss for loss in find_losses(view) if not any(t.start < loss.end and loss.start < t.end for t in tallies)]
        for loss in tallies + losses:
            claim = reader.casualty(loss, tally=loss in tallies)
            key = (claim.category, claim.subject, claim.count, claim.basis)
            if key not in seen:
                seen.add(key)
                claims.append(claim)
        truces = find_truces(view, in_context=truce_before)
        claims.extend(reader.ceasefire(truce) for truce in truces)
        truce_before = bool(truces) or lex.ceasefire_nouns.find_all(view.words) != []
        remember(memory, attributions)
    return place_in_context(claims, sentences, claimant)


def _agent_after(view: SentenceView, end: int) -> str | None:
    """The belligerent named as the one who did it: "killed by Hamas gunmen", "by Russian shelling"."""
    if view.word(end) != "by":
        return None
    actor = actor_at(view, end + 1)
    return actor.value if actor is not None and is_side(actor.value) else None


class _Reader:
    """Turns one sentence's findings into claims: speaker, side, time, place."""

    def __init__(self, view: SentenceView, attributions: list[Attribution], memory: SpeakerMemory, times, published: date | None) -> None:
        self.view = view
        self.attributions = attributions
        self.memory = memory
        self.times = times
        self.published = published

    def _speaker(self, at: int, span: tuple[int, int] | None = None) -> tuple[str | None, str | None]:
        attribution = claimant_at(self.attributions, at)
        if attribution is not None:
            return attribution.speaker.claimant, attribution.speaker.phrase
        if span is not None:
            speaker = speaker_of(self.view, span[0], span[1], self.memory)
            if speaker.phrase:
                return speaker.claimant, speaker.phrase
        return self.memory.owner, None

    def casualty(self, loss: Loss, tally: bool = False) -> Claim:
        claimant, phrase = self._speaker(loss.end - 1)
        side = loss.side or loss.loser
        if side is None and (loss.enemy or loss.by_speaker):
            side = opponent(claimant) or adversary_of(party_of(claimant))
        if side is None and (agent := loss.agent or _agent_after(self.view, loss.end)) is not None:
            side = opponent(agent) or adversary_of(party_of(agent))  # "taken hostage by Hamas": Israel's
        if side is None and claimant is not None and is_side(claimant):
            # a party's own people: "its soldiers", or soldiers it says were killed
            if loss.own or (loss.suffered and loss.subject == "soldier" and is_party(claimant)):
                side = claimant
        when = attached(self.view, self.times, loss.start, loss.end)
        when = when or dated_by_sentence(self.view, self.times, self.published, loss.start, loss.end)
        if tally:  # a running total of 1980 vehicles is a count, not a year
            when = [t for t in when if not loss.start <= t.start < loss.end]
        return self._claim(
            "casualty", loss.category, loss.subject, loss.count, loss.approximate, side, claimant, phrase, (),
            is_historical(when, self.published), event_day(when), None, loss.basis, place_after(self.view, loss.end),
        )

    def ceasefire(self, truce: Truce) -> Claim:
        claimant, phrase = self._speaker(truce.start, truce.speaker_span)
        when = attached(self.view, self.times, truce.start, truce.end, mention=truce.mention)
        sides = parties(self.view, claimant, truce.speaker_span, truce.mediator)
        return self._claim(
            "ceasefire", truce.category, None, None, False, None, claimant, phrase, tuple(sides),
            is_historical(when, self.published), event_day(when), truce.mediator, None, None,
        )

    def _claim(self, kind, category, subject, count, approximate, side, claimant, phrase, sides, historical, day, mediator, basis, place) -> Claim:
        sentence = self.view.sentence
        return Claim(
            kind=kind, category=category, subject=subject, count=count, approximate=approximate, side=side,
            claimant=claimant, parties=sides, historical=historical, sentence=sentence.text,
            start=sentence.start, end=sentence.end, claimant_phrase=phrase, place=place, date=day,
            mediator=mediator, basis=basis, reported_on=self.published, language="en",
            claimant_party=party_of(claimant),
        )
