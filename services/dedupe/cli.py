"""``sitrep dedupe cluster``: the service's dedupe over a JSON-lines archive."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import timedelta
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from shared.cli import command_group, run_async

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


if __name__ == "__main__":
    dedupe_app()
