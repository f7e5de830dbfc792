"""Counts in an inflected language: digits with any separator ("31 050", "31.050", "31,050"), a
decimal with a scale word ("14,2 тысячи", "1,7 млн"), number words ("четыре", "чотири", "չորս",
"dörd", "on dörd", "півтори тисячі"), vague amounts ("десятки", "yüzlərlə"), bounds before
("более", "понад", "ավելի քան", "təxminən") and after ("200-ից ավելի", "550 nəfərdən artıq",
"130-dək"), ranges ("350-360")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.inflected import InflectedLexicon
from .words import View

_THOUSANDS = re.compile(r"\d{1,3}(?:([ .,\u00a0\u202f\u2009])\d{3})+")
_RANGE_DASHES = frozenset({"-", "–", "—", "‒"})


@dataclass(frozen=True, slots=True)
class Quantity:
    min: int | None
    max: int | None
    approximate: bool
    start: int
    end: int
    plain: int | None = None
    """The number as written, when it is one plain integer (years are told apart by it)."""
    bounded_after: bool = False


def parse_quantity(view: View, lex: InflectedLexicon, i: int) -> Quantity | None:
    start = i
    bound = None
    for _ in range(2):  # "щонайменше майже 14 тис."
        found = view.match(lex.bounds, i)
        if found is None:
            break
        bound = bound if bound in ("min", "max") else found.value
        i = found.end
        if i < len(view.words) and view.words[i].low == ",":
            i += 1  # "Как минимум, один человек": a bound set off by a comma
    core = _core(view, lex, i)
    if core is None:
        return None
    low, high, approximate, i, plain = core
    if bound == "min":
        high = None
    elif bound == "max":
        low = None
    elif bound in ("approx", "near"):
        approximate = True
    suffix_bound = lex.bound_suffixes.get(view.words[i - 1].suffix) if view.is_number(i - 1) else None
    after = view.match(lex.bounds_after, i)
    bounded = False
    if suffix_bound is not None or after is not None:
        low, high, approximate, bounded = _bounded(low, high, approximate, suffix_bound or after.value)
        i = after.end if after is not None else i
    return Quantity(low, high, approximate, start, i, plain if bound is None and not bounded else None, bounded)


def after_bound(view: View, lex: InflectedLexicon, quantity: Quantity, k: int) -> tuple[Quantity, int]:
    """A bound after the counter or noun that follows the number: "550 nəfərdən artıq", "30 nəfərədək"."""
    if quantity.bounded_after:
        return quantity, k
    word = view.words[k - 1] if k > 0 else None
    suffix = next((value for ending, value in lex.bound_suffixes.items() if word and word.low.endswith(ending)), None)
    after = view.match(lex.bounds_after, k)
    value = after.value if after is not None else suffix
    if value is None:
        return quantity, k
    low, high, approximate, _ = _bounded(quantity.min, quantity.max, quantity.approximate, value)
    end = after.end if after is not None else k
    return Quantity(low, high, approximate, quantity.start, max(quantity.end, end), None, True), end


def _bounded(low, high, approximate, value):
    if value == "min":
        return low, None, approximate, True
    if value == "max":
        return None, high, approximate, True
    return low, high, True, True


def _core(view: View, lex: InflectedLexicon, i: int):
    """(min, max, approximate, end, plain) of the number, range or vague amount at `i`."""
    if i >= len(view):
        return None
    vague = view.match(lex.vague, i)
    if vague is not None:
        low, high = vague.value
        return low, high, True, vague.end, None
    word = view.words[i]
    if word.kind == "number":
        if word.suffix in lex.ordinal_suffixes or word.suffix in lex.months or _dated(view, lex, i):
            return None
        scale, end = _scale(view, lex, i + 1)
        value = _digits(word.digits, scale)
        if value is None:
            return None
        if scale == 1 and view.low(end) in _RANGE_DASHES and view.is_number(end + 1):
            second = _digits(view.words[end + 1].digits, 1)
            if second is not None and second > value and not view.words[end + 1].suffix in lex.ordinal_suffixes:
                return value, second, False, end + 2, None
        return value, value, False, end, value if scale == 1 else None
    return _words(view, lex, i)


def _dated(view: View, lex: InflectedLexicon, i: int) -> bool:
    """A day of a month ("Մարտի 25-ին", "sentyabrın 27-dən", "на 15 сентября"), not a count."""
    word = view.words[i]
    if not (word.digits.isdigit() and 1 <= int(word.digits) <= 31):
        return False
    return any(view.key(k) in lex.months or view.low(k) in lex.months for k in (i - 1, i + 1))


def _scale(view: View, lex: InflectedLexicon, i: int) -> tuple[int, int]:
    scale = lex.scales.get(view.key(i))
    if scale is None:
        return 1, i
    return scale, i + 2 if view.low(i + 1) == "." else i + 1


def _digits(text: str, scale: int) -> int | None:
    """The value of digits as written: separators of thousands, or a decimal before a scale word."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    if scale > 1 and re.fullmatch(r"\d+[.,]\d+", text):
        return round(float(text.replace(",", ".")) * scale)
    if text.isdigit():
        return int(text) * scale
    grouped = _THOUSANDS.fullmatch(text)
    if grouped is not None and len(set(re.findall(r"\D", text))) == 1:
        return int(re.sub(r"\D", "", text)) * scale
    return None


def _words(view: View, lex: InflectedLexicon, i: int):
    """Numbers in words: "двадцать пять", "on dörd", "півтори тисячі", "тысячу"."""
    total = 0.0
    j = i
    last = None
    rounded = False
    while j < len(view) and view.words[j].kind == "word":
        key = view.keys[j]
        value = lex.numbers.get(key)
        if value is not None and (last is None or last > value):
            total += value
            last = value
            rounded = rounded or key in lex.round_numbers
            j += 1
            continue
        scale = lex.scales.get(key)
        if scale is not None and (last is not None or key in lex.round_numbers):
            total = (total or 1) * scale
            rounded = rounded or last is None or last != int(last)
            last = 0
            j += 1
            break
        break
    if j == i:
        return None
    value = int(round(total))
    return value, value, rounded, j, None
