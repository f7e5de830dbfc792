"""`sitrep`: one command line for running, operating and testing sitrep."""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Optional

import typer

from services.api.cli import keys_app
from shared.settings import get_settings

app = typer.Typer(
    help="sitrep — an event-sourced news monitor for armed conflicts.", no_args_is_help=True, pretty_exceptions_enable=False
)
feeds_app = typer.Typer(help="Register, list and test news sources.", no_args_is_help=True)
app.add_typer(feeds_app, name="feeds")
app.add_typer(keys_app, name="keys")

SERVICE_NAMES = ("ingest", "dedupe", "alerts", "api")


@app.command()
def migrate() -> None:
    """Bring the database schema up to date."""
    from shared.migrate import upgrade

    upgrade(get_settings().database_url)
    typer.echo("database schema is up to date")


@app.command()
def run(service: str = typer.Argument(..., help="ingest, dedupe, alerts or api")) -> None:
    """Run one service in the foreground."""
    settings = get_settings()
    if service == "api":
        from services.api.bootstrap import run as run_api

        run_api(settings)
        return
    if service not in SERVICE_NAMES:
        raise typer.BadParameter(f"unknown service {service!r}; choose one of {', '.join(SERVICE_NAMES)}")
    import importlib

    from shared.runtime import run_service

    bootstrap = importlib.import_module(f"services.{service}.bootstrap")
    run_service(service, bootstrap.main, settings)


@app.command()
def up() -> None:
    """Run every service (ingest, dedupe, alerts, api) under one supervisor; Ctrl-C stops them all."""
    from services.supervisor import supervise

    asyncio.run(supervise())


@app.command()
def replay() -> None:
    """Rebuild every projection from the event log, with a progress bar."""
    from rich.progress import Progress

    from services.projections import all_projections
    from shared.db import create_engine
    from shared.replay import replay as replay_log
    from shared.unit_of_work import Database

    async def go() -> int:
        db = Database(create_engine(get_settings()), all_projections())
        try:
            with Progress() as bar:
                task = bar.add_task("replaying events", total=None)

                def progress(position: int, total: int) -> None:
                    bar.update(task, completed=position, total=total)

                return await replay_log(db, progress)
        finally:
            await db.engine.dispose()

    applied = asyncio.run(go())
    typer.echo(f"replayed {applied} events")


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
) -> None:
    """Register a source."""
    from pydantic import ValidationError

    from services.ingest.registry import FeedAlreadyRegistered, register_feed
    from shared.events.feeds import FeedSettings

    try:
        settings = FeedSettings(
            url=url, kind=kind, owner=owner, country=country, language=lang, official=official, title=title,
            min_interval_s=min_interval, max_interval_s=max_interval, config=json.loads(config) if config else {},
        )
    except (ValidationError, json.JSONDecodeError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc

    async def go() -> str:
        async with _database() as db, db.transaction() as uow:
            return await register_feed(uow, settings)

    try:
        typer.echo(asyncio.run(go()))
    except FeedAlreadyRegistered as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc


@feeds_app.command("list")
def feeds_list() -> None:
    """List registered sources with their fetch state, as JSON lines."""
    from sqlalchemy import select

    from services.ingest.tables import feed_fetch_state, feeds

    async def go() -> None:
        async with _database() as db, db.engine.connect() as conn:
            rows = await conn.execute(
                select(feeds, feed_fetch_state)
                .join(feed_fetch_state, feed_fetch_state.c.feed_id == feeds.c.feed_id, isouter=True)
                .where(feeds.c.removed_at.is_(None))
                .order_by(feeds.c.registered_at)
            )
            for row in rows.mappings():
                sys.stdout.write(json.dumps(dict(row), default=str) + "\n")

    asyncio.run(go())


@feeds_app.command("remove")
def feeds_remove(feed_id: str, reason: Optional[str] = typer.Option(None)) -> None:
    """Remove a source (its history stays in the event log)."""
    from services.ingest.registry import FeedNotFound, remove_feed

    async def go() -> None:
        async with _database() as db, db.transaction() as uow:
            await remove_feed(uow, feed_id, reason)

    try:
        asyncio.run(go())
    except FeedNotFound as exc:
        typer.echo(f"error: no such feed {feed_id}", err=True)
        raise typer.Exit(1) from exc


class _database:
    """An async context giving a Database with every projection, disposed on exit."""

    async def __aenter__(self):
        from services.projections import all_projections
        from shared.db import create_engine
        from shared.unit_of_work import Database

        self.db = Database(create_engine(get_settings(), pool_size=2), all_projections())
        return self.db

    async def __aexit__(self, *exc_info) -> None:
        await self.db.engine.dispose()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
