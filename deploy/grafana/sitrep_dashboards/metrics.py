"""Every metric the dashboards read, in one place, with the module that defines it.

A renamed metric is a one-line change here (and in the recording rule of
deploy/prometheus/rules.yml that reads it). `DEFINED_IN` lets the tests tell a metric that a
service should export from one whose service code is not in this tree yet.
"""

from __future__ import annotations

SHARED = "shared.observability.metrics"
INGEST = "services.ingest.metrics"
DEDUPE = "services.dedupe.metrics"
ALERTS = "services.alerts.metrics"
API = "services.api.metrics"
PROMETHEUS = "prometheus"  # series Prometheus makes itself (`up`)

DEFINED_IN: dict[str, str] = {}


def _metric(name: str, module: str) -> str:
    DEFINED_IN[name] = module
    return name


UP = _metric("up", PROMETHEUS)

# Every service: the consumer loop, the relay and the event log.
MESSAGES_CONSUMED = _metric("sitrep_messages_consumed_total", SHARED)
MESSAGE_PROCESSING = _metric("sitrep_message_processing_seconds", SHARED)
MESSAGE_DELAY = _metric("sitrep_message_delay_seconds", SHARED)
CONSUMER_LAG = _metric("sitrep_kafka_consumer_lag_messages", SHARED)
DEAD_LETTERS = _metric("sitrep_dead_letters_total", SHARED)
BATCH_FAILURES = _metric("sitrep_consumer_batch_failures_total", SHARED)
EVENTS_APPENDED = _metric("sitrep_events_appended_total", SHARED)
RELAY_PUBLISHED = _metric("sitrep_relay_published_total", SHARED)
RELAY_LAG = _metric("sitrep_relay_lag_events", SHARED)

# ingest
FETCHES = _metric("sitrep_ingest_fetches_total", INGEST)
FETCH_BYTES = _metric("sitrep_ingest_fetched_bytes_total", INGEST)
FETCH_DURATION = _metric("sitrep_ingest_fetch_duration_seconds", INGEST)
PARSE_DURATION = _metric("sitrep_ingest_parse_duration_seconds", INGEST)
ITEMS_BY_SOURCE = _metric("sitrep_ingest_items_ingested_total", INGEST)
SOURCES_DUE = _metric("sitrep_ingest_sources_due", INGEST)
SOURCES_OVERDUE = _metric("sitrep_ingest_sources_overdue", INGEST)
SOURCES_UNHEALTHY = _metric("sitrep_ingest_sources_unhealthy", INGEST)
NEWEST_ITEM_AGE = _metric("sitrep_ingest_newest_item_age_seconds", INGEST)

# dedupe
DEDUPE_ITEMS = _metric("sitrep_dedupe_items_total", DEDUPE)
DEDUPE_SIMILARITY = _metric("sitrep_dedupe_similarity_ratio", DEDUPE)
DEDUPE_INDEX_STORIES = _metric("sitrep_dedupe_index_stories", DEDUPE)
DEDUPE_DECISION = _metric("sitrep_dedupe_decision_seconds", DEDUPE)
DEDUPE_INCIDENTS = _metric("sitrep_dedupe_incidents_total", DEDUPE)
DEDUPE_INCIDENT_STORIES = _metric("sitrep_dedupe_incident_stories", DEDUPE)
DEDUPE_INDEX_INCIDENTS = _metric("sitrep_dedupe_index_incidents", DEDUPE)

# alerts
CLAIMS_OBSERVED = _metric("sitrep_claims_observed_total", ALERTS)
ALERTS_QUEUED = _metric("sitrep_alerts_queued_total", ALERTS)
WEBHOOK_ATTEMPTS = _metric("sitrep_webhook_attempts_total", ALERTS)
WEBHOOK_LATENCY = _metric("sitrep_webhook_delivery_latency_seconds", ALERTS)
WEBHOOK_QUEUE_DEPTH = _metric("sitrep_webhook_queue_depth", ALERTS)
WEBHOOK_DEAD_LETTERS = _metric("sitrep_webhook_dead_letters_total", ALERTS)
WEBHOOK_CIRCUITS_OPEN = _metric("sitrep_webhook_circuits_open", ALERTS)

# api
HTTP_REQUESTS = _metric("sitrep_http_requests_total", API)
HTTP_DURATION = _metric("sitrep_http_request_duration_seconds", API)

# Label values the panels select on.
ITEM_INGESTED = 'type="news.item.ingested"'
STORY_STARTED = 'type="story.started"'
STORY_ITEM_MERGED = 'type="story.item_merged"'
# Fetch outcomes that are a success (200, 304); every other one (http_<status>, an error kind,
# parse_<kind>) is a failed fetch. Keep in step with
# the FETCH_OK matchers of deploy/prometheus/rules.yml (a test compares them).
FETCH_OK = "200|304"
DELIVERED = 'outcome="delivered"'
PIPELINE_JOBS = "ingest|dedupe|alerts|api"

# Recorded by deploy/prometheus/rules.yml.
STAGE_LATENCY_P50 = "stage:sitrep_pipeline_latency_seconds:p50_5m"
STAGE_LATENCY_P95 = "stage:sitrep_pipeline_latency_seconds:p95_5m"
END_TO_END_P95 = "sitrep:end_to_end_latency_seconds:p95_5m"
WEBHOOK_FAILURE_RATIO = "sitrep:webhook_failure_ratio:rate15m"
