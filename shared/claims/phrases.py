"""Longest-match lookup of multi-word phrases over token sequences."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Match(Generic[V]):
    value: V
    start: int
    end: int
    """Index after the last token."""


class PhraseTable(Generic[V]):
    """Phrases (space-separated words) mapped to values; the longest phrase wins."""

    def __init__(self, entries: Iterable[tuple[str, V]] = ()) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        self._tails: dict[str, list[tuple[list[str], V]]] = {}
        self._longest = 0
        """Words in the longest phrase: how far back `match_ending` looks."""
        for phrase, value in entries:
            self.add(phrase, value)

    @classmethod
    def of(cls, groups: Mapping[V, Iterable[str]]) -> PhraseTable[V]:
        """A table from {value: [phrases]}."""
        return cls((phrase, value) for value, phrases in groups.items() for phrase in phrases)

    @classmethod
    def flat(cls, phrases: Iterable[str]) -> PhraseTable[str]:
        """A table whose values are the phrases themselves."""
        return cls((phrase, phrase) for phrase in phrases)

    def add(self, phrase: str, value: V) -> None:
        words = tuple(phrase.split())
        bucket = self._by_first.setdefault(words[0], [])
        bucket[:] = [entry for entry in bucket if entry[0] != words]
        bucket.append((words, value))
        bucket.sort(key=lambda entry: -len(entry[0]))
        self._longest = max(self._longest, len(words))
        self._tails[words[0]] = [(list(words[1:]), value) for words, value in bucket]

    def match(self, words: Sequence[str], i: int) -> Match[V] | None:
        if i >= len(words):
            return None
        tails = self._tails.get(words[i])
        if tails is None:
            return None
        for tail, value in tails:
            end = i + 1 + len(tail)
            if not tail or words[i + 1 : end] == tail:
                return Match(value, i, end)
        return None

    def match_ending(self, words: Sequence[str], end: int) -> Match[V] | None:
        """The longest phrase that ends just before index `end` (the first found from the left)."""
        for start in range(max(0, end - self._longest), end):
            found = self.match(words, start)
            if found is not None and found.end == end:
                return found
        return None

    def find_all(self, words: Sequence[str], start: int = 0, end: int | None = None) -> list[Match[V]]:
        """Non-overlapping matches, left to right."""
        end = len(words) if end is None else end
        found: list[Match[V]] = []
        i = start
        while i < end:
            match = self.match(words, i)
            if match is not None and match.end <= end:
                found.append(match)
                i = match.end
            else:
                i += 1
        return found

    def __contains__(self, phrase: str) -> bool:
        words = tuple(phrase.split())
        return any(entry[0] == words for entry in self._by_first.get(words[0], ()))
