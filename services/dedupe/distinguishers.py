"""Numbers, dates and places that tell two similar reports apart.

"12 drones downed on Monday" and "9 drones downed on Tuesday" share most of
their words but are two events; merging them would swallow an alert. Facts
are plain strings so a story can keep the union of its members' facts (a set
in memory, rows in PostgreSQL):

- ``n:<word>=<value>`` a number and each content word near it in its sentence
  ("12 drones downed" → ``n:drone=12``, ``n:downed=12``);
- ``w:<weekday>`` a weekday named;
- ``d:<month>-<day>`` a calendar date named;
- ``p:<word>=<place>`` a capitalised name after in/near/at/outside, keyed by
  the content word before it ("fighting near Martakert" → ``p:fighting=martakert``).

Two fact sets conflict when they speak of the same thing with nothing in
common: a word counted (or placed) in both with disjoint values, one of them
absent from the other text altogether; or weekdays (dates) named in both with
none shared. A copy trimmed of a number, or one adding a figure about
something else, does not conflict.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

CONTEXT_WORDS = 2

_ABBREVIATIONS = "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Mr Mrs Ms Dr Gen Col Lt St Gov Sen".split()
_SENTENCE = re.compile(
    r"(?<=[.!?;:])" + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS) + r"\s+|\n+"
)
"""Sentence ends, but not after "Sept." / "No." / "Gen."."""
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_WEEKDAYS = {
    "monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu",
    "friday": "fri", "saturday": "sat", "sunday": "sun",
    "montag": "mon", "dienstag": "tue", "mittwoch": "wed", "donnerstag": "thu",
    "freitag": "fri", "samstag": "sat", "sonntag": "sun",
    "lundi": "mon", "mardi": "tue", "mercredi": "wed", "jeudi": "thu",
    "vendredi": "fri", "samedi": "sat", "dimanche": "sun",
}
_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {w: str(10 * n) for n, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)}
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside"})
_STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but as is are was were be been
    has have had it its this that these those their his her they he she we our
    than more less least most about over under up down some all there here
    said says say also after before since during while which who whom whose
    not no into out off per than then when where what""".split()
)


_FACT_WORDS = frozenset(_NUMBER_WORDS) | frozenset(_MONTHS) | frozenset(_WEEKDAYS)
_DIGIT = re.compile(r"\d")
_PLACE_HINT = re.compile(r" (?:in|near|at|outside) [A-Z]")
_WORD = re.compile(r"[^\W\d_]+")


def _may_hold_facts(sentence: str) -> bool:
    """Cheap test that lets sentences without numbers, days or places skip tokenising."""
    return bool(
        _DIGIT.search(sentence)
        or _PLACE_HINT.search(sentence)
        or not _FACT_WORDS.isdisjoint(_WORD.findall(sentence.lower()))
    )


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _number(token: str) -> str | None:
    if not token[0].isdigit():
        return _NUMBER_WORDS.get(token)
    if "," not in token:
        return token
    if _THOUSANDS.fullmatch(token):
        return token.replace(",", "")
    return token.replace(",", ".")


def _dates(cased: list[str], tokens: list[str]) -> Iterable[tuple[str, int]]:
    """(date fact, index of the day token) for each "27 September" / "Sept. 27"
    ("may" counts only as "May": "the toll may rise" names no date)."""
    for i, tok in enumerate(tokens):
        month = _MONTHS.get(tok)
        if month is None or (tok == "may" and cased[i] != "May"):
            continue
        for j in (i + 1, i - 1, i - 2):
            if 0 <= j < len(tokens) and tokens[j].isdigit() and 1 <= int(tokens[j]) <= 31:
                yield f"d:{month}-{int(tokens[j])}", j
                break


def _sentence_facts(sentence: str) -> set[str]:
    facts: set[str] = set()
    cased = _TOKEN.findall(sentence)
    tokens = [t.casefold() for t in cased]
    facts.update(_places(cased, tokens))
    numbers = [_number(t) for t in tokens]
    for fact, day_at in _dates(cased, tokens):
        facts.add(fact)
        numbers[day_at] = None
    facts.update(f"w:{_WEEKDAYS[t]}" for t in tokens if t in _WEEKDAYS)
    for i, value in enumerate(numbers):
        if value is None:
            continue
        for word in _context(tokens, numbers, i):
            facts.add(f"n:{word}={value}")
    return facts


def _places(cased: list[str], tokens: list[str]) -> Iterable[str]:
    """``p:<word>=<place>`` for a capitalised name after "in"/"near"/"at"/"outside",
    keyed by the content word before the preposition ("fighting near Martakert")."""
    for i in range(2, len(tokens)):
        if tokens[i - 1] not in _PLACE_PREPOSITIONS or not cased[i][0].isupper():
            continue
        if tokens[i] in _MONTHS or tokens[i] in _WEEKDAYS:
            continue
        for j in range(i - 2, max(-1, i - 5), -1):
            if tokens[j] not in _STOPWORDS and len(tokens[j]) > 2 and _number(tokens[j]) is None:
                yield f"p:{_stem(tokens[j])}={tokens[i]}"
                break


def _context(tokens: list[str], numbers: list[str | None], at: int) -> list[str]:
    words: list[str] = []
    for step in (-1, 1):
        found, j = 0, at + step
        while 0 <= j < len(tokens) and found < CONTEXT_WORDS and numbers[j] is None:
            tok = tokens[j]
            if tok not in _STOPWORDS and len(tok) > 2 and tok not in _MONTHS and tok not in _WEEKDAYS:
                words.append(_stem(tok))
                found += 1
            j += step
    return words


def _text_facts(text: str) -> set[str]:
    text = unicodedata.normalize("NFKC", text or "")
    facts = {f"d:{int(m[2])}-{int(m[3])}" for m in _ISO_DATE.finditer(text)} if "-" in text else set()
    if facts:
        text = _ISO_DATE.sub(" ", text)
    for sentence in _SENTENCE.split(text):
        if _may_hold_facts(sentence):
            facts |= _sentence_facts(sentence)
    return facts


def extract_facts(text: str, title: str = "") -> frozenset[str]:
    """Facts of a body and its headline. Places come from the body only: each
    outlet writes its own headline and often names the wider region there."""
    facts = _text_facts(text)
    facts |= {f for f in _text_facts(title) if not f.startswith("p:")}
    return frozenset(facts)


def _grouped(facts: Iterable[str]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        kind, _, rest = fact.partition(":")
        if kind in ("n", "p"):
            word, _, value = rest.partition("=")
            groups[f"{kind}:{word}"].add(value)
        else:
            groups[kind].add(rest)
    return groups


def conflict(a: Iterable[str], b: Iterable[str]) -> str | None:
    """Why two fact sets describe different events, or None if they agree.

    A word counted in both with disjoint values conflicts only if one side's
    value appears nowhere among the other's numbers: a rewrite that moves a
    number away from its word keeps both numbers, while "toll 263, up from
    245" against "toll 245" still conflicts on 263.
    """
    ga, gb = _grouped(a), _grouped(b)
    numbers_a, numbers_b = _all_values(ga), _all_values(gb)
    for key in sorted(ga.keys() & gb.keys()):
        va, vb = ga[key], gb[key]
        if not va.isdisjoint(vb):
            continue
        if key[:2] in ("n:", "p:") and va <= numbers_b and vb <= numbers_a:
            continue
        return f"{key}: {sorted(va)} vs {sorted(vb)}"
    return None


def _all_values(groups: dict[str, set[str]]) -> set[str]:
    return {v for key, values in groups.items() if key[:2] in ("n:", "p:") for v in values}
