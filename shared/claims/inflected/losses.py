"""Casualty findings in a sentence of an inflected language: each counted noun phrase ("22 танка",
"более 550 военнослужащих", "13 ədəd T-72 tankı", "200-ից ավելի վիրավոր") linked to the word that
says what befell it, before or after it in any order; a list shares the trigger nearest to it.

    уничтожены: 141 самолет, 111 вертолетов, ... 2616 танков     (trigger before a list)
    düşmənin 13 ədəd tankı, 2 ədəd PDM-i ... məhv edilib           (trigger after a list)
    погибли пять человек, 35 получили ранения                      (each its nearest)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import Subject
from ..lexicon.inflected import InflectedLexicon
from ..phrases import Match
from .models import model_subject
from .morphology import is_finite_verb
from .quantities import Quantity, after_bound, parse_quantity
from .words import View

_MAX_MODIFIERS = 4
_TRIGGER_BEFORE = 10
_TRIGGER_AFTER = 12
_PEOPLE = frozenset({"killed", "wounded", "missing", "captured", "casualties"})
_EQUIPMENT = frozenset({"destroyed", "downed", "damaged", "captured"})
_OF = frozenset({"из", "із", "з"})
_AND = frozenset({"и", "і", "та", "və", "և"})
_QUOTES = frozenset({"“", "”", "«", "»", "„", '"', "'"})
_AIRBORNE = frozenset({"aircraft", "helicopter", "drone", "missile", "rocket"})


@dataclass(frozen=True, slots=True)
class Phrase:
    start: int
    end: int
    quantity: Quantity | None
    subject: Subject | None
    side: str | None = None
    enemy: bool = False
    own: bool = False
    nominal: str | None = None
    person_word: bool = False


@dataclass(frozen=True, slots=True)
class Trigger:
    category: str
    start: int
    end: int
    key: str


@dataclass(frozen=True, slots=True)
class Finding:
    """A casualty claim before its speaker, side and time are settled."""

    phrase: Phrase
    category: str
    trigger: Trigger | None
    list_start: int | None = None
    """Where the list the phrase ends began ("հակառակորդի՝ 36 ԱԹՍ-ի, 47 զրահատեխնիկայի և 400 ..."):
    a side marked before the list is each item's."""


def find_phrases(view: View, lex: InflectedLexicon) -> list[Phrase]:
    found: list[Phrase] = []
    i = 0
    while i < len(view):
        phrase = _phrase_at(view, lex, i)
        if phrase is None:
            i += 1
            continue
        if found and _names_who(view, lex, found[-1], phrase):
            last = found.pop()
            phrase = Phrase(last.start, phrase.end, last.quantity, phrase.subject, last.side or phrase.side,
                            last.enemy or phrase.enemy, last.own or phrase.own, last.nominal or phrase.nominal, False)
        elif found and _names_the_same(view, lex, found[-1], phrase):
            last = found.pop()
            phrase = Phrase(last.start, phrase.end, last.quantity, last.subject or phrase.subject, last.side or phrase.side,
                            last.enemy or phrase.enemy, last.own or phrase.own, last.nominal, last.person_word)
        found.append(phrase)
        i = max(phrase.end, i + 1)
    return found


def _names_who(view: View, lex: InflectedLexicon, counted: Phrase, noun: Phrase) -> bool:
    """People counted by a bare word and then named: "bir nəfər hərbi qulluqçumuz", "30 nəfərədək
    ehtiyatdan çağırılmış hərbi vəzifəlilərin"."""
    if counted.quantity is None or not counted.person_word or counted.nominal or noun.quantity is not None:
        return False
    if noun.subject is None or not noun.subject.person or noun.subject.name == "person":
        return False
    gap = range(counted.end, noun.start)
    return len(gap) <= 3 and not any(view.low(k) in (",", ";", ".", ":", "(", ")") or view.match(lex.joiners, k)
                                     or view.match(lex.triggers, k) for k in gap)


def _names_the_same(view: View, lex: InflectedLexicon, counted: Phrase, noun: Phrase) -> bool:
    """An uncounted noun a few words after a counted model names the same thing: "4 ədəd BM-21 “Qrad”
    yaylım atəşli reaktiv sistemi", "2 ədəd 2S3 “Akasiya” özüyeriyən artilleriya qurğusu"."""
    if counted.quantity is None or noun.quantity is not None or noun.subject is None or noun.subject.person:
        return False
    if counted.subject is not None and counted.subject.person:
        return False
    gap = range(counted.end, noun.start)
    if len(gap) > 4:
        return False
    return not any(view.low(k) in (",", ";", ".", ":") or view.match(lex.joiners, k) or view.match(lex.triggers, k) for k in gap)


def find_triggers(view: View, lex: InflectedLexicon) -> list[Trigger]:
    return [Trigger(OUT_OF_SIGHT if m.value == "casualties" and _out_of_sight(view, lex, m.start, m.end) else m.value,
                    m.start, m.end, " ".join(view.keys[m.start : m.end])) for m in view.find_all(lex.triggers)]


OUT_OF_SIGHT = "out of sight"
"""A loss word that says lost from radar: it takes its count, which then makes no claim."""


def _out_of_sight(view: View, lex: InflectedLexicon, start: int, end: int) -> bool:
    return any(view.match(lex.out_of_sight, k) is not None for k in range(max(0, start - 2), min(len(view), end + 2)))


def _phrase_at(view: View, lex: InflectedLexicon, i: int) -> Phrase | None:
    quantity = parse_quantity(view, lex, i)
    if quantity is None:
        return _uncounted(view, lex, i)
    j = quantity.end
    if view.key(j) in _OF and view.is_number(j + 1):
        j += 2  # "17 із 22 БпЛА": seventeen of the drones
    while (counter := view.match(lex.counters, j)) is not None:
        j = counter.end
        if view.low(j) == ".":
            j += 1
    quantity, j = after_bound(view, lex, quantity, j)
    if view.match(lex.not_counts, j) is not None or view.words[quantity.start].suffix in lex.ordinal_suffixes:
        return None
    head = _head(view, lex, j)
    if head is None:
        return Phrase(i, quantity.end, quantity, None)
    end, subject, side, enemy, own, nominal, person_word = head
    quantity, end = after_bound(view, lex, quantity, end)
    return Phrase(i, end, quantity, subject, side, enemy, own, nominal, person_word)


def _uncounted(view: View, lex: InflectedLexicon, i: int) -> Phrase | None:
    """A loss noun with no number: one piece of equipment ("сбит вертолет Ми-24"), or people by
    their loss ("Կան տուժածներ", "погибших нет")."""
    if i > 0 and view.is_number(i - 1):
        return None
    j = i
    while (another := view.match(lex.another, j)) is not None:
        j = another.end  # "сбит очередной украинский беспилотник": one more
    head = _head(view, lex, j, first_only=j == i)
    if head is None:
        return None
    end, subject, side, enemy, own, nominal, person_word = head
    named = _named_person_end(view, lex, end) if subject.person and not nominal else None
    if named is not None:  # "əsgər Şahvələdov Sultan Niyaz oğlu": one person, by name
        return Phrase(i, named, Quantity(1, 1, False, i, named), subject, side, enemy, own)
    return Phrase(i, end, None, subject, side, enemy, own, nominal, person_word)


_NAME_WORDS = 4


def _named_person_end(view: View, lex: InflectedLexicon, k: int) -> int | None:
    """The end of a full name with its patronymic after a person noun ("Nazim Əfqan oğlu İsrailov")."""
    for j in range(k, min(len(view), k + _NAME_WORDS + 1)):
        if view.low(j) in lex.patronymics:
            if j == k:
                return None
            after = view.words[j + 1].text if j + 1 < len(view) else ""
            return j + 2 if after[:1].isupper() and after.isalpha() else j + 1
        if not (view.words[j].text[:1].isupper() and view.words[j].text.isalpha()):
            return None
    return None


def _head(view: View, lex: InflectedLexicon, j: int, first_only: bool = False):
    """The noun after a number and the modifiers between ("двух украинских вертолетов", "ворожих
    ударних БпЛА"): (end, subject, side, enemy, own, nominal, person word)."""
    side, enemy, own = None, False, False
    nominal = None
    k = j
    while k < len(view) and k - j <= _MAX_MODIFIERS:
        word = view.words[k]
        if word.kind == "model":
            subject = model_subject(word.low)
            if subject is not None:
                following = view.match(lex.subjects, k + 1)
                end = following.end if following is not None and not following.value.person else k + 1
                return _tail(view, lex, end, subject, side, enemy, own, nominal, False)
        subject = view.match(lex.subjects, k)
        named = _nominal_at(view, lex, k)
        person = view.match(lex.person_words, k)
        if named is not None and (subject is None or named.end >= subject.end):
            after = view.match(lex.subjects, named.end)
            if after is not None and after.value.person:  # "830 убитых военных"
                return _tail(view, lex, after.end, after.value, side, enemy, own, named.value, False)
            return _tail(view, lex, named.end, Subject("person", True, True), side, enemy, own, named.value, True)
        if subject is not None:
            if subject.value.person is False and _side_word(view, lex, subject.end) is None:
                model = _model_after(view, subject.end)
                subject = subject if model is None else Match(subject.value, subject.start, model)
            return _tail(view, lex, subject.end, subject.value, side, enemy, own, nominal, False)
        if person is not None:
            return _tail(view, lex, person.end, Subject("person", True, True), side, enemy, own, nominal, True)
        if first_only:
            return None
        found_side = view.match(lex.sides, k)
        if found_side is not None:
            side, k = found_side.value, found_side.end
            continue
        if view.match(lex.enemy, k) is not None:
            enemy = True
        elif view.match(lex.own, k) is not None or own_suffix(view, lex, k):
            own = True
        elif word.kind != "word" or view.match(lex.triggers, k) or view.match(lex.breaks, k) or view.match(lex.joiners, k) or view.match(lex.negations, k):
            return None
        k += 1
    return None


def _tail(view: View, lex: InflectedLexicon, end: int, subject: Subject, side, enemy, own, nominal, person_word):
    """What follows the noun: "и других боевых бронированных машин", a side ("ВСУ", "противника"),
    a participle of the loss ("убитыми")."""
    if view.key(end) in ("и", "та", "і", "və", "և") and view.key(end + 1) in ("другой", "інший", "digər", "այլ"):
        other = view.match(lex.subjects, end + 2) or view.match(lex.subjects, end + 3)
        if other is not None:
            end = other.end
    if own is False and own_suffix(view, lex, end - 1):
        own = True
    found = _side_word(view, lex, end)
    if found is not None:
        kind, value, found_end = found
        if kind == "side" and side is None:
            side, end = value, found_end
        elif kind == "enemy":
            enemy, end = True, found_end
    named = _nominal_at(view, lex, end)
    if named is not None and nominal is None:
        nominal, end = named.value, named.end
    return end, subject, side, enemy, own, nominal, person_word


def _nominal_at(view: View, lex: InflectedLexicon, k: int) -> Match | None:
    """A loss named by a noun or participle ("убитых", "загиблих"), not by the finite verb that shares
    its lemma ("погиб мирный житель", "военнослужащий погиб")."""
    named = view.match(lex.nominals, k)
    if named is None or (named.end == k + 1 and is_finite_verb(lex.language, view.words[k].text)):
        return None
    return named


def _side_word(view: View, lex: InflectedLexicon, k: int):
    if view.match(lex.subjects, k) is not None:
        return None
    found = view.match(lex.sides, k)
    if found is not None:
        return "side", found.value, found.end
    enemy = view.match(lex.enemy, k)
    if enemy is not None:
        return "enemy", None, enemy.end
    return None


def _model_after(view: View, k: int) -> int | None:
    """ "вертолет Ми-24", "tankı T-72": the model code after the noun belongs to it."""
    if k < len(view) and view.words[k].kind == "model":
        return k + 1
    return None


def own_suffix(view: View, lex: InflectedLexicon, k: int) -> bool:
    return 0 <= k < len(view) and bool(lex.own_suffixes) and view.words[k].low.endswith(lex.own_suffixes)


def link(view: View, lex: InflectedLexicon, phrases: list[Phrase], triggers: list[Trigger]) -> list[Finding]:
    """Each phrase with the trigger that says what befell it; phrases with no trigger are dropped."""
    findings: list[Finding] = []
    for group in _groups(view, lex, phrases):
        shared = _nearest(view, lex, triggers, group[0].start, group[-1].end)
        for index, phrase in enumerate(group):
            own = _adjacent(view, lex, triggers, phrase)
            trigger = own or shared
            if phrase.subject is None:
                trigger = own  # a bare number needs its verb right beside it ("35 получили ранения")
            category = phrase.nominal or (trigger.category if trigger else None)
            if phrase.nominal and trigger is not None and trigger.category in ("killed", "wounded", "captured", "missing") and own is not None:
                category = trigger.category if phrase.nominal == "casualties" else phrase.nominal
            if category is None and findings and phrase.quantity is not None and _part_of_before(view, lex, phrase):
                whole = findings[-1]  # "2 զոհ, այդ թվում՝ մեկ երեխա": the part shares the whole's loss and side
                category, trigger = whole.category, whole.trigger
                phrase = Phrase(phrase.start, phrase.end, phrase.quantity, phrase.subject, whole.phrase.side,
                                whole.phrase.enemy, whole.phrase.own, whole.phrase.nominal, phrase.person_word)
            if category is None:
                continue
            subject = phrase.subject or _inherited(findings)
            if subject is None:
                continue
            fitted = fit(category, subject)
            if fitted is None or (phrase.quantity is None and not subject.person and category == "killed"):
                continue  # "при ударе дрона погиб мирный житель": the drone killed, it was not destroyed
            if fitted in ("killed", "wounded") and phrase.quantity is not None and not phrase.quantity.approximate and (
                    _killed_and_wounded(view, lex, triggers, trigger, subject) or _nominals_of_both(view, lex, phrase)):
                fitted = "casualties"  # "2300 nəfərədək canlı qüvvəsi məhv edilib və yaralanıb": one figure of both
            if phrase.subject is None:
                phrase = Phrase(phrase.start, phrase.end, phrase.quantity, subject, phrase.side, phrase.enemy, phrase.own)
            findings.append(Finding(phrase, fitted, trigger, group[0].start if index else None))
    return findings


def _part_of_before(view: View, lex: InflectedLexicon, phrase: Phrase) -> bool:
    """A count of children or civilians among the count before; ranks among soldiers ("в том числе 9
    офицеров") are a breakdown of the same subject, no claim of their own."""
    if phrase.subject is None or phrase.subject.name == "soldier":
        return False
    return any(view.match(lex.including, k) is not None for k in range(max(0, phrase.start - 3), phrase.start))


def _nominals_of_both(view: View, lex: InflectedLexicon, phrase: Phrase) -> bool:
    """ "383 тыс. военнослужащих убитыми и ранеными": the noun's loss is killed and wounded."""
    if phrase.nominal not in ("killed", "wounded") or view.key(phrase.end) not in _AND:
        return False
    other = view.match(lex.nominals, phrase.end + 1)
    return other is not None and {phrase.nominal, other.value} == {"killed", "wounded"}


def _killed_and_wounded(view: View, lex: InflectedLexicon, triggers: list[Trigger], trigger: Trigger | None,
                        subject: Subject) -> bool:
    """The trigger is joined by "and" to the other of killed and wounded ("убиты и ранены")."""
    if trigger is None or not subject.person:
        return False
    mine = fit(trigger.category, subject)
    for other in triggers:
        joined = (other.start == trigger.end + 1 and view.key(trigger.end) in _AND) or (
            other.end == trigger.start - 1 and view.key(other.end) in _AND)
        if joined and {mine, fit(other.category, subject)} == {"killed", "wounded"}:
            return True
    return False


def _inherited(findings: list[Finding]) -> Subject | None:
    for finding in reversed(findings):
        if finding.phrase.subject is not None:
            return finding.phrase.subject
    return Subject("person", True, True)


def fit(category: str, subject: Subject) -> str | None:
    """The category a trigger gives this kind of loss (people are killed, equipment destroyed)."""
    if subject.person:
        if category in ("eliminated", "destroyed"):
            return "killed"
        if category == "downed":
            return None
        return category if category in _PEOPLE else None
    if category in ("eliminated", "killed"):
        return "destroyed"
    if category == "downed" and subject.name not in _AIRBORNE:
        return "destroyed"
    if category == "wounded":
        return "damaged"
    if category == "casualties":
        return "destroyed"
    return category if category in _EQUIPMENT else None


def _groups(view: View, lex: InflectedLexicon, phrases: list[Phrase]) -> list[list[Phrase]]:
    groups: list[list[Phrase]] = []
    for phrase in phrases:
        if groups and _joined(view, lex, groups[-1][-1].end, phrase.start):
            groups[-1].append(phrase)
        else:
            groups.append([phrase])
    return groups


def _joined(view: View, lex: InflectedLexicon, end: int, start: int) -> bool:
    """Two phrases of one list: only joiners between them, or a few words after a comma
    ("2 вертолета, атаковавших позиции, 26 танков")."""
    if start - end > 8:
        return False
    gap = range(end, start)
    if any(view.match(lex.triggers, k) or _breaks(view, lex, k) for k in gap):
        return False
    k = end
    only_joiners = True
    while k < start:
        joiner = view.match(lex.joiners, k)
        if joiner is None and view.low(k) in _QUOTES:
            k += 1  # a model's name in quotes ("4 ədəd BM-21 “Qrad”")
        elif joiner is None:
            only_joiners = False
            k += 1
        else:
            k = joiner.end
    last = start - 1
    while last > end and view.low(last) in _QUOTES:
        last -= 1
    return only_joiners or (start - end <= 6 and view.low(last) in (",", "и", "та", "və", "և"))


def _breaks(view: View, lex: InflectedLexicon, k: int) -> bool:
    found = view.match(lex.breaks, k)
    if found is None:
        return False
    joiner = view.match(lex.joiners, k)
    return joiner is None or joiner.end <= found.end


def _nearest(view: View, lex: InflectedLexicon, triggers: list[Trigger], start: int, end: int) -> Trigger | None:
    best: tuple[int, int, Trigger] | None = None
    for trigger in triggers:
        if trigger.end <= start:
            distance, reach, before = start - trigger.end, _TRIGGER_BEFORE, 0
            span = range(trigger.end, start)
        elif trigger.start >= end:
            distance, reach, before = trigger.start - end, _TRIGGER_AFTER, 1
            span = range(end, trigger.start)
        else:
            continue
        if distance > reach or any(_breaks(view, lex, k) for k in span):
            continue
        rank = (distance, before)
        if best is None or rank < best[:2]:
            best = (distance, before, trigger)
    return best[2] if best else None


def _adjacent(view: View, lex: InflectedLexicon, triggers: list[Trigger], phrase: Phrase) -> Trigger | None:
    """A trigger right beside the phrase, which a list's shared trigger does not override."""
    for trigger in triggers:
        if 0 <= trigger.start - phrase.end <= 1 or 0 <= phrase.start - trigger.end <= 0:
            return trigger
    return None
