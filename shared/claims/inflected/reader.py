"""Reads the sentences of one item written in inflected languages into claims: losses and tallies,
ceasefires, who says them, whose loss it is, whether it is history.

Item state carries across sentences: the last speaker named (for "по его словам"), a list heading
("знищено:", "втрати противника склали:") whose lines follow, and the claims of the sentence
before, which "Об этом сообщил X" attributes to X.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from ..lexicon.inflected import InflectedLexicon, load_inflected
from ..model import Claim, Count
from ..registry import Entity, adversary_of, entity_of, party_of
from ..sentences import Sentence
from .morphology import is_singular
from .losses import Finding, Phrase, find_phrases, find_triggers, fit, link, own_suffix
from .speakers import Said, mentions, speaker
from .tallies import is_tally, read_tally
from .times import is_past
from .truces import find_truces
from .sides import side_of
from .words import View



@dataclass
class ItemState:
    published: date | None
    owner: str | None
    memory: Entity | None = None
    enemy_context: bool = False
    list_category: str | None = None
    in_tally: bool = False
    previous: list[int] = field(default_factory=list)
    """Indexes (in the item's claims) of the claims of the sentence before, if its speaker was not explicit."""


class InflectedReader:
    def __init__(self, published: date | None, owner: str | None) -> None:
        self.state = ItemState(published, owner, entity_of(owner))

    def read(self, sentence: Sentence, language: str, claims: list[Claim]) -> None:
        """Append the sentence's claims to `claims` (and re-attribute the sentence before's)."""
        lex = load_inflected(language)
        view = View(sentence, language)
        state = self.state
        found = mentions(view)
        phrases = find_phrases(view, lex)
        inside = {m.start for m in found if any(p.start <= m.start < p.end for p in phrases)}
        said = speaker(view, lex, found, state.memory, inside)
        if (said.this_reported or (said.explicit and _closes_quote(view, lex))) and said.entity is not None:
            for index in state.previous:
                claims[index] = self._attributed(claims[index], said)
        context = _Context(view, lex, state, said, _speaks_as_writer(view, lex, phrases))
        new: list[Claim] = []
        if is_tally(sentence.text) or (state.in_tally and read_tally(view, lex)):
            new.extend(context.tally())
        else:
            new.extend(context.losses(phrases))
        new.extend(context.truces())
        if view.find_all(lex.triggers) and sentence.text.rstrip().endswith(":"):
            state.list_category = view.find_all(lex.triggers)[0].value
        elif not new or not _is_list_line(view):
            state.list_category = None if not _is_list_line(view) else state.list_category
        if _enemy_heading(view, lex):
            state.enemy_context = True
        state.in_tally = bool(new) and (is_tally(sentence.text) or state.in_tally) or _tally_heading(view, lex)
        start = len(claims)
        claims.extend(new)
        # "Про це повідомили в Генштабі" speaks for every sentence since the last one naming its speaker
        state.previous = (state.previous + list(range(start, len(claims)))) if not said.explicit else []
        if said.explicit and said.entity is not None:
            state.memory = said.entity

    def _attributed(self, claim: Claim, said: Said) -> Claim:
        entity = said.entity
        party = entity.party
        side = claim.side
        if claim.kind == "casualty" and side is None and party is not None and claim.category in ("destroyed", "downed", "captured"):
            side = adversary_of(party)
        parties = claim.parties
        if claim.kind == "ceasefire" and party is not None:
            parties = _parties_with(list(parties), party)
        return replace(claim, claimant=entity.name, claimant_phrase=said.phrase, side=side, parties=parties,
                       claimant_party=party)


def _closes_quote(view: View, lex: InflectedLexicon) -> bool:
    """ "..., - уточнил Саркисян", "», – сказал он": the speaker of a quote that began sentences before."""
    for k in range(1, len(view) - 1):
        if view.low(k) in ("-", "–", "—") and view.low(k - 1) in (",", "»", '"', "”") and view.match(lex.reporting, k + 1):
            return True
    return False


def _is_list_line(view: View) -> bool:
    return bool(view.words) and view.words[0].low in ("-", "•", "–", "—", "*", "·")


def _enemy_heading(view: View, lex: InflectedLexicon) -> bool:
    triggers = view.find_all(lex.triggers)
    return any(view.match(lex.enemy, t.end) or view.match(lex.enemy, t.end + 1) for t in triggers if t.value == "casualties")


def _tally_heading(view: View, lex: InflectedLexicon) -> bool:
    """ "Загальні бойові втрати противника ... склали:", "знищено:": a loss list follows."""
    return view.sentence.text.rstrip().endswith(":") and bool(view.find_all(lex.triggers) or view.find_all(lex.tolls))


def _parties_with(parties: list[str], party: str) -> tuple[str, ...]:
    if party not in parties:
        parties.insert(0, party)
    if len(parties) == 1:
        other = adversary_of(party)
        if other is not None:
            parties.append(other)
    return tuple(parties)


class _Context:
    """One sentence being read, with what the item knows."""

    def __init__(self, view: View, lex: InflectedLexicon, state: ItemState, said: Said, as_writer: bool = False) -> None:
        self.view = view
        self.lex = lex
        self.state = state
        entity = said.entity
        listed = _is_list_line(view) and (state.in_tally or state.list_category is not None)
        if entity is None and state.memory is not None and (_continues(view, lex) or _follows_on(view, lex) or listed):
            entity = state.memory
        owner = entity_of(state.owner) if entity is None else None
        self.claimant = entity.name if entity is not None else (owner.name if owner else state.owner)
        self.phrase = said.phrase
        self.party = party_of(self.claimant)
        if self.party is None and as_writer:
            self.party = lex.writers_side or adversary_of(lex.writers_enemy)
        self.historical = is_past(view, lex, state.published)
        self.military = bool(view.find_all(lex.military))
        self.denied = bool(view.find_all(lex.denials))
        self.increment = bool(view.find_all(lex.increment))
        self.total = bool(view.find_all(lex.total))

    # --- casualties -------------------------------------------------------------------

    def losses(self, phrases: list[Phrase]) -> list[Claim]:
        view, lex = self.view, self.lex
        triggers = find_triggers(view, lex)
        if not triggers and self.state.list_category is None and not any(p.nominal for p in phrases):
            return []
        findings = link(view, lex, phrases, triggers)
        if not findings and self.state.list_category is not None:
            findings = self._listed(phrases)
        claims: list[Claim] = []
        seen: set[tuple] = set()
        for finding in findings:
            if not self._asserted(finding):
                continue
            claim = self._casualty(finding, claims)
            if claim is None:
                continue
            key = (claim.category, claim.subject, claim.count, claim.basis)
            if key not in seen:
                seen.add(key)
                claims.append(claim)
        return claims

    def _listed(self, phrases: list[Phrase]) -> list[Finding]:
        """Lines of a list under a heading that said what befell them ("знищено:")."""
        found = []
        for phrase in phrases:
            if phrase.subject is None or phrase.quantity is None:
                continue
            category = fit(self.state.list_category, phrase.subject)
            if category is not None:
                found.append(Finding(phrase, category, None))
        return found

    def _asserted(self, finding: Finding) -> bool:
        view, lex = self.view, self.lex
        phrase, trigger = finding.phrase, finding.trigger
        if self.denied:
            return False
        start = min(phrase.start, trigger.start) if trigger else phrase.start
        end = max(phrase.end, trigger.end) if trigger else phrase.end
        if self._negated(start, end):
            return False
        if any(m.start < phrase.start for m in view.find_all(lex.alleged)):
            return False
        if self._hypothetical(start, end):
            return False
        if phrase.quantity is None and trigger is not None and not (0 <= trigger.start - phrase.end <= 1 or 0 <= phrase.start - trigger.end <= 1):
            return False  # a noun without a number counts as one only right beside its verb
        if phrase.quantity is None and (trigger is None or phrase.nominal or phrase.subject.person) and not self._exists(phrase):
            if trigger is not None and not phrase.nominal and not phrase.person_word and self._singular(phrase, trigger):
                return True  # "погиб мирный житель": one person
            return False  # "раненых" alone claims nothing; "Կան տուժածներ" (there are casualties) does
        return True

    def _singular(self, phrase: Phrase, trigger) -> bool:
        """A singular noun with a singular verb ("погиб мирный житель"; not "погибших солдат")."""
        words, language = self.view.words, self.lex.language
        return (phrase.end > phrase.start and is_singular(language, words[phrase.end - 1].text)
                and is_singular(language, words[trigger.end - 1].text))

    def _exists(self, phrase: Phrase) -> bool:
        view = self.view
        return any(view.low(k) in self.lex.exists for k in range(max(0, phrase.start - 3), min(len(view), phrase.end + 3)))

    def _negated(self, start: int, end: int) -> bool:
        view, lex = self.view, self.lex
        for k in range(max(0, start - 2), end):
            if view.match(lex.negations, k) is not None or view.low(k) in lex.negation_words:
                return True
        for k in range(end, min(len(view), end + 4)):
            if view.match(lex.absence, k) is not None or view.low(k) in lex.absence_words:
                return True
            if view.low(k) in (",", ";", "."):
                break
        return False

    def _hypothetical(self, start: int, end: int) -> bool:
        view, lex = self.view, self.lex
        return any(m.start < end for m in view.find_all(lex.hypotheticals))

    def _casualty(self, finding: Finding, before: list[Claim]) -> Claim | None:
        phrase = finding.phrase
        quantity = phrase.quantity
        subject = phrase.subject.name
        side = side_of(self, finding)
        if subject == "person" and (phrase.person_word or phrase.nominal):
            counted = [c for c in before if c.kind == "casualty" and c.subject in ("civilian", "soldier") and c.count]
            if self._near(phrase, self.lex.civilian):
                subject = "civilian"
            elif phrase.person_word and counted and counted[-1].side == side:
                subject = counted[-1].subject  # "7 mülki şəxs həlak olub, ... 34 nəfər yaralanıb"
            elif self._soldiers(phrase, side):
                subject = "soldier"
        if quantity is None:
            one = not phrase.nominal and not phrase.person_word and (
                not phrase.subject.person or (finding.trigger is not None and self._singular(phrase, finding.trigger)))
            count, approximate = (Count(1, 1) if one else None), False  # "itkilər var": losses, no count
        else:
            count, approximate = Count(quantity.min, quantity.max), quantity.approximate
            if quantity.min is not None and self._floor_before(phrase):  # "потери превысили 383 тыс."
                count = Count(quantity.min, None)
        category = finding.category
        basis = self._basis(phrase)
        return self._claim("casualty", category, subject, count, approximate, side, (), basis, phrase.start, phrase.end)

    def _floor_before(self, phrase: Phrase) -> bool:
        """A toll verb that makes the figures after it floors ("превысили", "перевищили", "ötüb")."""
        view = self.view
        for k in range(phrase.start - 1, -1, -1):
            if view.low(k) == "." and k > 0 and view.key(k - 1) in self.lex.scales:
                continue  # the point of "тыс."
            if view.low(k) in (";", ".", ":"):
                return False
            if view.match(self.lex.toll_links_min, k) is not None:
                return True
        return False

    def _near(self, phrase: Phrase, table, before: int = 8) -> bool:
        view = self.view
        return any(view.match(table, k) is not None for k in range(max(0, phrase.start - before), min(len(view), phrase.end + 1)))

    def _soldiers(self, phrase: Phrase, side: str | None) -> bool:
        """People counted on the enemy's side, as a side's losses, or beside a military word
        ("ստորաբաժանումներն ունեն 48 զոհ") are soldiers; a city's dead are people."""
        enemy = adversary_of(self.party) if self.party is not None else self.lex.writers_enemy
        if phrase.enemy or (side is not None and side == enemy):
            return True
        view = self.view
        if any(t.category == "casualties" and t.key in self.lex.loser_triggers for t in find_triggers(view, self.lex)):
            return True  # a side's "losses" counted in people ("потери ... 136 погибших и 331 раненый")
        return any(view.match(self.lex.military, k) is not None for k in range(max(0, phrase.start - 4), phrase.start))

    def _basis(self, phrase: Phrase) -> str | None:
        view, lex = self.view, self.lex
        for k in range(max(0, phrase.start - 2), phrase.start + 1):
            found = view.match(lex.increment, k)
            if found is not None and found.end <= phrase.start + 1:
                return "increment"
        if self.total:
            return "total"
        if self.increment:
            return "increment"
        return None

    # --- tallies ----------------------------------------------------------------------

    def tally(self) -> list[Claim]:
        claims = []
        items = read_tally(self.view, self.lex)
        side = self.lex.tally_side if self.party is None else adversary_of(self.party)
        for item in items:
            start = self._token_at(item.start)
            end = self._token_at(item.end - 1) + 1
            category = "killed" if item.subject.person else "destroyed"
            if item.total is not None:
                claims.append(self._claim("casualty", category, item.subject.name, Count(item.total, item.total),
                                          item.approximate, side, (), "total", start, end))
            if item.change:
                claims.append(self._claim("casualty", category, item.subject.name, Count(item.change, item.change),
                                          False, side, (), "increment", start, end))
        return claims

    def _token_at(self, char: int) -> int:
        absolute = self.view.sentence.start + char
        for index, word in enumerate(self.view.words):
            if word.end > absolute:
                return index
        return max(0, len(self.view.words) - 1)

    # --- ceasefires -------------------------------------------------------------------

    def truces(self) -> list[Claim]:
        view, lex = self.view, self.lex
        if self.denied:
            return []
        truces = find_truces(view, lex, self._negated_truce, self._hypothetical)
        alleged = view.find_all(lex.alleged)
        claims = []
        for truce in truces:
            if any(m.start < truce.start for m in alleged):
                continue  # "հաղորդագրությունն այն մասին, թե իբր ... խախտել են": what the other side alleges
            parties = self._truce_parties()
            claims.append(self._claim("ceasefire", truce.category, None, None, False, None, parties, None, truce.start, truce.end))
        return claims

    def _negated_truce(self, start: int, end: int) -> bool:
        view, lex = self.view, self.lex
        return any(view.match(lex.negations, k) is not None or view.low(k) in lex.negation_words
                   for k in range(max(0, start - 2), start)) or any(
            view.match(lex.absence, k) is not None or view.low(k) in lex.absence_words for k in range(end, min(len(view), end + 3)))

    def _truce_parties(self) -> tuple[str, ...]:
        view, lex = self.view, self.lex
        named: list[str] = []
        for match in view.find_all(lex.sides):
            if match.value not in named:
                named.append(match.value)
        if self.party is not None:
            return _parties_with(named, self.party)
        if len(named) == 1:
            return _parties_with(named, named[0])
        return tuple(named)

    # --- the claim --------------------------------------------------------------------

    def _claim(self, kind, category, subject, count, approximate, side, parties, basis, start, end) -> Claim:
        sentence = self.view.sentence
        return Claim(
            kind=kind, category=category, subject=subject, count=count, approximate=approximate, side=side,
            claimant=self.claimant, parties=tuple(parties), historical=self.historical, sentence=sentence.text,
            start=sentence.start, end=sentence.end, claimant_phrase=self.phrase, basis=basis,
            reported_on=self.state.published, language=self.lex.language, claimant_party=self.party,
        )


def _speaks_as_writer(view: View, lex: InflectedLexicon, phrases: list[Phrase]) -> bool:
    """An unnamed speaker who says "the enemy" ("düşmənin 13 tankı") or "our" by a possessive suffix
    ("hərbi qulluqçumuz") speaks for the writer's side; its party is known though its name is not."""
    if lex.writers_side is None and lex.writers_enemy is None:
        return False
    return bool(view.find_all(lex.enemy)) or any(
        own_suffix(view, lex, k) for p in phrases for k in range(p.start, p.end))


def _follows_on(view: View, lex: InflectedLexicon) -> bool:
    """A sentence opening with a link to the one before ("Nəticədə", "В результате"): same speaker."""
    return view.match(lex.follow_ons, 0) is not None


def _continues(view: View, lex: InflectedLexicon) -> bool:
    """A sentence that goes on with the speaker before: a pronoun speaker, an institution word, or a
    reporting word with nobody named ("Qeyd olunub ki", "Сообщается, что")."""
    return any(view.match(lex.pronouns, k) is not None or view.match(lex.institutions, k) is not None
               or view.match(lex.reporting, k) is not None for k in range(len(view)))

