"""TF-IDF vectors of reports and incidents, and their cosines by channel.

A vector is built once: a story's when it is decided, an incident's when its profile is loaded;
comparing a story with a candidate then costs one lookup per key of the story.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

CHANNEL_WEIGHTS = {"w": 1.0, "s": 1.0, "c": 0.6, "q": 0.8, "d": 0.8, "a": 0.4}
FREE = frozenset("scqda")
"""The channels no language owns."""


def weight(key: str, count: float, idf: float) -> float:
    return (1 + math.log(count)) * idf * CHANNEL_WEIGHTS[key[0]] if count > 0 and idf > 0 else 0.0


@dataclass(frozen=True, slots=True)
class Vector:
    weights: dict[str, float]
    norm_words: float
    norm_free: float

    @property
    def norm_all(self) -> float:
        return math.hypot(self.norm_words, self.norm_free)

    @classmethod
    def of(cls, counts: Mapping[str, float], idf: Callable[[str], float] | Mapping[str, float]) -> Vector:
        """``idf``: a key's weight, or the weights of (at least) every key of ``counts``."""
        table = idf if isinstance(idf, Mapping) else {k: idf(k) for k in counts}
        weights = {}
        words = free = 0.0
        log, channel = math.log, CHANNEL_WEIGHTS
        for key, count in counts.items():
            rarity = table.get(key, 0.0)
            if count > 0 and rarity > 0:
                w = (1 + log(count)) * rarity * channel[key[0]]
                if w:
                    weights[key] = w
                    if key[0] == "w":
                        words += w * w
                    else:
                        free += w * w
        return cls(weights, math.sqrt(words), math.sqrt(free))


@dataclass(frozen=True, slots=True)
class Similarity:
    words: float
    free: float
    all: float
    channels: Mapping[str, float]
    """Each free channel's share of the free cosine."""
    shared: tuple[str, ...] = ()
    """The shared keys that weigh most, strongest first (the reason, for people)."""

    @property
    def score(self) -> float:
        return round(max(self.all, self.free), 4)


def compare(story: Vector, other: Vector, explain: bool = False) -> Similarity:
    dot_words = dot_free = 0.0
    channels: dict[str, float] = {}
    parts: list[tuple[float, str]] = []
    theirs = other.weights
    for key in [k for k in story.weights if k in theirs]:
        product = story.weights[key] * theirs[key]
        if key[0] == "w":
            dot_words += product
        else:
            dot_free += product
            channels[key[0]] = channels.get(key[0], 0.0) + product
        if explain:
            parts.append((product, key))
    free_norm = story.norm_free * other.norm_free
    words_norm = story.norm_words * other.norm_words
    all_norm = story.norm_all * other.norm_all
    channels = {c: v / free_norm for c, v in channels.items()} if free_norm else {}
    shared = tuple(k for _, k in sorted(parts, reverse=True)[:8]) if explain else ()
    return Similarity(
        round(dot_words / words_norm, 4) if words_norm else 0.0,
        round(dot_free / free_norm, 4) if free_norm else 0.0,
        round((dot_words + dot_free) / all_norm, 4) if all_norm else 0.0,
        channels,
        shared,
    )
