"""A conflict's claims for the situation page: running totals from both sides, a ceasefire call and a
violation, a failing source, and hostile text in every field a stranger's feed controls."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from shared.events.claims import CountRange
from shared.readmodel.feeds.tables import feed_fetch_state
from shared.unit_of_work import Database
from tests.support.api_seed import T0, add_claim, add_feed

HOSTILE_SCRIPT = "<script>document.title='pwned'</script>"
HOSTILE_IMAGE = '<img src=x onerror="document.title=\'pwned\'">'
HOSTILE_LINK = "javascript:document.title='pwned'"
CONFLICT = {"conflict": "armenia-azerbaijan", "context": "armed_conflict"}
AZ = {"claimant": "Azerbaijan's Defence Ministry", "claimant_party": "Azerbaijan", **CONFLICT}
AM = {"claimant": "Armenia's Defence Ministry", "claimant_party": "Armenia", **CONFLICT}


def _evidence(days: float, owner: str, url: str, title: str = "Statement") -> dict:
    return {"published_at": T0 + timedelta(days=days), "source_owner": owner, "source_url": url, "title": title}


async def seed_situation(db: Database) -> None:
    async def claim(claim_id: str, days: float, count: int | None, evidence: dict, **fields) -> None:
        counted = {"count": CountRange(min=count, max=count)} if count is not None else {"count": None}
        await add_claim(db, claim_id, T0 + timedelta(days=days, minutes=5), evidence=evidence, **counted, **fields)

    official = "https://mod.az.example/news"
    await claim("az-1", 0, 100, _evidence(0, "MoD AZ", official), side="Armenia", basis="total",
                category="killed", subject="soldier", **AZ)
    await claim("az-2", 1, 160, _evidence(1, "MoD AZ", official), side="Armenia", basis="total",
                category="killed", subject="soldier", **AZ)
    await claim("am-1", 1, 40, _evidence(1, "MoD AM", "https://mil.am.example/1"), side="Armenia", basis="total",
                category="killed", subject="soldier", **AM)
    await claim("call", 1.5, None, _evidence(1.5, "MFA", "https://mfa.example/call"), kind="ceasefire",
                category="call", subject=None, side=None, claimant="France", parties=["Armenia", "Azerbaijan"])
    await claim("violation", 2, None, _evidence(2, "MoD AM", "https://mil.am.example/2"), kind="ceasefire",
                category="violation", subject=None, side="Azerbaijan", parties=["Armenia", "Azerbaijan"], **AM)
    hostile = _evidence(2.5, HOSTILE_IMAGE, HOSTILE_LINK, title=HOSTILE_SCRIPT) | {
        "sentence": HOSTILE_SCRIPT + HOSTILE_IMAGE}
    await claim("hostile", 2.5, 9, hostile, side="Azerbaijan", category="destroyed", subject="tank",
                **(AM | {"claimant": HOSTILE_IMAGE}))
    failing = await add_feed(db, "https://feeds.example/failing.xml", title=HOSTILE_SCRIPT, owner="Wire")
    await add_feed(db, "https://feeds.example/fine.xml", title="Fine", owner="Wire")
    async with db.engine.begin() as conn:
        failed = await conn.execute(
            update(feed_fetch_state).where(feed_fetch_state.c.feed_id == failing).values(
                healthy=False, consecutive_failures=4, last_error_kind="http", last_error=HOSTILE_IMAGE,
                failing_since=T0)
        )
        assert failed.rowcount == 1
