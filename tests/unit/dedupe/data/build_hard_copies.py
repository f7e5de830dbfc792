"""Build ``hard_copies.jsonl`` from ``tests/data/incidents/copies_hard.jsonl`` (provenance there).

Run from the repository root (output is committed; re-run only to change the set):

    python tests/unit/dedupe/data/build_hard_copies.py

Each pair becomes two items in the labelled set's shape. An article met in more than one pair
(same URL and text) is one item; a ``copy`` pair, or one URL read twice (a feed item and the
full page), or one headline on two hosts (a syndicated item both scraped as a cookie banner),
puts both items in one cluster, every other item is a cluster of its own, so a ``distinct`` pair merged is a false merge. Items without a date get
the date of the pair's other side, or 2020-01-01, so that the set never depends on today.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[2] / "data" / "incidents" / "copies_hard.jsonl"
OUT = HERE / "hard_copies.jsonl"
DEFAULT_DATE = "2020-01-01"


def main() -> None:
    items: dict[tuple[str, str], dict] = {}
    by_url: dict[str, str] = {}
    by_title: dict[str, str] = {}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        ids = []
        for side in ("a", "b"):
            article = pair[side]
            key = (article["url"], article["text"])
            if key not in items:
                item_id = f"hc-{pair['id']}-{side}"
                other = pair["b" if side == "a" else "a"]
                items[key] = {
                    "id": item_id, "title": article["title"], "text": article["text"], "url": article["url"],
                    "published": article["published"] or other["published"] or DEFAULT_DATE,
                    "source": article["outlet"],
                }
                parent[item_id] = item_id
                if article["url"] in by_url:
                    parent[item_id] = find(by_url[article["url"]])
                by_url.setdefault(article["url"], item_id)
                if article["title"] in by_title and find(by_title[article["title"]]) != find(item_id):
                    parent[find(item_id)] = find(by_title[article["title"]])
                by_title.setdefault(article["title"], item_id)
            ids.append(items[key]["id"])
        if pair["label"] == "copy":
            parent[find(ids[1])] = find(ids[0])
    with OUT.open("w", encoding="utf-8") as out:
        for item in items.values():
            out.write(json.dumps(item | {"cluster": find(item["id"])}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
