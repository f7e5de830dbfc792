"""Metrics every service shares (prefix `sitrep_`, base units, `_total` counters)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)

messages_consumed = Counter(
    "sitrep_messages_consumed_total",
    "Kafka messages consumed, by outcome (handled, duplicate, dead_lettered).",
    ["group", "topic", "outcome"],
)
message_processing_seconds = Histogram(
    "sitrep_message_processing_seconds",
    "Time to handle one batch of messages and commit it, per message.",
    ["group", "topic"],
    buckets=LATENCY_BUCKETS,
)
consumer_lag = Gauge(
    "sitrep_kafka_consumer_lag_messages",
    "Messages in a partition not yet consumed by the group.",
    ["group", "topic", "partition"],
)
dead_letters = Counter(
    "sitrep_dead_letters_total",
    "Messages sent to a dead-letter topic.",
    ["group", "topic"],
)
batch_failures = Counter(
    "sitrep_consumer_batch_failures_total",
    "Batches rolled back for a transient error and retried.",
    ["group", "topic"],
)
events_appended = Counter(
    "sitrep_events_appended_total",
    "Events appended to the event log, by type.",
    ["type"],
)
relay_published = Counter(
    "sitrep_relay_published_total",
    "Events published from the event log to Kafka, by relay and topic.",
    ["relay", "topic"],
)
relay_position = Gauge(
    "sitrep_relay_position",
    "Global log position up to which a relay has published.",
    ["relay"],
)
