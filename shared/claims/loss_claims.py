"""A loss phrase and its trigger made one casualty claim (a Loss), and whether the sentence
asserts it rather than denying, doubting or only foreseeing it."""

from __future__ import annotations

from dataclasses import dataclass

from .conflicts import ARMED_GROUPS
from .lexicon import Subject
from .losses import LossPhrase
from .modality import in_denial, is_hypothetical, is_negated, projected
from .model import Count
from .triggers import Trigger
from .view import SentenceView

_MEMBERS = frozenset({"member", "members"})
"""People of an armed group named by their membership are its fighters."""

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
    agent: str | None = None
    """The belligerent named as doing it ("Hamas gunmen captured"): the loss is its adversary's."""


def subset_of(view: SentenceView, phrase: LossPhrase, losses: list[Loss]) -> Trigger | None:
    """ "..., including five children" / "among them 12 civilians": the loss stated before."""
    if not losses:
        return None
    j = phrase.start
    for length in range(1, 4):
        found = view.match(view.lex.subset_markers, j - length)
        if found is not None and found.end == j:
            previous = losses[-1]
            return Trigger(previous.category, found.start, found.end)
    return None


def loss_from(view: SentenceView, phrase: LossPhrase, trigger: Trigger, earlier: list[Loss]) -> Loss | None:
    subject, side = phrase.subject, phrase.side
    category = trigger.category
    if subject is None:
        subject, side = _inherited_subject(earlier, category)
        side = phrase.side or side
        if subject is None:
            return None
    category = _fit(category, subject)
    if category is None or _figurative(view, trigger, subject) or (phrase.kin and category == "killed" and not _violent(view, trigger)):
        return None  # "the death of his grandmother" gives no cause; "his daughter was shot dead" does
    if subject.name == "person" and phrase.side in ARMED_GROUPS and view.words[phrase.end - 1] in _MEMBERS:
        subject = Subject("militant", subject.plural, True)  # "several Hezbollah members"
    quantity = phrase.quantity
    count = Count(1, 1) if quantity is None else Count(quantity.min, quantity.max)
    approximate = quantity.approximate if quantity else False
    start, end = min(phrase.start, trigger.start), max(phrase.end, trigger.end)
    basis = "increment" if phrase.increment else None
    return Loss(
        category, subject.name, count, approximate, side, start, end, basis, phrase.own,
        phrase.enemy or trigger.enemy_loser, trigger.loser, suffered=not trigger.active,
        by_speaker=trigger.by_speaker, agent=trigger.agent,
    )


_VIOLENT_STEMS = ("kill", "shot", "shoot", "murder", "slain", "slay", "execut", "stabbed", "behead", "massacr")


def _violent(view: SentenceView, trigger: Trigger) -> bool:
    """A death said to have been dealt ("was killed", "shot dead"), not one that just came."""
    return any(view.words[k].startswith(_VIOLENT_STEMS) for k in range(trigger.start, max(trigger.end, trigger.start + 1)))


def _figurative(view: SentenceView, trigger: Trigger, subject: Subject) -> bool:
    """ "took 5-59" and "taken six years" take no prisoners; "the portrait captures a man"."""
    verb = view.words[trigger.start]
    if any(view.words[k].startswith("los") for k in range(trigger.start, max(trigger.end, trigger.start + 1))) \
            and _out_of_sight(view, trigger):
        return True
    if trigger.end - trigger.start == 1 and verb in view.lex.taking:
        return subject.name != "prisoner"
    if trigger.category == "captured" and verb.startswith("captur") and trigger.start < trigger.end:
        clause = range(view.clause_start(trigger.start), trigger.start)
        return any(view.words[k] in view.lex.depicting for k in clause)
    return False


def _out_of_sight(view: SentenceView, trigger: Trigger) -> bool:
    """ "seven drones were lost from radar", "locationally lost", "contact with two drones was
    lost" (but not "along the contact line, Russia lost 20 tanks")."""
    near = range(max(0, trigger.start - 5), min(len(view.words), trigger.end + 3))
    return any(view.words[k].strip('"“”') in view.lex.out_of_sight and view.word(k + 1) not in ("line", "lines")
               for k in near)


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


def asserted(view: SentenceView, loss: Loss) -> bool:
    return not (
        is_negated(view, loss.start, loss.end)
        or is_hypothetical(view, loss.start, loss.end)
        or projected(view, loss.end)
        or in_denial(view, loss.start)
        or view.words[-1:] == ["?"]
    )
