"""One sentence of an inflected language as the reader sees it: words with their keys, numbers
with the case ending glued to them ("200-ից", "77-yə", "114-й"), model codes kept whole ("Ми-24",
"BM-21", "Shahed-136/131"), times and dates apart ("24.02", "15։10")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..folding import fold
from ..phrases import Match, PhraseTable
from ..sentences import Sentence
from .morphology import keys

_TOKEN = re.compile(
    r"""
    (?P<model>[^\W\d_]+(?:-[^\W\d_]+)*-[^\W_]*\d[^\s,;:()«»"“”„]*    # Ми-24, BM-21, ТОС-1А, Бук-М2
      | \d+[^\W\d_]+\d\w*)                                        # 2S3, 9K33
  | (?P<time>\d{1,2}[:։]\d{2}|\d{1,2}\.\d{2}\.\d{2,4}|\d{1,2}\.\d{2}(?![\d.,]))  # 15:10, 24.02, 12.00
  | (?P<number>\d{1,3}(?:\.\d{3}){2,}(?!\d)                       # 3.000.000
      | \d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d]|[.,]\d)         # 459 530, 1 072 700
      | \d+(?:[.,]\d+)?)
    (?:-?(?P<suffix>[^\W\d_]+))?                                  # 200-ից, 1997թ, 2016-cı
  | (?P<word>[^\W\d_]+(?:[-'’ʼ][^\W\d_]+)*)
  | (?P<other>\S)
    """,
    re.VERBOSE,
)
_ABBREVIATION = re.compile(r"([^\W\d_]{2,})-([^\W\d_]+)")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    low: str
    key: str
    start: int
    end: int
    kind: str = "word"
    """word, number, model, time or other (punctuation)."""
    suffix: str = ""
    """A case ending glued to a number or an abbreviation ("ից" of "200-ից", "nın" of "PUA-nın")."""

    @property
    def digits(self) -> str:
        return self.text[: len(self.text) - len(self.suffix)].rstrip("-") if self.suffix else self.text


def words_of(sentence: Sentence, language: str) -> list[Word]:
    key_of = keys(language)
    found: list[Word] = []
    base = sentence.start
    for match in _TOKEN.finditer(sentence.text):
        raw, start, end = match.group(), base + match.start(), base + match.end()
        kind = match.lastgroup if match.lastgroup != "suffix" else "number"
        if match.group("number") is not None:
            suffix = fold(match.group("suffix") or "")
            found.append(Word(raw, fold(raw), fold(raw), start, end, "number", suffix))
            continue
        if kind == "word":
            glued = _ABBREVIATION.fullmatch(raw)
            if glued and glued.group(1).isupper() and not glued.group(2).isupper():
                stem = glued.group(1)  # ԱԹՍ-ներ, PUA-nın, MN-in: the abbreviation with its ending
                found.append(Word(raw, fold(raw), key_of(stem), start, end, "word", fold(glued.group(2))))
                continue
            found.append(Word(raw, fold(raw), key_of(raw), start, end, "word"))
            continue
        found.append(Word(raw, fold(raw), fold(raw), start, end, kind))
    return found


@dataclass
class View:
    """A sentence's words and their keys; phrase tables are matched on the keys."""

    sentence: Sentence
    language: str
    words: list[Word] = field(init=False)
    keys: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.words = words_of(self.sentence, self.language)
        self.keys = [word.key for word in self.words]

    def __len__(self) -> int:
        return len(self.words)

    def key(self, i: int) -> str:
        return self.keys[i] if 0 <= i < len(self.keys) else ""

    def low(self, i: int) -> str:
        return self.words[i].low if 0 <= i < len(self.words) else ""

    def match(self, table: PhraseTable, i: int) -> Match | None:
        return table.match(self.keys, i)

    def find_all(self, table: PhraseTable) -> list[Match]:
        return table.find_all(self.keys)

    def text(self, start: int, end: int) -> str:
        if start >= end:
            return ""
        base = self.sentence.start
        return self.sentence.text[self.words[start].start - base : self.words[end - 1].end - base]

    def is_number(self, i: int) -> bool:
        return 0 <= i < len(self.words) and self.words[i].kind == "number"
