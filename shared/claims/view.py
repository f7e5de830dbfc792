"""One sentence as the extractor sees it: tokens, their lower-case words, the lexicon."""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Lexicon
from .phrases import Match, PhraseTable
from .sentences import Sentence
from .tokens import Token, tokenize

_CLAUSE_PUNCTUATION = frozenset({",", ";", ":", "—", "–", "(", ")"})
_PUNCTUATION = frozenset(",;:.!?()[]\"“”'‘’«»—–-‒/")


@dataclass
class SentenceView:
    sentence: Sentence
    lex: Lexicon
    tokens: list[Token] = field(init=False)
    words: list[str] = field(init=False)
    _clause_starts: list[int] | None = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        self.tokens = tokenize(self.sentence.text, self.sentence.start)
        self.words = [token.low for token in self.tokens]

    def __len__(self) -> int:
        return len(self.tokens)

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    def match(self, table: PhraseTable, i: int) -> Match | None:
        return table.match(self.words, i)

    def is_punct(self, i: int) -> bool:
        return self.word(i) in _PUNCTUATION

    def text(self, start: int, end: int) -> str:
        """The sentence text covered by tokens start..end-1, as written."""
        if start >= end:
            return ""
        base = self.sentence.start
        return self.sentence.text[self.tokens[start].start - base : self.tokens[end - 1].end - base]

    def clause_start(self, i: int) -> int:
        """Index of the first token of the comma- or break-delimited clause holding `i`."""
        if self._clause_starts is None:
            starts = [0]
            for j, word in enumerate(self.words):
                is_break = word in _CLAUSE_PUNCTUATION or self.match(self.lex.clause_breaks, j) is not None
                starts.append(j + 1 if is_break else starts[-1])
            self._clause_starts = starts
        return self._clause_starts[min(max(i, 0), len(self.words))]

    def segment_bounds(self, i: int) -> tuple[int, int]:
        """The stretch around `i` between strong breaks (";", "but", "while", ...)."""
        start, end = 0, len(self.words)
        for j in range(i - 1, -1, -1):
            if self.words[j] in (";", "but", "while", "whereas", "although", "however"):
                start = j + 1
                break
        for j in range(i + 1, len(self.words)):
            if self.words[j] in (";", "but", "while", "whereas", "although", "however"):
                end = j
                break
        return start, end
