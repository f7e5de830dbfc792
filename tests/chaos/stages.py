"""How far each stage of the pipeline has got, read from PostgreSQL: a fault has been recovered
from once the stage moves again (or has nothing left to do)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

_QUERY = text("""
SELECT
  (SELECT count(*) FROM events WHERE type = 'news.item.ingested') AS ingested,
  (SELECT count(*) FROM events WHERE type IN ('story.started', 'story.item_merged')) AS story_events,
  (SELECT count(*) FROM story_items) AS storied,
  (SELECT count(*) FROM inbox WHERE group_id = :alerts_group) AS read_by_alerts,
  (SELECT count(*) FROM events WHERE type = 'webhook.attempted') AS attempts,
  (SELECT count(*) FROM deliveries WHERE status = 'pending') AS undelivered
""")


@dataclass(frozen=True)
class Progress:
    ingested: int
    story_events: int
    storied: int
    read_by_alerts: int
    attempts: int
    undelivered: int

    def moved(self, stage: str) -> int:
        """A number that grows while `stage` does its work. `stories` is dedupe's relay: alerts
        reads only what it published."""
        return {"ingest": self.ingested, "dedupe": self.storied, "stories": self.read_by_alerts,
                "alerts": self.read_by_alerts + self.attempts}[stage]

    def pending(self, stage: str, released: int, poisoned_stories: int = 0) -> bool:
        """Whether `stage` still has work in hand."""
        unread = self.read_by_alerts - poisoned_stories < self.story_events
        return {"ingest": self.ingested < released, "dedupe": self.storied < self.ingested, "stories": unread,
                "alerts": unread or self.undelivered > 0}[stage]


async def progress(engine: AsyncEngine, alerts_group: str) -> Progress:
    async with engine.connect() as conn:
        row = (await conn.execute(_QUERY, {"alerts_group": alerts_group})).one()
    return Progress(*row)
