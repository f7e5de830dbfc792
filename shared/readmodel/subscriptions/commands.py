"""Commands on webhook subscriptions: each validates, then appends one event.

Plain async functions over a UnitOfWork, so the CLI and the API share them. A URL is checked
(no private network unless allowed) before the transaction takes the log's lock. The signing
secret is returned once, at creation or rotation, and stored outside the event log.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpcore
from sqlalchemy import insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.events import Event
from shared.events.subscriptions import (
    SubscriptionCreated,
    SubscriptionDeleted,
    SubscriptionSecretRotated,
    SubscriptionSettings,
    SubscriptionUpdated,
    subscription_stream,
)
from shared.eventstore import NO_STREAM
from shared.ids import new_id
from shared.netguard import BlockedAddress, Resolver, resolve_and_check, system_resolver
from shared.readmodel.subscriptions.tables import subscription_secrets, subscriptions
from shared.unit_of_work import UnitOfWork
from shared.webhooks.signing import generate_secret, key_id

SOURCE = "sitrep/subscriptions"
UrlCheck = Callable[[str, bool], Awaitable[Any]]


class SubscriptionNotFound(LookupError):
    pass


async def check_webhook_url(url: str, allow_private: bool, *, resolver: Resolver = system_resolver) -> None:
    """Refuse (BlockedAddress) a URL that is not http(s), or whose host is private or unknown."""
    try:
        await resolve_and_check(url, allow_private, resolver=resolver)
    except httpcore.ConnectError as exc:
        raise BlockedAddress(url, str(exc)) from None


@dataclass(frozen=True)
class NewSecret:
    subscription_id: str
    secret: str
    key_id: str


def _event(payload: Any, subscription_id: str) -> Event:
    stream = subscription_stream(subscription_id)
    return Event.new(payload, stream_id=stream, source=SOURCE, subject=subscription_id)


async def create_subscription(
    uow: UnitOfWork, settings: SubscriptionSettings, *, allow_private: bool = False,
    check_url: UrlCheck = check_webhook_url, subscription_id: str | None = None,
) -> NewSecret:
    await check_url(settings.url, allow_private)
    subscription_id = subscription_id or new_id()
    secret = generate_secret()
    await uow.lock()
    await _store_secret(uow.conn, subscription_id, secret)
    created = SubscriptionCreated(subscription_id=subscription_id, settings=settings, key_id=key_id(secret))
    await uow.record(subscription_stream(subscription_id), [_event(created, subscription_id)], expected_version=NO_STREAM)
    return NewSecret(subscription_id, secret, key_id(secret))


async def update_subscription(
    uow: UnitOfWork, subscription_id: str, changes: dict[str, Any], reason: str | None = None, *,
    allow_private: bool = False, check_url: UrlCheck = check_webhook_url,
) -> dict[str, Any]:
    """Apply changes to url, description, filters or enabled; returns what actually changed.

    `filters` may name only some filters: the others keep their current values.
    """
    if "url" in changes:
        await check_url(changes["url"], allow_private)
    await uow.lock()
    row = await _current(uow.conn, subscription_id)
    current = SubscriptionSettings.model_validate({k: row[k] for k in SubscriptionSettings.model_fields})
    if "filters" in changes:
        changes = {**changes, "filters": {**current.filters.model_dump(), **dict(changes["filters"])}}
    merged = SubscriptionSettings.model_validate({**current.model_dump(), **changes})
    changed = {k: v for k, v in merged.model_dump(mode="json").items() if current.model_dump(mode="json")[k] != v}
    if changed:
        event = _event(SubscriptionUpdated(subscription_id=subscription_id, changes=changed, reason=reason), subscription_id)
        await uow.record(subscription_stream(subscription_id), [event], expected_version=row["version"])
    return changed


async def delete_subscription(uow: UnitOfWork, subscription_id: str, reason: str | None = None) -> None:
    await uow.lock()
    row = await _current(uow.conn, subscription_id)
    event = _event(SubscriptionDeleted(subscription_id=subscription_id, reason=reason), subscription_id)
    await uow.record(subscription_stream(subscription_id), [event], expected_version=row["version"])


async def rotate_secret(uow: UnitOfWork, subscription_id: str, overlap_s: float) -> NewSecret:
    """A new secret signs from now on; the previous one keeps signing too for `overlap_s`."""
    await uow.lock()
    row = await _current(uow.conn, subscription_id)
    now = datetime.now(UTC)
    previous_expires_at = now + timedelta(seconds=overlap_s)
    await uow.conn.execute(
        update(subscription_secrets)
        .where(subscription_secrets.c.subscription_id == subscription_id,
               or_(subscription_secrets.c.expires_at.is_(None), subscription_secrets.c.expires_at > previous_expires_at))
        .values(expires_at=previous_expires_at)
    )
    secret = generate_secret()
    await _store_secret(uow.conn, subscription_id, secret)
    rotated = SubscriptionSecretRotated(
        subscription_id=subscription_id, key_id=key_id(secret), previous_key_id=row["key_id"],
        previous_expires_at=previous_expires_at,
    )
    await uow.record(subscription_stream(subscription_id), [_event(rotated, subscription_id)], expected_version=row["version"])
    return NewSecret(subscription_id, secret, key_id(secret))


async def signing_secrets(conn: AsyncConnection, subscription_id: str) -> list[str]:
    """The secrets that sign now: the current one first, then any still in their overlap."""
    rows = await conn.execute(
        select(subscription_secrets.c.secret)
        .where(subscription_secrets.c.subscription_id == subscription_id,
               or_(subscription_secrets.c.expires_at.is_(None), subscription_secrets.c.expires_at > datetime.now(UTC)))
        .order_by(subscription_secrets.c.created_at.desc())
    )
    return [r.secret for r in rows]


async def get_subscription(conn: AsyncConnection, subscription_id: str) -> dict[str, Any]:
    return await _current(conn, subscription_id)


async def _store_secret(conn: AsyncConnection, subscription_id: str, secret: str) -> None:
    await conn.execute(
        insert(subscription_secrets).values(
            subscription_id=subscription_id, key_id=key_id(secret), secret=secret, created_at=datetime.now(UTC)
        )
    )


async def _current(conn: AsyncConnection, subscription_id: str) -> dict[str, Any]:
    row = (
        await conn.execute(
            select(subscriptions).where(subscriptions.c.subscription_id == subscription_id, subscriptions.c.deleted_at.is_(None))
        )
    ).mappings().first()
    if row is None:
        raise SubscriptionNotFound(subscription_id)
    return dict(row)
