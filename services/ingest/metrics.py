"""What ingest reports to Prometheus (prefix `sitrep_ingest_`, base units, `_total` counters)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

FETCH_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
PARSE_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)

fetches = Counter(
    "sitrep_ingest_fetches_total",
    "Fetches by source and outcome: 200, 304, http_<status>, a fetch error kind, or parse_<kind>.",
    ["source", "outcome"],
)
fetched_bytes = Counter(
    "sitrep_ingest_fetched_bytes_total",
    "Bytes received on the wire for feed documents, by source.",
    ["source"],
)
fetch_seconds = Histogram(
    "sitrep_ingest_fetch_duration_seconds",
    "Time from the request to the end of the body (or the error), redirects included.",
    buckets=FETCH_BUCKETS,
)
parse_seconds = Histogram(
    "sitrep_ingest_parse_duration_seconds",
    "Time to parse and normalise one document.",
    buckets=PARSE_BUCKETS,
)
items_ingested = Counter(
    "sitrep_ingest_items_ingested_total",
    "Entries seen for the first time and recorded as news.item.ingested, by source.",
    ["source"],
)
document_warnings = Counter(
    "sitrep_ingest_document_warnings_total",
    "Documents accepted with a warning (malformed but readable, entries over the limit), by source.",
    ["source"],
)
sources_due = Gauge("sitrep_ingest_sources_due", "Active sources whose next check has come.")
sources_overdue = Gauge(
    "sitrep_ingest_sources_overdue",
    "Active sources whose next check came more than a minute ago and that no instance has claimed.",
)
sources_unhealthy = Gauge("sitrep_ingest_sources_unhealthy", "Active sources marked unhealthy.")
newest_item_age = Gauge(
    "sitrep_ingest_newest_item_age_seconds",
    "Age of the newest entry seen in each source.",
    ["source"],
)
checks_in_flight = Gauge("sitrep_ingest_checks_in_flight", "Sources this instance has claimed and not finished.")
