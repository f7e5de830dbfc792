"""`sitrep feeds add`, `sitrep feeds list` and `sitrep feeds remove`."""

from __future__ import annotations

import json
from typing import Optional

import typer

from services.ingest.cli import feeds_app, policy
from shared.cli import run_async
from shared.cli.errors import fail
from shared.cli.output import OUTPUT_OPTION, Column, Output, emit

TITLE_TIMEOUT_S = 15.0
LEVEL_STYLES = {"ok": "green", "failing": "yellow", "unhealthy": "bold red", "new": "dim"}


def own_title(url: str, kind: str, config: dict) -> tuple[str | None, str | None]:
    """(the feed's own title, why there is none): one short fetch, guarded like ingest's."""
    from services.ingest.fetch.fetcher import FetchError, Fetcher, FetchLimits
    from services.ingest.parse.document import parse_document
    from services.ingest.parse.model import ParseError

    limits = FetchLimits(connect_timeout=5, read_timeout=10, body_timeout=10, total_timeout=TITLE_TIMEOUT_S)

    async def fetch():
        async with Fetcher(policy=policy(False), limits=limits) as fetcher:
            return await fetcher.fetch(url)

    try:
        result = run_async(fetch())
        feed = parse_document(kind, result.body, result.headers, result.final_url, config)
    except FetchError as exc:
        return None, f"fetch failed ({exc.kind.value}): {exc.message}"
    except ParseError as exc:
        return None, f"not readable as {kind} ({exc.kind.value})"
    title = " ".join((feed.title or "").split())
    return title or None, None if title else "the feed has no title"


@feeds_app.command("add")
def feeds_add(
    url: str,
    kind: str = typer.Option("rss", help="rss (also Atom, RDF and JSON Feed), html or telegram"),
    owner: Optional[str] = typer.Option(None, help="who runs the source (the default claimant if official)"),
    country: Optional[str] = typer.Option(None, help="ISO 3166-1 alpha-2 code"),
    lang: Optional[str] = typer.Option(None, help="language code, e.g. en, hy, az"),
    official: bool = typer.Option(False, help="an official channel (ministry, army)"),
    title: Optional[str] = typer.Option(None, help="default: the feed's own title, read from it now (\"\": none)"),
    min_interval: int = typer.Option(60, help="seconds, lower bound of the polling interval"),
    max_interval: int = typer.Option(3600, help="seconds, upper bound of the polling interval"),
    config: Optional[str] = typer.Option(None, help="kind-specific settings as JSON (e.g. CSS selectors)"),
    full_text: bool = typer.Option(False, help="fetch each new entry's article (for feeds of summaries)"),
) -> None:
    """Register a source; prints its id."""
    from pydantic import ValidationError

    from shared.events.feeds import FeedSettings
    from shared.netguard import BlockedAddress, check_url
    from shared.readmodel.database import open_database
    from shared.readmodel.feeds.commands import FeedAlreadyRegistered, register_feed

    try:
        options = json.loads(config) if config else {}
        settings = FeedSettings(
            url=url, kind=kind, owner=owner, country=country, language=lang, official=official, title=title or None,
            min_interval_s=min_interval, max_interval_s=max_interval, config=options, fetch_full_text=full_text,
        )
    except json.JSONDecodeError as exc:
        raise fail(f"--config is not JSON: {exc}", code=2) from None
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise fail(problems, "`sitrep feeds add --help` lists the options", code=2) from None
    try:
        check_url(url, policy(False))
    except BlockedAddress as exc:
        raise fail(f"the feed URL is refused: {exc.reason}",
                   "SITREP_ALLOW_PRIVATE_NETWORKS=true allows private and loopback addresses", code=2) from None
    if title is None:
        found, why = own_title(url, kind, options)
        if found:
            settings = settings.model_copy(update={"title": found})
        else:
            typer.echo(f"warning: registered without a title: {why} (--title sets one)", err=True)

    async def go() -> str:
        async with open_database() as db, db.transaction() as uow:
            return await register_feed(uow, settings)

    try:
        typer.echo(run_async(go()))
    except FeedAlreadyRegistered as exc:
        raise fail(str(exc), "`sitrep feeds list` shows it") from None


def _state(row: dict) -> str:
    from shared.readmodel.feeds.queries import fetch_summary

    return fetch_summary(row)


def _state_style(row: dict) -> str:
    from shared.readmodel.feeds.queries import fetch_level

    return LEVEL_STYLES[fetch_level(row)]


FEED_COLUMNS = (
    Column("title", "source", max_width=34, show=lambda row: row["title"] or row["url"]),
    Column("kind", "kind", hide=6),
    Column("owner", "owner", max_width=24, hide=3),
    Column("language", "lang", hide=5),
    Column("official", "official", hide=4),
    Column("state", "state", max_width=36, show=_state, style=_state_style),
    Column("items_seen", "items", right=True),
    Column("last_success_at", "last success", time=True, hide=1),
    Column("next_check_at", "next check", time=True, hide=2),
    Column("feed_id", "id"),
)


@feeds_app.command("list")
def feeds_list(output: Optional[Output] = OUTPUT_OPTION) -> None:
    """List registered sources with their fetch state (last status and error, failures in a row,
    next check, health, entries seen)."""
    from shared.readmodel.database import read_connection
    from shared.readmodel.feeds.queries import list_feeds

    async def go() -> list[dict]:
        async with read_connection() as conn:
            return await list_feeds(conn)

    emit(run_async(go()), FEED_COLUMNS, output, empty="no sources yet: `sitrep feeds add URL` or `sitrep feeds import "
         "sources/wires.opml`")


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
    except FeedNotFound:
        raise fail(f"no such feed {feed_id}", "`sitrep feeds list` shows the ids") from None
