"""Overview: is news coming in, turning into stories and claims, and reaching subscribers in time?"""

from __future__ import annotations

from grafana_foundation_sdk.builders.dashboard import Dashboard

from . import metrics as m
from . import panels as p


def build() -> Dashboard:
    return (
        p.new_dashboard("sitrep-overview", "sitrep / Overview",
                        "Items in, stories, claims by kind and novelty, alerts delivered and end-to-end latency.")
        .with_row(p.row("In the selected time range"))
        .with_panel(p.stat_panel("Items ingested", "New news items recorded by ingest.", "short",
                                 p.query(p.increase(m.EVENTS_APPENDED, m.ITEM_INGESTED, window=p.RANGE))))
        .with_panel(p.stat_panel("Stories started", "Items that started a story of their own (not duplicates).",
                                 "short", p.query(p.increase(m.EVENTS_APPENDED, m.STORY_STARTED, window=p.RANGE))))
        .with_panel(p.stat_panel("New claims", "Claims no earlier claim says: the ones that alert.", "short",
                                 p.query(p.increase(m.CLAIMS_OBSERVED, 'novelty="new"', window=p.RANGE))))
        .with_panel(p.stat_panel("Alerts delivered", "Webhook deliveries answered with a 2xx.", "short",
                                 p.query(p.increase(m.WEBHOOK_ATTEMPTS, m.DELIVERED, window=p.RANGE))))
        .with_panel(p.stat_panel("End-to-end p95", "Sum of the p95 latency of each stage over 5 minutes: "
                                 "item recorded to story, story to claims, claim to the subscriber's 2xx.", "s",
                                 p.query(m.END_TO_END_P95), red_at=60))
        .with_panel(p.up_panel("Services", "Whether Prometheus reaches each service's /metrics.",
                               f'up{{job=~"{m.PIPELINE_JOBS}"}}', width=4))
        .with_row(p.row("Flow"))
        .with_panel(p.timeseries_panel(
            "Items in, stories and merges", "Items recorded by ingest; stories started and items merged into an "
            "existing story by dedupe.", p.PER_MINUTE,
            p.query(p.per_minute(m.EVENTS_APPENDED, m.ITEM_INGESTED), "items ingested"),
            p.query(p.per_minute(m.EVENTS_APPENDED, m.STORY_STARTED), "stories started"),
            p.query(p.per_minute(m.EVENTS_APPENDED, m.STORY_ITEM_MERGED), "items merged into a story"),
        ))
        .with_panel(p.timeseries_panel(
            "Claims by kind and novelty", "Casualty and ceasefire claims, new / updated / corroborated / historical.",
            p.PER_MINUTE, p.query(p.per_minute(m.CLAIMS_OBSERVED, by=("kind", "novelty")), "{{kind}} {{novelty}}"),
            stacked=True,
        ))
        .with_panel(p.timeseries_panel(
            "Alerts queued and delivered", "Alerts queued (one per subscription and claim) and deliveries "
            "answered with a 2xx.", p.PER_MINUTE,
            p.query(p.per_minute(m.ALERTS_QUEUED), "queued"),
            p.query(p.per_minute(m.WEBHOOK_ATTEMPTS, m.DELIVERED), "delivered"),
        ))
        .with_panel(p.timeseries_panel(
            "End-to-end latency by stage (p95, stacked)", "From an item's recording to its story (dedupe), to its "
            "claims (alerts), to the subscriber's 2xx (webhook); the stack's top is the end-to-end estimate.", "s",
            p.query(m.STAGE_LATENCY_P95, "{{stage}}"), stacked=True,
        ))
        .with_row(p.row("API"))
        .with_panel(p.timeseries_panel(
            "API requests by status", "Requests answered by the API, by route template and status.", p.PER_MINUTE,
            p.query(p.per_minute(m.HTTP_REQUESTS, by=("route", "status")), "{{route}} {{status}}"),
        ))
        .with_panel(p.timeseries_panel(
            "API latency p95 by route", "Time to the end of the response body.", "s",
            p.query(p.quantile(0.95, m.HTTP_DURATION, by=("route",)), "{{route}}"),
        ))
    )
