"""Whose people an attack harmed, when the sentence names the attack and not the victims' side:
"130 people have been taken hostage after the invasion of Israel by Hamas fighters", "missing
after ... the Hamas terror attack", "killed in a Russian missile strike on Kharkiv"."""

from __future__ import annotations

from .actors import actor_at, is_side
from .registry import adversary_of, party_of
from .view import SentenceView

_BEFORE_ATTACK = 3
"""Words between an attacker named before its attack and the attack ("Hamas terror attack")."""
_TARGET_MARKS = frozenset({"on", "of", "against", "into", "in"})
"""Before the side attacked: "an attack on Israel", "the invasion of Ukraine"."""
_AGENT_MARKS = frozenset({"by", "from"})
ARMED = "armed"
"""What the lexicon's attacks that only armed forces make are marked with (shelling, airstrikes)."""


def attacked_side(view: SentenceView, start: int, end: int) -> str | None:
    """The side of the people harmed by an attack named in their stretch of the sentence: the
    target after "on", "of", "against"; else the adversary of the attacker named before the
    attack or after "by"."""
    if any(_side_at(view, k) for k in range(start, end)):
        return None  # "Israelis and Palestinians": the loss names its sides, and they are two
    first, last = view.segment_bounds(start)
    for attack in view.lex.attacks.find_all(view.words):
        if attack.start < first or attack.end > last or start <= attack.start < end:
            continue
        target, attacker = _after(view, attack.end, start, end)
        attacker = attacker or _before(view, attack.start)
        if target is not None and (attacker is not None or attack.value == ARMED):
            return target  # a terror attack "on a Russian concert hall" is no act of war by itself
        if attacker is not None:
            return adversary_of(party_of(attacker))
    return None


def _after(view: SentenceView, k: int, start: int, end: int) -> tuple[str | None, str | None]:
    """ "invasion of Israel by Hamas fighters": the target after its mark, the attacker after "by"."""
    target = attacker = None
    limit = min(len(view), k + 8)
    while k < limit and not (start <= k < end):
        word = view.words[k]
        if word in (".", ";", ",", ":"):
            break
        if word in _TARGET_MARKS or word in _AGENT_MARKS:
            actor = _side_at(view, k + 1)
            if actor is not None:
                if word in _TARGET_MARKS:
                    target = target or actor[0]
                else:
                    attacker = attacker or actor[0]
                k = actor[1]
                continue
        k += 1
    return target, attacker


def _before(view: SentenceView, k: int) -> str | None:
    """ "the Hamas terror attack", "a Russian missile strike": the attacker right before."""
    for j in range(k - 1, max(-1, k - 1 - _BEFORE_ATTACK), -1):
        if view.words[j] in (".", ";", ",", ":", "on", "of", "against"):
            return None
        found = _side_at(view, j)
        if found is not None:
            return found[0]
    return None


def _side_at(view: SentenceView, k: int) -> tuple[str, int] | None:
    if view.word(k) in ("the", "a", "an"):
        k += 1
    actor = actor_at(view, k)
    if actor is None or not is_side(actor.value):
        return None
    return actor.value, actor.end
