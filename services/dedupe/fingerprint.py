"""Everything dedupe compares about one item, computed once when it arrives."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

from services.dedupe.distinguishers import extract_facts
from services.dedupe.incidents.decision import IncidentConfig
from services.dedupe.similarity.hashing import text_digest
from services.dedupe.similarity.lsh import Banding
from services.dedupe.similarity.minhash import MinHasher
from services.dedupe.similarity.simhash import simhash
from services.dedupe.similarity.text_features import (
    DEFAULT_SHINGLE_SIZES,
    SHORT_BODY_WORDS,
    normalise,
    text_features,
)
from services.dedupe.similarity.titles import STEM, anchored, clean_title
from shared.text.boilerplate import Lines, host_of, strip_lines, text_lines

MIN_EXACT_TEXT_WORDS = 8
"""Shorter texts ("Breaking news") are too common to prove two items are one story."""
MIN_TITLE_KEY_WORDS = 5
"""A headline this long is specific enough to find the article behind a headline-only feed item."""

_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid")


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    source: str
    title: str = ""
    text: str = ""
    url: str | None = None
    published: datetime | None = None
    language: str | None = None


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
    incidents: IncidentConfig = field(default_factory=IncidentConfig)
    """The second tier: which stories report one incident."""

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
    title_key: int | None = None
    """Digest of the headline without an outlet's name (headlines of five words or more)."""
    headline_only: bool = False
    """The item is its headline and little else (an aggregator's feed entry)."""
    anchored: bool = True
    """The text shares words with its headline: a banner or sidebar scraped instead of the
    article shares none, and two such texts prove nothing."""
    host: str | None = None
    source_key: int = 0
    """Digest of the source: a headline repeated by one source is two entries by its own account."""
    lines: Lines = Lines((), frozenset())
    """The text's lines, for learning the host's boilerplate."""
    boilerplate: frozenset[int] = frozenset()
    """The keys of the lines left out as the host's boilerplate."""
    title: str = ""
    body: str = ""
    """Headline and text as compared: outlet suffix and boilerplate lines left out."""


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

    def __call__(
        self, item: Item, seen_at: datetime, boilerplate: Collection[int] = (), lines: Lines | None = None
    ) -> Fingerprint:
        """The item's fingerprint, its text without consent notices and without the lines in
        ``boilerplate`` (what its host has learnt to repeat); ``lines`` when already split."""
        host = host_of(item.url)
        lines = lines if lines is not None else text_lines(item.text)
        drop = lines.consent | (frozenset(boilerplate) & frozenset(lines.keys))
        body = strip_lines(item.text, drop) if drop else item.text
        title = clean_title(item.title, host)
        features = text_features(title, body, self.config.shingle_sizes)
        signature = self._hasher.signature(features.shingles)
        lead = self._hasher.signature(features.lead_shingles) if len(features.lead_shingles) else None
        bands = self.config.banding.band_hashes(signature)
        if lead is not None:
            bands += self.config.lead_banding.band_hashes(lead)
        url = canonical_url(item.url) if item.url else None
        title_words = normalise(title).split()
        body_words = features.normalised.split() if not features.with_title else normalise(body).split()
        about_title = anchored(title, frozenset(w[:STEM] for w in set(body_words) if len(w) >= 4)) \
            if len(body_words) >= SHORT_BODY_WORDS else True
        rest = body_words[len(title_words):] if body_words[: len(title_words)] == title_words else body_words
        return Fingerprint(
            item_key=text_digest(f"item\x00{item.source}\x00{item.id}"),
            url_key=text_digest(f"url\x00{url}") if url else None,
            text_key=features.text_key if features.word_count >= MIN_EXACT_TEXT_WORDS and about_title else None,
            signature=signature,
            size=len(features.shingles),
            simhash=simhash(features.shingles),
            band_hashes=tuple(bands),
            lead_signature=lead,
            facts=extract_facts(body, title),
            time=item.published or seen_at,
            title_key=text_digest(f"title\x00{' '.join(title_words)}") if len(title_words) >= MIN_TITLE_KEY_WORDS else None,
            headline_only=len(rest) < SHORT_BODY_WORDS,
            anchored=about_title,
            host=host,
            source_key=text_digest(f"source\x00{item.source}"),
            lines=lines,
            boilerplate=drop,
            title=title,
            body=body,
        )
