"""`sitrep status` on one screen: what is up, what lags, what fails (the facts come from
`shared/status.py`)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from shared.cli.times import relative

MARK = {True: ("●", "green"), False: ("●", "bold red")}
MOST_FAILING = 6


def status_json(status: Any) -> dict[str, Any]:
    return {**asdict(status), "healthy": status.healthy}


def render(status: Any, console: Any) -> None:
    from rich.table import Table
    from rich.text import Text

    def section(title: str) -> Table:
        grid = Table.grid(padding=(0, 2))
        grid.title, grid.title_justify, grid.title_style = title, "left", "bold"
        return grid

    probes = section("stack and services")
    for probe in status.stack + status.services:
        mark, style = MARK[probe.ok]
        probes.add_row(Text(mark, style=style), probe.name, Text(probe.detail, style="" if probe.ok else "red"))
    console.print(probes)

    pipeline = section("pipeline")
    for lag in status.lag:
        behind = "unknown (Kafka away)" if lag.behind is None else f"{lag.behind:,} messages behind"
        style = "yellow" if lag.behind else ""
        pipeline.add_row(lag.group, lag.topic, Text(behind, style=style))
    counts = status.counts
    if counts:
        pipeline.add_row("log", f"{counts['events']:,} events", f"last {relative(counts['last_event_at']) or 'never'}")
        pipeline.add_row("read model", f"{counts['stories']:,} stories", f"{counts['claims']:,} claims")
    console.print(pipeline)

    feeds = section("sources")
    levels = ", ".join(f"{status.feeds[k]} {k}" for k in ("ok", "new", "failing", "unhealthy") if status.feeds.get(k))
    feeds.add_row("registered", levels or "none yet")
    for row in status.failing_feeds[:MOST_FAILING]:
        from shared.readmodel.feeds.queries import fetch_summary

        feeds.add_row(Text(row["title"] or row["url"], overflow="ellipsis", no_wrap=True),
                      Text(fetch_summary(row), style="red" if not row.get("healthy") else "yellow"))
    if len(status.failing_feeds) > MOST_FAILING:
        feeds.add_row("…", f"{len(status.failing_feeds) - MOST_FAILING} more: `sitrep feeds list`")
    console.print(feeds)

    hooks = status.webhooks
    if hooks:
        queue = section("webhooks")
        pending = f"{hooks['pending']} pending"
        if hooks["oldest_pending"]:
            pending += f", oldest queued {relative(hooks['oldest_pending'])}"
        queue.add_row(f"{hooks['subscriptions']} subscriptions", Text(pending, style="yellow" if hooks["pending"] else ""),
                      f"{hooks['delivered']} delivered",
                      Text(f"{hooks['dead_lettered']} dead-lettered", style="red" if hooks["dead_lettered"] else ""))
        console.print(queue)
