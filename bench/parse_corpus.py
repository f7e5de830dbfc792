"""Items per second of `sitrep feeds parse` over every feed document in shared/data, against plain feedparser.

    python bench/parse_corpus.py [--rounds N]

Both sides read the same bytes from memory.  Ours is the whole `feeds parse`
path minus printing: entity guard, encoding guess, parse, and normalisation
(canonical URL, clean text, sanitised HTML, dates, language).  The baseline is
`feedparser.parse` alone on the XML documents (it reads no JSON Feed).
"""

from __future__ import annotations

import argparse
import collections
import io
import os
import sys
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import feedparser  # noqa: E402

from services.ingest.item import Source  # noqa: E402
from services.ingest.parsers import ParseError  # noqa: E402
from services.ingest.parsers.rss import run_feedparser  # noqa: E402
from services.ingest.processor import process_document  # noqa: E402
from tests.support.feedparser_corpus import documents, expectation_holds, load  # noqa: E402

DATA = Path(os.environ.get("SITREP_SHARED_DATA", ROOT / ".." / "shared" / "data")).resolve()
FEEDS = DATA / "feeds"


def all_documents():
    corpus = FEEDS / "feedparser-corpus"
    yield from documents(corpus)
    for folder in ("rss-parser", "netnewswire"):
        for path in sorted((FEEDS / folder).rglob("*")):
            if path.is_file() and path.suffix not in (".txt", ".md") and path.name != "LICENSE.txt":
                yield load(path, FEEDS)


def run_ours(docs, fetched_at):
    items, refused = 0, collections.Counter()
    for doc in docs:
        try:
            _, found = process_document(Source(id="bench", url=doc.base_url), doc.body, doc.headers, fetched_at)
            items += len(found)
        except ParseError as exc:
            refused[exc.kind.value] += 1
    return items, refused


def run_feedparser_only(docs):
    entries = 0
    for doc in docs:
        if doc.path.suffix != ".json":
            entries += len(feedparser.parse(io.BytesIO(doc.body), response_headers=dict(doc.headers))["entries"])
    return entries


def expectations(docs):
    counts = collections.Counter()
    for doc in docs:
        if not doc.expect or doc.path.suffix == ".json":
            continue
        group = "about what we keep" if doc.concerns_entries else "other (HTTP metadata, feed-level fields)"
        try:
            holds = expectation_holds(doc.expect, run_feedparser(doc.body, doc.headers, doc.base_url))
        except ParseError:
            holds = False
            counts["refused by the entity guard"] += 1
        counts[(group, holds)] += 1
    return counts


def report(label, docs, fetched_at, rounds: int) -> None:
    best_ours = best_fp = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        items, refused = run_ours(docs, fetched_at)
        best_ours = min(best_ours, time.perf_counter() - started)
        started = time.perf_counter()
        entries = run_feedparser_only(docs)
        best_fp = min(best_fp, time.perf_counter() - started)
    print(f"== {label}: {len(docs)} documents; read: {len(docs) - sum(refused.values())}; "
          f"refused: {dict(refused)}")
    print(f"sitrep feeds parse: {items} items in {best_ours:.2f} s = {items / best_ours:,.0f} items/s "
          f"({len(docs) / best_ours:,.0f} documents/s)")
    print(f"feedparser.parse:   {entries} entries in {best_fp:.2f} s = {entries / best_fp:,.0f} entries/s "
          f"({len(docs) / best_fp:,.0f} documents/s)")
    print(f"time ratio (ours / feedparser): {best_ours / best_fp:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    docs = list(all_documents())
    fetched_at = datetime.now(UTC)
    run_ours(docs[:50], fetched_at)  # load the language model and date tables outside the timing

    real = [d for d in docs if not d.relative.startswith("tests/")]
    for label, group in (("all documents", docs), ("real news feeds (rss-parser, netnewswire)", real)):
        report(label, group, fetched_at, args.rounds)
    for key, count in sorted(expectations(docs).items(), key=str):
        print(f"Expect {key}: {count}")


if __name__ == "__main__":
    main()
