"""The demo corpus (demo/corpus/): each feed split into its items, so the server can reveal them
one by one, and what sitrep is told about each source."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "demo" / "corpus"
ITEM = re.compile(r"[ \t]*<(item|entry)\b.*?</\1>\s*", re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


@dataclass(frozen=True)
class Source:
    owner: str | None
    country: str | None
    language: str
    official: bool


SOURCES = {
    "mod-armenia-en": Source("Ministry of Defence of Armenia", "AM", "en", True),
    "mod-russia": Source("Ministry of Defence of Russia", "RU", "ru", True),
    "genstaff-ukraine-en": Source("General Staff of the Armed Forces of Ukraine", "UA", "en", True),
    "mod-azerbaijan": Source("Ministry of Defence of Azerbaijan", "AZ", "az", True),
    "news-general": Source("The Evening Ledger", None, "en", False),
    "mod-armenia": Source("Ministry of Defence of Armenia", "AM", "hy", True),
    "genstaff-ukraine": Source("General Staff of the Armed Forces of Ukraine", "UA", "uk", True),
    "news-syndicated": Source("Riverside Gazette", None, "en", False),
}
"""The written feeds, in the order their items take turns; the syndicated copy comes after its original."""


@dataclass(frozen=True)
class DemoFeed:
    name: str
    source: Source
    head: str
    items: tuple[str, ...]
    tail: str

    @property
    def path(self) -> str:
        return f"/{self.name}.xml"

    @property
    def title(self) -> str | None:
        found = TITLE.search(self.head)
        return " ".join(found.group(1).split()) if found else None

    @property
    def content_type(self) -> str:
        kind = "atom" if "<feed" in self.head else "rss"
        return f"application/{kind}+xml; charset=utf-8"

    def document(self, revealed: int) -> str:
        """The feed as it reads once its first `revealed` items are published (newest first)."""
        shown = self.items[:revealed]
        return self.head + "".join(reversed(shown)) + self.tail


def split(name: str, text: str, source: Source) -> DemoFeed:
    items = list(ITEM.finditer(text))
    if not items:
        raise ValueError(f"{name}: no <item> or <entry>")
    return DemoFeed(name, source, text[: items[0].start()], tuple(m.group(0) for m in items), text[items[-1].end():])


def load(names: tuple[str, ...] | None = None, corpus: Path = CORPUS) -> list[DemoFeed]:
    """The written feeds (all, or those named), items in the order they were published."""
    feeds = []
    for name, source in SOURCES.items():
        if names is None or name in names:
            feed = split(name, (corpus / "written" / f"{name}.xml").read_text(encoding="utf-8"), source)
            feeds.append(feed)
    return feeds
