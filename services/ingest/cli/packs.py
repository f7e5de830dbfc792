"""`sitrep feeds import FILE.opml` and `sitrep feeds export`: sources in the format feed readers
exchange, with sitrep's settings in its namespace (see sources/README.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from services.ingest.cli import feeds_app, policy
from shared.cli import run_async
from shared.cli.errors import fail


def read_pack(path: Path) -> list:
    """The settings of every source of an OPML file; exits with the first problem."""
    from shared.netguard import BlockedAddress, check_url
    from shared.opml import OpmlError, read_opml

    if not path.is_file():
        raise fail(f"no such file: {path}", "the source packs are in sources/*.opml")
    try:
        outlines = read_opml(path.read_bytes())
    except OpmlError as exc:
        raise fail(f"{path}: {exc}") from None
    for outline in outlines:
        try:
            check_url(outline.settings.url, policy(False))
        except BlockedAddress as exc:
            raise fail(f"{path}: outline {outline.number}: the feed URL is refused: {exc.reason}",
                       "SITREP_ALLOW_PRIVATE_NETWORKS=true allows private and loopback addresses") from None
    return [outline.settings for outline in outlines]


class _RolledBack(Exception):
    def __init__(self, report) -> None:
        self.report = report


@feeds_app.command("import")
def feeds_import(
    files: list[Path] = typer.Argument(..., help="OPML files, e.g. sources/*.opml"),
    dry_run: bool = typer.Option(False, "--dry-run", help="say what would change, change nothing"),
) -> None:
    """Register the sources of OPML files (new URLs are added, known ones take the settings the file
    states); importing the same file again changes nothing."""
    from shared.readmodel.database import open_database
    from shared.readmodel.feeds.importing import ImportReport, import_sources

    sources = [settings for path in files for settings in read_pack(path)]
    urls = [settings.url for settings in sources]
    if len(set(urls)) != len(urls):
        repeated = sorted({url for url in urls if urls.count(url) > 1})
        raise fail(f"these files list a URL more than once: {', '.join(repeated)}")

    async def go() -> ImportReport:
        async with open_database() as db:
            try:
                async with db.transaction() as uow:
                    report = await import_sources(uow, sources, reason="imported from OPML")
                    if dry_run:
                        raise _RolledBack(report)
            except _RolledBack as undone:
                return undone.report
            return report

    report = run_async(go())
    verb = "would add" if dry_run else "added"
    typer.echo(f"{verb} {len(report.added)}, {'would update' if dry_run else 'updated'} {len(report.updated)}, "
               f"unchanged {len(report.unchanged)} (of {len(sources)} sources)")


@feeds_app.command("export")
def feeds_export(
    output: Optional[Path] = typer.Option(None, "--file", "-f", help="write here instead of standard output"),
    title: str = typer.Option("sitrep sources", help="the OPML document's title"),
) -> None:
    """Every registered source as OPML 2.0, with sitrep's settings in its namespace."""
    from shared.opml import write_opml
    from shared.readmodel.database import read_connection
    from shared.readmodel.feeds.queries import list_feeds

    async def go() -> list[dict]:
        async with read_connection() as conn:
            return await list_feeds(conn)

    document = write_opml(run_async(go()), title)
    if output is None:
        sys.stdout.buffer.write(document)
        sys.stdout.flush()
    else:
        output.write_bytes(document)
        typer.echo(f"wrote {output}", err=True)
