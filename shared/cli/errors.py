"""Errors on the command line: one line saying what went wrong and one saying what to do, never a
traceback (`SITREP_TRACEBACK=1` shows it, for bug reports)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import typer

LOCAL_STACK = "start the local stack with `make stack` (`make up` also runs the services)"


class CliError(Exception):
    def __init__(self, message: str, hint: str | None = None, code: int = 1) -> None:
        super().__init__(message)
        self.message, self.hint, self.code = message, hint, code


def say_error(message: str, hint: str | None = None) -> None:
    typer.echo(f"error: {_one_line(message)}", err=True)
    if hint:
        typer.echo(f"hint: {hint}", err=True)


def fail(message: str, hint: str | None = None, code: int = 1) -> typer.Exit:
    """Print the error and return the Exit to raise: `raise fail("no such feed", "sitrep feeds list")`."""
    say_error(message, hint)
    return typer.Exit(code)


def explain(exc: BaseException) -> tuple[str, str | None]:
    """(what went wrong, what to do) for the failures a command line meets."""
    if isinstance(exc, CliError):
        return exc.message, exc.hint
    name = type(exc).__name__
    text = str(exc) or name
    module = type(exc).__module__.split(".")[0]
    if name == "InvalidCatalogNameError":
        return f"the database does not exist: {text}", "create it with `make migrate` (or check SITREP_DATABASE_URL)"
    if name in ("UndefinedTableError", "UndefinedColumnError"):
        return f"the database schema is not up to date: {text}", "run `sitrep migrate`"
    if name == "InvalidPasswordError":
        return f"PostgreSQL refused the login: {text}", "check the user and password in SITREP_DATABASE_URL"
    if module == "aiokafka" or name.startswith("Kafka"):
        return f"cannot reach Kafka: {text}", f"check SITREP_KAFKA_BOOTSTRAP, or {LOCAL_STACK}"
    if isinstance(exc, OSError) and not isinstance(exc, FileNotFoundError | PermissionError | IsADirectoryError):
        return f"cannot reach PostgreSQL: {text}", f"check SITREP_DATABASE_URL, or {LOCAL_STACK}"
    if module == "sqlalchemy" and "connect" in text.lower():
        return f"cannot reach PostgreSQL: {text}", f"check SITREP_DATABASE_URL, or {LOCAL_STACK}"
    return f"{name}: {text}", "run again with SITREP_TRACEBACK=1 to see where it failed"


def run_cli(app: Callable[..., Any]) -> None:
    """Run a Typer app as `sitrep` does: usage errors and failures as one line and a hint."""
    from typer._click import exceptions as click  # Typer carries its own Click

    try:
        code = app(standalone_mode=False)
    except click.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "sitrep"
        say_error(exc.format_message(), f"`{command} --help` lists what it takes")
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        say_error(exc.format_message())
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (`| head`): nothing more to say
        sys.exit(0)
    except Exception as exc:  # noqa: BLE001 — the one place every failure is explained
        if os.environ.get("SITREP_TRACEBACK"):
            raise
        say_error(*explain(_root(exc)))
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def _root(exc: BaseException) -> BaseException:
    """The driver's error under SQLAlchemy's wrapper, which says more plainly what happened."""
    inner = getattr(exc, "orig", None) or exc.__cause__
    if inner is not None and type(exc).__module__.startswith("sqlalchemy"):
        return _root(inner)
    return exc


def _one_line(text: str) -> str:
    first = str(text).strip().splitlines()
    return " ".join(first[0].split()) if first else ""
