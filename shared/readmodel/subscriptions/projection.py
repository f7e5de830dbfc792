"""Keeps `subscriptions` in step with the subscription events (secrets are never in the log)."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.events import Event
from shared.events.subscriptions import (
    SubscriptionCreated,
    SubscriptionDeleted,
    SubscriptionSecretRotated,
    SubscriptionUpdated,
)
from shared.readmodel.subscriptions.tables import subscriptions

_SUBSCRIPTION_COLUMNS = {"url", "description", "filters", "enabled"}


class SubscriptionsProjection:
    name = "subscriptions"
    handles = frozenset({"subscription.created", "subscription.updated", "subscription.deleted",
                         "subscription.secret_rotated"})
    tables = (subscriptions,)

    async def apply(self, conn: AsyncConnection, event: Event) -> None:
        payload = event.payload()
        where = subscriptions.c.subscription_id == payload.subscription_id
        common = {"updated_at": event.time, "version": event.stream_version}
        if isinstance(payload, SubscriptionCreated):
            settings = payload.settings.model_dump(mode="json")
            await conn.execute(
                pg_insert(subscriptions)
                .values(subscription_id=payload.subscription_id, key_id=payload.key_id, created_at=event.time, **settings, **common)
                .on_conflict_do_nothing()
            )
        elif isinstance(payload, SubscriptionUpdated):
            changes = {k: v for k, v in payload.changes.items() if k in _SUBSCRIPTION_COLUMNS}
            if "enabled" in changes:
                changes["disabled_reason"] = None if changes["enabled"] else payload.reason
            await conn.execute(update(subscriptions).where(where).values(**changes, **common))
        elif isinstance(payload, SubscriptionDeleted):
            await conn.execute(update(subscriptions).where(where).values(deleted_at=event.time, **common))
        elif isinstance(payload, SubscriptionSecretRotated):
            await conn.execute(update(subscriptions).where(where).values(key_id=payload.key_id, **common))
