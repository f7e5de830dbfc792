"""`sitrep feeds …`: try a source offline before adding it."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Optional
from urllib.parse import urlsplit

import typer

from services.ingest.parse.model import DEFAULT_MAX_ITEMS, SOURCE_KINDS
from shared.cli import command_group, run_async

feeds_app = command_group("News sources: register, list, remove; parse or discover them.", no_args_is_help=True)


def _policy(allow_private: bool):
    from shared.netguard import AddressPolicy
    from shared.settings import get_settings

    return AddressPolicy(allow_private=allow_private or get_settings().allow_private_networks)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(1)


def _load(target: str, allow_private: bool) -> tuple[bytes, dict[str, str], str]:
    """(body, headers, base URL) of a local file or a fetched URL."""
    from services.ingest.fetch.fetcher import Fetcher, FetchError, FetchResult

    if target.startswith(("http://", "https://")):
        async def fetch() -> FetchResult:
            async with Fetcher(policy=_policy(allow_private)) as fetcher:
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


@feeds_app.command("add")
def feeds_add(
    url: str,
    kind: str = typer.Option("rss", help="rss, html or telegram"),
    owner: Optional[str] = typer.Option(None, help="who runs the source (the default claimant if official)"),
    country: Optional[str] = typer.Option(None, help="ISO 3166-1 alpha-2 code"),
    lang: Optional[str] = typer.Option(None, help="language code, e.g. en, hy, az"),
    official: bool = typer.Option(False, help="an official channel (ministry, army)"),
    title: Optional[str] = typer.Option(None),
    min_interval: int = typer.Option(60, help="seconds, lower bound of the polling interval"),
    max_interval: int = typer.Option(3600, help="seconds, upper bound of the polling interval"),
    config: Optional[str] = typer.Option(None, help="kind-specific settings as JSON (e.g. CSS selectors)"),
    full_text: bool = typer.Option(False, help="fetch each new entry's article (for feeds of summaries)"),
) -> None:
    """Register a source."""
    from pydantic import ValidationError

    from shared.events.feeds import FeedSettings
    from shared.netguard import BlockedAddress, check_url
    from shared.readmodel.database import open_database
    from shared.readmodel.feeds.commands import FeedAlreadyRegistered, register_feed

    try:
        settings = FeedSettings(
            url=url, kind=kind, owner=owner, country=country, language=lang, official=official, title=title,
            min_interval_s=min_interval, max_interval_s=max_interval, config=json.loads(config) if config else {},
            fetch_full_text=full_text,
        )
    except (ValidationError, json.JSONDecodeError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    try:
        check_url(url, _policy(False))
    except BlockedAddress as exc:
        typer.echo(f"error: the feed URL is refused: {exc.reason} (SITREP_ALLOW_PRIVATE_NETWORKS=true allows it)", err=True)
        raise typer.Exit(2) from exc

    async def go() -> str:
        async with open_database() as db, db.transaction() as uow:
            return await register_feed(uow, settings)

    try:
        typer.echo(run_async(go()))
    except FeedAlreadyRegistered as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc


@feeds_app.command("list")
def feeds_list() -> None:
    """List registered sources with their fetch state (last status and error, failures in a row,
    next check, health, entries seen), as JSON lines."""
    from sqlalchemy import select

    from shared.readmodel.database import read_connection
    from shared.readmodel.feeds.tables import feed_fetch_state, feeds

    hidden = {"feed_id", "recent_published", "content_hash", "lease_id"}
    state = [column for column in feed_fetch_state.c if column.name not in hidden]

    async def go() -> None:
        async with read_connection() as conn:
            rows = await conn.execute(
                select(feeds, *state)
                .join(feed_fetch_state, feed_fetch_state.c.feed_id == feeds.c.feed_id, isouter=True)
                .where(feeds.c.removed_at.is_(None))
                .order_by(feeds.c.registered_at)
            )
            for row in rows.mappings():
                sys.stdout.write(json.dumps(dict(row), default=str) + "\n")

    run_async(go())


@feeds_app.command("remove")
def feeds_remove(feed_id: str, reason: Optional[str] = typer.Option(None)) -> None:
    """Remove a source (its history stays in the event log)."""
    from shared.readmodel.database import open_database
    from shared.readmodel.feeds.commands import FeedNotFound, remove_feed

    async def go() -> None:
        async with open_database() as db, db.transaction() as uow:
            await remove_feed(uow, feed_id, reason)

    try:
        run_async(go())
    except FeedNotFound as exc:
        typer.echo(f"error: no such feed {feed_id}", err=True)
        raise typer.Exit(1) from exc


if __name__ == "__main__":
    feeds_app()
