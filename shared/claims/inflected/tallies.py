"""Loss lists in the layouts ministries publish, label first:

    танків ‒ 1637 (+35) од,
    особового складу — близько 57750 (+550) осіб ліквідовано,
    - танки — 9113 (+4 за минулу добу);
    • РСЗВ – 233, засобів ППО – 98 (+1),

Each item gives the running total and, after "(+N)", the day's increment ("(+0)" gives none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Subject
from ..lexicon.inflected import InflectedLexicon
from ..sentences import Sentence
from .words import View, words_of

_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+"
_ITEM = re.compile(
    rf"(?P<label>[^\W\d_][^,;:()\n‒–—=+•]{{0,70}}?)(?:\s*[‒–—=]|\s+-)\s*"
    rf"(?P<words>(?:[^\W\d_]+\.?\s+){{0,2}})"
    rf"(?P<total>{_NUMBER})?\s*"
    rf"(?:\(\s*\+\s*(?P<change>{_NUMBER})[^)]*\))?"
)


@dataclass(frozen=True, slots=True)
class TallyItem:
    subject: Subject
    total: int | None
    approximate: bool
    change: int | None
    start: int
    end: int
    """Character offsets of the item in the sentence."""


def is_tally(text: str) -> bool:
    # a dash right after a letter is a model's code ("Су-25, три вертолета Ми-24,"), not a tally line
    return "(+" in text or "( +" in text or len(re.findall(rf"(?<![^\W\d_])[‒–—-]\s*(?:{_NUMBER})\s*(?:од\.?|,|;|$)", text)) >= 2


def read_tally(view: View, lex: InflectedLexicon) -> list[TallyItem]:
    text = view.sentence.text
    found: list[TallyItem] = []
    for item in _ITEM.finditer(text):
        if item.group("total") is None and item.group("change") is None:
            continue
        subject = _subject(item.group("label"), lex)
        if subject is None:
            continue
        approximate = _approximate(item.group("words"), lex)
        total = _value(item.group("total")) if item.group("total") else None
        change = _value(item.group("change")) if item.group("change") else None
        found.append(TallyItem(subject, total, approximate, change, item.start(), item.end()))
    return found


def _subject(label: str, lex: InflectedLexicon) -> Subject | None:
    words = words_of(Sentence(label, 0, len(label)), lex.language)
    keys = [word.key for word in words]
    best = None
    for i in range(len(keys)):
        if lex.tally_personnel.match(keys, i) is not None:
            return Subject("soldier", True, True)
        found = lex.subjects.match(keys, i)
        if found is not None and (best is None or found.end - found.start >= best[1]):
            best = (found.value, found.end - found.start)
    if best is not None:
        return Subject("soldier", True, True) if best[0].person else best[0]
    for word in words:
        if word.kind == "model":
            from .models import model_subject

            return model_subject(word.low)
    return None


def _approximate(words: str, lex: InflectedLexicon) -> bool:
    if not words.strip():
        return False
    tokens = words_of(Sentence(words, 0, len(words)), lex.language)
    keys = [token.key for token in tokens]
    return any(lex.bounds.match(keys, i) is not None for i in range(len(keys)))


def _value(text: str) -> int:
    return int(re.sub(r"\D", "", text))
