"""The second tier after the first: a new story gets its incident, a grown one is reassessed."""

from __future__ import annotations

from collections.abc import Callable

from services.dedupe.decision import Decision, Outcome
from services.dedupe.fingerprint import DedupeConfig, Fingerprint
from services.dedupe.incidents.assign import IncidentOutcome, assign_incident, reassess_incident
from services.dedupe.incidents.memory import IncidentIndex
from services.dedupe.incidents.report import Report, read_report


def item_report(fp: Fingerprint, language: str | None) -> Report:
    """What the item reports, read from its text as the first tier compared it (no boilerplate)."""
    return read_report(fp.title, fp.body, fp.time, fp.facts, language)


async def place_story(
    index: IncidentIndex, decision: Decision, fp: Fingerprint, language: str | None, config: DedupeConfig,
    new_incident_id: Callable[[], str],
) -> IncidentOutcome | None:
    """For a story just started, its incident; for an item joining a story, whether the story
    stays in its incident. None for a repeat, or a story the index no longer remembers."""
    assert decision.story_id is not None
    if decision.outcome is Outcome.REPEAT:
        return None
    report = item_report(fp, language)
    if decision.outcome is Outcome.NEW:
        return await assign_incident(index, decision.story_id, report, config.incidents, new_incident_id)
    return await reassess_incident(index, decision.story_id, report, config.incidents, new_incident_id)
