"""Does a subscription want this claim? A pure function of the filters and the observation.

Every filter given must hold; an empty list means "any". Sides, subjects and the minimum count
judge casualty claims only, parties judge ceasefire claims only, so one subscription can ask for
"casualty claims about tanks and any ceasefire call" without the two filters excluding each other.
Names (sides, parties, claimants) match when the filter's text is contained in the claim's,
ignoring case, so "Azerbaijan" matches "Azerbaijan's Defence Ministry". Contexts, conflicts and
claimant parties match exactly (ignoring case); a claim without a context (read before contexts
were recorded) passes the contexts filter.
"""

from __future__ import annotations

import re

from shared.events.claims import ClaimObserved
from shared.events.subscriptions import SubscriptionFilters


def _fold(value: str | None) -> str:
    return (value or "").casefold().strip()


def _in(value: str | None, allowed: list[str]) -> bool:
    return _fold(value) in {_fold(a) for a in allowed}


def _names_match(values: list[str | None], wanted: list[str]) -> bool:
    folded = [_fold(v) for v in values if v]
    return any(_fold(w) and _fold(w) in v for w in wanted for v in folded)


def _keyword_found(text: str, keywords: list[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(k.strip())}(?!\w)", text, re.IGNORECASE) for k in keywords if k.strip())


def _count_at_least(observed: ClaimObserved, minimum: int) -> bool:
    count = observed.claim.count
    if count is None:
        return False
    value = count.min if count.min is not None else count.max
    return value is not None and value >= minimum


def _language_in(language: str | None, wanted: list[str]) -> bool:
    primary = _fold(language).split("-")[0]
    return any(primary == _fold(w).split("-")[0] for w in wanted)


def matches(filters: SubscriptionFilters, observed: ClaimObserved) -> bool:
    claim, evidence = observed.claim, observed.evidence
    casualty = claim.kind == "casualty"
    checks = (
        observed.novelty in filters.novelty,
        not filters.kinds or claim.kind in filters.kinds,
        not filters.categories or _in(claim.category, filters.categories),
        not (filters.subjects and casualty) or _in(claim.subject, filters.subjects),
        not (filters.sides and casualty) or _names_match([claim.side], filters.sides),
        not (filters.parties and not casualty) or _names_match(list(claim.parties), filters.parties),
        not filters.claimants or _names_match([claim.claimant], filters.claimants),
        not filters.official_only or evidence.source_official,
        not filters.countries or _in(evidence.source_country, filters.countries),
        not filters.languages or _language_in(evidence.language, filters.languages),
        not filters.keywords or _keyword_found(f"{evidence.title}\n{evidence.sentence}", filters.keywords),
        filters.min_count is None or not casualty or _count_at_least(observed, filters.min_count),
        not filters.contexts or claim.context is None or claim.context in filters.contexts,
        not filters.conflicts or _in(claim.conflict, filters.conflicts),
        not filters.claimant_parties or _in(claim.claimant_party, filters.claimant_parties),
    )
    return all(checks)
