"""Text normalisation and word shingles.

Copies of one story differ in case, quotes, dashes, thousands separators and
scraping residue (``[ad_1]``), so all of that is folded away before hashing.
Shingles are hashed contiguous word n-grams: with the default sizes (2, 3)
an item yields both its bigrams and trigrams, so a two-sentence feed summary
still carries enough shingles while a full article keeps the specificity of
trigrams, and a summary and the article it came from remain comparable (one
scheme for all lengths; no cliff at a length cut-off). The evaluation in
``bench/shingle_choice.py`` compares the alternatives on the labelled set.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from services.dedupe.similarity.hashing import mix64, seeded_sequence, text_digest, token_hashes

DEFAULT_SHINGLE_SIZES: tuple[int, ...] = (2, 3)
SHORT_BODY_WORDS = 8
"""Bodies shorter than this get the title prepended. Only then: copies of one
story usually carry each outlet's own headline, and on short entries the title
weighed enough to part them (recall 0.96 with titles up to 25 words, 0.99 with
titles only below 8, at the same precision, on the labelled set)."""
LEAD_WORDS = 40
"""The lead: a story's opening words, which trimmed copies keep."""
MIN_LEAD_WORDS = 20
"""A text shorter than this has no lead of its own to compare."""

_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'’-]{1,40}\s*\([^)\n]{1,40}\)\s*[-—–]+\s*")
_FOOTER = re.compile(
    r"^\s*(?:©|\(c\)|copyright\b|all rights reserved|reporting by|editing by|writing by|"
    r"additional reporting|sign up\b|subscribe\b|follow us\b|read more\b|related:|"
    r"advertisement\s*$|for immediate release\s*$|media contact|press contact|"
    r"this material may not|about [^:\n]{1,60}:)",
    re.IGNORECASE,
)
_MARKER = re.compile(r"\[(?:ad|advert|advertisement)[_ ]?\d*\]", re.IGNORECASE)
_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_THOUSANDS = re.compile(r"(\d)[,\u00a0\u202f ](?=\d{3}\b)")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")
_SALTS = np.array(seeded_sequence(0x5EED5, 8), dtype=np.uint64) | np.uint64(1)


def strip_boilerplate(text: str) -> str:
    """Drop what outlets add around a copied story: a wire dateline, footer and promo lines."""
    lines = [line for line in text.splitlines() if not _FOOTER.match(line)]
    return _DATELINE.sub("", "\n".join(lines), count=1)


def normalise(text: str) -> str:
    """Fold case and Unicode variants, drop markers and URLs, keep words and numbers."""
    text = unicodedata.normalize("NFKC", text)
    text = _MARKER.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _THOUSANDS.sub(r"\1", text)
    return " ".join(_TOKEN.findall(text.casefold()))


def tokens(normalised: str) -> list[str]:
    return normalised.split()


def feature_text(title: str, text: str, short_body_words: int = SHORT_BODY_WORDS) -> str:
    """The text an item is compared on: its body, or title and body if the body is short."""
    return _compared(title, text, short_body_words)[0]


def _compared(title: str, text: str, short_body_words: int = SHORT_BODY_WORDS) -> tuple[str, bool]:
    body = strip_boilerplate(text or "")
    if len(body.split()) >= short_body_words:
        return body, False
    return f"{title or ''}\n{body}".strip(), True


def shingle_hashes(words: Sequence[str], sizes: Sequence[int] = DEFAULT_SHINGLE_SIZES) -> np.ndarray:
    """Unique 64-bit hashes of the word n-grams of each size (uint64 array).

    A text shorter than a size contributes one shingle of all its words.
    """
    return _shingles_of(word_hashes_of(words), sizes)


def word_hashes_of(words: Sequence[str]) -> np.ndarray:
    return np.array(token_hashes(words), dtype=np.uint64)


def _shingles_of(word_hashes: np.ndarray, sizes: Sequence[int]) -> np.ndarray:
    if not len(word_hashes):
        return np.empty(0, dtype=np.uint64)
    parts = [_ngram_hashes(word_hashes, k) for k in sizes]
    return np.unique(np.concatenate(parts))


def _ngram_hashes(word_hashes: np.ndarray, k: int) -> np.ndarray:
    k_eff = min(k, len(word_hashes))
    count = len(word_hashes) - k_eff + 1
    acc = np.full(count, np.uint64(k_eff), dtype=np.uint64)
    for offset in range(k_eff):
        acc = (acc ^ word_hashes[offset : offset + count]) * _SALTS[offset]
    return mix64(acc)


@dataclass(frozen=True, slots=True)
class TextFeatures:
    normalised: str
    word_count: int
    text_key: int
    """Signed 64-bit digest of the normalised text (exact-copy key)."""
    shingles: np.ndarray
    lead_shingles: np.ndarray
    """Shingles of the first ``LEAD_WORDS`` words; empty below ``MIN_LEAD_WORDS`` words."""
    with_title: bool = False
    """The body was short, so the title is part of what is compared."""


def text_features(
    title: str, text: str, sizes: Sequence[int] = DEFAULT_SHINGLE_SIZES
) -> TextFeatures:
    compared, with_title = _compared(title, text)
    normalised = normalise(compared)
    words = tokens(normalised)
    word_hashes = word_hashes_of(words)
    lead = word_hashes[:LEAD_WORDS] if len(words) >= MIN_LEAD_WORDS else word_hashes[:0]
    return TextFeatures(
        normalised=normalised,
        word_count=len(words),
        text_key=text_digest(normalised),
        shingles=_shingles_of(word_hashes, sizes),
        lead_shingles=_shingles_of(lead, sizes),
        with_title=with_title,
    )
