"""Parse: items per second of our parse path against `feedparser.parse` on the same bytes.

    .venv/bin/python -m bench.parse_corpus [--quick | --full] [--repeat N]

Two sets of documents from shared/data/feeds (SITREP_SHARED_DATA to look elsewhere): every
document of the feed corpus (feedparser's own test documents, rss-parser's and NetNewsWire's
samples), and the large real news feeds alone (rss-parser, NetNewsWire). Both sides read the same
bytes from memory, the XML documents only (feedparser reads no JSON Feed; the JSON documents are
left out of both). Ours is the whole `sitrep feeds parse` path minus printing: entity guard,
encoding guess, parse and normalisation (canonical URL, clean text, sanitised HTML, dates,
language). The baseline is `feedparser.parse` alone.

Each side counts what it yields: ours the items it keeps (a document it refuses yields none, an
entry without a link is dropped), feedparser every entry. So items/s is what each delivers per
second, and MB/s the same work in bytes. Rates are per CPU-second of this process, so a busy
machine slows both sides alike. Each measurement repeats passes over a set for a fixed time
(3 s quick, 20 s full); the median of `--repeat` runs is reported.
"""

from __future__ import annotations

import argparse
import collections
import io
import os
import warnings
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import feedparser

from bench.common import REPO, Results, arguments, main, median, median_sample, run_for, sized
from services.ingest.check import process_document
from services.ingest.item import Source
from services.ingest.parse.model import ParseError
from services.ingest.parse.rss import run_feedparser
from tools.feedparser_corpus import CorpusDocument, documents, expectation_holds, load

BENCH, STAGE = "parse_corpus", "Parse"
DATA = Path(os.environ.get("SITREP_SHARED_DATA", REPO / ".." / "shared" / "data")).resolve()
FEEDS = DATA / "feeds"
REAL_FEEDS = ("rss-parser", "netnewswire")
OURS = "sitrep feeds parse (process_document)"
BASELINE = "feedparser.parse"


def all_documents() -> Iterator[CorpusDocument]:
    yield from documents(FEEDS / "feedparser-corpus")
    for folder in REAL_FEEDS:
        for path in sorted((FEEDS / folder).rglob("*")):
            if path.is_file() and path.suffix not in (".txt", ".md") and path.name != "LICENSE.txt":
                yield load(path, FEEDS)


def parse_ours(docs: Sequence[CorpusDocument], fetched_at: datetime,
               refused: collections.Counter | None = None) -> int:
    items = 0
    for doc in docs:
        try:
            _, found = process_document(Source(id="bench", url=doc.base_url), doc.body, doc.headers, fetched_at)
            items += len(found)
        except ParseError as exc:
            if refused is not None:
                refused[exc.kind.value] += 1
    return items


def parse_feedparser(docs: Sequence[CorpusDocument]) -> int:
    return sum(len(feedparser.parse(io.BytesIO(doc.body), response_headers=dict(doc.headers))["entries"])
               for doc in docs)


def expectations(docs: Sequence[CorpusDocument]) -> dict[str, str]:
    """How many of the corpus's own expectations hold on what our parser returns."""
    held, total = collections.Counter(), collections.Counter()
    for doc in docs:
        if not doc.expect:
            continue
        group = "about entries" if doc.concerns_entries else "HTTP metadata, feed-level fields"
        try:
            held[group] += expectation_holds(doc.expect, run_feedparser(doc.body, doc.headers, doc.base_url))
        except ParseError:
            pass
        total[group] += 1
    return {group: f"{held[group]} of {count}" for group, count in total.items()}


async def compare(results: Results, label: str, docs: Sequence[CorpusDocument], args: argparse.Namespace) -> dict:
    """items/s and MB/s of both sides over `docs`; returns what one pass over them yields."""
    budget = sized(args, 3.0, 20.0)
    fetched_at = datetime.now(UTC)
    refused: collections.Counter = collections.Counter()
    per_pass = {"ours": parse_ours(docs, fetched_at, refused), "baseline": parse_feedparser(docs)}
    megabytes = sum(len(doc.body) for doc in docs) / 1e6

    async def ours(batch: Sequence[CorpusDocument]) -> int:
        return parse_ours(batch, fetched_at)

    async def baseline(batch: Sequence[CorpusDocument]) -> int:
        return parse_feedparser(batch)

    _, ours_runs = await median_sample(args.repeat, lambda: run_for(budget, lambda: docs, ours))
    _, base_runs = await median_sample(args.repeat, lambda: run_for(budget, lambda: docs, baseline))
    ours_rate, base_rate = median([s.cpu_rate for s in ours_runs]), median([s.cpu_rate for s in base_runs])
    detail = {"ours_runs": [round(s.cpu_rate) for s in ours_runs],
              "baseline_runs": [round(s.cpu_rate) for s in base_runs]}
    results.compare(f"items parsed, {label}", "items/s", ours_rate, [(BASELINE, base_rate)],
                    ours_label=OURS, detail=detail)
    results.compare(f"bytes parsed (same documents), {label}", "MB/s", ours_rate / per_pass["ours"] * megabytes,
                    [(BASELINE, base_rate / per_pass["baseline"] * megabytes)], ours_label=OURS)
    return {"documents": len(docs), "MB": round(megabytes, 2), "items kept": per_pass["ours"],
            "feedparser entries": per_pass["baseline"], "refused": dict(refused)}


async def run(args: argparse.Namespace, results: Results) -> None:
    warnings.simplefilter("ignore")
    docs = list(all_documents())
    xml = [doc for doc in docs if doc.path.suffix != ".json"]
    real = [doc for doc in xml if doc.relative.split("/")[0] in REAL_FEEDS]
    sets = {}
    for label, group in (("feed corpus", xml), ("large real news feeds", real)):
        sets[label] = await compare(results, label, group, args)
    results.note(**sets, json_documents_left_out=len(docs) - len(xml),
                 expectations_held=expectations(xml), feedparser=feedparser.__version__,
                 seconds_per_measurement=sized(args, 3.0, 20.0), repeat=args.repeat)


if __name__ == "__main__":
    raise SystemExit(main(BENCH, STAGE, run, arguments(__doc__.splitlines()[0]).parse_args()))
