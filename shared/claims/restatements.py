"""A headline and the text under it state one toll once.

A feed item is its title on a line of its own, then the summary; the title restates, more briefly,
a toll the summary gives in full: "At least 7 dead, dozens injured after blast" over "Seven people
have died and at least 70 more have been injured …, according to local authorities". Each claim of
the headline that the text below restates is folded into that restatement, which keeps what either
of them says more precisely: the exact count, the named subject ("12 civilians" over "12 people"),
the claimant, the side, a date that makes it history.

Two claims restate one fact when they agree on everything both state: kind, category, subject (or
one says only "people"), counts that overlap (and are not two different exact numbers), claimant,
side, place, day and basis (a total or an increment), where both say.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Claim, Count

_ANYONE = "person"


def fold_headline(claims: list[Claim], headline_end: int) -> list[Claim]:
    """The claims with each claim of the headline (the text before `headline_end`) that a later
    sentence restates folded into that restatement."""
    folded: dict[int, Claim] = {}
    dropped: set[int] = set()
    for h, claim in enumerate(claims):
        if claim.start >= headline_end or claim.kind != "casualty":
            continue
        for k, later in enumerate(claims):
            if k in folded or later.start < headline_end or not _same_fact(claim, later):
                continue
            folded[k] = _merged(later, claim)
            dropped.add(h)
            break
    return [folded.get(k, claim) for k, claim in enumerate(claims) if k not in dropped]


def _same_fact(one: Claim, other: Claim) -> bool:
    return (
        one.kind == other.kind and one.category == other.category
        and (one.subject == other.subject or _ANYONE in (one.subject, other.subject))
        and _counts_agree(one.count, other.count)
        and all(_agree(getattr(one, name), getattr(other, name)) for name in ("claimant", "side", "place", "date", "basis"))
    )


def _agree(one: object, other: object) -> bool:
    return one is None or other is None or one == other


def _counts_agree(one: Count | None, other: Count | None) -> bool:
    if one is None or other is None:
        return True
    if _exact(one) and _exact(other):
        return one.min == other.min
    low = max(one.min or 0, other.min or 0)
    high = min(_top(one), _top(other))
    return low <= high


def _top(count: Count) -> float:
    return float("inf") if count.max is None else count.max


def _exact(count: Count | None) -> bool:
    return count is not None and count.min is not None and count.min == count.max


def _merged(body: Claim, headline: Claim) -> Claim:
    """The body's claim, with what the headline states more precisely."""
    count, approximate = body.count, body.approximate
    if not (_exact(count) and not approximate) and _exact(headline.count) and not headline.approximate:
        count, approximate = headline.count, False
    elif count is None:
        count, approximate = headline.count, headline.approximate
    subject = headline.subject if body.subject in (None, _ANYONE) else body.subject
    return replace(
        body, count=count, approximate=approximate, subject=subject,
        claimant=body.claimant or headline.claimant, claimant_phrase=body.claimant_phrase or headline.claimant_phrase,
        claimant_party=body.claimant_party or headline.claimant_party, side=body.side or headline.side,
        historical=body.historical or headline.historical, date=body.date or headline.date,
        place=body.place or headline.place, conflict=body.conflict or (headline.conflict if body.context == headline.context else None),
    )
