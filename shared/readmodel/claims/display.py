"""A claim in a few words, as the command line, the demo and the situation page show it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def count_text(count_min: int | None, count_max: int | None, approximate: bool = False) -> str:
    """"4", "1,012,340", "up to 430", "200+", "20–30"; "~" in front of a vague count."""
    if count_min is None and count_max is None:
        return ""
    if count_min == count_max:
        text = f"{count_min:,}"
    elif count_min is None:
        text = f"up to {count_max:,}"
    elif count_max is None:
        text = f"{count_min:,}+"
    else:
        text = f"{count_min:,}–{count_max:,}"
    return f"~{text}" if approximate else text


def what(claim: Mapping[str, Any]) -> str:
    """"killed soldier", "downed drone", "ceasefire violation"; a total or a day's increment says so."""
    if claim.get("kind") == "ceasefire":
        return f"ceasefire {str(claim.get('category', '')).replace('_', ' ')}"
    words = [claim.get("category"), claim.get("subject")]
    if claim.get("basis"):
        words.append(f"({claim['basis']})")
    return " ".join(word for word in words if word)


def who(claim: Mapping[str, Any]) -> str:
    """"Ministry of Defence of Armenia → Azerbaijan": the claimant, and whose loss (or the parties)."""
    claimant = claim.get("claimant") or "unnamed"
    if claim.get("kind") == "ceasefire":
        parties = [p for p in claim.get("parties") or [] if p != claimant]
        return f"{claimant} → {', '.join(parties)}" if parties else claimant
    return f"{claimant} → {claim.get('side') or '?'}"


def count_of(claim: Mapping[str, Any]) -> str:
    """The count of a claim as the read model stores it (count_min/count_max) or as an event carries it."""
    count = claim.get("count")
    if isinstance(count, Mapping):
        return count_text(count.get("min"), count.get("max"), bool(claim.get("approximate")))
    return count_text(claim.get("count_min"), claim.get("count_max"), bool(claim.get("approximate")))
