"""One claim per fact in an item. A headline and its body, or two sentences of one item, often
state the same claim, one naming who says it and one not ("Russian warship sunk" over "... the
Moskva sank, Ukraine's navy said"): the item then carries that claim once, with the best
attribution found in it, so one alert goes out rather than two "new" ones."""

from __future__ import annotations

from dataclasses import replace

from shared.claims.model import Claim


def one_per_fact(claims: list[Claim], owner: str | None = None) -> list[Claim]:
    """The claims in reading order, each fact once: the best-attributed claim of each group of
    claims that agree on what happened (kind, category, subject, count, basis, date, parties,
    history) and on whose loss it was where both say."""
    kept: list[Claim] = []
    for claim in claims:
        for index, other in enumerate(kept):
            if _same_fact(claim, other):
                kept[index] = _merged(other, claim, owner)
                break
        else:
            kept.append(claim)
    return kept


def _same_fact(first: Claim, second: Claim) -> bool:
    return (
        (first.kind, first.category, first.subject, first.count, first.basis, first.historical)
        == (second.kind, second.category, second.subject, second.count, second.basis, second.historical)
        and (first.date is None or second.date is None or first.date == second.date)
        and sorted(first.parties) == sorted(second.parties)
        and (first.side is None or second.side is None or first.side == second.side)
        and _compatible(first, second)
    )


def _compatible(first: Claim, second: Claim) -> bool:
    """Two named speakers of different parties are two claims, not one."""
    named = [c for c in (first, second) if c.claimant_phrase]
    if len(named) < 2:
        return True
    return first.claimant == second.claimant or (
        first.claimant_party is not None and first.claimant_party == second.claimant_party)


def _rank(claim: Claim, owner: str | None) -> tuple:
    return (claim.claimant_phrase is not None, claim.claimant is not None and claim.claimant != owner,
            claim.claimant_party is not None, claim.claimant is not None)


def _merged(first: Claim, second: Claim, owner: str | None) -> Claim:
    best, other = (second, first) if _rank(second, owner) > _rank(first, owner) else (first, second)
    return replace(best, side=best.side or other.side, place=best.place or other.place, date=best.date or other.date)
