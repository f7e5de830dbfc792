"""How list commands print: an aligned table for people on a terminal, JSON lines for scripts.

`--output table|json|jsonl`; without it, a table when standard output is a terminal and JSON
lines otherwise, so pipes and scripts get what they always got. JSON carries every field of a
row; the table only the columns people need, long fields cut, times relative. Rich is imported
only when a table is drawn.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, TextIO

import typer

from shared.cli.times import relative


class Output(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


OUTPUT_OPTION = typer.Option(
    None, "--output", "-o", case_sensitive=False,
    help="table (the default on a terminal), json (one array) or jsonl (one object a line, the default otherwise)",
)


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    max_width: int | None = None
    time: bool = False
    """Shown relative to now ("3 min ago")."""
    right: bool = False
    show: Callable[[dict[str, Any]], Any] | None = None
    """Computes the cell from the whole row instead of reading `key`."""
    style: Callable[[dict[str, Any]], str | None] | None = None
    """A rich style for the cell, e.g. red for a failing feed."""
    hide: int = 0
    """0: always shown; otherwise left out when the terminal is too narrow, the highest first."""

    def cell(self, row: dict[str, Any]) -> str:
        value = self.show(row) if self.show else row.get(self.key)
        if value is None or value == "":
            return "—"
        if self.time:
            return relative(value)
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, list | tuple):
            return ", ".join(str(part) for part in value) or "—"
        return " ".join(str(value).split())


def to_jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def dumps(row: Any) -> str:
    return json.dumps(row, default=to_jsonable, ensure_ascii=False)


def chosen(output: Output | None, stream: TextIO | None = None) -> Output:
    stream = stream or sys.stdout
    if output is not None:
        return output
    return Output.table if stream.isatty() else Output.jsonl


def emit(rows: Iterable[dict[str, Any]], columns: Sequence[Column], output: Output | None, *,
         title: str | None = None, empty: str = "nothing to show") -> None:
    """Print rows as `output` asks; an empty table says `empty` (on stderr, so stdout stays clean)."""
    out = sys.stdout
    fmt = chosen(output, out)
    if fmt is Output.jsonl:
        for row in rows:
            out.write(dumps(row) + "\n")
        out.flush()
        return
    rows = list(rows)
    if fmt is Output.json:
        out.write(json.dumps(rows, default=to_jsonable, ensure_ascii=False, indent=2) + "\n")
        return
    if not rows:
        typer.echo(empty, err=True)
        return
    screen = console()
    screen.print(fitting(rows, columns, title, screen))


def fitting(rows: Sequence[dict[str, Any]], columns: Sequence[Column], title: str | None, screen):
    """The table at its natural width, leaving out the columns people miss least until it fits."""
    kept = list(columns)
    grid = table(rows, kept, title)
    unbounded = screen.options.update_width(10_000)
    for column in sorted((c for c in columns if c.hide), key=lambda c: -c.hide):
        if grid.__rich_measure__(screen, unbounded).maximum <= screen.width:
            break
        kept.remove(column)
        grid = table(rows, kept, title)
    return grid


def table(rows: Sequence[dict[str, Any]], columns: Sequence[Column], title: str | None = None):
    from rich import box
    from rich.table import Table

    grid = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", header_style="bold", pad_edge=False,
                 show_edge=False)
    for column in columns:
        grid.add_column(column.header, justify="right" if column.right else "left", no_wrap=True,
                        overflow="ellipsis", max_width=column.max_width)
    for row in rows:
        grid.add_row(*(_styled(column, row) for column in columns))
    return grid


def _styled(column: Column, row: dict[str, Any]):
    from rich.text import Text

    style = column.style(row) if column.style else None
    return Text(column.cell(row), style=style or "")


def console():
    """Rich's console; a table forced onto a pipe gets `COLUMNS` or 160 columns, not 80."""
    import os

    from rich.console import Console

    width = None if sys.stdout.isatty() else int(os.environ.get("COLUMNS") or 160)
    return Console(highlight=False, soft_wrap=False, width=width)


def line(text: str, style: str | None = None) -> None:
    """One line for people (styled on a terminal); plain text when piped."""
    if sys.stdout.isatty():
        from rich.text import Text

        console().print(Text(text, style=style or ""))
    else:
        typer.echo(text)
