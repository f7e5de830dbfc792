"""Register many sources at once (an OPML file, a source pack): new URLs are registered, known
ones get the settings the list states, and a list imported twice changes nothing the second time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select

from shared.events.feeds import FeedSettings
from shared.readmodel.feeds.commands import register_feed, update_feed
from shared.readmodel.feeds.tables import feeds
from shared.unit_of_work import UnitOfWork


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    """Feed ids, in the order of the list."""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)


async def import_sources(uow: UnitOfWork, sources: Iterable[FeedSettings], reason: str = "imported") -> ImportReport:
    """In one transaction. Only the settings a source states are applied to a known URL
    (`model_fields_set`), so an operator's own choices for the rest stay."""
    await uow.lock()
    report = ImportReport()
    for settings in sources:
        known = await uow.conn.execute(
            select(feeds.c.feed_id).where(feeds.c.url == settings.url, feeds.c.removed_at.is_(None))
        )
        feed_id = known.scalar_one_or_none()
        if feed_id is None:
            report.added.append(await register_feed(uow, settings))
            continue
        stated = {name: getattr(settings, name) for name in settings.model_fields_set if name != "url"}
        changed = await update_feed(uow, feed_id, stated, reason=reason)
        (report.updated if changed else report.unchanged).append(feed_id)
    return report
