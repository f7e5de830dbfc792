"""What every `sitrep` command group shares: help printed by Click itself, without Rich's renderer,
so that `sitrep --help` (and every command) starts at once; and no pretty tracebacks.

`output` prints rows as tables or JSON, `times` reads and shows times, `errors` turns failures
into one line and a hint."""

from __future__ import annotations

from typing import Any

import typer


def command_group(help: str, **settings: Any) -> typer.Typer:
    return typer.Typer(help=help, rich_markup_mode=None, pretty_exceptions_enable=False, **settings)


def run_async(coroutine: Any) -> Any:
    """`asyncio.run`, with asyncio imported only by the commands that need it."""
    import asyncio

    return asyncio.run(coroutine)
