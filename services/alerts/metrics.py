"""The alerts service's metrics: claims observed and alerts queued (webhook delivery has its own)."""

from __future__ import annotations

from prometheus_client import Counter

claims_observed = Counter(
    "sitrep_claims_observed_total", "Claims observed in stories, by kind and novelty.", ["kind", "novelty"]
)
alerts_queued = Counter("sitrep_alerts_queued_total", "Alerts queued for a subscriber (one per subscription and claim).")
