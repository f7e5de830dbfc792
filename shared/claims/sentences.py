"""Split text into sentences, keeping each one's character offsets in the input."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A full stop after one of these does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen lt col maj sgt capt cpt cmdr adm st no nos jan feb mar apr jun jul aug
    sep sept oct nov dec gov rep sen prof inc ltd co corp vs approx est dept fig vol pp
    u.s u.n u.k e.g i.e etc al rev mt ft brig pvt cpl
    тыс тис млн млрд г гг р рр ул обл им ген ст кв км т.д т.п проф нач зам ед од пр""".split()
)
# End of a sentence: terminal punctuation, optional closing quotes or brackets, then space.
_BOUNDARY = re.compile(
    r"""[.!?]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[A-Z0-9\u0400-\u042f\u0404-\u0407\u0490\u0531-\u0556ƏÇĞİÖŞÜ])"""
    r"""|[։:]["'”’»)\]]*(?=\s+["'“‘«(\[]?[\u0531-\u0556])|(?<!\d)։(?=\s)"""
    r"|(?<=\d)։(?=\s+(?!\d\d(?!\d)))"  # "ժամը 16։ 20-ն": a clock time, its "։" written with a space
    r"|(?<=[a-z]{3})[.!?](?=[A-Z][a-z])"  # "… in the world.What is the Gaza Strip?": a lost space
)
_LINE = re.compile(r"[^\n\r]+")
_WORD_BEFORE = re.compile(r"([\w.]+)[.]$")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        cut = line.start()
        for boundary in _BOUNDARY.finditer(text, line.start(), line.end()):
            if _is_abbreviation(text[line.start() : boundary.start() + 1]):
                continue
            _append(sentences, text, cut, boundary.end())
            cut = boundary.end()
        _append(sentences, text, cut, line.end())
    return sentences


def _is_abbreviation(before: str) -> bool:
    if not before.endswith("."):
        return False
    match = _WORD_BEFORE.search(before)
    if match is None:
        return False
    word = match.group(1).lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(text[start:end], start, end))
