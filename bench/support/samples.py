"""Deterministic, news-like sample data, so every benchmark feeds the same kind of input.

Text is drawn from a small vocabulary of conflict reporting with a fixed seed: the sizes and
shapes match real items (a headline, a few sentences, a URL, a source), the words do not matter.
"""

from __future__ import annotations

import random
from functools import lru_cache
from datetime import UTC, datetime, timedelta

from shared.events import Event
from shared.ids import new_id

WORDS = (
    "ministry defence army forces positions village shelling artillery drones tanks helicopters "
    "ceasefire violation casualties soldiers civilians wounded killed missing region frontline "
    "statement spokesperson said according reported officials confirmed denied claims attack "
    "overnight morning district border settlement troops units offensive counterattack losses "
    "mediators talks agreement humanitarian corridor evacuation hospital residents damaged "
    "infrastructure power water supply reporters independent verification sources local "
    "government president prime minister foreign international calls restraint observers"
).split()
SOURCES = ("mod-am", "mod-az", "newswire", "regional-daily", "world-service", "ngo-monitor")
EPOCH = datetime(2020, 9, 27, 6, 0, tzinfo=UTC)


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(8, 22)) for _ in range(sentences))


def item_data(rng: random.Random, n: int) -> dict:
    """The payload of a `news.item.ingested` event, about 1 KB of JSON."""
    source = SOURCES[n % len(SOURCES)]
    published = EPOCH + timedelta(minutes=n)
    return {
        "source_id": source,
        "source_url": f"https://{source}.example/feed.xml",
        "source_kind": "rss",
        "item_key": f"guid:https://{source}.example/news/{n}",
        "guid": f"https://{source}.example/news/{n}",
        "url": f"https://{source}.example/news/{n}",
        "title": sentence(rng, 9),
        "text": paragraph(rng, 5),
        "published_at": published.isoformat(),
        "fetched_at": (published + timedelta(seconds=30)).isoformat(),
        "language": "en",
        "authors": [],
        "tags": ["conflict"],
    }


def item_events(count: int, seed: int = 7) -> list[Event]:
    """`count` item events, each the first of its own stream (as ingest records them).

    Payloads repeat every `len(_payloads)` events; ids and streams are new on every call.
    """
    payloads = _payloads(seed)
    ids = [new_id() for _ in range(count)]
    return [
        Event(type="news.item.ingested", data=payloads[n % len(payloads)], stream_id=f"item-{id_}", id=id_, source="bench")
        for n, id_ in enumerate(ids)
    ]


@lru_cache
def _payloads(seed: int, distinct: int = 500) -> tuple[dict, ...]:
    rng = random.Random(seed)
    return tuple(item_data(rng, n) for n in range(distinct))
