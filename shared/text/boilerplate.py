"""Text a host repeats across its items — banners, paywalls, sidebars, navigation — learnt per host.

Scraped pages of one site often share whole lines that are not the article: a cookie banner, a
login wall, a "things to do" sidebar. Two different articles whose scraped text is only that line
look like copies to any text comparison. So every line of a text (of at least `MIN_LINE_CHARS`)
gets a key, each host counts in how many of its items each key occurred, and a line is the host's
boilerplate once it occurred in at least `MIN_ITEMS` items and in at least `MIN_SHARE` of them.
Lines holding a consent or paywall phrase (`consent.py`) are boilerplate on every host from the
first sight. Pure: the counts live wherever the caller keeps them (`HostBoilerplate` in memory;
dedupe keeps them in PostgreSQL, shared by its instances).
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from shared.text.consent import ALL_PHRASES
from shared.text.digits import fold_digits

MIN_LINE_CHARS = 20
MIN_ITEMS = 3
MIN_SHARE = 0.15
_SPACES = re.compile(r"\s+")
_CONSENT = re.compile("|".join(re.escape(p) for p in sorted(ALL_PHRASES, key=len, reverse=True)))


def host_of(url: str | None) -> str | None:
    """The host of a URL without "www." (the unit whose boilerplate is learnt)."""
    if not url:
        return None
    host = urlsplit(url.strip()).hostname
    return host.removeprefix("www.") if host else None


def line_text(line: str) -> str:
    return _SPACES.sub(" ", fold_digits(line).casefold()).strip()


def line_key(folded: str) -> int:
    """Signed 64-bit key of a folded line (fits a PostgreSQL bigint)."""
    raw = int.from_bytes(hashlib.blake2b(folded.encode("utf-8"), digest_size=8).digest(), "big")
    return raw - (1 << 64) if raw >= 1 << 63 else raw


def is_consent(folded: str) -> bool:
    return _CONSENT.search(folded) is not None


@dataclass(frozen=True, slots=True)
class Lines:
    """A text's lines long enough to count, by key, and which of them are consent notices."""

    keys: tuple[int, ...]
    consent: frozenset[int]


def text_lines(text: str) -> Lines:
    keys: dict[int, None] = {}
    consent: set[int] = set()
    text = text or ""
    any_consent = is_consent(line_text(text))  # folded as each line is: a banner may hold non-breaking spaces
    for line in text.splitlines():
        if len(line) < MIN_LINE_CHARS:
            continue
        folded = line_text(line)
        if len(folded) < MIN_LINE_CHARS:
            continue
        key = line_key(folded)
        keys[key] = None
        if any_consent and is_consent(folded):
            consent.add(key)
    return Lines(tuple(keys), frozenset(consent))


def learnt(counts: Mapping[int, int], host_items: int) -> frozenset[int]:
    """The keys a host with `host_items` items counted often enough to be its boilerplate
    (both counts include the item at hand: its third sighting of a line already drops it)."""
    floor = max(MIN_ITEMS, MIN_SHARE * host_items)
    return frozenset(key for key, seen in counts.items() if seen >= floor)


def strip_lines(text: str, drop: Iterable[int]) -> str:
    """The text without the lines whose key is in `drop` and without consent notices."""
    drop = set(drop)
    kept = []
    for line in (text or "").splitlines():
        if len(line) < MIN_LINE_CHARS:
            kept.append(line)
            continue
        folded = line_text(line)
        if len(folded) >= MIN_LINE_CHARS and (line_key(folded) in drop or is_consent(folded)):
            continue
        kept.append(line)
    return "\n".join(kept)


@dataclass
class HostBoilerplate:
    """The counts in memory, for one process (the offline tool, full-text extraction, tests).
    At most `max_hosts` hosts are remembered, the least recently seen forgotten first."""

    max_hosts: int = 10_000
    max_lines: int = 20_000
    """Keys kept per host; past it, the lines seen once are forgotten."""
    _hosts: OrderedDict[str, tuple[int, dict[int, int]]] = field(default_factory=OrderedDict)

    def boilerplate(self, host: str | None, lines: Lines) -> frozenset[int]:
        """Which of these lines are boilerplate: consent notices, and what the host has learnt."""
        if host is None or host not in self._hosts:
            return lines.consent
        items, counts = self._hosts[host]
        return lines.consent | learnt({k: counts.get(k, 0) + 1 for k in lines.keys}, items + 1)

    def observe(self, host: str | None, lines: Lines) -> None:
        """Count one more item of `host` with these lines."""
        if host is None:
            return
        items, counts = self._hosts.pop(host, (0, {}))
        for key in lines.keys:
            counts[key] = counts.get(key, 0) + 1
        if len(counts) > self.max_lines:
            counts = {key: seen for key, seen in counts.items() if seen > 1}
        self._hosts[host] = (items + 1, counts)
        if len(self._hosts) > self.max_hosts:
            self._hosts.popitem(last=False)

    def clean(self, host: str | None, text: str) -> str:
        """Learn from `text` and give it back without its host's boilerplate."""
        lines = text_lines(text)
        drop = self.boilerplate(host, lines)
        self.observe(host, lines)
        return strip_lines(text, drop) if drop else text
