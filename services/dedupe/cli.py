"""``sitrep dedupe cluster``: the service's dedupe over a JSON-lines archive; ``sitrep stories list``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Optional, TextIO

import typer

from shared.cli import command_group, run_async
from shared.cli.output import OUTPUT_OPTION, Column, Output, emit
from shared.cli.times import instant_option

if TYPE_CHECKING:
    from services.dedupe.fingerprint import DedupeConfig, Item

dedupe_app = command_group("Duplicate detection: merge copies of one story.")


@dedupe_app.callback()
def _group() -> None:
    """Duplicate detection: merge copies of one story."""


def _read_items(stream: TextIO) -> Iterator[Item]:
    from services.dedupe.archive import item_from_json

    for line_no, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            yield item_from_json(json.loads(line))
        except (ValueError, KeyError, TypeError) as error:
            raise typer.BadParameter(f"line {line_no}: not an item ({error})") from error


@dedupe_app.command()
def cluster(
    threshold: Annotated[float, typer.Option(help="Jaccard similarity to merge at.")] = 0.5,
    containment: Annotated[float, typer.Option(help="Share of the shorter text found in the longer.")] = 0.8,
    window_days: Annotated[float, typer.Option(help="Only items this close in time can merge.")] = 3.0,
    simhash_distance: Annotated[int, typer.Option(help="SimHash Hamming distance to merge at.")] = 3,
    incident_window_days: Annotated[
        float, typer.Option(help="A story joins an incident only this close to its first story.")
    ] = 3.0,
) -> None:
    """Read items as JSON lines on stdin; write {"id", "story", "incident"} per item on stdout."""
    from services.dedupe.fingerprint import DedupeConfig
    from services.dedupe.incidents.decision import IncidentConfig

    config = DedupeConfig(
        jaccard_threshold=threshold,
        containment_threshold=containment,
        window=timedelta(days=window_days),
        simhash_distance=simhash_distance,
        incidents=IncidentConfig(window=timedelta(days=incident_window_days)),
    )
    run_async(_write_clusters(_read_items(sys.stdin), config, sys.stdout))


async def _write_clusters(items: Iterable[Item], config: DedupeConfig, out: TextIO) -> None:
    from services.dedupe.archive import stream_assignments

    async for line in stream_assignments(items, config):
        record = {"id": line.item_id, "story": line.story_id, "incident": line.incident_id}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")



stories_app = command_group("Stories: one per event reported, however many outlets carried it.", no_args_is_help=True)


@dataclass(frozen=True)
class StoryOptions:
    """The command line's filters, in the shape `shared.readmodel.stories.queries.filtered` reads."""

    since: datetime | None = None
    until: datetime | None = None
    source: str | None = None
    country: str | None = None
    language: str | None = None
    q: str | None = None


STORY_COLUMNS = (
    Column("first_seen_at", "seen", time=True),
    Column("title", "title", max_width=70),
    Column("language", "lang", hide=1),
    Column("item_count", "items", right=True),
    Column("source_count", "sources", right=True),
    Column("story_id", "id", hide=2),
)


@stories_app.command("list")
def stories_list(
    since: Annotated[Optional[str], typer.Option(help="first seen since: 2h, 3d or an ISO time")] = None,
    until: Annotated[Optional[str], typer.Option(help="first seen before: 2h, 3d or an ISO time")] = None,
    source: Annotated[Optional[str], typer.Option(help="carried by this source (feed id)")] = None,
    country: Annotated[Optional[str], typer.Option(help="carried by a source of this country (ISO code)")] = None,
    language: Annotated[Optional[str], typer.Option(help="written in this language")] = None,
    q: Annotated[Optional[str], typer.Option(help="words in the title")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="at most this many, newest first")] = 50,
    output: Optional[Output] = OUTPUT_OPTION,
) -> None:
    """Stories, newest first, with the filters of `GET /v1/stories`."""
    from sqlalchemy import select

    from shared.readmodel.database import read_connection
    from shared.readmodel.stories.queries import filtered
    from shared.readmodel.stories.tables import stories

    options = StoryOptions(since=instant_option(since, "--since"), until=instant_option(until, "--until"), source=source,
                           country=country, language=language, q=q)

    async def go() -> list[dict]:
        query = select(stories).order_by(stories.c.first_seen_at.desc(), stories.c.story_id.desc()).limit(limit)
        async with read_connection() as conn:
            return [dict(row) for row in (await conn.execute(filtered(query, options))).mappings()]

    emit(run_async(go()), STORY_COLUMNS, output, empty="no stories match")


if __name__ == "__main__":
    dedupe_app()
