"""Casualty and ceasefire claims: extraction from text and the novelty of each claim.

Pure and deterministic: no I/O. `extract_claims` reads text; `identity_key`,
`series_key` and `decide_novelty` tell whether a claim is news.
"""

from .extract import extract_claims
from .model import Claim, Count
from .novelty import Novelty, PriorClaim, alerts_by_default, decide_novelty, identity_key, series_key

__all__ = [
    "Claim",
    "Count",
    "Novelty",
    "PriorClaim",
    "alerts_by_default",
    "decide_novelty",
    "extract_claims",
    "identity_key",
    "series_key",
]
