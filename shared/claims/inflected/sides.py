"""Whose loss a finding is, in an inflected language: the side named in the phrase ("украинских",
"düşmənin"), the loser of "ВСУ потеряли" or the enemy of the agent of "российские войска уничтожили",
a side marked before it ("со стороны ВСУ", "հայկական կողմից"), else the speaker's own side for what
befell people and the enemy's for what was destroyed. "The enemy" is the claimant's adversary, or
the writer's community's enemy when nobody is named."""

from __future__ import annotations

from ..registry import adversary_of
from .losses import Finding, Phrase

ENEMY = "\0enemy"
OWN = "\0own"
_HARMED = frozenset({"killed", "wounded", "casualties"})
_ATTACK_REACH = 10
_ATTACKER_BEFORE, _ATTACKER_AFTER = 8, 3


def side_of(ctx, finding: Finding) -> str | None:
    """Whose loss: a side named in the phrase, the loser or agent of its verb, a marked side before
    it, the speaker's own (suffered) or enemy's (destroyed) side; "the enemy" resolved."""
    phrase, trigger = finding.phrase, finding.trigger
    side = phrase.side
    if side is None and phrase.enemy:
        side = ENEMY
    if side is None and trigger is not None:
        side = _trigger_side(ctx, trigger, phrase)
    if side is None:
        side = _marked_side(ctx, phrase.start)
    if side is None and finding.list_start is not None:
        side = _marked_side(ctx, finding.list_start)
    if side is None and phrase.subject is not None and phrase.subject.person and finding.category in _HARMED:
        side = _attacked_side(ctx, phrase)
    if side is None and phrase.own:
        side = OWN
    if side is None and ctx.state.enemy_context:
        side = ENEMY
    if side is None:
        suffered = trigger is not None and trigger.key in ctx.lex.suffered_triggers or phrase.nominal in ("killed", "wounded", "missing")
        if finding.category in ("destroyed", "downed", "captured") or (finding.category == "killed" and not suffered):
            side = ENEMY
        elif suffered:
            side = OWN
    return _resolve(ctx, side)


def _resolve(ctx, side: str | None) -> str | None:
    if side == ENEMY:
        return adversary_of(ctx.party) if ctx.party else ctx.lex.writers_enemy
    if side == OWN:
        return ctx.party or ctx.lex.writers_side
    return side


def _attacked_side(ctx, phrase: Phrase) -> str | None:
    """People killed or wounded by an attack whose attacker is named ("при ударе дрона ВСУ погиб
    мирный житель", "Ermənistanın raket zərbələri nəticəsində 26 mülki şəxs həlak olub") are of
    the attacker's adversary."""
    view, lex = ctx.view, ctx.lex
    for attack in view.find_all(lex.attacks):
        if attack.end <= phrase.start - _ATTACK_REACH or attack.start >= phrase.end + _ATTACK_REACH:
            continue
        attacker = _attacker(ctx, attack.start, attack.end, phrase)
        if attacker == ENEMY:
            return OWN
        if attacker is not None:
            return adversary_of(attacker)
    return None


def _attacker(ctx, start: int, end: int, phrase: Phrase) -> str | None:
    view, lex = ctx.view, ctx.lex
    before = range(start - 1, max(-1, start - 1 - _ATTACKER_BEFORE), -1)
    after = range(end, min(len(view), end + _ATTACKER_AFTER))
    for window in (after, before):
        for k in window:
            if view.low(k) in (";", ".", ":", ",") or phrase.start <= k < phrase.end:
                break
            if (found := view.match(lex.sides, k)) is not None:
                found = _longest_side(view, lex, found)
                if view.match(lex.attack_targets, found.start - 1) is not None:
                    return adversary_of(found.value)  # the target's people: "удара по азербайджанскому городу"
                return found.value
            if view.match(lex.enemy, k) is not None:
                return ENEMY
    return None


def _longest_side(view, lex, found):
    """The longest side name ending where `found` ends: "Ermənistan silahlı qüvvələrinin", not
    "silahlı qüvvələrinin"."""
    for j in range(found.start - 1, max(-1, found.start - 4), -1):
        longer = view.match(lex.sides, j)
        if longer is not None and longer.end >= found.end:
            found = longer
    return found


def _names_an_attacker(view, lex, found) -> bool:
    """A side right before or after an attack noun ("російської атаки", "удара ВСУ", "обстрела со
    стороны противника") is its attacker; one after "по" is its target ("удара по азербайджанскому
    городу")."""
    if view.match(lex.attack_targets, found.start - 1) is not None:
        return False
    return any(view.match(lex.attacks, k) is not None
               for k in range(max(0, found.start - 3), min(len(view), found.end + 2)))


def _trigger_side(ctx, trigger, phrase: Phrase) -> str | None:
    """The side before the verb: the loser of "ВСУ потеряли", the agent of "российские войска
    уничтожили" (whose enemy lost), or the side after a loss noun ("потери противника")."""
    view, lex = ctx.view, ctx.lex
    loser = trigger.key in lex.loser_triggers or trigger.key in lex.suffered_triggers
    for k in range(trigger.end, min(trigger.end + 3, len(view))):
        if loser and (found := view.match(lex.sides, k)) is not None:
            return None if _names_an_attacker(view, lex, found) else found.value
        if loser and view.match(lex.enemy, k) is not None:
            return ENEMY
    start = max(0, trigger.start - 7)
    for k in range(trigger.start - 1, start - 1, -1):
        if view.low(k) in (";", ".", ":") or (k < phrase.end and k >= phrase.start):
            break
        found = view.match(lex.sides, k)
        enemy = view.match(lex.enemy, k)
        if (found or enemy) is not None and _names_an_attacker(view, lex, found or enemy):
            # "при ударе дрона ВСУ погиб мирный житель", "в результате обстрела со стороны противника погиб"
            return OWN if found is None else adversary_of(found.value)
        if found is not None or enemy is not None:
            value = found.value if found is not None else ENEMY
            if loser:
                return value
            if value == ENEMY:
                return None
            return adversary_of(value)
    return None


def _marked_side(ctx, start: int) -> str | None:
    """ "со стороны ВСУ", "у противника", "с армянской стороны" before `start`, or a side in the
    genitive right before its number ("düşmənin 13 ədəd tankı", "ՀՀ զինված ուժերի 12 զինծառայող")."""
    view, lex = ctx.view, ctx.lex
    comma = False
    for k in range(start - 1, max(-1, start - 9), -1):
        if view.low(k) in (";", ".", ":") or view.match(lex.triggers, k) is not None:
            break
        comma = comma or view.low(k) == ","
        found = view.match(lex.sides, k)
        enemy = view.match(lex.enemy, k)
        if found is None and enemy is None:
            continue
        if found is not None:  # the longest name ending here: "qanunsuz erməni hərbi dəstəsinin", not "erməni"
            for j in range(k - 1, max(-1, k - 4), -1):
                longer = view.match(lex.sides, j)
                if longer is not None and longer.end >= found.end:
                    found = longer
        marked = any(view.match(lex.side_markers, m) is not None for m in range(max(0, k - 2), k + 1))
        after = view.match(lex.side_markers, (found or enemy).end)
        close = not comma and start - (found or enemy).end <= 2
        if marked or after is not None or close:
            return found.value if found is not None else ENEMY
        if comma:
            break
    return None
