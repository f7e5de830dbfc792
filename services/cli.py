"""`sitrep`: one command line for running, operating and testing sitrep.

The composition root of the command line: it may import every service's `cli` module, and each of
those imports only Typer at the top, so `sitrep --help` starts at once; a command imports what it
needs when it runs.
"""

from __future__ import annotations

import json
from typing import Optional

import typer

from services.alerts.cli import claims_app, subscriptions_app
from services.api.cli import keys_app
from services.dedupe.cli import dedupe_app, stories_app
from services.ingest.cli import feeds_app
from shared.cli import command_group, run_async
from shared.cli.output import OUTPUT_OPTION, Output, chosen, console, dumps, to_jsonable

app = command_group("sitrep — an event-sourced news monitor for armed conflicts.", no_args_is_help=True
)
app.add_typer(feeds_app, name="feeds")
app.add_typer(subscriptions_app, name="subscriptions")
app.add_typer(claims_app, name="claims")
app.add_typer(stories_app, name="stories")
app.add_typer(keys_app, name="keys")
app.add_typer(dedupe_app, name="dedupe")

SERVICE_NAMES = ("ingest", "dedupe", "alerts", "api")


@app.command()
def migrate() -> None:
    """Bring the database schema up to date."""
    from shared.migrate import upgrade
    from shared.settings import get_settings

    upgrade(get_settings().database_url)
    typer.echo("database schema is up to date")


@app.command()
def run(service: str = typer.Argument(..., help="ingest, dedupe, alerts or api")) -> None:
    """Run one service in the foreground."""
    from shared.settings import get_settings

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

    run_async(supervise())


@app.command()
def status(
    output: Optional[Output] = OUTPUT_OPTION,
    prometheus: str = typer.Option("http://127.0.0.1:9090", help="the Prometheus to check"),
) -> None:
    """The stack, the services, consumer lag, failing sources and the webhook queue, on one screen.
    Exits 1 when something is down."""
    from shared.cli.status import render, status_json
    from shared.settings import get_settings
    from shared.status import gather_status

    found = run_async(gather_status(get_settings(), prometheus))
    if chosen(output) is Output.table:
        render(found, console())
    else:
        typer.echo(dumps(status_json(found)) if chosen(output) is Output.jsonl else
                   json.dumps(status_json(found), default=to_jsonable, indent=2))
    if not found.healthy:
        raise typer.Exit(1)


@app.command()
def replay() -> None:
    """Rebuild every projection from the event log, with a progress bar."""
    from rich.progress import Progress

    from shared.db import create_engine
    from shared.readmodel.projections import all_projections
    from shared.replay import replay as replay_log
    from shared.settings import get_settings
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

    applied = run_async(go())
    typer.echo(f"replayed {applied} events")


def main() -> None:
    from shared.cli.errors import run_cli

    run_cli(app)


if __name__ == "__main__":
    main()
