"""Webhooks: attempts and their outcomes, delivery latency, the queue, per subscription."""

from __future__ import annotations

from grafana_foundation_sdk.builders.dashboard import Dashboard

from . import metrics as m
from . import panels as p


def build() -> Dashboard:
    return (
        p.new_dashboard("sitrep-webhooks", "sitrep / Webhooks",
                        "Delivery attempts by outcome, latency from claim to 2xx, queue depth, per subscription.")
        .with_row(p.row("Now"))
        .with_panel(p.stat_panel("Queue depth", "Deliveries waiting to be sent.", "short",
                                 p.query(f"max({m.WEBHOOK_QUEUE_DEPTH})")))
        .with_panel(p.stat_panel("Open circuits", "Endpoints whose circuit breaker is open or half-open.", "short",
                                 p.query(f"max({m.WEBHOOK_CIRCUITS_OPEN})"), red_at=1))
        .with_panel(p.stat_panel("Failure ratio (15 min)", "Attempts that did not deliver; above 25% for 10 minutes "
                                 "raises SitrepWebhookFailureRatioHigh.", "percentunit",
                                 p.query(m.WEBHOOK_FAILURE_RATIO), red_at=0.25))
        .with_panel(p.stat_panel("Delivered", "Deliveries answered with a 2xx in the selected time range.",
                                 "short", p.query(p.increase(m.WEBHOOK_ATTEMPTS, m.DELIVERED, window=p.RANGE))))
        .with_panel(p.stat_panel("Dead-lettered", "Deliveries given up after their last attempt, in the selected "
                                 "time range.", "short", p.query(p.increase(m.WEBHOOK_DEAD_LETTERS, window=p.RANGE)),
                                 red_at=1))
        .with_panel(p.stat_panel("Alerts queued", "Alerts queued in the selected time range.", "short",
                                 p.query(p.increase(m.ALERTS_QUEUED, window=p.RANGE))))
        .with_row(p.row("Attempts"))
        .with_panel(p.timeseries_panel(
            "Attempts by outcome", "delivered, retrying (will try again), dead_lettered, gone (410).", p.PER_MINUTE,
            p.query(p.per_minute(m.WEBHOOK_ATTEMPTS, by=("outcome",)), "{{outcome}}"), stacked=True,
        ))
        .with_panel(p.timeseries_panel(
            "Delivery latency, claim to 2xx (p50, p95, p99)", "From the claim's observation to the subscriber's "
            "answer, retries included.", "s",
            p.query(p.quantile(0.5, m.WEBHOOK_LATENCY), "p50"),
            p.query(p.quantile(0.95, m.WEBHOOK_LATENCY), "p95"),
            p.query(p.quantile(0.99, m.WEBHOOK_LATENCY), "p99"),
        ))
        .with_panel(p.timeseries_panel(
            "Queue depth and open circuits", "Deliveries pending, and endpoints cut off by their breaker.", "short",
            p.query(f"max({m.WEBHOOK_QUEUE_DEPTH})", "pending deliveries"),
            p.query(f"max({m.WEBHOOK_CIRCUITS_OPEN})", "open circuits"),
        ))
        .with_panel(p.timeseries_panel(
            "Dead-lettered deliveries", "Redeliver them once the subscriber is back.", "short",
            p.query(p.increase(m.WEBHOOK_DEAD_LETTERS), "dead-lettered"),
        ))
        .with_row(p.row("Per subscription"))
        .with_panel(p.table_panel(
            "Attempts per subscription and outcome", "In the selected time range.", "short",
            p.query(p.increase(m.WEBHOOK_ATTEMPTS, by=("subscription", "outcome"), window=p.RANGE)), width=24,
        ))
    )
