"""Everything dedupe compares about one item, computed once when it arrives."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

from services.dedupe.distinguishers import extract_facts
from services.dedupe.similarity.hashing import text_digest
from services.dedupe.similarity.lsh import Banding
from services.dedupe.similarity.minhash import MinHasher
from services.dedupe.similarity.simhash import simhash
from services.dedupe.similarity.text_features import DEFAULT_SHINGLE_SIZES, text_features

MIN_EXACT_TEXT_WORDS = 8
"""Shorter texts ("Breaking news") are too common to prove two items are one story."""

_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid")


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    source: str
    title: str = ""
    text: str = ""
    url: str | None = None
    published: datetime | None = None


@dataclass(frozen=True)
class DedupeConfig:
    num_perm: int = 128
    bands: int = 32
    rows: int = 4
    seed: int = 20200927
    shingle_sizes: tuple[int, ...] = DEFAULT_SHINGLE_SIZES
    jaccard_threshold: float = 0.5
    containment_threshold: float = 0.8
    min_containment_shingles: int = 40
    """Containment of a tiny set in a big one proves little: both need this many shingles."""
    simhash_distance: int = 3
    lead_bands: int = 16
    lead_rows: int = 4
    lead_threshold: float = 0.6
    """Jaccard of the leads (opening words) at which a trimmed copy merges."""
    window: timedelta = timedelta(days=3)

    @property
    def banding(self) -> Banding:
        return Banding(self.bands, self.rows)

    @property
    def lead_banding(self) -> Banding:
        return Banding(self.lead_bands, self.lead_rows, salt=1)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    item_key: int
    url_key: int | None
    text_key: int | None
    signature: np.ndarray
    size: int
    """Number of distinct shingles."""
    simhash: int
    band_hashes: tuple[int, ...]
    """LSH keys: the bands of the signature, then those of the lead signature."""
    lead_signature: np.ndarray | None
    facts: frozenset[str]
    time: datetime


def canonical_url(url: str) -> str:
    """Scheme- and case-insensitive host, no fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
         if not k.lower().startswith(_TRACKING_PARAMS)]
    )
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit(("", host, parts.path.rstrip("/") or "/", query, ""))


@dataclass(frozen=True)
class Fingerprinter:
    config: DedupeConfig = field(default_factory=DedupeConfig)
    _hasher: MinHasher = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hasher", MinHasher(self.config.num_perm, self.config.seed))

    def __call__(self, item: Item, seen_at: datetime) -> Fingerprint:
        features = text_features(item.title, item.text, self.config.shingle_sizes)
        signature = self._hasher.signature(features.shingles)
        lead = self._hasher.signature(features.lead_shingles) if len(features.lead_shingles) else None
        bands = self.config.banding.band_hashes(signature)
        if lead is not None:
            bands += self.config.lead_banding.band_hashes(lead)
        url = canonical_url(item.url) if item.url else None
        return Fingerprint(
            item_key=text_digest(f"item\x00{item.source}\x00{item.id}"),
            url_key=text_digest(f"url\x00{url}") if url else None,
            text_key=features.text_key if features.word_count >= MIN_EXACT_TEXT_WORDS else None,
            signature=signature,
            size=len(features.shingles),
            simhash=simhash(features.shingles),
            band_hashes=tuple(bands),
            lead_signature=lead,
            facts=extract_facts(item.text, item.title),
            time=item.published or seen_at,
        )
