"""`sitrep keys`: create, list and revoke API keys."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import TypeVar

import typer

from shared.cli import command_group, run_async

keys_app = command_group("Create, list and revoke API keys.", no_args_is_help=True)

T = TypeVar("T")


def _with_connection(work: Callable[..., Awaitable[T]]) -> T:
    from shared.db import create_engine
    from shared.settings import get_settings

    async def go() -> T:
        engine = create_engine(get_settings(), pool_size=1)
        try:
            async with engine.begin() as conn:
                return await work(conn)
        finally:
            await engine.dispose()

    return run_async(go())


@keys_app.command("create")
def keys_create(
    name: str = typer.Option(..., help="Who or what uses the key, e.g. 'newsroom desk'"),
    scope: str = typer.Option("read", help="read (queries) or admin (also writes)"),
) -> None:
    """Create a key and print its secret: it is shown this once and stored only as a hash."""
    from services.api.keys import SCOPES, create_key

    if scope not in SCOPES:
        raise typer.BadParameter(f"scope must be one of {', '.join(SCOPES)}", param_hint="--scope")
    key, secret = _with_connection(lambda conn: create_key(conn, name, scope))  # type: ignore[arg-type]
    typer.echo(f"key id: {key.key_id}", err=True)
    typer.echo("the secret below is shown once; store it now", err=True)
    typer.echo(secret)


@keys_app.command("list")
def keys_list() -> None:
    """List keys (never their secrets) as JSON lines."""
    from services.api.keys import list_keys

    for key in _with_connection(list_keys):
        row = {
            "key_id": key.key_id,
            "name": key.name,
            "scope": key.scope,
            "prefix": key.key_prefix,
            "created_at": key.created_at.isoformat(),
            "revoked_at": key.revoked_at.isoformat() if key.revoked_at else None,
        }
        typer.echo(json.dumps(row))


@keys_app.command("revoke")
def keys_revoke(key_id: str) -> None:
    """Revoke a key; requests with it are refused from now on."""
    from services.api.keys import revoke_key

    if not _with_connection(lambda conn: revoke_key(conn, key_id)):
        typer.echo(f"error: no active key {key_id}", err=True)
        raise typer.Exit(1)
    typer.echo(f"revoked {key_id}")
