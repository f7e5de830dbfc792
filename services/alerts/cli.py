"""`sitrep claims`: run the claim extractor on text, for testing and backtesting."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Optional

import typer

from services.alerts.claims import extract_claims

claims_app = typer.Typer(help="Extract casualty and ceasefire claims from text.", no_args_is_help=True)


@claims_app.callback()
def _claims() -> None:
    """Extract casualty and ceasefire claims from text."""


@claims_app.command("extract")
def extract(
    published: Optional[str] = typer.Option(None, help="the article's date, YYYY-MM-DD"),
    claimant: Optional[str] = typer.Option(None, help="the source's owner, the speaker when the text names nobody"),
    jsonl: bool = typer.Option(False, "--jsonl", help='read JSON lines {"id", "text", "published", "claimant"?}'),
) -> None:
    """Read text on stdin and print its claims as a JSON array (or one JSON line per input with --jsonl)."""
    if not jsonl:
        claims = extract_claims(sys.stdin.read(), _date(published), claimant)
        typer.echo(json.dumps([claim.to_json() for claim in claims], ensure_ascii=False, indent=2))
        return
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            typer.echo(f"error: line {number}: expected a JSON object with a text: {exc}", err=True)
            raise typer.Exit(2) from exc
        claims = extract_claims(text, _date(item.get("published") or published), item.get("claimant") or claimant)
        record = {"id": item.get("id"), "claims": [claim.to_json() for claim in claims]}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise typer.BadParameter(f"not a date (YYYY-MM-DD): {text!r}") from exc
