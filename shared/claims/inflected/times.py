"""Whether a sentence of an inflected language tells of the past: a year or a dated day more
than a month before the article ("18 февраля 2015 года", "1994-cü ildə", "2016-ին"), or words
that name the past ("прошлого года", "ötən il", "годовщина"). A period that reaches the present
("с 24 февраля 2022 года") and a birth year ("1974 года рождения", "1997թ. ծնված") are not."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from ..lexicon.inflected import InflectedLexicon
from .words import View

RECENT = timedelta(days=31)


def is_past(view: View, lex: InflectedLexicon, published: date | None) -> bool:
    if view.find_all(lex.past):
        return True
    if published is None:
        return False
    for i, word in enumerate(view.words):
        if word.kind != "number":
            continue
        year = _year(view, lex, i)
        if year is None:
            continue
        if _since(view, lex, i) or _birth(view, lex, i):
            continue
        month, day = _month_day(view, lex, i)
        last = _last_day(year, month, day)
        if last < published - RECENT:
            return True
    return False


def _year(view: View, lex: InflectedLexicon, i: int) -> int | None:
    word = view.words[i]
    digits = word.digits
    if not (digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) <= 2100):
        return None
    yearish = word.suffix or view.match(lex.year_words, i + 1) is not None or _month_day(view, lex, i)[0] is not None
    return int(digits) if yearish or view.low(i - 1) in ("в", "у", "in", "з", "с") else None


def _month_day(view: View, lex: InflectedLexicon, i: int) -> tuple[int | None, int | None]:
    """ "18 февраля 2015", "sentyabrın 27-dən 2020": the month (and day) before a year."""
    for k in (i - 1, i - 2):
        month = lex.months.get(view.key(k)) or lex.months.get(view.low(k))
        if month is not None:
            day_word = view.words[k - 1] if k - 1 >= 0 else None
            day = int(day_word.digits) if day_word is not None and day_word.kind == "number" and day_word.digits.isdigit() and 1 <= int(day_word.digits) <= 31 else None
            return month, day
    return None, None


def _last_day(year: int, month: int | None, day: int | None) -> date:
    if month is None:
        return date(year, 12, 31)
    if day is None:
        return date(year, month, calendar.monthrange(year, month)[1])
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 1)


def _since(view: View, lex: InflectedLexicon, i: int) -> bool:
    for k in range(max(0, i - 4), i):
        if view.match(lex.since, k) is not None:
            return True
    return view.words[i].suffix in ("dən", "dan", "ից") or view.key(i + 1) in ("ից", "-dən")


def _birth(view: View, lex: InflectedLexicon, i: int) -> bool:
    for k in range(max(0, i - 2), min(len(view), i + 4)):
        if view.match(lex.birth_words, k) is not None:
            return True
    return False
