"""When a claim happened, and whether it is history rather than news.

A claim is historical when a time expression attached to it ends more than a month
before the article ("In 2016, ...", "the 1994 ceasefire", "killed in the 1990s war"),
or names the past outright ("years ago", "the first Karabakh war"). "since 2014"
reaches the present, so a toll "since 2014" is news.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .view import SentenceView

RECENT = timedelta(days=31)
_YEAR = re.compile(r"(19|20)\d\d")
_DECADE = re.compile(r"(19|20)\d0s")
_DETACHING = frozenset({",", ";", "after", "that", "which", "following", "before", "since", "when", "who", "while", "but", "until"})
_RANGE_ENDS = frozenset({"to", "until", "till", "-", "–", "and"})
_PRESENT = frozenset({"has", "have", "is", "are", "remains", "remain", "stands", "'ve", "now"})


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int
    end: int
    first: date | None
    last: date | None
    past: bool = False
    """Names the past whatever the article's date ("years ago")."""
    since: bool = False
    """Reaches the present ("since 2014")."""

    @property
    def day(self) -> date | None:
        return self.first if self.first is not None and self.first == self.last else None


def time_expressions(view: SentenceView, published: date | None) -> list[TimeExpression]:
    lex = view.lex
    found: list[TimeExpression] = []
    i = 0
    n = len(view)
    while i < n:
        past = view.match(lex.past_phrases, i)
        if past is not None:
            found.append(TimeExpression(past.start, past.end, None, None, past=True))
            i = past.end
            continue
        expression = _dated(view, i, published)
        if expression is not None:
            since = view.word(i - 1) in ("since", "from") and not _closed(view, expression[0], expression[1])
            found.append(TimeExpression(expression[0], expression[1], expression[2], expression[3], since=since))
            i = expression[1]
            continue
        i += 1
    return found


def _closed(view: SentenceView, start: int, end: int) -> bool:
    """ "from May until June", "from 2014 to 2016": a stretch with an end, not one reaching today."""
    return view.word(end) in ("to", "until", "till") or any(view.words[k] in _RANGE_ENDS for k in range(start, end))


def _dated(view: SentenceView, i: int, published: date | None):
    """(start, end, first day, last day) of a date, month, year or decade at `i`."""
    lex = view.lex
    word = view.words[i]
    token = view.tokens[i]
    if _DECADE.fullmatch(word):
        year = int(word[:4])
        return i, i + 1, date(year, 1, 1), date(year + 9, 12, 31)
    if token.text.isdigit() and _YEAR.fullmatch(word):
        year = int(word)
        last = _range_end(view, i, year)
        if last is not None:
            return i, i + 3, date(year, 1, 1), date(last, 12, 31)
        return i, i + 1, date(year, 1, 1), date(year, 12, 31)
    month = lex.months.get(word) if token.capitalized else None
    if month is not None and (word not in ("may", "march", "mar") or _month_context(view, i)):
        return _month_date(view, i, month, published)
    if token.text.isdigit() and 1 <= int(word) <= 31 and view.tokens[i + 1 : i + 2] and view.tokens[i + 1].capitalized and view.word(i + 1) in lex.months:
        found = _month_date(view, i + 1, lex.months[view.word(i + 1)], published, day=int(word))
        return i, found[1], found[2], found[3]
    season = _season(view, i, published)
    if season is not None:
        return season
    if word in lex.weekdays and published is not None:
        back = (published.weekday() - lex.weekdays[word]) % 7
        day = published - timedelta(days=back)
        return i, i + 1, day, day
    if word in ("yesterday", "overnight") and published is not None:
        day = published - timedelta(days=1)
        return i, i + 1, day, day
    if word == "today" and published is not None:
        return i, i + 1, published, published
    return None


def _range_end(view: SentenceView, i: int, year: int) -> int | None:
    """The last year of "2014-2016", "2014 to 2016", "between 2016 and 2020" or "1992-94"."""
    joiner, after = view.word(i + 1), view.word(i + 2)
    if joiner not in ("-", "–", "to", "and") or not after.isdigit():
        return None
    if _YEAR.fullmatch(after):
        return int(after)
    if joiner in ("-", "–") and len(after) == 2:
        last = year // 100 * 100 + int(after)
        return last if last >= year else last + 100
    return None


def _season(view: SentenceView, i: int, published: date | None):
    """ "during the spring", "last winter": the season's months, this year's unless still to come."""
    months = (view.lex.seasons or {}).get(view.words[i])
    before = view.word(i - 1)
    if months is None or published is None or before not in ("the", "last", "this", "in", "during"):
        return None
    if view.words[i] == "fall" and before not in ("the", "last", "this"):
        return None
    first, last = months
    year = published.year
    if (first, 1) > (published.month, published.day):
        year -= 1
    end_year = year + 1 if last < first else year
    start = i - 1 if before in ("last", "this") else i
    return start, i + 1, date(year, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1])


def _month_context(view: SentenceView, i: int) -> bool:
    near = (view.word(i - 1), view.word(i + 1))
    return near[0] in ("in", "on", "since", "of", "early", "late", "mid", "last", "until") or near[1].isdigit()


AHEAD = timedelta(days=92)
"""How far ahead of publication a date without a year may lie ("a ceasefire from October 10",
announced on the 7th); a date further ahead is last year's."""


def year_of(month: int, day: int | None, published: date) -> int:
    """The year of a month (and day) named without one: the nearest such date that is not more
    than `AHEAD` after publication (so early January's "December 28" is last year's)."""
    for year in (published.year + 1, published.year):
        if date(year, month, min(day or 1, calendar.monthrange(year, month)[1])) - published <= AHEAD:
            return year
    return published.year - 1


def _month_date(view: SentenceView, i: int, month: int, published: date | None, day: int | None = None):
    end = i + 1
    if day is None and view.word(end).isdigit() and 1 <= int(view.word(end)) <= 31:
        day, end = int(view.word(end)), end + 1
    if view.word(end) == ",":
        end_after_comma = end + 1
    else:
        end_after_comma = end
    year = None
    if _YEAR.fullmatch(view.word(end_after_comma)) and view.tokens[end_after_comma].text.isdigit():
        year, end = int(view.word(end_after_comma)), end_after_comma + 1
    if year is None:
        if published is None:
            return i, end, None, None
        year = year_of(month, day, published)
    if day is not None:
        try:
            moment = date(year, month, day)
        except ValueError:
            return i, end, None, None
        return i, end, moment, moment
    return i, end, date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def attached(view: SentenceView, expressions: list[TimeExpression], start: int, end: int, mention: tuple[int, int] | None = None) -> list[TimeExpression]:
    """The time expressions that say when the claim at tokens start..end happened."""
    seg_start, seg_end = view.segment_bounds(start)
    result = []
    for expression in expressions:
        if start <= expression.start < end:
            result.append(expression)
        elif end <= expression.start < seg_end and expression.start - end <= 9 and not any(
            view.words[k] in _DETACHING for k in range(end, expression.start)
        ):
            result.append(expression)
        elif seg_start <= expression.start and expression.end <= start and _dates_what_follows(view, expression, start, end):
            result.append(expression)
        elif mention is not None and _modifies(view, expression, mention):
            result.append(expression)
    return result


def dated_by_sentence(view: SentenceView, expressions: list[TimeExpression], published: date | None, start: int, end: int) -> list[TimeExpression]:
    """ "a raid in 1945 which sank the German cruiser Lützow": when nothing dates the claim itself,
    an earlier time named in its stretch of the sentence does, unless a recent time is named too
    or the claim reaches the present ("..., which began in 2014, has killed 14,000")."""
    if published is None:
        return []
    seg_start, seg_end = view.segment_bounds(start)
    inside = [e for e in expressions if seg_start <= e.start < seg_end]
    if any(e.since or e.last is None or e.last >= published - RECENT for e in inside if not e.past):
        return []
    earlier = []
    for expression in inside:
        if _reference_point(view, expression.start) or _in_aside(view, expression, start):
            continue
        between = range(min(expression.end, start), max(expression.start, end))
        if not any(view.words[k] in _PRESENT for k in between):
            earlier.append(expression)
    return earlier


def _dates_what_follows(view: SentenceView, expression: TimeExpression, start: int, end: int) -> bool:
    """ "In 2016, 200 people were killed", "The 2008 war killed ...": an earlier time in the
    same clause dates a claim told in the past tense; "has killed" reaches the present."""
    if _reference_point(view, expression.start) or _in_aside(view, expression, start):
        return False
    if any(view.words[k] in _DETACHING and view.words[k] != "," for k in range(expression.end, start)):
        return False
    return not any(view.words[k] in _PRESENT for k in range(expression.end, end))


def _in_aside(view: SentenceView, expression: TimeExpression, start: int) -> bool:
    """ "Armenia, which lost the 2016 clashes, said ...": a relative clause closed before the claim."""
    opened = any(view.words[k] in ("which", "who") and view.word(k - 1) == "," for k in range(view.clause_start(expression.start), expression.start))
    return opened and any(view.words[k] == "," for k in range(expression.end, start))


def _reference_point(view: SentenceView, i: int) -> bool:
    """ "after the 2020 war", "since 2014": a time the claim is measured from."""
    before = view.word(i - 1) if view.word(i - 1) not in ("the", "a") else view.word(i - 2)
    return before in ("after", "since", "following", "until", "before", "from")


def _modifies(view: SentenceView, expression: TimeExpression, mention: tuple[int, int]) -> bool:
    """ "the 1994 ceasefire", "the truce of 2016"."""
    if expression.end == mention[0] or (expression.end == mention[0] - 1 and view.word(expression.end) not in (",", "and")):
        return True
    return expression.start in (mention[1] + 1,) and view.word(mention[1]) in ("of", "in")


def is_historical(expressions: list[TimeExpression], published: date | None) -> bool:
    for expression in expressions:
        if expression.since:
            continue
        if expression.past:
            return True
        if published is not None and expression.last is not None and expression.last < published - RECENT:
            return True
    return False


def event_day(expressions: list[TimeExpression]) -> date | None:
    for expression in expressions:
        if expression.day is not None and not expression.since:
            return expression.day
    return None
