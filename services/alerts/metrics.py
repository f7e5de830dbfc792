"""The alerts service's metrics: claims, alerts, webhook attempts, latency and the queue."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

claims_observed = Counter(
    "sitrep_claims_observed_total", "Claims observed in stories, by kind and novelty.", ["kind", "novelty"]
)
alerts_queued = Counter("sitrep_alerts_queued_total", "Alerts queued for a subscriber (one per subscription and claim).")
webhook_attempts = Counter(
    "sitrep_webhook_attempts_total",
    "Webhook delivery attempts, by subscription and outcome (delivered, retrying, dead_lettered, gone).",
    ["subscription", "outcome"],
)
webhook_delivery_latency = Histogram(
    "sitrep_webhook_delivery_latency_seconds",
    "Time from a claim's observation to its subscriber's 2xx answer.",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800, 7200, 36000, 86400),
)
webhook_queue_depth = Gauge("sitrep_webhook_queue_depth", "Deliveries waiting to be sent (pending).")
webhook_dead_letters = Counter("sitrep_webhook_dead_letters_total", "Deliveries dead-lettered after their last attempt.")
webhook_circuits_open = Gauge("sitrep_webhook_circuits_open", "Endpoints whose circuit breaker is not closed.")
