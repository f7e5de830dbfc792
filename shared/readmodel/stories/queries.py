"""The story filters of `GET /v1/stories`, shared by the API and `sitrep stories list`.

`filters` is any object with `since`, `until`, `source`, `country`, `language` and `q`; a None
attribute does not filter.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import exists

from shared.readmodel.stories.tables import stories, story_items
from shared.readmodel.text_match import contains


def _carried_by(condition: Any) -> Any:
    return exists().where(story_items.c.story_id == stories.c.story_id, condition)


def filtered(query: Any, filters: Any) -> Any:
    if filters.since is not None:
        query = query.where(stories.c.first_seen_at >= filters.since)
    if filters.until is not None:
        query = query.where(stories.c.first_seen_at < filters.until)
    if filters.language is not None:
        query = query.where(stories.c.language == filters.language)
    if filters.source is not None:
        query = query.where(_carried_by(story_items.c.source_id == filters.source))
    if filters.country is not None:
        query = query.where(_carried_by(story_items.c.source_country == filters.country.upper()))
    if filters.q is not None:
        query = query.where(contains(stories.c.title, filters.q))
    return query
