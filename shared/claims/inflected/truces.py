"""Ceasefire claims in an inflected language: a mention of a truce ("перемирие", "режим
припинення вогню", "atəşkəs", "հրադադար") and the strongest trigger near it ("нарушили",
"домовилися", "pozub", "խախտել է"); the lexicon's order ranks them (a violation outranks the
truce it breaks). One claim per category and sentence."""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon.inflected import InflectedLexicon
from .words import View

_WINDOW = 9


@dataclass(frozen=True, slots=True)
class Truce:
    category: str
    start: int
    end: int


def find_truces(view: View, lex: InflectedLexicon, negated, hypothetical) -> list[Truce]:
    mentions = view.find_all(lex.ceasefire_nouns)
    if not mentions:
        return []
    triggers = view.find_all(lex.ceasefire_triggers)
    chosen: list[Truce] = []
    for mention in mentions:
        near = [t for t in triggers if _near(view, lex, t, mention) and not (t.start < mention.end and t.end > mention.start)]
        near = [t for t in near if not negated(t.start, t.end) and not hypothetical(t.start, t.end)]
        if not near:
            continue
        best = min(near, key=lambda t: lex.ceasefire_order.index(t.value))
        chosen.append(Truce(best.value, min(best.start, mention.start), max(best.end, mention.end)))
    truces: list[Truce] = []
    for truce in chosen:
        if truce.category not in [t.category for t in truces]:
            truces.append(truce)
    return truces


def _near(view: View, lex: InflectedLexicon, trigger, mention) -> bool:
    if trigger.end <= mention.start:
        span = range(trigger.end, mention.start)
    elif trigger.start >= mention.end:
        span = range(mention.end, trigger.start)
    else:
        return True
    if len(span) > _WINDOW:
        return False
    return not any(view.low(k) in (";", ".", "?", "!") for k in span)
