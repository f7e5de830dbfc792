"""What a story reports, as weighted keys that any language can share: the first step of the
incident decision, pure and cheap (a story's first item is read once, when the story starts).

Keys, by channel (the prefix):

- ``w:`` words of its language (their first six letters: a crude stem for every language);
- ``s:`` names in any script, by consonant skeleton (`names.py`): places, people, units;
- ``c:`` kinds of event and things (`concepts.py`): missile, killed, bridge, ceasefire…;
- ``q:`` counts, bare and with the concept next to them (``q:killed=7``);
- ``d:`` calendar dates the text names (read as dedupe's facts read them);
- ``a:`` who is named: belligerents, their ministries, forces and officials, by the claims
  library's who-is-who registry (`shared/claims/registry`), in any of its languages.

Weights come later, from how rare each key is among recent stories (`weights.py`).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from services.dedupe.incidents.concepts import FOLLOW_UPS, concept_of
from services.dedupe.incidents.names import name_keys
from services.dedupe.incidents.stopwords import STOPWORDS
from shared.claims.folding import fold
from shared.claims.registry import registry
from shared.text.digits import fold_digits

MAX_WORDS = 200
"""A report's first words say what happened; the rest of a long article adds cost, not evidence."""
STEM = 6
MIN_WORD = 4
CHANNELS = ("w", "s", "c", "q", "d", "a")
_TOKEN = re.compile(r"\d+(?:[.,]\d{3})*|[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_YEARS = range(1900, 2101)


@dataclass(frozen=True, slots=True)
class Report:
    keys: dict[str, float]
    """Key → term count (the title counts twice)."""
    time: datetime
    dates: frozenset[str]
    """``m-d`` of the dates named."""
    language: str | None = None
    follow_ups: frozenset[str] = frozenset()
    """Follow-up events its headline names (a funeral, a commemoration: events of their own)."""

    def channel(self, prefix: str) -> dict[str, float]:
        return {k: v for k, v in self.keys.items() if k[0] == prefix}


def _number(token: str) -> int | None:
    if not token[0].isdigit():
        return None
    value = int(token.replace(",", "").replace(".", ""))
    return None if value < 2 or value in _YEARS or value > 1_000_000 else value


_WordKeys = tuple[str | None, str | None, tuple[str, ...], str]
_WORDS_LIMIT = 500_000
_TURKIC = frozenset({"az", "tr"})
_WORDS: dict[str | None, dict[str, _WordKeys]] = {None: {}, **{lang: {} for lang in _TURKIC}}
"""Memo of `_word_keys` by word as written, one per way of reading names (Turkic or not)."""


def _memo(language: str | None) -> dict[str, _WordKeys]:
    return _WORDS[language if language in _TURKIC else None]


def _word_keys(word: str, language: str | None) -> _WordKeys:
    """(word key, concept, name keys, folded form) of a word as written, memoised: news
    vocabulary repeats."""
    memo = _memo(language)
    found = memo.get(word)
    if found is not None:
        return found
    folded = word.casefold()
    stem = "w:" + folded[:STEM] if len(folded) >= MIN_WORD and folded not in STOPWORDS else None
    names = tuple("s:" + k for k in name_keys(word, language)) if len(word) >= MIN_WORD and not word[0].islower() else ()
    found = (stem, concept_of(folded), names, fold(word).removesuffix("'s"))
    if len(memo) >= _WORDS_LIMIT:
        memo.clear()
    memo[word] = found
    return found


def _actors(folded: list[str]) -> list[str]:
    """``a:<entity id>`` for each name of the registry in the words (the longest at each place)."""
    by_first = registry().by_first_word
    found, i = [], 0
    while i < len(folded):
        best = 0
        for name, entity in by_first.get(folded[i], ()):
            if len(name) > best and tuple(folded[i : i + len(name)]) == name:
                best, key = len(name), sys.intern("a:" + entity.id)
        if best:
            found.append(key)
            i += best
        else:
            i += 1
    return found


def read_report(title: str, text: str, time: datetime, facts: frozenset[str] = frozenset(),
                language: str | None = None) -> Report:
    """The keys of a story's item (title and body, boilerplate already left out) and the dates
    among its dedupe facts."""
    keys: Counter[str] = Counter()
    title_words = _TOKEN.findall(fold_digits(title))
    words = title_words * 2 + _TOKEN.findall(fold_digits((text or "")[: MAX_WORDS * 12]))[:MAX_WORDS]
    memo = _memo(language)
    read = [memo.get(w) or _word_keys(w, language) for w in words]
    headline = {read[i][1] for i, w in enumerate(title_words) if not w[0].isdigit()}
    concept_at: dict[int, str] = {}
    numbers: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        if word[0].isdigit():
            value = _number(word)
            if value is not None:
                numbers.append((i, value))
            continue
        stem, concept, names, _ = read[i]
        if stem is not None:
            keys[stem] += 1
        if concept is not None:
            keys["c:" + concept] += 1
            concept_at[i] = concept
        for key in names:
            keys[key] += 1
    for actor in _actors([r[3] for r in read]):
        keys[actor] += 1
    for i, value in numbers:
        keys[f"q:{value}"] += 1
        for j in (i + 1, i + 2, i - 1):
            if j in concept_at:
                keys[f"q:{concept_at[j]}={value}"] += 1
                break
    dates = frozenset(f[2:] for f in facts if f.startswith("d:"))
    for day in dates:
        keys["d:" + day] += 1
    return Report(dict(keys), time, dates, language, frozenset(headline & FOLLOW_UPS))
