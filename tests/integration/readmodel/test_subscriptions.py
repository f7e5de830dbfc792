"""Subscription commands against a real PostgreSQL: events, projection, secrets kept out of the log."""

from __future__ import annotations

import pytest

from shared.events.subscriptions import SubscriptionSettings
from shared.netguard import BlockedAddress
from shared.readmodel.subscriptions.commands import (
    SubscriptionNotFound,
    create_subscription,
    delete_subscription,
    rotate_secret,
    signing_secrets,
    update_subscription,
)
from tools.webhook_fixtures import database, rows, subscribe

HOOK = "http://127.0.0.1:9/hook"


async def test_create_update_rotate_delete(database_url):
    async with database(database_url) as db:
        subscription_id, secret = await subscribe(db, HOOK, kinds=["casualty"], min_count=3)
        [sub] = await rows(db, "SELECT url, filters, enabled, key_id, version FROM subscriptions")
        assert sub.url == HOOK and sub.enabled and sub.version == 1
        assert sub.filters["kinds"] == ["casualty"] and sub.filters["novelty"] == ["new", "updated"]

        async with db.transaction() as uow:
            changed = await update_subscription(uow, subscription_id, {"filters": {**sub.filters, "min_count": 10}})
            assert changed == {"filters": {**sub.filters, "min_count": 10}}
            assert await update_subscription(uow, subscription_id, {"url": HOOK}, allow_private=True) == {}
        async with db.transaction() as uow:
            rotated = await rotate_secret(uow, subscription_id, overlap_s=3600)
        async with db.engine.connect() as conn:
            assert await signing_secrets(conn, subscription_id) == [rotated.secret, secret]
        async with db.transaction() as uow:
            await rotate_secret(uow, subscription_id, overlap_s=0)
        async with db.engine.connect() as conn:
            assert len(await signing_secrets(conn, subscription_id)) == 1

        async with db.transaction() as uow:
            await delete_subscription(uow, subscription_id, "test over")
        with pytest.raises(SubscriptionNotFound):
            async with db.transaction() as uow:
                await delete_subscription(uow, subscription_id)

        types = [r.type for r in await rows(db, "SELECT type FROM events ORDER BY position")]
        assert types == ["subscription.created", "subscription.updated", "subscription.secret_rotated",
                         "subscription.secret_rotated", "subscription.deleted"]
        log = " ".join(str(r.data) for r in await rows(db, "SELECT data FROM events"))
        assert secret not in log and rotated.secret not in log and "whsec_" not in log


@pytest.mark.parametrize("url", ["http://127.0.0.1/hook", "http://10.1.2.3/hook", "http://[::1]/hook",
                                 "http://localhost/hook", "ftp://example.org/hook", "http://2130706433/hook",
                                 "http://no-such-host.invalid/hook"])
async def test_private_and_odd_urls_are_refused_at_creation(database_url, url):
    async with database(database_url) as db:
        with pytest.raises(BlockedAddress):
            async with db.transaction() as uow:
                await create_subscription(uow, SubscriptionSettings(url=url), allow_private=False)
        assert await rows(db, "SELECT * FROM events") == []


async def test_metadata_address_stays_refused_even_when_private_networks_are_allowed(database_url):
    async with database(database_url) as db:
        with pytest.raises(BlockedAddress, match="metadata"):
            async with db.transaction() as uow:
                await create_subscription(uow, SubscriptionSettings(url="http://169.254.169.254/latest"), allow_private=True)
