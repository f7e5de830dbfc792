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
        side = _marked_side(ctx, phrase)
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


def _trigger_side(ctx, trigger, phrase: Phrase) -> str | None:
    """The side before the verb: the loser of "ВСУ потеряли", the agent of "российские войска
    уничтожили" (whose enemy lost), or the side after a loss noun ("потери противника")."""
    view, lex = ctx.view, ctx.lex
    loser = trigger.key in lex.loser_triggers or trigger.key in lex.suffered_triggers
    for k in range(trigger.end, min(trigger.end + 3, len(view))):
        if loser and (found := view.match(lex.sides, k)) is not None:
            return found.value
        if loser and view.match(lex.enemy, k) is not None:
            return ENEMY
    start = max(0, trigger.start - 7)
    for k in range(trigger.start - 1, start - 1, -1):
        if view.low(k) in (";", ".", ":") or (k < phrase.end and k >= phrase.start):
            break
        found = view.match(lex.sides, k)
        enemy = view.match(lex.enemy, k)
        if found is not None or enemy is not None:
            value = found.value if found is not None else ENEMY
            if loser:
                return value
            if value == ENEMY:
                return None
            return adversary_of(value)
    return None


def _marked_side(ctx, phrase: Phrase) -> str | None:
    """ "со стороны ВСУ", "у противника", "с армянской стороны" before the phrase, or a side in the
    genitive right before its number ("düşmənin 13 ədəd tankı", "ՀՀ զինված ուժերի 12 զինծառայող")."""
    view, lex = ctx.view, ctx.lex
    comma = False
    for k in range(phrase.start - 1, max(-1, phrase.start - 9), -1):
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
        close = not comma and phrase.start - (found or enemy).end <= 2
        if marked or after is not None or close:
            return found.value if found is not None else ENEMY
        if comma:
            break
    return None
