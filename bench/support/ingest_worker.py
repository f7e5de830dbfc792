"""Our side of the ingest benchmark, run as a process of its own like the peers are.

Fetches every URL once with the ingest service's `Fetcher` (conditional GET with the validators
kept in a state file, as a peer keeps them in its cache) and turns each document into items with
`process_document` (parse and normalise), `--concurrency` fetches at a time. Prints one JSON
line: feeds, 200s, 304s, items, errors. Exits 3, with {"skipped": reason}, when the checkout it
runs against has no fetch and parse path yet.

    python bench/support/ingest_worker.py URLS_FILE STATE_FILE --concurrency N

It imports `services` and `shared` from PYTHONPATH (the checkout under test), nothing from bench.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

SKIPPED = 3


async def ingest(urls: list[str], state: dict[str, dict], concurrency: int) -> dict:
    from services.ingest.check import process_document
    from services.ingest.fetch.fetcher import Fetcher, FetchError
    from services.ingest.item import Source
    from services.ingest.parse.model import ParseError
    from shared.netguard import AddressPolicy

    summary: Counter = Counter()
    errors: Counter = Counter()
    slots = asyncio.Semaphore(concurrency)

    async def one(n: int, url: str, fetcher: Fetcher) -> None:
        known = state.get(url, {})
        async with slots:
            try:
                result = await fetcher.fetch(url, etag=known.get("etag"), last_modified=known.get("last_modified"))
            except FetchError as exc:
                errors[exc.kind.value] += 1
                return
        state[url] = {"etag": result.etag or known.get("etag"), "last_modified": result.last_modified or known.get("last_modified")}
        if result.not_modified:
            summary["not_modified"] += 1
            return
        summary["ok"] += 1
        try:
            _, items = process_document(Source(id=f"bench-{n}", url=url), result.body, result.headers,
                                        datetime.now(UTC), base_url=result.final_url)
        except ParseError as exc:
            errors[f"parse_{exc.kind.value}"] += 1
            return
        summary["items"] += len(items)

    policy = AddressPolicy(allow_private=True)  # the corpus is served on 127.0.0.1
    async with Fetcher(policy=policy, per_host=concurrency, total=concurrency) as fetcher:
        await asyncio.gather(*(one(n, url, fetcher) for n, url in enumerate(urls)))
    return {"feeds": len(urls), **summary, "errors": dict(errors)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("urls", type=Path)
    parser.add_argument("state", type=Path)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    try:
        import services.ingest.check  # noqa: F401
        import services.ingest.fetch.fetcher  # noqa: F401
    except ImportError as exc:
        print(json.dumps({"skipped": f"this checkout has no ingest fetch and parse path yet ({exc})"}))
        return SKIPPED
    urls = args.urls.read_text().split()
    state = json.loads(args.state.read_text()) if args.state.exists() else {}
    summary = asyncio.run(ingest(urls, state, args.concurrency))
    args.state.write_text(json.dumps(state))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
