"""A headline and the text under it state one toll once.

A feed item is its title on a line of its own, often a standfirst on the next, then the summary;
the headline lines restate, more briefly, a toll the summary gives in full: "At least 7 dead, dozens
injured after blast" over "Seven people have died and at least 70 more have been injured …,
according to local authorities". Each claim of a headline line that the text below restates is
folded into that restatement, which keeps what either of them says more precisely: the exact
count, the named subject ("12 civilians" over "12 people"), the claimant, the side, a date that
makes it history.

Headline lines are the item's first lines, up to the first that ends a sentence with a full stop:
a title and a standfirst do not, a paragraph does. Two claims restate one fact when they agree on
everything both state: kind, category, subject (or one says only "people"), counts that overlap
(and are not two different exact numbers), claimant (one naming more of the same speaker: "doctors",
"local doctors"), side, place, day and basis (a total or an increment).
"""

from __future__ import annotations

from dataclasses import replace

from .model import Claim, Count

_ANYONE = "person"


def headline_end(text: str) -> int:
    """Where the item's headline lines end: the start of its first line that ends with a full stop."""
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.rstrip().endswith("."):
            return offset
        offset += len(line)
    return 0  # all headline and no text: nothing to restate


def fold_headline(claims: list[Claim], text: str) -> list[Claim]:
    """The claims with each claim of the headline lines that a later sentence restates folded
    into that restatement."""
    end = headline_end(text)
    folded: dict[int, Claim] = {}
    dropped: set[int] = set()
    for h, claim in enumerate(claims):
        if claim.start >= end or claim.kind != "casualty":
            continue
        for k, later in enumerate(claims):
            body = folded.get(k, later)
            if later.start < end or not _same_fact(claim, body):
                continue
            folded[k] = _merged(body, claim)
            dropped.add(h)
            break
    return [folded.get(k, claim) for k, claim in enumerate(claims) if k not in dropped]


def _same_fact(one: Claim, other: Claim) -> bool:
    return (
        one.kind == other.kind and one.category == other.category
        and (one.subject == other.subject or _ANYONE in (one.subject, other.subject))
        and _counts_agree(one, other)
        and _same_speaker(one.claimant, other.claimant)
        and all(_agree(getattr(one, name), getattr(other, name)) for name in ("side", "place", "date", "basis"))
    )


def _same_speaker(one: str | None, other: str | None) -> bool:
    if one is None or other is None:
        return True
    mine, theirs = set(one.lower().split()), set(other.lower().split())
    return mine <= theirs or theirs <= mine


def _agree(one: object, other: object) -> bool:
    return one is None or other is None or one == other


def _counts_agree(one: Claim, other: Claim) -> bool:
    """The same toll: two exact counts equal; a vague one ("dozens") holding the other; a bound
    and a number that overlap and name nearly the same figure ("2,445" and "more than 2,400", not
    "800" and "at least 10")."""
    first, second = one.count, other.count
    if first is None or second is None:
        return True
    if _exact(first) and _exact(second):
        return first.min == second.min
    low = max(first.min or 0, second.min or 0)
    if low > min(_top(first), _top(second)):
        return False
    if _vague(one) or _vague(other):
        return True
    figures = sorted(_figure(count) for count in (first, second))
    return figures[0] >= _NEARLY * figures[1]


_NEARLY = 0.9


def _vague(claim: Claim) -> bool:
    return claim.approximate and claim.count is not None and claim.count.min is not None and claim.count.max is not None


def _figure(count: Count) -> int:
    return count.min if count.min is not None else count.max or 0


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
        place=body.place or headline.place,
        conflict=body.conflict or (headline.conflict if body.context == headline.context else None),
    )
