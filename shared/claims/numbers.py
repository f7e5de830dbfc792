"""Read a quantity at a token position: digits, words, vague amounts, bounds and ranges.

"more than 200" -> min 200; "up to 1,300" -> max 1300; "about 20" -> 20..20, approximate;
"dozens" -> 24..99, approximate; "between 10 and 15" -> 10..15; "another 12" -> an increment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import Lexicon
from .tokens import Token


@dataclass(frozen=True, slots=True)
class Quantity:
    min: int | None
    max: int | None
    approximate: bool
    increment: bool
    start: int
    end: int
    """Token index after the quantity."""
    exact_value: int | None = None
    """The number as written when it is a plain number (used to tell years apart)."""


def parse_number(tokens: Sequence[Token], words: Sequence[str], i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A number as digits or words at `i`: (value, end index)."""
    if i >= len(tokens):
        return None
    if tokens[i].is_number:
        value, end = tokens[i].value, i + 1
        if _is_decimal_scale(words, i):
            return int(float(words[i]) * lex.scales[words[i + 1]]), i + 2
        if end < len(words) and words[end] in lex.scales and words[end] != "hundred":
            return value * lex.scales[words[end]], end + 1
        return value, end
    if _is_decimal_scale(words, i):
        return int(float(words[i]) * lex.scales[words[i + 1]]), i + 2
    return _word_number(words, i, lex)


def _is_decimal_scale(words: Sequence[str], i: int) -> bool:
    if i + 1 >= len(words) or words[i + 1] not in ("million", "billion", "thousand"):
        return False
    try:
        float(words[i])
    except ValueError:
        return False
    return True


def _word_number(words: Sequence[str], i: int, lex: Lexicon) -> tuple[int, int] | None:
    """Numbers in words: "four", "twenty-three", "one hundred and twenty", "a thousand"."""
    total = current = 0
    last = None  # kind of the previous word: "unit", "ten" or "scale"
    j = i
    if j + 1 < len(words) and words[j] in ("a", "an") and words[j + 1] in lex.scales:
        current, last, j = 1, "unit", j + 1
    while j < len(words):
        word = words[j]
        small = _small_number(word, lex)
        if small is not None:
            kind = "unit" if small < 20 or "-" in word else "ten"
            fits_after_ten = last == "ten" and small < 10 and "-" not in word
            if last not in (None, "scale") and not fits_after_ten:
                break
            current += small
            last = kind
        elif word in lex.scales and last is not None:
            if lex.scales[word] == 100:
                current *= 100
            else:
                total, current = total + current * lex.scales[word], 0
            last = "scale"
        elif word in lex.number_joiners and last == "scale" and _small_number(_at(words, j + 1), lex) is not None:
            pass
        else:
            break
        j += 1
    if last is None:
        return None
    return total + current, j


def _small_number(word: str, lex: Lexicon) -> int | None:
    """1..99 written as one word ("seven", "forty", "twenty-three")."""
    parts = word.split("-")
    if len(parts) > 2 or not all(part in lex.units or part in lex.tens for part in parts):
        return None
    if len(parts) == 2 and not (parts[0] in lex.tens and parts[1] in lex.units):
        return None
    return sum(lex.units.get(part, 0) + lex.tens.get(part, 0) for part in parts)


def _at(words: Sequence[str], i: int) -> str:
    return words[i] if i < len(words) else ""


def parse_quantity(tokens: Sequence[Token], words: Sequence[str], i: int, lex: Lexicon) -> Quantity | None:
    """The quantity starting at `i`, with its bound, range and increment markers."""
    start = i
    increment = False
    found = lex.increment_before.match(words, i)
    if found is not None:
        increment, i = True, found.end
    bound = None
    found = lex.bounds.match(words, i)
    if found is not None:
        bound, i = found.value, found.end
    core = _core(tokens, words, i, lex)
    if core is None:
        return None
    low, high, approximate, i, plain = core
    if bound == "min":
        high = None
    elif bound == "max":
        low = None
    elif bound == "near":
        low, approximate = None, True
    elif bound == "approx":
        approximate = True
    found = lex.trailing_min.match(words, i)
    if found is not None:
        high, i = None, found.end
    if i < len(words) and words[i] in lex.increment_after and words[i] not in ("other", "others"):
        increment = True
        i += 1
    exact = plain if bound is None and not increment else None
    return Quantity(low, high, approximate, increment, start, i, exact)


_QUOTES = frozenset({"'", '"', "‘", "“", "”", "«", "»"})


def _core(tokens: Sequence[Token], words: Sequence[str], i: int, lex: Lexicon):
    """(min, max, approximate, end, plain value) of a number, range or vague amount."""
    if i + 2 < len(words) and words[i] in _QUOTES:
        quoted = lex.vague.match(words, i + 1)  # ‘Dozens’ of Israelis: the marks do not hide the count
        if quoted is not None and _at(words, quoted.end) in _QUOTES:
            low, high = quoted.value
            return low, high, True, quoted.end + 1, None
    vague = lex.vague.match(words, i)
    number = parse_number(tokens, words, i, lex)
    if vague is not None and (number is None or vague.end > number[1]):
        low, high = vague.value
        return low, high, True, vague.end, None
    if number is None:
        if i < len(words) and words[i] == "between":
            first = parse_number(tokens, words, i + 1, lex)
            if first and first[1] < len(words) and words[first[1]] == "and":
                second = parse_number(tokens, words, first[1] + 1, lex)
                if second:
                    return first[0], second[0], False, second[1], None
        return None
    value, end = number
    if end < len(words) and words[end] == lex.dozen:
        return value * 12, value * 12, True, end + 1, None
    if end + 1 < len(words) and words[end] in ("to", "-", "–", "or"):
        second = parse_number(tokens, words, end + 1, lex)
        if second and second[0] > value:
            return value, second[0], False, second[1], None
    rounded = end - i == 2 and "." in words[i] and words[i + 1] in lex.scales  # "1.2 million" is a rounded figure
    return value, value, rounded, end, value
