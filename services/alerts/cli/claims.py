"""`sitrep claims list` (the filters of `GET /v1/claims`), `sitrep claims watch` (each claim as it
is observed, from the event log) and `sitrep claims extract` (the extractor on any text)."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Optional

import typer

from services.alerts.cli import claims_app
from shared.cli import run_async
from shared.cli.errors import fail
from shared.cli.output import OUTPUT_OPTION, Column, Output, chosen, dumps, emit, line
from shared.cli.times import instant_option


@dataclass(frozen=True)
class ClaimOptions:
    """The command line's filters, in the shape `shared.readmodel.claims.queries.filtered` reads."""

    kind: str | None = None
    category: str | None = None
    novelty: str | None = None
    side: str | None = None
    claimant: str | None = None
    subject: str | None = None
    min_count: int | None = None
    official: bool | None = None
    language: str | None = None
    party: str | None = None
    basis: str | None = None
    context: str | None = None
    conflict: str | None = None
    story: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def _count(row: dict[str, Any]) -> str:
    from shared.readmodel.claims.display import count_of

    return count_of(row)


def _what(row: dict[str, Any]) -> str:
    from shared.readmodel.claims.display import what

    return what(row)


CLAIM_COLUMNS = (
    Column("first_observed_at", "seen", time=True),
    Column("what", "claim", max_width=34, show=_what),
    Column("count", "count", right=True, show=_count),
    Column("side", "side", max_width=20),
    Column("claimant", "claimant", max_width=32),
    Column("claimant_party", "party", max_width=16, hide=3),
    Column("novelty", "novelty"),
    Column("source_count", "sources", right=True, hide=4),
    Column("context", "context", hide=5),
    Column("sentence", "sentence", max_width=60, hide=6),
    Column("claim_id", "id", hide=2),
)


@claims_app.command("list")
def list_claims(
    kind: Optional[str] = typer.Option(None, help="casualty or ceasefire"),
    category: Optional[str] = typer.Option(None, help="e.g. killed, downed, destroyed, call, violation"),
    novelty: Optional[str] = typer.Option(None, help="new, updated, historical, or corroborated (repeated elsewhere)"),
    side: Optional[str] = typer.Option(None, help="whose loss (contains, any case)"),
    claimant: Optional[str] = typer.Option(None, help="who claims it (contains, any case)"),
    subject: Optional[str] = typer.Option(None, help="what was hit, e.g. soldier, tank, drone"),
    min_count: Optional[int] = typer.Option(None, help="smallest count"),
    official: Optional[bool] = typer.Option(None, "--official/--unofficial", help="read in an official channel"),
    language: Optional[str] = typer.Option(None, help="the sentence's language, e.g. en, ru"),
    party: Optional[str] = typer.Option(None, help="the party the claimant speaks for, e.g. Ukraine"),
    basis: Optional[str] = typer.Option(None, help="official tallies: total or increment"),
    context: Optional[str] = typer.Option(None, help="armed_conflict, terrorism, unrest, crime, accident_disaster, …"),
    conflict: Optional[str] = typer.Option(None, help="e.g. russia-ukraine, armenia-azerbaijan"),
    story: Optional[str] = typer.Option(None, help="observed in this story (id)"),
    since: Optional[str] = typer.Option(None, help="first observed since: 2h, 3d or an ISO time"),
    until: Optional[str] = typer.Option(None, help="first observed before: 2h, 3d or an ISO time"),
    limit: int = typer.Option(50, min=1, max=10_000, help="at most this many, newest first"),
    output: Optional[Output] = OUTPUT_OPTION,
) -> None:
    """Claims, newest first, with the filters of `GET /v1/claims`."""
    from sqlalchemy import select

    from shared.readmodel.claims.queries import filtered
    from shared.readmodel.claims.tables import claims
    from shared.readmodel.database import read_connection

    options = ClaimOptions(
        kind=kind, category=category, novelty=novelty, side=side, claimant=claimant, subject=subject,
        min_count=min_count, official=official, language=language, party=party, basis=basis, context=context,
        conflict=conflict, story=story, since=instant_option(since, "--since"), until=instant_option(until, "--until"),
    )

    async def go() -> list[dict[str, Any]]:
        query = select(claims).order_by(claims.c.first_observed_at.desc(), claims.c.claim_id.desc()).limit(limit)
        hidden = {"identity_key", "series_key"}
        async with read_connection() as conn:
            rows = (await conn.execute(filtered(query, options))).mappings()
            return [{k: v for k, v in row.items() if k not in hidden} for row in rows]

    emit(run_async(go()), CLAIM_COLUMNS, output, empty="no claims match")


def watch_line(observed: dict[str, Any], at: datetime) -> str:
    """`12:41:07  new        Ministry of Defence of Armenia → Azerbaijan  downed drone  3  (source)`."""
    from shared.readmodel.claims.display import count_of, what, who

    claim, evidence = observed["claim"], observed["evidence"]
    source = evidence.get("source_owner") or evidence.get("title") or ""
    parts = [at.astimezone().strftime("%H:%M:%S"), f"{observed['novelty']:<12}", who(claim), what(claim),
             count_of(claim), f"({source})" if source else ""]
    return "  ".join(part for part in parts if part)


def _wanted(observed: dict[str, Any], wanted: dict[str, str | None]) -> bool:
    claim = observed["claim"]
    checks = {"kind": claim.get("kind"), "novelty": observed.get("novelty"), "conflict": claim.get("conflict"),
              "party": claim.get("claimant_party"), "language": claim.get("language")}
    return all(value is None or (checks[name] or "").lower() == value.lower() for name, value in wanted.items())


@claims_app.command("watch")
def watch(
    since: Optional[str] = typer.Option(None, help="first show what was observed since: 10m, 2h or an ISO time"),
    kind: Optional[str] = typer.Option(None, help="casualty or ceasefire"),
    novelty: Optional[str] = typer.Option(None, help="new, updated, corroborated or historical"),
    party: Optional[str] = typer.Option(None, help="the party the claimant speaks for"),
    conflict: Optional[str] = typer.Option(None, help="e.g. russia-ukraine"),
    language: Optional[str] = typer.Option(None, help="e.g. en, ru, uk, hy, az"),
    output: Optional[Output] = OUTPUT_OPTION,
) -> None:
    """Follow claims live from the event log, one line per observation (Ctrl-C stops)."""
    from shared.db import create_engine
    from shared.eventstore import EventStore
    from shared.eventstore.live_follower import follow
    from shared.eventstore.log_reader import cursor_before, log_end
    from shared.eventstore.notifications import LogNotifier
    from shared.logs import configure_logging
    from shared.settings import get_settings

    configure_logging("WARNING", service="cli")  # the listener's own notes are not for this screen
    start = instant_option(since, "--since")
    wanted = {"kind": kind, "novelty": novelty, "party": party, "conflict": conflict, "language": language}
    as_json = chosen(output) is not Output.table
    store = EventStore()

    async def read(conn, cursor):
        return await store.read_all(conn, cursor, 500, types=["claim.observed"])

    async def go() -> None:
        engine = create_engine(get_settings(), pool_size=2)
        notifier = LogNotifier(engine)
        try:
            async with engine.connect() as conn:
                after = await (log_end(conn) if start is None else cursor_before(conn, start))
            if not as_json:
                line("watching claims as they are observed (Ctrl-C stops)", "dim")
            async for event in follow(engine, notifier, read, after, batch=500, idle_s=5.0):
                if event is None or (start is not None and event.time < start) or not _wanted(event.data, wanted):
                    continue  # the start may lie before `--since`: an older transaction may commit late
                if as_json:
                    sys.stdout.write(dumps({"position": event.position, "time": event.time, **event.data}) + "\n")
                    sys.stdout.flush()
                else:
                    line(watch_line(event.data, event.time), "bold" if event.data["novelty"] == "new" else None)
        finally:
            await notifier.close()
            await engine.dispose()

    try:
        run_async(go())
    except KeyboardInterrupt:
        pass


@claims_app.command("extract")
def extract(
    published: Optional[str] = typer.Option(None, help="the article's date, YYYY-MM-DD"),
    claimant: Optional[str] = typer.Option(None, help="the source's owner, the speaker when the text names nobody"),
    jsonl: bool = typer.Option(False, "--jsonl", help='read JSON lines {"id", "text", "published", "claimant"?, "lang"?}'),
    language: Optional[str] = typer.Option(None, help="the item's language (en, ru, uk, hy, az), a hint: each sentence is read in the language its letters show"),
) -> None:
    """Read text on stdin and print its claims as a JSON array (or one JSON line per input with --jsonl)."""
    from shared.claims.extract import extract_claims

    if not jsonl:
        claims = extract_claims(sys.stdin.read(), _date(published), claimant, language)
        typer.echo(json.dumps([claim.to_json() for claim in claims], ensure_ascii=False, indent=2))
        return
    for number, text_line in enumerate(sys.stdin, start=1):
        if not text_line.strip():
            continue
        try:
            item = json.loads(text_line)
            text = item["text"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise fail(f"line {number}: expected a JSON object with a text: {exc}", code=2) from None
        claims = extract_claims(text, _date(item.get("published") or published), item.get("claimant") or claimant,
                                item.get("lang") or language)
        record = {"id": item.get("id"), "claims": [claim.to_json() for claim in claims]}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise typer.BadParameter(f"not a date (YYYY-MM-DD): {text!r}") from exc
