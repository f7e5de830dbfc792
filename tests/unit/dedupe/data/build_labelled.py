"""Build ``labelled.jsonl``: real feed entries, their syndicated copies, near-misses.

Run from the repository root (output is committed; re-run only to change the set):

    SITREP_SHARED_DATA=../shared/data python tests/unit/dedupe/data/build_labelled.py

- Every entry of the news feeds below is an original story of its own (real
  text; distinct entries of one feed are same-outlet, often same-topic
  negatives).
- For a seeded sample of the entries that have a body, copies are made the
  way syndication makes them: another outlet's headline, the text trimmed to
  its first sentences, a wire dateline and outlet boilerplate, a press
  release re-posted with its header and "About" block, scraping residue,
  light rewording (a few words swapped for synonyms, a sentence dropped or
  moved), the same URL with tracking parameters, the same text re-posted.
- ``handwritten.txt`` adds conflict-news reports written for this set: copies
  that must merge and near-misses that must not (other day, other tally,
  other place, follow-ups).
- ``holdout.txt`` → ``holdout.jsonl``: more such reports, written after the
  rules and thresholds were fixed, never tuned on.
Each line: id, title, text, url, published, source, cluster (the true story).
"""

from __future__ import annotations

import html
import json
import os
import random
import re
from pathlib import Path

import feedparser

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("SITREP_SHARED_DATA", HERE.parents[4] / "shared" / "data"))
FEEDS = {
    "guardian": "feeds/rss-parser/test/input/guardian.rss",
    "heise": "feeds/rss-parser/test/input/heise.atom",
    "uol": "feeds/rss-parser/test/input/uolNoticias.rss",
    "sapo": "feeds/rss-parser/test/input/encoding.rss",
    "feedburner": "feeds/rss-parser/test/input/feedburner.atom",
    "livemint": "feeds/netnewswire/Modules/RSParser/Tests/RSParserTests/Resources/livemint.xml",
    "aktuality": "feeds/netnewswire/Modules/RSParser/Tests/RSParserTests/Resources/aktuality.rss",
    "medscape": "feeds/netnewswire/Modules/RSParser/Tests/RSParserTests/Resources/medscape.rss",
    "biorxiv": "feeds/netnewswire/Modules/RSParser/Tests/RSParserTests/Resources/bio.rdf",
    "daringfireball": "feeds/netnewswire/Modules/RSParser/Tests/RSParserTests/Resources/DaringFireball.atom",
}
SEED_ARTICLE = "seed/000_987b0cd4e4134fbf.txt"
COPIED_SHARE = 0.55
SYNONYMS = {
    "said": "stated", "says": "states", "announced": "unveiled", "big": "large",
    "new": "fresh", "help": "assist", "start": "begin", "started": "began",
    "show": "reveal", "shows": "reveals", "about": "around", "also": "additionally",
    "however": "but", "because": "as", "use": "employ", "used": "employed",
    "important": "key", "people": "individuals", "told": "informed", "buy": "purchase",
    "disse": "afirmou", "segundo": "conforme", "sagte": "erklärte", "podľa": "ako uviedol",
}
OUTLETS = ["dailywire-news", "globe-reader", "metro-bulletin", "worldpost", "the-courier"]
DATELINES = ["LONDON", "NEW YORK", "WASHINGTON", "PARIS", "BERLIN", "SAO PAULO", "NEW DELHI"]


def clean(markup: str) -> str:
    text = re.sub(r"<(br|/p|/div|/li)[^>]*>", "\n", markup or "", flags=re.IGNORECASE)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"(Continue reading|Read more)\.*\s*$", "", text.strip())
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[\"“A-ZÀ-Ý])|\n+", text) if s.strip()]


def feed_items() -> list[dict]:
    items = []
    for name, rel in FEEDS.items():
        for n, entry in enumerate(feedparser.parse(SHARED / rel).entries):
            body = entry.get("content", [{}])[0].get("value") if entry.get("content") else None
            items.append({
                "id": f"{name}-{n}", "title": clean(entry.get("title", "")),
                "text": clean(body or entry.get("summary", "")), "url": entry.get("link"),
                "published": entry.get("published") or entry.get("updated"), "source": name,
                "cluster": f"{name}-{n}",
            })
    seed_text = (SHARED / SEED_ARTICLE).read_text(encoding="utf-8")
    items.append({
        "id": "seed-0", "title": "Nagorno-Karabakh: Armenia and Azerbaijan at war",
        "text": seed_text, "url": "https://news.example/nagorno-karabakh-war",
        "published": "2020-09-28T08:00:00+00:00", "source": "seed", "cluster": "seed-0",
    })
    return items


def retitle(item: dict, rng: random.Random) -> str:
    lead = sentences(item["text"])[0].split() if item["text"] else item["title"].split()
    return " ".join(lead[: rng.randint(6, 11)]).rstrip(",;:") or item["title"]


def trim(text: str, rng: random.Random) -> str:
    parts = sentences(text)
    if len(parts) < 3:
        words = text.split()
        return " ".join(words[: max(8, int(len(words) * rng.uniform(0.7, 0.85)))])
    return " ".join(parts[: max(2, int(len(parts) * rng.uniform(0.5, 0.8)))])


def wire(text: str, rng: random.Random, outlet: str) -> str:
    dateline = f"{rng.choice(DATELINES)} ({outlet.split('-')[0].title()}) — "
    tail = rng.choice([
        f"Reporting by {outlet} staff; editing by the news desk.",
        f"© 2020 {outlet}. All rights reserved. This material may not be redistributed.",
        "Sign up for our morning briefing to get the news in your inbox.",
    ])
    return f"{dateline}{text}\n{tail}"


def press_release(text: str, source: str) -> str:
    return (f"FOR IMMEDIATE RELEASE\n{text}\nAbout {source}: {source} publishes news and "
            f"analysis. Media contact: press office, {source}.")


def residue(text: str, rng: random.Random) -> str:
    parts = sentences(text)
    at = rng.randint(1, max(1, len(parts) - 1))
    return "[ad_1]\n" + " ".join(parts[:at] + ["Advertisement"] + parts[at:])


def reword(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    spots = [i for i, w in enumerate(words) if w.lower().strip(",.") in SYNONYMS]
    for i in rng.sample(spots, min(len(spots), 4)):
        core = words[i].strip(",.")
        words[i] = words[i].replace(core, SYNONYMS[core.lower()])
    parts = sentences(" ".join(words))
    if len(parts) >= 5:
        del parts[rng.randint(2, len(parts) - 2)]
    elif len(parts) >= 3:
        i = rng.randint(1, len(parts) - 2)
        parts[i], parts[i + 1] = parts[i + 1], parts[i]
    return " ".join(parts)


def copies(item: dict, rng: random.Random) -> list[dict]:
    kinds = ["retitled-trimmed", "wire", "reworded", "residue", "press-release",
             "same-url", "same-text", "trimmed-wire"]
    made = []
    for n, kind in enumerate(rng.sample(kinds, rng.choice([1, 2, 2, 3]))):
        outlet = rng.choice(OUTLETS)
        text, title = item["text"], retitle(item, rng)
        url = f"https://{outlet}.example/{item['id']}-{n}"
        if kind == "retitled-trimmed":
            text = trim(text, rng)
        elif kind == "wire":
            text = wire(text, rng, outlet)
        elif kind == "reworded":
            text = reword(text, rng)
        elif kind == "residue":
            text = residue(text, rng)
        elif kind == "press-release":
            text = press_release(text, item["source"])
        elif kind == "same-url":
            url, title = f"{item['url']}?utm_source=rss&utm_medium={outlet}", item["title"]
        elif kind == "same-text":
            pass
        elif kind == "trimmed-wire":
            text = wire(trim(text, rng), rng, outlet)
        made.append(item | {"id": f"{item['id']}~{kind}", "title": title, "text": text,
                            "url": url, "source": outlet})
    return made


def handwritten(name: str = "handwritten.txt", prefix: str = "hw") -> list[dict]:
    items, group = [], ""
    current: dict | None = None
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("== "):
            group = line[3:].strip()
        elif line.startswith("-- "):
            label, published, source, title = (p.strip() for p in line[3:].split("|", 3))
            current = {"id": f"{prefix}-{group}-{len(items)}", "title": title, "text": "",
                       "url": f"https://{source}.example/{group}/{len(items)}",
                       "published": f"{published}T12:00:00+00:00", "source": source,
                       "cluster": f"{prefix}-{group}/{label}"}
            items.append(current)
        elif current is not None:
            current["text"] = f"{current['text']}\n{line}".strip()
    return items


def main() -> None:
    rng = random.Random(20200927)
    originals = feed_items()
    out = list(originals)
    for item in originals:
        if len(item["text"].split()) >= 12 and rng.random() < COPIED_SHARE:
            out.extend(copies(item, rng))
    out.extend(handwritten())
    rng.shuffle(out)
    with open(HERE / "labelled.jsonl", "w", encoding="utf-8") as f:
        for item in out:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    clusters = {i["cluster"] for i in out}
    print(f"{len(out)} items, {len(clusters)} stories")
    with open(HERE / "holdout.jsonl", "w", encoding="utf-8") as f:
        for item in handwritten("holdout.txt", "ho"):
            f.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
