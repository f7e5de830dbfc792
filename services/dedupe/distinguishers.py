"""Numbers, dates and places that tell two similar reports apart.

"12 drones downed on Monday" and "9 drones downed on Tuesday" share most of
their words but are two events; merging them would swallow an alert. Facts
are plain strings so a story can keep the union of its members' facts (a set
in memory, rows in PostgreSQL):

- ``n:<word>=<value>`` a number and each content word near it in its sentence, with the side
  it stands on — the sentence role: ``>`` after the number (what is counted), ``<`` before it
  ("12 drones downed" → ``n:>drone=12``, ``n:>downed=12``; "the toll rose to 245" →
  ``n:<toll=245``), so "122 companies" and "companies: 44,000" are no conflict;
- ``w:<weekday>`` a weekday named, in any language of ``calendar_words``;
- ``d:<month>-<day>`` a calendar date, however written: "24 February", "February 24",
  "24 лютого", "24.02", "24.02.2023", "24/2/2023", "2023-02-24" are all ``d:2-24``;
- ``t:<month>-<day>`` the date a text gives as *today* ("today, Sunday 26/4/2020", "heute,
  24. Februar"): two announcements of one template on different days differ there;
- ``p:<word>=<place>`` a capitalised name after in/near/at/outside, keyed by
  the content word before it ("fighting near Martakert" → ``p:fighting=martakert``).

Two fact sets conflict when they speak of the same thing with nothing in
common: a word counted (or placed) in both with disjoint values, one of them
absent from the other text altogether; or weekdays (dates) named in both with
none shared. A copy trimmed of a number, or one adding a figure about
something else, does not conflict. Digits of every script count as digits (``٦`` is 6), and
numbers in a headline do not count when there is a body: each outlet frames its own headline
("122 firms a day" over "44,000 firms in a year").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from services.dedupe.calendar_words import MONTHS as _LOCAL_MONTHS
from services.dedupe.calendar_words import WEEKDAYS as _LOCAL_WEEKDAYS
from shared.text.digits import fold_digits

CONTEXT_WORDS = 2

_ABBREVIATIONS = "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Mr Mrs Ms Dr Gen Col Lt St Gov Sen".split()
_SENTENCE = re.compile(
    r"(?<=[.!?;:])" + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS) + r"\s+|\n+"
)
"""Sentence ends, but not after "Sept." / "No." / "Gen."."""
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC_DATE = re.compile(
    r"(?<![\d.,/])(?P<day>\d{1,2}) ?(?P<sep>[./]) ?(?P<month>\d{1,2})"
    r"(?: ?(?P=sep) ?(?P<year>\d{4}|\d{2}))?(?![\d/]|[.,]\d)"
)
"""24.02, 24.02.2023, 24.02.22, 26/4/2020, "4 /6 /2020". A two-part "24.02" counts only with a
two-digit month ("3.5" is a decimal)."""
_ORDINAL_DAY = re.compile(
    r"\b(\d{1,2})\.\s+(?=(?:" + "|".join(sorted(_LOCAL_MONTHS, key=len, reverse=True)) + r")\b)", re.IGNORECASE
)
"""German and Scandinavian "24. Februar": the day's period is no sentence end."""
_TODAY_WORDS = frozenset(
    "today heute aujourd'hui aujourd hui hoy oggi hoje bugün сегодня сьогодні այսօր bu gün bugun اليوم".split()
)
_TODAY_BEFORE = re.compile(
    r"(?:^|[^\w])(?:today|heute|aujourd.hui|hoy|oggi|hoje|bugün|сегодня|сьогодні|այսօր|اليوم)"
    r"[^\w]+(?:[^\W\d]+[^\w]+){0,2}$",
    re.IGNORECASE,
)
"""A "today" word, then at most two words (a weekday), right before a date."""
_APOSTROPHE_THOUSANDS = re.compile(r"(\d)['’](\d{3})\b")
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
} | _LOCAL_MONTHS
_WEEKDAYS = dict(_LOCAL_WEEKDAYS)
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
        if any(t in _TODAY_WORDS for t in tokens[max(0, day_at - 3) : day_at]):
            facts.add("t:" + fact[2:])
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
    """Content words near a number, each with its side: ``<word`` before, ``>word`` after."""
    words: list[str] = []
    for step, side in ((-1, "<"), (1, ">")):
        found, j = 0, at + step
        while 0 <= j < len(tokens) and found < CONTEXT_WORDS and numbers[j] is None:
            tok = tokens[j]
            if tok not in _STOPWORDS and len(tok) > 2 and tok not in _MONTHS and tok not in _WEEKDAYS:
                words.append(side + _stem(tok))
                found += 1
            j += step
    return words


def _numeric_dates(text: str) -> tuple[set[str], str]:
    """The dates written in digits, and the text without them (their numbers are no counts)."""
    facts: set[str] = set()
    if "-" in text:
        facts = {f"d:{int(m[2])}-{int(m[3])}" for m in _ISO_DATE.finditer(text)}
        if facts:
            text = _ISO_DATE.sub(" ", text)
    if "." not in text and "/" not in text:
        return facts, text

    def date(match: re.Match[str]) -> str:
        day, month = int(match["day"]), int(match["month"])
        if not (1 <= day <= 31 and 1 <= month <= 12) or (match["year"] is None and len(match["month"]) != 2):
            return match[0]
        facts.add(f"d:{month}-{day}")
        if _TODAY_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            facts.add(f"t:{month}-{day}")
        return " "

    return facts, _NUMERIC_DATE.sub(date, text)


def _text_facts(text: str) -> set[str]:
    text = fold_digits(text or "")
    if "'" in text or "’" in text:
        text = _APOSTROPHE_THOUSANDS.sub(r"\1\2", text)
    facts, text = _numeric_dates(text)
    if "." in text:
        text = _ORDINAL_DAY.sub(r"\1 ", text)
    for sentence in _SENTENCE.split(text):
        if _may_hold_facts(sentence):
            facts |= _sentence_facts(sentence)
    return facts


HEADLINE_NUMBERS_UNTIL = 8
"""A headline's numbers count only when the body has fewer words than this."""


def extract_facts(text: str, title: str = "") -> frozenset[str]:
    """Facts of a body and its headline. Places come from the body only: each
    outlet writes its own headline and often names the wider region there; the
    headline's numbers too, unless there is hardly any body."""
    facts = _text_facts(text)
    if title:
        short_body = len((text or "").split()) < HEADLINE_NUMBERS_UNTIL
        facts |= {f for f in _text_facts(title) if not f.startswith("p:") and (short_body or not f.startswith("n:"))}
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
