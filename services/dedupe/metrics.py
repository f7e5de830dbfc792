"""What dedupe reports to Prometheus (prefix `sitrep_dedupe_`, base units, `_total` counters).

Every outcome and method is created at zero on import, so rates and quantiles have series from
the first scrape.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

from services.dedupe.decision import Decision, Method, Outcome
from shared.observability.metrics import LATENCY_BUCKETS

SIMILARITY_BUCKETS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99, 1.0)
MERGE_METHODS = tuple(m.value for m in Method if m is not Method.ITEM_KEY)

items = Counter(
    "sitrep_dedupe_items_total",
    "Items decided, by outcome: new (a story of its own), repeat (the same entry again), "
    "exact (same canonical URL or text), near_duplicate.",
    ["outcome"],
)
similarity = Histogram(
    "sitrep_dedupe_similarity_ratio",
    "Similarity of a merged item to the story it joined (1 for exact copies), by method.",
    ["method"],
    buckets=SIMILARITY_BUCKETS,
)
decision_seconds = Histogram(
    "sitrep_dedupe_decision_seconds",
    "Time to fingerprint one item, look up its candidates, decide and record the outcome.",
    buckets=LATENCY_BUCKETS,
)
index_stories = Gauge("sitrep_dedupe_index_stories", "Stories with at least one entry in the dedupe index.")
index_entries = Gauge("sitrep_dedupe_index_entries", "Items in the dedupe index (within its retention).")

for _outcome in Outcome:
    items.labels(_outcome.value)
for _method in MERGE_METHODS:
    similarity.labels(_method)


def observe(decision: Decision, seconds: float) -> None:
    items.labels(decision.outcome.value).inc()
    decision_seconds.observe(seconds)
    if decision.outcome in (Outcome.EXACT, Outcome.NEAR_DUPLICATE) and decision.method is not None:
        similarity.labels(decision.method.value).observe(decision.similarity)
