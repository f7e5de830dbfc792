"""The invariants a chaos run must keep, checked against the event store, the projections and
what the webhook receivers saw. Each check raises AssertionError with what went wrong and returns
the counts it verified."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from tests.chaos.corpus import Claim, Corpus
from tests.chaos.receivers import Receiver


@dataclass
class Watched:
    """A subscription, its receiver and which of the corpus's alerting claims it must get."""

    subscription_id: str
    receiver: Receiver
    wants: Callable[[Claim], bool]


async def _rows(conn: AsyncConnection, sql: str, **params: Any) -> list[Any]:
    return list((await conn.execute(text(sql), params)).all())


def _no(what: str, found) -> None:
    if found:
        sample = sorted(found)[:10] if isinstance(found, (set, dict)) else list(found)[:10]
        raise AssertionError(f"{what}: {len(found)} (e.g. {sample})")


async def items_once(conn: AsyncConnection, corpus: Corpus) -> int:
    counts = dict(await _rows(conn, "SELECT data->>'guid', count(*) FROM events "
                                    "WHERE type = 'news.item.ingested' GROUP BY 1"))
    served = {item.guid for item in corpus.items}
    _no("served items missing from the event store", served - counts.keys())
    _no("items in the event store that were never served", counts.keys() - served)
    _no("items ingested more than once", {g for g, n in counts.items() if n > 1})
    return len(counts)


async def stories_once(conn: AsyncConnection, corpus: Corpus) -> int:
    per_item = dict(await _rows(conn, "SELECT data->'item'->>'item_event_id', count(*) FROM events "
                                      "WHERE type IN ('story.started', 'story.item_merged') GROUP BY 1"))
    _no("items placed in a story more than once", {i for i, n in per_item.items() if n > 1})
    if len(per_item) != len(corpus.items):
        raise AssertionError(f"{len(per_item)} items in stories, {len(corpus.items)} served")
    started = Counter(r[0] for r in await _rows(conn, "SELECT data->>'story_id' FROM events WHERE type = 'story.started'"))
    _no("stories started twice", {s for s, n in started.items() if n > 1})
    split = await _rows(conn, "SELECT url FROM story_items GROUP BY url HAVING count(DISTINCT story_id) > 1")
    _no("one URL split over several stories", {r[0] for r in split})
    if len(started) != len(corpus.urls):
        raise AssertionError(f"{len(started)} stories for {len(corpus.urls)} distinct articles")
    [[stories]] = await _rows(conn, "SELECT count(*) FROM stories")
    assert stories == len(started), f"stories projection has {stories} rows, the log {len(started)} stories"
    return stories


async def claims_once(conn: AsyncConnection, corpus: Corpus) -> dict[str, int]:
    by_guid = {item.guid: item for item in corpus.items}
    observed = await _rows(conn, """
        SELECT i.data->>'guid', count(*) FROM events c
        JOIN events i ON i.id::text = c.data->'evidence'->>'item_event_id'
        WHERE c.type = 'claim.observed' GROUP BY 1""")
    _no("items whose claim was observed more than once", {g for g, n in observed if n > 1})
    seen = {g for g, _ in observed}
    _no("claims observed in items that carry none", {g for g in seen if by_guid[g].role == "plain"})
    _no("claims never observed", {i.guid for i in corpus.items if i.role in ("casualty", "repeat")} - seen)
    keys = Counter(
        ("casualty", count) if kind == "casualty" else ("ceasefire", claimant, category)
        for kind, count, claimant, category in await _rows(
            conn, "SELECT kind, count_min, claimant, category FROM claims WHERE NOT historical")
    )
    _no("the same claim recorded as several claims", {k for k, n in keys.items() if n > 1})
    _no("alerting claims missing", corpus.alerting.keys() - keys.keys())
    _no("claims nobody made", keys.keys() - corpus.alerting.keys())
    novelty = dict(await _rows(conn, "SELECT novelty, count(*) FROM claim_observations GROUP BY 1"))
    return {"observations": sum(novelty.values()), **novelty, "claims": len(keys)}


async def alerts_delivered(conn: AsyncConnection, corpus: Corpus, watched: list[Watched]) -> dict[str, Any]:
    rows = await _rows(conn, """
        SELECT subscription_id, status, message_id, payload->'data'->'claim' FROM deliveries""")
    by_sub: dict[str, dict[tuple, str]] = defaultdict(dict)
    _no("deliveries not delivered", {(r[0], r[1]) for r in rows if r[1] != "delivered"})
    for sub, _, message_id, claim in rows:
        key = ("casualty", (claim.get("count") or {}).get("min")) if claim["kind"] == "casualty" else (
            "ceasefire", claim.get("claimant"), claim["category"])
        if key in by_sub[sub]:
            raise AssertionError(f"two alerts for one claim {key} to subscription {sub}")
        by_sub[sub][key] = message_id
    report: dict[str, Any] = {"alerts": len(rows), "duplicates_delivered": 0, "requests": 0}
    for w in watched:
        expected = {k for k, claim in corpus.alerting.items() if w.wants(claim)}
        queued = by_sub.get(w.subscription_id, {})
        _no(f"{w.receiver.name}: alerts never queued", expected - queued.keys())
        _no(f"{w.receiver.name}: alerts for claims that should not alert", queued.keys() - expected)
        ids: dict[tuple, set[str]] = defaultdict(set)
        for receipt in w.receiver.receipts:
            ids[receipt.claim_key].add(receipt.webhook_id)
        _no(f"{w.receiver.name}: copies of one alert with different webhook-ids", {k for k, v in ids.items() if len(v) > 1})
        _no(f"{w.receiver.name}: webhooks for claims that should not alert", ids.keys() - expected)
        got = {r.claim_key for r in w.receiver.received()}
        _no(f"{w.receiver.name}: alerts never received", expected - got)
        wrong = {k for k in expected if ids[k] != {queued[k]}}
        _no(f"{w.receiver.name}: webhook-id differs from the delivery's", wrong)
        report[f"received_{w.receiver.name}"] = len(got)
        report[f"refused_{w.receiver.name}"] = w.receiver.refused()
        report["duplicates_delivered"] += w.receiver.duplicates()
        report["requests"] += len(w.receiver.receipts)
    return report
