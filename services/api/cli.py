"""`sitrep keys`: create, list and revoke API keys."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Optional, TypeVar

import typer

from shared.cli import command_group, run_async
from shared.cli.errors import fail
from shared.cli.output import OUTPUT_OPTION, Column, Output, emit

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


def default_name() -> str:
    import getpass
    import socket
    from datetime import UTC, datetime

    return f"{getpass.getuser()}@{socket.gethostname()} {datetime.now(UTC):%Y-%m-%d}"


@keys_app.command("create")
def keys_create(
    name: Optional[str] = typer.Option(None, help="Who or what uses the key, e.g. 'newsroom desk' (default: you, "
                                                  "this host and today)"),
    scope: str = typer.Option("read", help="read (queries) or admin (also writes)"),
) -> None:
    """Create a key and print its secret: it is shown this once and stored only as a hash."""
    from services.api.keys import SCOPES, create_key

    if scope not in SCOPES:
        raise typer.BadParameter(f"scope must be one of {', '.join(SCOPES)}", param_hint="--scope")
    name = name or default_name()
    key, secret = _with_connection(lambda conn: create_key(conn, name, scope))  # type: ignore[arg-type]
    typer.echo(f"key id: {key.key_id}", err=True)
    typer.echo("the secret below is shown once; store it now", err=True)
    typer.echo(secret)


KEY_COLUMNS = (
    Column("name", "name", max_width=40),
    Column("scope", "scope"),
    Column("prefix", "prefix"),
    Column("created_at", "created", time=True),
    Column("revoked_at", "revoked", time=True),
    Column("key_id", "id"),
)


@keys_app.command("list")
def keys_list(output: Optional[Output] = OUTPUT_OPTION) -> None:
    """List keys (never their secrets)."""
    from services.api.keys import list_keys

    rows = [
        {"key_id": key.key_id, "name": key.name, "scope": key.scope, "prefix": key.key_prefix,
         "created_at": key.created_at, "revoked_at": key.revoked_at}
        for key in _with_connection(list_keys)
    ]
    emit(rows, KEY_COLUMNS, output, empty="no keys yet: `sitrep keys create`")


@keys_app.command("revoke")
def keys_revoke(key_id: str) -> None:
    """Revoke a key; requests with it are refused from now on."""
    from services.api.keys import revoke_key

    if not _with_connection(lambda conn: revoke_key(conn, key_id)):
        raise fail(f"no active key {key_id}", "`sitrep keys list` shows the ids")
    typer.echo(f"revoked {key_id}")
