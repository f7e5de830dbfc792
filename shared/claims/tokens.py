"""Split a sentence into tokens that keep their character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}(?![A-Za-z])                 # U.S., U.N.
  | \d+(?:-[^\W\d_][^\W_]*)+                      # 30-day, 18-year-old, 2S19-like codes
  | \d{1,3}(?:,\d{3})+(?![\d])                    # 1,381
  | \d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,]) # 1 300 (spaces as group separators)
  | \d+(?:\.\d+)?(?:[^\W\d_][^\W_]*)?              # 2016, 1.5, 9K33, 24h
  | [^\W\d_][^\W_]*(?:[-'’/.][^\W_]+)*              # words, T-72, Azerbaijan's, cease-fire
  | \S                                             # any other single character
    """,
    re.VERBOSE,
)
_POSSESSIVE = re.compile(r"['’]s$")
_NUMBER = re.compile(r"\d{1,3}(?:[, \u00a0\u202f\u2009]\d{3})+|\d+")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    low: str
    """Lower case, possessive 's removed, curly apostrophe straightened."""
    start: int
    end: int
    possessive: bool = False

    @property
    def is_number(self) -> bool:
        return _NUMBER.fullmatch(self.text) is not None

    @property
    def value(self) -> int:
        return int(re.sub(r"\D", "", self.text))

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        low = raw.lower().replace("’", "'")
        possessive = bool(_POSSESSIVE.search(low)) and len(low) > 2
        if possessive:
            low = low[:-2]
        tokens.append(Token(raw, low, offset + match.start(), offset + match.end(), possessive))
    return tokens
