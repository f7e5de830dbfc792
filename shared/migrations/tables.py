"""The modules that declare tables on `shared.schema.metadata`: importing them all gives the metadata
the migrations must produce (used by `env.py` for autogenerate and by the schema test)."""

from __future__ import annotations

import importlib

from sqlalchemy import MetaData

TABLE_MODULES = (
    "shared.eventstore.tables",
    "shared.readmodel.feeds.tables",
    "shared.readmodel.stories.tables",
    "shared.readmodel.incidents.tables",
    "shared.readmodel.claims.tables",
    "shared.readmodel.subscriptions.tables",
    "shared.readmodel.deliveries.tables",
    "services.dedupe.index.tables",
    "services.dedupe.incidents.tables",
    "services.api.tables",
)


def target_metadata() -> MetaData:
    for name in TABLE_MODULES:
        importlib.import_module(name)
    from shared.schema import metadata

    return metadata
