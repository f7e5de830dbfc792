"""`sitrep subscriptions …`: add, change, list, remove, rotate secrets, send a test ping, redeliver."""

from __future__ import annotations

import json
from typing import Any, Optional

import typer

from services.alerts.cli import subscriptions_app
from shared.cli import run_async
from shared.cli.errors import fail
from shared.cli.output import OUTPUT_OPTION, Column, Output, emit

_CSV = "comma-separated"


def _csv(value: str | None) -> list[str] | None:
    return None if value is None else [part.strip() for part in value.split(",") if part.strip()]


FILTER_OPTIONS = ("kinds", "categories", "novelty", "sides", "parties", "claimants", "official_only", "countries",
                  "languages", "keywords", "min_count", "subjects", "contexts", "conflicts", "claimant_parties", "per_incident")


def _filters(arguments: dict[str, Any]) -> dict[str, Any]:
    """The filter options that were given among a command's arguments, as SubscriptionFilters fields."""
    options = {k: arguments[k] for k in FILTER_OPTIONS}
    scalars = ("official_only", "min_count", "per_incident")
    lists = {k: _csv(v) for k, v in options.items() if k not in scalars}
    given = {k: v for k, v in lists.items() if v is not None}
    given |= {k: options[k] for k in scalars if options.get(k) is not None}
    return given


def _fail(message: str, code: int = 1) -> typer.Exit:
    return fail(message, code=code)


def _run(coro):
    from pydantic import ValidationError

    from shared.netguard import BlockedAddress
    from shared.readmodel.deliveries.commands import DeliveryNotFound, DeliveryPending
    from shared.readmodel.subscriptions.commands import SubscriptionNotFound

    try:
        return run_async(coro)
    except (SubscriptionNotFound, DeliveryNotFound) as exc:
        raise fail(f"not found: {exc}", "`sitrep subscriptions list` shows the ids") from exc
    except (BlockedAddress, DeliveryPending) as exc:
        raise _fail(str(exc)) from exc
    except ValidationError as exc:
        raise _fail(str(exc), 2) from exc


def _database():
    from shared.readmodel.database import open_database

    return open_database()


def _allow_private() -> bool:
    from shared.settings import get_settings

    return get_settings().allow_private_networks


KINDS = typer.Option(None, help=f"claim kinds ({_CSV}): casualty, ceasefire")
CATEGORIES = typer.Option(None, help=f"categories ({_CSV}), e.g. killed,downed,call,violation")
NOVELTY = typer.Option(None, help=f"novelty ({_CSV}); default new,updated")
SIDES = typer.Option(None, help=f"sides that suffered a casualty claim ({_CSV})")
PARTIES = typer.Option(None, help=f"parties to a ceasefire claim ({_CSV})")
CLAIMANTS = typer.Option(None, help=f"who makes the claim ({_CSV}; matches names containing these)")
OFFICIAL = typer.Option(None, "--official-only/--any-source", help="only claims read in official channels")
COUNTRIES = typer.Option(None, help=f"source countries ({_CSV}, ISO codes)")
LANGUAGES = typer.Option(None, help=f"languages ({_CSV}), e.g. en,ru")
KEYWORDS = typer.Option(None, help=f"words in the sentence or title ({_CSV})")
MIN_COUNT = typer.Option(None, help="smallest count a casualty claim must reach")
SUBJECTS = typer.Option(None, help=f"what was hit ({_CSV}), e.g. soldier,tank,helicopter")
CONTEXTS = typer.Option(None, help=f"what claims are about ({_CSV}); default armed_conflict, e.g. armed_conflict,terrorism")
CONFLICTS = typer.Option(None, help=f"conflicts ({_CSV}), e.g. armenia-azerbaijan,russia-ukraine")
CLAIMANT_PARTIES = typer.Option(None, help=f"the parties claimants speak for ({_CSV}), e.g. Ukraine")
PER_INCIDENT = typer.Option(None, "--per-incident/--per-claim", help="one alert per incident rather than per claim")


@subscriptions_app.command("add")
def add(
    url: str, description: Optional[str] = typer.Option(None), kinds: Optional[str] = KINDS,
    categories: Optional[str] = CATEGORIES, novelty: Optional[str] = NOVELTY, sides: Optional[str] = SIDES,
    parties: Optional[str] = PARTIES, claimants: Optional[str] = CLAIMANTS, official_only: Optional[bool] = OFFICIAL,
    countries: Optional[str] = COUNTRIES, languages: Optional[str] = LANGUAGES, keywords: Optional[str] = KEYWORDS,
    min_count: Optional[int] = MIN_COUNT, subjects: Optional[str] = SUBJECTS, contexts: Optional[str] = CONTEXTS,
    conflicts: Optional[str] = CONFLICTS, claimant_parties: Optional[str] = CLAIMANT_PARTIES,
    per_incident: Optional[bool] = PER_INCIDENT,
) -> None:
    """Subscribe a webhook URL; prints its id and signing secret (shown only this once)."""
    from shared.events.subscriptions import SubscriptionFilters, SubscriptionSettings
    from shared.readmodel.subscriptions.commands import create_subscription

    filters = _filters(locals())

    async def go():
        settings = SubscriptionSettings(url=url, description=description, filters=SubscriptionFilters(**filters))
        async with _database() as db, db.transaction() as uow:
            return await create_subscription(uow, settings, allow_private=_allow_private())

    created = _run(go())
    typer.echo(json.dumps({"subscription_id": created.subscription_id, "secret": created.secret, "key_id": created.key_id}))
    typer.echo("keep the secret now: it is not shown again", err=True)


@subscriptions_app.command("update")
def update(
    subscription_id: str, url: Optional[str] = typer.Option(None), description: Optional[str] = typer.Option(None),
    enabled: Optional[bool] = typer.Option(None, "--enable/--disable"), kinds: Optional[str] = KINDS,
    categories: Optional[str] = CATEGORIES, novelty: Optional[str] = NOVELTY, sides: Optional[str] = SIDES,
    parties: Optional[str] = PARTIES, claimants: Optional[str] = CLAIMANTS, official_only: Optional[bool] = OFFICIAL,
    countries: Optional[str] = COUNTRIES, languages: Optional[str] = LANGUAGES, keywords: Optional[str] = KEYWORDS,
    min_count: Optional[int] = MIN_COUNT, subjects: Optional[str] = SUBJECTS, contexts: Optional[str] = CONTEXTS,
    conflicts: Optional[str] = CONFLICTS, claimant_parties: Optional[str] = CLAIMANT_PARTIES,
    per_incident: Optional[bool] = PER_INCIDENT,
) -> None:
    """Change a subscription's URL, description, state or filters (filters not given stay as they are)."""
    from shared.readmodel.subscriptions.commands import update_subscription

    filters = _filters(locals())
    changes = {k: v for k, v in {"url": url, "description": description, "enabled": enabled}.items() if v is not None}
    if filters:
        changes["filters"] = filters

    async def go():
        async with _database() as db, db.transaction() as uow:
            return await update_subscription(uow, subscription_id, changes, reason="changed from the command line",
                                             allow_private=_allow_private())

    typer.echo(json.dumps(_run(go())))


def _filters_text(row: dict) -> str:
    given = {k: v for k, v in (row.get("filters") or {}).items() if v not in (None, [], False)}
    return "; ".join(f"{k}={','.join(map(str, v)) if isinstance(v, list) else v}" for k, v in sorted(given.items()))


SUBSCRIPTION_COLUMNS = (
    Column("url", "url", max_width=48),
    Column("description", "description", max_width=30, hide=1),
    Column("enabled", "enabled"),
    Column("filters", "filters", max_width=50, show=_filters_text, hide=2),
    Column("created_at", "created", time=True, hide=3),
    Column("subscription_id", "id"),
)


@subscriptions_app.command("list")
def list_(output: Optional[Output] = OUTPUT_OPTION) -> None:
    """Subscriptions (secrets are never listed)."""
    from sqlalchemy import select

    from shared.readmodel.database import read_connection
    from shared.readmodel.subscriptions.tables import subscriptions

    async def go():
        async with read_connection() as conn:
            rows = await conn.execute(
                select(subscriptions).where(subscriptions.c.deleted_at.is_(None)).order_by(subscriptions.c.created_at)
            )
            return [dict(row) for row in rows.mappings()]

    emit(_run(go()), SUBSCRIPTION_COLUMNS, output, empty="no subscriptions yet: `sitrep subscriptions add URL`")


@subscriptions_app.command("remove")
def remove(subscription_id: str, reason: Optional[str] = typer.Option(None)) -> None:
    """Delete a subscription (its history stays in the event log)."""
    from shared.readmodel.subscriptions.commands import delete_subscription

    async def go():
        async with _database() as db, db.transaction() as uow:
            await delete_subscription(uow, subscription_id, reason)

    _run(go())


@subscriptions_app.command("rotate-secret")
def rotate(subscription_id: str, overlap: str = typer.Option("24h", help="how long the old secret keeps signing")) -> None:
    """Make a new signing secret (shown once); the old one signs too until the overlap ends."""
    from shared.readmodel.subscriptions.commands import rotate_secret
    from shared.webhooks.schedule import parse_duration

    async def go():
        async with _database() as db, db.transaction() as uow:
            return await rotate_secret(uow, subscription_id, parse_duration(overlap))

    rotated = _run(go())
    typer.echo(json.dumps({"subscription_id": rotated.subscription_id, "secret": rotated.secret, "key_id": rotated.key_id}))


@subscriptions_app.command("test")
def test(subscription_id: str) -> None:
    """Send a signed `ping` to the subscription's URL now and print the answer."""
    from shared.webhooks.ping import send_ping
    from shared.webhooks.settings import WebhookSettings

    async def go():
        async with _database() as db:
            return await send_ping(db, subscription_id, WebhookSettings(), allow_private=_allow_private())

    result = _run(go())
    typer.echo(json.dumps({"status_code": result.status_code, "latency_ms": result.latency_ms, "error": result.error}))
    if result.status_code is None or not 200 <= result.status_code < 300:
        raise typer.Exit(1)


@subscriptions_app.command("redeliver")
def redeliver(
    delivery_id: Optional[str] = typer.Argument(None),
    dead_lettered: bool = typer.Option(False, "--dead-lettered", help="every dead-lettered message"),
    subscription: Optional[str] = typer.Option(None, help="with --dead-lettered: only this subscription's"),
) -> None:
    """Send one message again (same webhook-id), or every dead-lettered one."""
    from shared.readmodel.deliveries import commands as deliveries

    if bool(delivery_id) == dead_lettered:
        raise _fail("give a delivery id or --dead-lettered", 2)

    async def go():
        async with _database() as db, db.transaction() as uow:
            if delivery_id:
                await deliveries.redeliver(uow, delivery_id, reason="requested from the command line")
                return [delivery_id]
            return await deliveries.redeliver_dead_lettered(uow, subscription, reason="requested from the command line")

    for requeued in _run(go()):
        typer.echo(requeued)
