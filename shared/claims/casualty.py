"""Casualty claims in one sentence: each loss phrase linked to the word that says what befell it.

    shot down [four Azerbaijani helicopters], [15 drones] and [10 tanks]   (verb before a list)
    [At least 14 people] were killed and [97] wounded                      (predicates after)
    reported [40 more military deaths], raising its total to 320          (noun head, toll)
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .actors import actor_at, is_side
from .lexicon import Subject
from .losses import LossPhrase, find_loss_phrases, head_at
from .modality import in_denial, is_hypothetical, is_negated, projected
from .model import Count
from .numbers import parse_quantity
from .view import SentenceView

_MAX_AUX = 5
_PASSIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "be", "been", "being", "remain", "remained"})
_PEOPLE_CATEGORIES = frozenset({"killed", "wounded", "missing", "captured", "casualties"})
_EQUIPMENT_CATEGORIES = frozenset({"destroyed", "downed", "damaged", "captured"})


@dataclass(frozen=True, slots=True)
class Loss:
    """A casualty claim before its speaker and its time are known."""

    category: str
    subject: str | None
    count: Count | None
    approximate: bool
    side: str | None
    start: int
    end: int
    """Token span of the loss and its trigger."""
    basis: str | None = None
    own: bool = False
    enemy: bool = False
    loser: str | None = None
    """Who "lost" it, when the verb says so ("Russia lost 20 tanks")."""
    suffered: bool = False
    """Said as something that befell them ("were killed", "deaths") rather than done by an agent."""
    by_speaker: bool = False
    """Done by the speaker's own forces ("our defenders shot down"): the loss is the enemy's."""


def find_losses(view: SentenceView) -> list[Loss]:
    phrases = find_loss_phrases(view)
    losses: list[Loss] = []
    claimed: set[int] = set()
    for group in _groups(view, phrases):
        left = _left_trigger(view, group[0].start)
        group_right = _right_trigger(view, group[-1].end)
        side = None
        for position, phrase in enumerate(group):
            side = phrase.side or side  # "four Azerbaijani helicopters, 15 drones and 10 tanks"
            if phrase.side is None and side is not None:
                phrase = replace(phrase, side=side)
            right = group_right if position == len(group) - 1 else _right_trigger(view, phrase.end)
            trigger = _choose(phrase, right, left, group_right) if _taken_lives(view, phrase) else None
            if trigger is None:
                trigger = _subset_of(view, phrase, losses)
            if trigger is None:
                continue
            loss = _loss(view, phrase, trigger, losses)
            if loss is not None and _asserted(view, loss):
                losses.append(loss)
                claimed.add(phrase.start)
    losses.extend(_tolls(view, phrases, losses, claimed))
    losses.extend(_uncounted(view, phrases))
    return sorted(losses, key=lambda loss: loss.start)


@dataclass(frozen=True, slots=True)
class _Trigger:
    category: str
    start: int
    end: int
    loser: str | None = None
    enemy_loser: bool = False
    active: bool = False
    by_speaker: bool = False


def _choose(phrase: LossPhrase, right: _Trigger | None, left: _Trigger | None, group_right: _Trigger | None) -> _Trigger | None:
    if phrase.nominal is not None:
        return _Trigger(phrase.nominal, phrase.start, phrase.end)
    if phrase.definite:
        return left
    if phrase.headline:
        return left or (right if right is not None and right.start == phrase.end else None)
    return right or left or group_right


def _taken_lives(view: SentenceView, phrase: LossPhrase) -> bool:
    """ "lives" are a toll only when taken: "cost 850 lives", "lives were lost"; not "saved
    hundreds of lives", "came to define so many lives"."""
    if view.words[phrase.end - 1] != "lives":
        return True
    lives_verbs = view.lex.lives_verbs
    before = phrase.start
    while before > 0 and view.words[before - 1] in view.lex.object_gap:
        before -= 1
    if lives_verbs.match_ending(view.words, before) is not None:
        return True
    return any(lives_verbs.match(view.words, k) is not None for k in range(phrase.end, min(phrase.end + 4, len(view))))


def _groups(view: SentenceView, phrases: list[LossPhrase]) -> list[list[LossPhrase]]:
    """Loss phrases joined into lists ("four helicopters, 15 drones and 10 tanks")."""
    groups: list[list[LossPhrase]] = []
    for phrase in phrases:
        if groups and _joined(view, groups[-1][-1].end, phrase.start):
            groups[-1].append(phrase)
        else:
            groups.append([phrase])
    return groups


def _joined(view: SentenceView, end: int, start: int) -> bool:
    i = end
    while i < start:
        found = view.match(view.lex.list_joiners, i) or view.match(view.lex.subset_markers, i)
        if found is None:
            return False
        i = found.end
    return start - end <= 4


def _left_trigger(view: SentenceView, start: int) -> _Trigger | None:
    lex = view.lex
    j = start
    while j > 0 and view.words[j - 1] in lex.object_gap and start - j < 3:
        j -= 1
    found = lex.active.match_ending(view.words, j)
    if found is None:
        return None
    loser, enemy = None, False
    if view.words[found.start] in lex.loss_verbs:
        loser, enemy = _loser(view, found.start)
    active = not view.words[found.start].startswith(("the", "death", "bodies", "remains"))
    return _Trigger(found.value, found.start, found.end, loser, enemy, active, _by_speaker(view, found.start))


def _by_speaker(view: SentenceView, verb: int) -> bool:
    """ "Our defenders shot down", "its forces had destroyed", "we destroyed"."""
    start = view.clause_start(verb)
    if view.words[verb].endswith("ing") and view.word(start - 1) == ",":
        start = view.clause_start(start - 1)  # "..., destroying four planes": the clause before acts
    for k in range(verb - 1, max(start, verb - 12) - 1, -1):
        if view.words[k] in ("our", "we", "us"):
            return True
        if view.words[k] == "it" and view.match(view.lex.reporting_verbs, k - 1) is not None:
            return True  # "Ukraine said it had hit ..."
        if view.words[k] in ("its", "their") and view.word(k + 1) in ("forces", "troops", "units", "army", "military", "soldiers", "fighters", "defenders", "air", "navy", "drones", "artillery"):
            return True
    return False


def _loser(view: SentenceView, verb: int) -> tuple[str | None, bool]:
    """The side before "lost": "Russia has lost", "the enemy lost", "Ukrainian forces lost"."""
    for k in range(verb - 1, max(view.clause_start(verb), verb - 5) - 1, -1):
        if view.words[k] in ("enemy", "occupiers", "invaders", "adversary"):
            return None, True
        actor = actor_at(view, k)
        if actor is not None and is_side(actor.value):
            return actor.value, False
    return None, False


def _right_trigger(view: SentenceView, end: int) -> _Trigger | None:
    lex = view.lex
    k = _skip_aside(view, _skip_place(view, end))
    if view.word(k) == "," and (view.word(k + 1) in lex.auxiliaries or view.match(lex.passive, k + 1)):
        k += 1  # "Five people, including a child, were killed"
    skipped: list[str] = []
    while k < len(view) and view.words[k] in lex.auxiliaries and len(skipped) < _MAX_AUX:
        found = view.match(lex.passive, k)
        if found is not None:
            break
        skipped.append(view.words[k])
        k += 1
    found = view.match(lex.passive, k)
    if found is None or (found.value == "missing" and view.word(found.end) == "out"):
        return None  # "children missing out on education"
    # "soldiers killed civilians", "an officer who has shot dead three people" are active: a loss
    # phrase right after the verb makes the subject the one who did it, not the one it befell
    active = not any(word in _PASSIVE_AUXILIARIES for word in skipped)
    if active and found.value not in ("missing",) and _object_follows(view, found.end):
        return None
    return _Trigger(found.value, found.start, found.end)


def _skip_aside(view: SentenceView, k: int) -> int:
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


def _object_follows(view: SentenceView, i: int) -> bool:
    if view.word(i) in ("by", "in", "on", "at", "near", "during", "overnight", "and", ",", ".", "or", "while", "as", "after", "when"):
        return False
    return parse_quantity(view.tokens, view.words, i, view.lex) is not None or view.word(i) in ("a", "an", "the")


def _skip_place(view: SentenceView, k: int) -> int:
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


def _subset_of(view: SentenceView, phrase: LossPhrase, losses: list[Loss]) -> _Trigger | None:
    """ "..., including five children" / "among them 12 civilians": the loss stated before."""
    if not losses:
        return None
    j = phrase.start
    for length in range(1, 4):
        found = view.match(view.lex.subset_markers, j - length)
        if found is not None and found.end == j:
            previous = losses[-1]
            return _Trigger(previous.category, found.start, found.end)
    return None


def _loss(view: SentenceView, phrase: LossPhrase, trigger: _Trigger, earlier: list[Loss]) -> Loss | None:
    subject, side = phrase.subject, phrase.side
    category = trigger.category
    if subject is None:
        subject, side = _inherited_subject(earlier, category)
        side = phrase.side or side
        if subject is None:
            return None
    category = _fit(category, subject)
    if category is None or _figurative(view, trigger, subject):
        return None
    quantity = phrase.quantity
    count = Count(1, 1) if quantity is None else Count(quantity.min, quantity.max)
    approximate = quantity.approximate if quantity else False
    start, end = min(phrase.start, trigger.start), max(phrase.end, trigger.end)
    basis = "increment" if phrase.increment else None
    return Loss(
        category, subject.name, count, approximate, side, start, end, basis, phrase.own,
        phrase.enemy or trigger.enemy_loser, trigger.loser, suffered=not trigger.active,
        by_speaker=trigger.by_speaker,
    )


def _figurative(view: SentenceView, trigger: _Trigger, subject: Subject) -> bool:
    """ "took 5-59" and "taken six years" take no prisoners; "the portrait captures a man"."""
    verb = view.words[trigger.start]
    if trigger.end - trigger.start == 1 and verb in view.lex.taking:
        return subject.name != "prisoner"
    if trigger.category == "captured" and verb.startswith("captur") and trigger.start < trigger.end:
        clause = range(view.clause_start(trigger.start), trigger.start)
        return any(view.words[k] in view.lex.depicting for k in clause)
    return False


def _inherited_subject(earlier: list[Loss], category: str) -> tuple[Subject | None, str | None]:
    """ "Two servicemen were killed and five were wounded": the bare count's subject and side are
    the earlier loss's."""
    people = category in _PEOPLE_CATEGORIES or category == "eliminated"
    for loss in reversed(earlier):
        if loss.subject is not None:
            return Subject(loss.subject, True, people), loss.side
    return (Subject("person", True, True) if people else None), None


def _fit(category: str, subject: Subject) -> str | None:
    """The category a trigger gives this kind of loss ("eliminated" people are killed)."""
    if subject.person:
        if category in ("eliminated", "destroyed"):
            return "killed"
        return category if category in _PEOPLE_CATEGORIES else None
    if category in ("eliminated", "killed"):
        return "destroyed"
    if category == "wounded":
        return "damaged"
    if category == "casualties":
        return "destroyed"
    return category if category in _EQUIPMENT_CATEGORIES else None


def _asserted(view: SentenceView, loss: Loss) -> bool:
    return not (
        is_negated(view, loss.start, loss.end)
        or is_hypothetical(view, loss.start, loss.end)
        or projected(view, loss.end)
        or in_denial(view, loss.start)
        or view.words[-1:] == ["?"]
    )


@dataclass(frozen=True, slots=True)
class _Toll:
    category: str
    start: int
    end: int
    subject: str | None = None
    side: str | None = None


def _toll_phrases(view: SentenceView) -> list[_Toll]:
    """ "the death toll", "its total", and "the number of Israelis killed"."""
    lex = view.lex
    found = [_Toll(m.value, m.start, m.end) for m in lex.tolls.find_all(view.words)]
    for i in range(len(view) - 2):
        if view.words[i : i + 2] != ["number", "of"]:
            continue
        head = head_at(view, i + 2)
        if head is None or head.subject is None:
            continue
        passive = view.match(lex.passive, head.end)
        category, end = (passive.value, passive.end) if passive else (head.nominal, head.end)
        if category is not None:
            found = [toll for toll in found if not i <= toll.start < end]
            found.append(_Toll(category, i, end, head.subject.name, head.side))
    return sorted(found, key=lambda toll: toll.start)


def _tolls(view: SentenceView, phrases: list[LossPhrase], losses: list[Loss], claimed: set[int]) -> list[Loss]:
    """ "the death toll rose to 320", "raising its total to 320", "losses amounted to 1,300 troops"."""
    lex = view.lex
    found: list[Loss] = []
    by_start = {phrase.start: phrase for phrase in phrases}
    for toll in _toll_phrases(view):
        count_at = _toll_count(view, toll.end)
        if count_at is None or count_at[0] in claimed:
            continue
        at, minimum = count_at
        quantity = parse_quantity(view.tokens, view.words, at, lex)
        if quantity is None:
            continue
        phrase = by_start.get(at)
        side, modifier, own = _toll_modifiers(view, toll.start)
        side = toll.side or side
        category = toll.category
        subject = phrase.subject.name if phrase and phrase.subject else toll.subject or modifier
        if category == "inherit":
            previous = [loss for loss in losses + found if loss.start < toll.start]
            if not previous:
                continue
            category, subject, side = previous[-1].category, subject or previous[-1].subject, side or previous[-1].side
        if phrase is not None and phrase.subject is not None and not phrase.subject.person:
            category = "destroyed"
        loss = Loss(
            category, subject or "person", Count(quantity.min, None if minimum else quantity.max),
            quantity.approximate, side or (phrase.side if phrase else None), toll.start, quantity.end, "total",
            own=own, suffered=True,
        )
        if _asserted(view, loss):
            found.append(loss)
            claimed.add(at)
    return found


def _toll_count(view: SentenceView, after: int) -> tuple[int, bool] | None:
    """Where the toll's number stands, and whether the link makes it a floor ("topped 300")."""
    lex = view.lex
    for k in range(after, min(after + 14, len(view))):
        if view.words[k] in (".", ";", ",", "but"):
            return None
        link = view.match(lex.toll_links, k)
        if link is None:
            continue
        if view.word(link.end) in lex.unit_words:
            return None  # "losses climbed to £1.5bn": money, not people
        quantity = parse_quantity(view.tokens, view.words, link.end, lex)
        if quantity is not None and not _is_date(view, quantity) and view.word(quantity.end) not in lex.unit_words:
            return link.end, " ".join(view.words[link.start : link.end]) in lex.toll_links_min
    return None


def _is_date(view: SentenceView, quantity) -> bool:
    """A year ("rose in 2023") or a day of a month ("losses as of 21 August", "as of August 21")."""
    value = quantity.exact_value
    if value is None or not view.tokens[quantity.start].text.isdigit():
        return False
    return 1900 <= value <= 2100 or (value <= 31 and (_is_month(view, quantity.end) or _is_month(view, quantity.start - 1)))


def _is_month(view: SentenceView, i: int) -> bool:
    return 0 <= i < len(view) and view.tokens[i].capitalized and view.words[i] in view.lex.months


def _toll_modifiers(view: SentenceView, start: int) -> tuple[str | None, str | None, bool]:
    """Whose toll ("the Palestinian death toll") and of whom ("the military death toll")."""
    side = subject = None
    own = False
    for k in range(max(0, start - 3), start):
        actor = actor_at(view, k)
        if actor is not None and is_side(actor.value):
            side = actor.value
        own = own or view.words[k] in ("its", "their", "our")
        subject = view.lex.subject_modifiers.get(view.words[k]) or subject
    return side, subject, own


def _uncounted(view: SentenceView, phrases: list[LossPhrase]) -> list[Loss]:
    """ "Both Armenia and Azerbaijan confirmed combat casualties": a loss without a number."""
    lex = view.lex
    counted = {phrase.end - 1 for phrase in phrases}
    found: list[Loss] = []
    for verb in lex.casualty_verbs.find_all(view.words):
        k = verb.end
        subject = "person"
        while k < len(view) and k - verb.end <= 3 and view.words[k] not in lex.casualty_nouns:
            subject = lex.subject_modifiers.get(view.words[k]) or subject
            k += 1
        if view.word(k) not in lex.casualty_nouns or k in counted:
            continue
        side, enemy = _uncounted_side(view, verb.start, k + 1)
        loss = Loss("casualties", subject, None, False, side, verb.start, k + 1, enemy=enemy)
        if _asserted(view, loss):
            found.append(loss)
    return found


def _uncounted_side(view: SentenceView, verb: int, end: int) -> tuple[str | None, bool]:
    """Losses "inflicted on the enemy" fall on the enemy; losses "suffered" on the subject."""
    if view.word(end) == "on":
        for k in range(end + 1, min(end + 4, len(view))):
            if view.words[k] in ("enemy", "occupiers", "invaders"):
                return None, True
            actor = actor_at(view, k)
            if actor is not None and is_side(actor.value):
                return actor.value, False
        return None, False
    if view.words[verb] in ("suffered", "suffers", "suffer", "sustained", "sustains", "suffering", "sustaining"):
        loser, enemy = _loser(view, verb)
        return loser, enemy
    return None, False
