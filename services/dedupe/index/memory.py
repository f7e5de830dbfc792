"""Where dedupe remembers stories: the protocol and the in-memory index.

Lookups go through hash tables only — LSH band hashes, the four SimHash block
tables, exact keys — so the cost of an item depends on how many similar items
exist, not on how many stories are stored. Entries live for a time window:
an item only meets entries whose time is within ``window`` of its own.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

import numpy as np

from services.dedupe.decision import Candidates, Entry
from services.dedupe.fingerprint import Fingerprint
from services.dedupe.similarity.simhash import block_keys

MAX_BUCKET_SCAN = 64
"""Only the newest entries of a crowded bucket are compared, so one headline
repeated thousands of times cannot make every later item slow."""


class StoryIndex(Protocol):
    async def lock(self, fp: Fingerprint) -> None:
        """Serialise against any other writer that could match ``fp`` (until commit)."""

    async def candidates(self, fp: Fingerprint, window: timedelta) -> Candidates:
        """Stories ``fp`` may belong to: exact keys, and entries sharing a band or block."""

    async def add(self, story_id: str, fp: Fingerprint) -> None:
        """Record ``fp`` as a member of ``story_id``."""

    async def prune(self, before: datetime) -> int:
        """Forget entries older than ``before`` (item keys stay); returns how many."""


SIMHASH_BAND_BASE = 64
"""SimHash block tables are kept as bands 64..67, after the LSH bands."""


def index_keys(fp: Fingerprint) -> list[tuple[int, int]]:
    """(band number, key) under which ``fp`` is filed and looked up: its LSH
    bands (signature, then lead), then its four SimHash blocks. None for an
    empty text, which would otherwise meet every other empty text."""
    if fp.size == 0:
        return []
    keys = list(enumerate(fp.band_hashes))
    keys += [(SIMHASH_BAND_BASE + table, block) for table, block in block_keys(fp.simhash)]
    return keys


@dataclass(slots=True)
class _Stored:
    story_id: str
    signature: np.ndarray
    size: int
    simhash: int
    time: datetime
    keys: tuple[tuple[int, int], ...]
    url_key: int | None
    text_key: int | None
    lead_signature: np.ndarray | None
    anchored: bool = True
    title_key: int | None = None
    headline_only: bool = False
    source_key: int = 0

    def entry(self) -> Entry:
        return Entry(self.story_id, self.signature, self.size, self.simhash, self.lead_signature,
                     self.anchored, self.title_key)


def title_lookup(fp: Fingerprint) -> str | None:
    """Which headline table ``fp`` looks in: a headline-only item looks for any item with its
    headline ("title"), any other item for a headline-only one ("headline")."""
    if fp.title_key is None:
        return None
    return "title" if fp.headline_only else "headline"


def title_filings(fp: Fingerprint) -> list[str]:
    """The headline tables ``fp`` is filed in."""
    if fp.title_key is None:
        return []
    return ["title", "headline"] if fp.headline_only else ["title"]


class InMemoryStoryIndex:
    """Single-process index for the offline tool and tests."""

    def __init__(self) -> None:
        self._item_keys: dict[int, str] = {}
        self._urls: dict[int, int] = {}
        self._texts: dict[int, int] = {}
        self._titles: dict[str, dict[int, int]] = {"title": {}, "headline": {}}
        self._buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
        self._entries: dict[int, _Stored] = {}
        self._facts: dict[str, set[str]] = defaultdict(set)
        self._live: dict[str, int] = defaultdict(int)
        self._expiry: list[tuple[datetime, int]] = []
        self._next_id = 0

    def __len__(self) -> int:
        return len(self._entries)

    async def lock(self, fp: Fingerprint) -> None:
        return None

    async def candidates(self, fp: Fingerprint, window: timedelta) -> Candidates:
        def live(entry_id: int | None) -> _Stored | None:
            stored = self._entries.get(entry_id) if entry_id is not None else None
            return stored if stored and abs(stored.time - fp.time) <= window else None

        same_url = live(self._urls.get(fp.url_key)) if fp.url_key is not None else None
        same_text = live(self._texts.get(fp.text_key)) if fp.text_key is not None else None
        table = title_lookup(fp)
        same_title = live(self._titles[table].get(fp.title_key)) if table else None
        if same_title is not None and same_title.source_key == fp.source_key:
            same_title = None
        seen: set[int] = set()
        near: list[Entry] = []
        for key in index_keys(fp):
            bucket = self._buckets.get(key, ())
            for entry_id in bucket[-MAX_BUCKET_SCAN:]:
                if entry_id not in seen:
                    seen.add(entry_id)
                    stored = live(entry_id)
                    if stored is not None:
                        near.append(stored.entry())
        stories = {e.story_id for e in near}
        return Candidates(
            repeat_of=self._item_keys.get(fp.item_key),
            same_url=same_url.story_id if same_url else None,
            same_text=same_text.story_id if same_text else None,
            same_title=same_title.story_id if same_title else None,
            near=near,
            story_facts={s: frozenset(self._facts[s]) for s in sorted(stories)},
        )

    async def add(self, story_id: str, fp: Fingerprint) -> None:
        entry_id, self._next_id = self._next_id, self._next_id + 1
        keys = tuple(index_keys(fp))
        stored = _Stored(
            story_id, fp.signature, fp.size, fp.simhash, fp.time, keys,
            fp.url_key, fp.text_key, fp.lead_signature, fp.anchored, fp.title_key, fp.headline_only,
            fp.source_key,
        )
        self._entries[entry_id] = stored
        self._item_keys.setdefault(fp.item_key, story_id)
        if fp.url_key is not None:
            self._urls.setdefault(fp.url_key, entry_id)
        if fp.text_key is not None:
            self._texts.setdefault(fp.text_key, entry_id)
        for table in title_filings(fp):
            self._titles[table].setdefault(fp.title_key, entry_id)
        for key in keys:
            self._buckets[key].append(entry_id)
        self._facts[story_id] |= fp.facts
        self._live[story_id] += 1
        heapq.heappush(self._expiry, (fp.time, entry_id))

    async def prune(self, before: datetime) -> int:
        removed = 0
        while self._expiry and self._expiry[0][0] < before:
            _, entry_id = heapq.heappop(self._expiry)
            stored = self._entries.pop(entry_id)
            self._forget(entry_id, stored)
            removed += 1
        return removed

    def _forget(self, entry_id: int, stored: _Stored) -> None:
        for key in stored.keys:
            bucket = self._buckets[key]
            bucket.remove(entry_id)
            if not bucket:
                del self._buckets[key]
        tables = [(self._urls, stored.url_key), (self._texts, stored.text_key)]
        tables += [(titles, stored.title_key) for titles in self._titles.values()]
        for table, key in tables:
            if key is not None and table.get(key) == entry_id:
                del table[key]
        self._live[stored.story_id] -= 1
        if self._live[stored.story_id] == 0:
            del self._live[stored.story_id]
            self._facts.pop(stored.story_id, None)
