"""What webhook delivery reports to Prometheus: attempts, latency, the queue and open circuits."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

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
