"""The news a chaos run serves: thousands of items spread over many feeds, a share of them with
claims whose alerts are known in advance.

Every casualty claim carries a count no other claim has, so each is its own alert; ceasefire
statements and syndicated copies repeat (corroborations, no alert) and historical claims never
alert. The ground truth is built here, not read back from the system.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

CLAIMANTS = (
    ("Azerbaijan's Defence Ministry", "Azerbaijan"),
    ("Armenia's Defence Ministry", "Armenia"),
    ("The Nagorno-Karabakh defense agency", "Nagorno-Karabakh"),
    ("The defence ministry of Azerbaijan", "Azerbaijan"),
)
CASUALTY_FORMS = (
    ("{c} said {n} soldiers were killed near {p} on Monday.", "killed", "soldier"),
    ("{c} said {n} civilians were wounded in {p} overnight.", "wounded", "civilian"),
    ("{c} said its forces destroyed {n} enemy tanks near {p}.", "destroyed", "tank"),
    ("{c} said {n} drones were shot down over {p}.", "downed", "drone"),
    ("{c} said {n} servicemen were killed in fighting around {p}.", "killed", "soldier"),
)
CEASEFIRES = (
    ("France called on Armenia and Azerbaijan to respect a humanitarian ceasefire.", "France", "call"),
    ("Germany called for an immediate ceasefire between Armenia and Azerbaijan.", "Germany", "call"),
    ("Azerbaijan's defence ministry accused Armenian forces of violating the ceasefire.", "Azerbaijan", "violation"),
    ("Armenia's defence ministry accused Azerbaijani forces of violating the truce.", "Armenia", "violation"),
    ("Iran proposed a ceasefire between Armenia and Azerbaijan.", "Iran", "proposal"),
    ("Turkey rejected calls for a ceasefire.", "Turkey", "rejection"),
)
HISTORY = "In {year}, more than {n} people were killed in the four-day war."
PLACES = ("Shusha", "Hadrut", "Fuzuli", "Jabrayil", "Martuni", "Terter", "Stepanakert", "Agdam", "Lachin", "Kalbajar")
WORDS = (
    "officials market council bridge weather roads harvest school museum festival railway water supply "
    "committee budget talks delegation hospital engineers repairs traffic farmers prices grain energy grid "
    "students teachers library concert exhibition tourism airport flights cargo port shipping exports "
    "villagers residents volunteers donations shelter blankets convoy supplies clinic doctors nurses "
    "vaccines reporters journalists cameras interview statement briefing schedule agenda minister visit "
    "embassy diplomats summit conference forum workshop seminar training exercise equipment warehouse"
).split()


@dataclass(frozen=True)
class Claim:
    """What one alerting claim is, in the terms a webhook payload uses."""

    kind: str
    category: str
    claimant: str
    subject: str | None = None
    count: int | None = None

    @property
    def key(self) -> tuple:
        return ("casualty", self.count) if self.kind == "casualty" else ("ceasefire", self.claimant, self.category)


@dataclass(frozen=True)
class Item:
    feed: int
    guid: str
    url: str
    title: str
    text: str
    published: datetime
    release_at: float
    """Seconds after the flow starts when the item appears in its feed."""
    role: str = "plain"
    """plain, casualty, ceasefire, historical or repeat (a syndicated copy of a casualty item)."""
    claim: Claim | None = None


@dataclass
class Corpus:
    items: list[Item]
    feeds: int
    alerting: dict[tuple, Claim] = field(default_factory=dict)
    """Every claim that must alert, once, by its key."""

    def count(self, role: str) -> int:
        return sum(1 for item in self.items if item.role == role)

    @property
    def urls(self) -> set[str]:
        return {item.url for item in self.items}


def filler(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        words = rng.sample(WORDS, 12)
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def build(items: int, feeds: int, flow_seconds: float, seed: int = 9) -> Corpus:
    """`items` items over `feeds` feeds, released evenly over `flow_seconds`."""
    rng = random.Random(seed)
    start = datetime(2020, 10, 5, 6, 0, tzinfo=UTC)
    out: list[Item] = []
    alerting: dict[tuple, Claim] = {}
    casualty_items: list[Item] = []
    next_count = 11
    for i in range(items):
        feed = i % feeds
        release = flow_seconds * i / items
        published = start + timedelta(seconds=10 * i)  # one day: a claim is a fact of its day
        title = f"Bulletin {i}: " + " ".join(rng.sample(WORDS, 5))
        body = filler(rng, 3)
        role, claim, url = "plain", None, f"http://127.0.0.1/news/{feed}/{i}"
        roll = rng.random()
        if roll < 0.12:
            template, category, subject = CASUALTY_FORMS[i % len(CASUALTY_FORMS)]
            phrase, claimant = CLAIMANTS[(i // len(CASUALTY_FORMS)) % len(CLAIMANTS)]
            role, claim = "casualty", Claim("casualty", category, claimant, subject, next_count)
            sentence = template.format(c=phrase, n=next_count, p=rng.choice(PLACES))
            next_count += 1
            body = f"{sentence} {body}"
        elif roll < 0.14:
            sentence, claimant, category = rng.choice(CEASEFIRES)
            role, claim = "ceasefire", Claim("ceasefire", category, claimant)
            body = f"{sentence} {body}"
        elif roll < 0.16:
            role = "historical"
            body = f"{HISTORY.format(year=rng.choice((1994, 2008, 2016)), n=rng.randint(20, 900))} {body}"
        elif roll < 0.19 and casualty_items:
            original = casualty_items.pop(rng.randrange(len(casualty_items)))
            feed = (original.feed + 1 + rng.randrange(feeds - 1)) % feeds
            role, title, body, url = "repeat", original.title, original.text, original.url
        item = Item(feed, f"urn:chaos:{i}", url, title, body, published, release, role, claim)
        if claim is not None:
            alerting.setdefault(claim.key, claim)
        if role == "casualty":
            casualty_items.append(item)  # each may be copied once, into another feed
        out.append(item)
    if next_count >= 1900:
        raise ValueError("too many casualty claims: counts would read as years")
    return Corpus(out, feeds, alerting)
