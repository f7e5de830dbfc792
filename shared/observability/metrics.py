"""Metrics every service shares (prefix `sitrep_`, base units, `_total` counters).

Series whose labels are known when a consumer or relay starts are created then, at zero, so a
rate over them is right from the first message and a dashboard shows 0 rather than nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import Counter, Gauge, Histogram

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
# From the seconds of a healthy pipeline to the hours of a backlog after an outage.
DELAY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 14400)
CONSUMER_OUTCOMES = ("handled", "duplicate", "dead_lettered")

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
message_delay_seconds = Histogram(
    "sitrep_message_delay_seconds",
    "Time from an event's recording upstream to the commit of the batch that handled it.",
    ["group", "topic"],
    buckets=DELAY_BUCKETS,
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
    "Events appended to the event log (counted once committed), by type.",
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
relay_lag = Gauge(
    "sitrep_relay_lag_events",
    "Events of a relay's types recorded in the log and not yet published.",
    ["relay"],
)


def initialise_consumer(group: str, topics: Iterable[str]) -> None:
    for topic in topics:
        for outcome in CONSUMER_OUTCOMES:
            messages_consumed.labels(group, topic, outcome)
        for metric in (message_processing_seconds, message_delay_seconds, dead_letters, batch_failures):
            metric.labels(group, topic)


def forget_partition(group: str, topic: str, partition: int) -> None:
    """Drop the lag of a partition this instance no longer owns (its new owner reports it)."""
    try:
        consumer_lag.remove(group, topic, str(partition))
    except KeyError:
        pass


def initialise_relay(name: str, topics: Iterable[str], event_types: Iterable[str]) -> None:
    for topic in topics:
        relay_published.labels(name, topic)
    for event_type in event_types:
        events_appended.labels(event_type)
    relay_lag.labels(name)
