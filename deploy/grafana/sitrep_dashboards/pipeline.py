"""Pipeline: is every consumer keeping up, how long each stage takes, and what was dead-lettered."""

from __future__ import annotations

from grafana_foundation_sdk.builders.dashboard import Dashboard

from . import metrics as m
from . import panels as p


def build() -> Dashboard:
    return (
        p.new_dashboard("sitrep-pipeline", "sitrep / Pipeline",
                        "Consumer and relay lag, processing time per stage, dead letters, dedupe outcomes, incidents.")
        .with_row(p.row("Keeping up"))
        .with_panel(p.up_panel("Services", "Whether Prometheus reaches each service's /metrics.",
                               f'up{{job=~"{m.PIPELINE_JOBS}"}}', width=24))
        .with_panel(p.timeseries_panel(
            "Consumer lag by group and partition", "Messages in each partition not yet consumed: steady growth "
            "raises SitrepConsumerLagGrowing.", "short",
            p.query(f"sum by (group, topic, partition) ({m.CONSUMER_LAG})", "{{group}} {{topic}}/{{partition}}"),
        ))
        .with_panel(p.timeseries_panel(
            "Relay lag", "Events recorded in the log and not yet published to Kafka, by relay.", "short",
            p.query(f"max by (relay) ({m.RELAY_LAG})", "{{relay}}"),
        ))
        .with_panel(p.timeseries_panel(
            "Messages consumed by outcome", "Handled, duplicate (dropped by the inbox) or dead-lettered.", p.PER_MINUTE,
            p.query(p.per_minute(m.MESSAGES_CONSUMED, by=("group", "outcome")), "{{group}} {{outcome}}"),
        ))
        .with_panel(p.timeseries_panel(
            "Events published by relay and topic", "Events the relays took from the log to Kafka.", p.PER_MINUTE,
            p.query(p.per_minute(m.RELAY_PUBLISHED, by=("relay", "topic")), "{{relay}} → {{topic}}"),
        ))
        .with_row(p.row("Time per stage"))
        .with_panel(p.timeseries_panel(
            "Processing time per message (p95)", "Handling a batch and committing it, per message, by consumer "
            "group.", "s",
            p.query(p.quantile(0.95, m.MESSAGE_PROCESSING, by=("group",)), "{{group}}"),
        ))
        .with_panel(p.timeseries_panel(
            "Delay from recording to handling (p50, p95)", "From the upstream event's recording in the log to the "
            "commit of the batch that handled it: relay, Kafka, queueing and handling together.", "s",
            p.query(p.quantile(0.5, m.MESSAGE_DELAY, by=("group",)), "{{group}} p50"),
            p.query(p.quantile(0.95, m.MESSAGE_DELAY, by=("group",)), "{{group}} p95"),
        ))
        .with_row(p.row("Failures"))
        .with_panel(p.timeseries_panel(
            "Dead letters", "Messages sent to <topic>.dlq with their error (header sitrep_error).", "short",
            p.query(p.increase(m.DEAD_LETTERS, by=("group", "topic")), "{{group}} {{topic}}"),
        ))
        .with_panel(p.timeseries_panel(
            "Batches rolled back and retried", "Transient failures (database or broker away).", "short",
            p.query(p.increase(m.BATCH_FAILURES, by=("group", "topic")), "{{group}} {{topic}}"),
        ))
        .with_row(p.row("Event log and dedupe"))
        .with_panel(p.timeseries_panel(
            "Events appended by type", "Facts recorded in the event log, once committed.", p.PER_MINUTE,
            p.query(p.per_minute(m.EVENTS_APPENDED, by=("type",)), "{{type}}"), stacked=True,
        ))
        .with_panel(p.timeseries_panel(
            "Dedupe outcomes", "What dedupe decided for each item.", p.PER_MINUTE,
            p.query(p.per_minute(m.DEDUPE_ITEMS, by=("outcome",)), "{{outcome}}"), stacked=True,
        ))
        .with_panel(p.timeseries_panel(
            "Similarity of items to their nearest story (p50, p95)", "Near-duplicate score, 0 to 1.", "percentunit",
            p.query(p.quantile(0.5, m.DEDUPE_SIMILARITY), "p50"),
            p.query(p.quantile(0.95, m.DEDUPE_SIMILARITY), "p95"),
        ))
        .with_panel(p.timeseries_panel(
            "Dedupe index size", "Stories the dedupe index holds.", "short",
            p.query(f"max({m.DEDUPE_INDEX_STORIES})", "stories"),
        ))
        .with_panel(p.timeseries_panel(
            "Dedupe decision time (p50, p95)", "Fingerprint, index lookup under its locks, decision and "
            "recording, per item.", "s",
            p.query(p.quantile(0.5, m.DEDUPE_DECISION), "p50"),
            p.query(p.quantile(0.95, m.DEDUPE_DECISION), "p95"),
        ))
        .with_row(p.row("Incidents"))
        .with_panel(p.timeseries_panel(
            "Incidents opened, joined, merged, split", "What the second tier did with each new story: opened "
            "an incident, joined one (the same event, another outlet or language), merged two, split a story off.",
            p.PER_MINUTE,
            p.query(p.per_minute(m.DEDUPE_INCIDENTS, by=("change",)), "{{change}}"), stacked=True,
        ))
        .with_panel(p.timeseries_panel(
            "Stories per incident (p50, p95)", "Stories of the incident a story opened or joined, at that moment.",
            "short",
            p.query(p.quantile(0.5, m.DEDUPE_INCIDENT_STORIES), "p50"),
            p.query(p.quantile(0.95, m.DEDUPE_INCIDENT_STORIES), "p95"),
        ))
        .with_panel(p.timeseries_panel(
            "Incidents in the index", "Incidents the dedupe index holds (within its retention).", "short",
            p.query(f"max({m.DEDUPE_INDEX_INCIDENTS})", "incidents"),
        ))
    )


