"""`sitrep feeds parse` and `sitrep feeds discover`: try a source before adding it."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Optional
from urllib.parse import urlsplit

import typer

from services.ingest.parse.model import DEFAULT_MAX_ITEMS, SOURCE_KINDS
from services.ingest.cli import feeds_app, policy
from shared.cli import run_async
from shared.cli.errors import fail


def _fail(message: str) -> typer.Exit:
    return fail(message)


def _load(target: str, allow_private: bool) -> tuple[bytes, dict[str, str], str]:
    """(body, headers, base URL) of a local file or a fetched URL."""
    from services.ingest.fetch.fetcher import Fetcher, FetchError, FetchResult

    if target.startswith(("http://", "https://")):
        async def fetch() -> FetchResult:
            async with Fetcher(policy=policy(allow_private)) as fetcher:
                return await fetcher.fetch(target)

        try:
            result = run_async(fetch())
        except FetchError as exc:
            raise _fail(f"fetch failed ({exc.kind.value}): {exc.message}") from None
        return result.body, result.headers, result.final_url
    path = Path(target)
    if not path.is_file():
        raise _fail(f"no such file or URL: {target}")
    return path.read_bytes(), {}, path.resolve().as_uri()


@feeds_app.command()
def parse(
    file_or_url: Annotated[str, typer.Argument(help="A local file or an http(s) URL.")],
    kind: Annotated[str, typer.Option(help=f"Source kind: {', '.join(SOURCE_KINDS)}.")] = "",
    source_id: Annotated[str, typer.Option(help="Source id to stamp on the items.")] = "",
    selectors: Annotated[str, typer.Option(help="CSS selectors for an html source, as JSON.")] = "",
    base_url: Annotated[str, typer.Option(help="Resolve a local file's links against this URL.")] = "",
    owner: Annotated[str, typer.Option(help="Who speaks through the source.")] = "",
    country: Annotated[str, typer.Option()] = "",
    lang: Annotated[str, typer.Option(help="The source's language, skipping detection.")] = "",
    official: Annotated[bool, typer.Option(help="An official channel.")] = False,
    max_items: Annotated[int, typer.Option(help="Entries kept per document.")] = DEFAULT_MAX_ITEMS,
    allow_private: Annotated[bool, typer.Option(help="Allow private and loopback addresses.")] = False,
) -> None:
    """Print the normalised items of a feed document as JSON lines."""
    from services.ingest.check import process_document
    from services.ingest.item import Source
    from services.ingest.parse.model import ParseError

    kind = kind or ("telegram" if "//t.me/s/" in file_or_url else "rss")
    if kind not in SOURCE_KINDS:
        raise _fail(f"unknown kind {kind!r}; expected one of {', '.join(SOURCE_KINDS)}")
    try:
        config = {"selectors": json.loads(selectors)} if selectors else {}
    except json.JSONDecodeError as exc:
        raise _fail(f"--selectors is not JSON: {exc}") from None
    body, headers, fetched_from = _load(file_or_url, allow_private)
    url = base_url or fetched_from
    source = Source(
        id=source_id or urlsplit(url).hostname or Path(file_or_url).stem,
        url=url, kind=kind, owner=owner or None, country=country or None,
        language=lang or None, official=official, config=config,
    )
    try:
        feed, items = process_document(source, body, headers, datetime.now(UTC), base_url=url, max_items=max_items)
    except ParseError as exc:
        raise _fail(f"cannot read {file_or_url} ({exc.kind.value}): {exc.message}") from None
    for warning in feed.warnings:
        typer.echo(f"warning: {warning}", err=True)
    out = sys.stdout
    for item in items:
        out.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
    out.flush()


@feeds_app.command()
def discover(
    url: Annotated[str, typer.Argument(help="A web page (or a local HTML file).")],
    allow_private: Annotated[bool, typer.Option(help="Allow private and loopback addresses.")] = False,
) -> None:
    """List the feeds a page advertises."""
    from services.ingest.fetch.discover import discover_feeds

    body, headers, page_url = _load(url, allow_private)
    feeds = discover_feeds(body, headers, page_url)
    if not feeds:
        raise _fail(f"{url} advertises no feed")
    for feed in feeds:
        typer.echo(json.dumps({"url": feed.url, "type": feed.type, "title": feed.title, "kind": feed.kind},
                              ensure_ascii=False))
