"""What dedupe reports to Prometheus (prefix `sitrep_dedupe_`, base units, `_total` counters).

Every outcome and method is created at zero on import, so rates and quantiles have series from
the first scrape.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

from services.dedupe.decision import Decision, Method, Outcome
from services.dedupe.incidents.assign import Change, IncidentOutcome
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
incidents = Counter(
    "sitrep_dedupe_incidents_total",
    "What the second tier did with a story: opened an incident, joined one, merged incidents "
    "(one count per incident absorbed), split a story off.",
    ["change"],
)
incident_stories = Histogram(
    "sitrep_dedupe_incident_stories",
    "Stories of the incident a story opened or joined, counted at that moment.",
    buckets=(1, 2, 3, 5, 8, 13, 21, 34, 55, 89),
)
INCIDENT_CHANGES = ("opened", "joined", "merged", "split")
index_stories = Gauge("sitrep_dedupe_index_stories", "Stories with at least one entry in the dedupe index.")
index_incidents = Gauge("sitrep_dedupe_index_incidents", "Incidents in the dedupe index (within its retention).")
index_entries = Gauge("sitrep_dedupe_index_entries", "Items in the dedupe index (within its retention).")

for _outcome in Outcome:
    items.labels(_outcome.value)
for _method in MERGE_METHODS:
    similarity.labels(_method)
for _change in INCIDENT_CHANGES:
    incidents.labels(_change)


def observe(decision: Decision, seconds: float, incident: IncidentOutcome | None = None) -> None:
    items.labels(decision.outcome.value).inc()
    if incident is not None and incident.change is not Change.STAYED:
        incidents.labels(incident.change.value).inc()
        if incident.merged:
            incidents.labels("merged").inc(len(incident.merged))
        if incident.change in (Change.OPENED, Change.JOINED):
            incident_stories.observe(incident.story_count)
    decision_seconds.observe(seconds)
    if decision.outcome in (Outcome.EXACT, Outcome.NEAR_DUPLICATE) and decision.method is not None:
        similarity.labels(decision.method.value).observe(decision.similarity)
