"""Feeds: which sources are fetched, which fail and why, and how fresh each one is."""

from __future__ import annotations

from grafana_foundation_sdk.builders.dashboard import Dashboard

from . import metrics as m
from . import panels as p

SOURCE = 'source=~"$source"'
FAILED = f'{SOURCE}, outcome!~"{m.FETCH_OK}"'


def build() -> Dashboard:
    return (
        p.new_dashboard("sitrep-feeds", "sitrep / Feeds", "Fetch outcomes, errors by source and freshness.")
        .with_variable(p.label_variable("source", "Source", m.FETCHES))
        .with_row(p.row("Sources now"))
        .with_panel(p.stat_panel("Due", "Sources whose next check time has come.", "short",
                                 p.query(f"max({m.SOURCES_DUE})")))
        .with_panel(p.stat_panel("Overdue", "Due sources not fetched in time (poller behind).", "short",
                                 p.query(f"max({m.SOURCES_OVERDUE})"), red_at=1))
        .with_panel(p.stat_panel("Unhealthy", "Sources failing for long, now polled only every few hours.", "short",
                                 p.query(f"max({m.SOURCES_UNHEALTHY})"), red_at=1))
        .with_panel(p.stat_panel("Failed fetches, last hour", "Fetches of the selected sources that failed.", "short",
                                 p.query(p.increase(m.FETCHES, FAILED, window="1h")), red_at=1))
        .with_panel(p.stat_panel("Items, last hour", "Items the selected sources yielded.", "short",
                                 p.query(p.increase(m.ITEMS_BY_SOURCE, SOURCE, window="1h"))))
        .with_panel(p.stat_panel("Bytes fetched, last hour", "Response bodies of the selected sources.", "bytes",
                                 p.query(p.increase(m.FETCH_BYTES, SOURCE, window="1h"))))
        .with_row(p.row("Fetches"))
        .with_panel(p.timeseries_panel(
            "Fetch outcomes", "Every fetch of the selected sources by outcome: 200, 304, http_<status>, an error "
            "kind or parse_<kind>.",
            p.PER_MINUTE, p.query(p.per_minute(m.FETCHES, SOURCE, by=("outcome",)), "{{outcome}}"), stacked=True,
        ))
        .with_panel(p.timeseries_panel(
            "Errors by source", "Failed fetches by source and error kind.", p.PER_MINUTE,
            p.query(p.per_minute(m.FETCHES, FAILED, by=("source", "outcome")), "{{source}} {{outcome}}"),
        ))
        .with_panel(p.table_panel(
            "Failed fetches in the last hour, by source", "A source whose every fetch failed for an hour raises "
            "SitrepFeedFailing.", "short",
            p.query(f"sort_desc({p.increase(m.FETCHES, FAILED, by=('source', 'outcome'), window='1h')})"),
        ))
        .with_panel(p.timeseries_panel(
            "Items ingested by source", "New items each source yielded.", p.PER_MINUTE,
            p.query(p.per_minute(m.ITEMS_BY_SOURCE, SOURCE, by=("source",)), "{{source}}"),
        ))
        .with_row(p.row("Freshness and speed"))
        .with_panel(p.timeseries_panel(
            "Newest item age by source", "Time since the newest item of each source was published: a source "
            "that stops publishing (or is failing) climbs steadily.", "s",
            p.query(f"max by (source) ({m.NEWEST_ITEM_AGE}{{{SOURCE}}})", "{{source}}"),
        ))
        .with_panel(p.timeseries_panel(
            "Fetch and parse time (p95)", "Time to fetch a document and to parse it.", "s",
            p.query(p.quantile(0.95, m.FETCH_DURATION), "fetch"),
            p.query(p.quantile(0.95, m.PARSE_DURATION), "parse"),
        ))
    )
