"""Assign one item to a story: lock, look up, decide, record."""

from __future__ import annotations

from collections.abc import Callable

from services.dedupe.decision import Decision, Outcome, decide
from services.dedupe.fingerprint import DedupeConfig, Fingerprint
from services.dedupe.index.memory import StoryIndex


async def assign_story(
    index: StoryIndex, fp: Fingerprint, config: DedupeConfig, new_story_id: Callable[[], str]
) -> Decision:
    """Decide ``fp``'s story and record it in ``index``.

    With the PostgreSQL index this runs inside the caller's transaction: the
    lock holds any instance seeing a similar item until that transaction
    commits, so two copies arriving at once still make one story.
    """
    await index.lock(fp)
    decision = decide(fp, await index.candidates(fp, config.window), config)
    if decision.outcome is Outcome.REPEAT:
        return decision
    if decision.outcome is Outcome.NEW:
        decision = Decision(Outcome.NEW, new_story_id(), rejected=decision.rejected)
    assert decision.story_id is not None
    await index.add(decision.story_id, fp)
    return decision
