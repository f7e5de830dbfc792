"""sitrep's Grafana dashboards as code (grafana-foundation-sdk); deploy/grafana/generate.py writes them."""

from __future__ import annotations

from grafana_foundation_sdk.cog.encoder import JSONEncoder

from . import feeds, overview, pipeline, situation, webhooks

DASHBOARDS = {"overview": overview.build, "feeds": feeds.build, "pipeline": pipeline.build, "webhooks": webhooks.build,
              "situation": situation.build}


def render(name: str) -> str:
    """The dashboard's JSON as provisioned, panels numbered in order so links to them stay put."""
    model = DASHBOARDS[name]().build()
    for number, panel in enumerate(model.panels or [], start=1):
        panel.id_val = number
    return JSONEncoder(sort_keys=True, indent=2, ensure_ascii=False).encode(model) + "\n"
