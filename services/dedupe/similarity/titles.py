"""Headlines as outlets and aggregators dress them, and whether a text is about its headline.

Aggregators and some sites add their name to a headline ("… - The Guardian", "… | Reuters",
"… - Mittelstand Cafe") or a marker in front ("▷ "): dropped, so that a feed item made of the
headline alone meets the article. A suffix is dropped only when it names an outlet: the host's own
name, a name in `OUTLETS`, or anything after the last " - " on an aggregator's host. "… kills 12 in
Vinnytsia - emergency service" keeps its tail.

A text is *anchored* when it shares words with its headline. A scraped cookie banner or sidebar
shares none with the article's headline, and two such texts prove nothing about the articles.
"""

from __future__ import annotations

import re

from shared.text.digits import fold_digits

_OUTLET_NAMES = """
the guardian|guardian|reuters|associated press|ap|ap news|afp|bbc|bbc news|cnn|al jazeera|al jazeera english|
the new york times|new york times|the washington post|washington post|bloomberg|financial times|ft|
the independent|the telegraph|sky news|euronews|dw|dw news|deutsche welle|france 24|rfe/rl|
radio free europe/radio liberty|kyiv independent|the kyiv independent|ukrinform|tass|ria novosti|interfax|
anadolu agency|aa|trt world|daily sabah|hurriyet daily news|azertac|apa|news.am|armenpress|asbarez|
the moscow times|meduza|novaya gazeta|politico|axios|npr|abc news|cbs news|nbc news|fox news|yahoo news|
msn|the hill|time|newsweek|the economist|der spiegel|spiegel online|zeit online|faz|süddeutsche zeitung|
tagesschau|le monde|le figaro|libération|el país|corriere della sera
"""
OUTLETS = frozenset(name.strip() for name in _OUTLET_NAMES.replace("\n", "").split("|"))
AGGREGATOR_HOSTS = frozenset({"news.google.com", "news.yahoo.com", "msn.com", "flipboard.com", "newsnow.co.uk"})
_SUFFIX = re.compile(r"\s+[-–—|·•]\s+([^-–—|]{2,60})$")
_PREFIX = re.compile(r"^\s*(?:[▷►▶➤•+]+\s*)+")
_LETTERS = re.compile(r"[^\W\d_]+")
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
ANCHOR_SHARE = 0.2
"""Share of a headline's content words a text must hold to be about it."""
STEM = 5
"""Words compare on their first five letters: "Raketen" and "Rakete", "kills" and "killed"."""


def _letters(text: str) -> str:
    return "".join(_LETTERS.findall(text.casefold()))


def clean_title(title: str, host: str | None = None) -> str:
    """The headline without an outlet's name after it or a marker before it."""
    title = _PREFIX.sub("", title or "").strip()
    match = _SUFFIX.search(title)
    if match is None:
        return title
    tail = match.group(1).strip()
    folded = tail.casefold()
    host_name = _letters((host or "").rsplit(".", 1)[0].replace("www.", ""))
    if (
        folded in OUTLETS
        or (host_name and _letters(tail) == host_name)
        or (host in AGGREGATOR_HOSTS and len(tail.split()) <= 6)
    ):
        return title[: match.start()].strip()
    return title


def word_stems(text: str) -> frozenset[str]:
    return frozenset(word[:STEM] for word in _CONTENT_WORD.findall(fold_digits(text).casefold()))


def anchored(title: str, body_stems: frozenset[str]) -> bool:
    """Whether a body (given by its word stems) is about its headline; a text without a headline
    (or with one of no content words) counts as anchored."""
    wanted = word_stems(title)
    if not wanted or not body_stems:
        return True
    return len(wanted & body_stems) >= ANCHOR_SHARE * len(wanted)
