"""What `sitrep status` reports, gathered in one pass: the stack (PostgreSQL, Kafka, Prometheus), each
service's readiness, how far the consumers are behind, sources that fail, and the webhook queue.

Every probe has a short timeout and reports its failure instead of raising, so a screen comes
back even when half the stack is down.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
from sqlalchemy import func, select, text

from shared.kafka.topics import NEWS_ITEMS, NEWS_STORIES
from shared.settings import PIPELINE_SERVICES, Settings

PROBE_TIMEOUT_S = 3.0
CONSUMED = {"dedupe": NEWS_ITEMS, "alerts": NEWS_STORIES}
"""The topic each consuming service reads."""


@dataclass
class Probe:
    name: str
    ok: bool
    detail: str


@dataclass
class Lag:
    group: str
    topic: str
    behind: int | None
    """Messages published and not yet handled; None when Kafka could not say."""


@dataclass
class Status:
    stack: list[Probe] = field(default_factory=list)
    services: list[Probe] = field(default_factory=list)
    lag: list[Lag] = field(default_factory=list)
    feeds: dict[str, int] = field(default_factory=dict)
    """How many sources are new, ok, failing, unhealthy."""
    failing_feeds: list[dict[str, Any]] = field(default_factory=list)
    webhooks: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, Any] = field(default_factory=dict)

    @property
    def healthy(self) -> bool:
        return all(p.ok for p in self.stack + self.services)


async def _http(name: str, url: str) -> Probe:
    try:
        async with httpx.AsyncClient(timeout=PROBE_TIMEOUT_S, trust_env=False) as client:
            answer = await client.get(url)
        return Probe(name, answer.status_code == 200, f"{url} answers {answer.status_code}")
    except httpx.HTTPError as exc:
        return Probe(name, False, f"{url} does not answer ({type(exc).__name__})")


def service_urls(settings: Settings) -> dict[str, str]:
    urls = {name: f"http://{settings.metrics_host}:{settings.metrics_port_for(name)}/readyz" for name in PIPELINE_SERVICES}
    return {**urls, "api": f"http://{settings.api_host}:{settings.api_port}/readyz"}


async def _database(settings: Settings, status: Status) -> None:
    from shared.db import create_engine
    from shared.readmodel.feeds.queries import fetch_level, list_feeds

    engine = create_engine(settings, pool_size=1)
    try:
        async with asyncio.timeout(PROBE_TIMEOUT_S * 3):
            async with engine.connect() as conn:
                version = (await conn.execute(text("SHOW server_version"))).scalar_one()
                status.stack.append(Probe("postgresql", True, f"{conn.engine.url.database} on "
                                                               f"{conn.engine.url.host}:{conn.engine.url.port}, "
                                                               f"PostgreSQL {version}"))
                rows = await list_feeds(conn)
                for row in rows:
                    level = fetch_level(row)
                    status.feeds[level] = status.feeds.get(level, 0) + 1
                status.failing_feeds = [r for r in rows if fetch_level(r) in ("failing", "unhealthy")]
                status.webhooks = await _webhooks(conn)
                status.counts = await _counts(conn)
                status.lag = await _lag(conn, settings)
    except Exception as exc:  # noqa: BLE001 — reported, never raised
        status.stack.append(Probe("postgresql", False, f"{settings.database_url.split('@')[-1]}: "
                                                       f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"))
    finally:
        await engine.dispose()


async def _webhooks(conn) -> dict[str, Any]:
    from shared.readmodel.deliveries.tables import deliveries
    from shared.readmodel.subscriptions.tables import subscriptions

    by_status = dict((await conn.execute(
        select(deliveries.c.status, func.count()).group_by(deliveries.c.status)
    )).all())
    oldest = (await conn.execute(
        select(func.min(deliveries.c.queued_at)).where(deliveries.c.status == "pending")
    )).scalar_one()
    active = (await conn.execute(
        select(func.count()).select_from(subscriptions)
        .where(subscriptions.c.deleted_at.is_(None), subscriptions.c.enabled.is_(True))
    )).scalar_one()
    return {"subscriptions": active, "pending": by_status.get("pending", 0), "oldest_pending": oldest,
            "delivered": by_status.get("delivered", 0), "dead_lettered": by_status.get("dead_lettered", 0)}


async def _counts(conn) -> dict[str, Any]:
    from shared.eventstore import events
    from shared.readmodel.claims.tables import claims
    from shared.readmodel.stories.tables import stories

    last_event: datetime | None = (await conn.execute(select(func.max(events.c.time)))).scalar_one()
    return {
        "events": (await conn.execute(select(func.coalesce(func.max(events.c.position), 0)))).scalar_one(),
        "last_event_at": last_event,
        "stories": (await conn.execute(select(func.count()).select_from(stories))).scalar_one(),
        "claims": (await conn.execute(select(func.count()).select_from(claims))).scalar_one(),
    }


async def _lag(conn, settings: Settings) -> list[Lag]:
    """Kafka's end offsets against the offsets each group stored in PostgreSQL with its work."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    from shared.eventstore.tables import consumer_offsets

    stored = {(row.group_id, row.topic, row.partition): row.next_offset
              for row in await conn.execute(select(consumer_offsets))}
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap, group_id=None,
                                request_timeout_ms=int(PROBE_TIMEOUT_S * 1000))
    lags = []
    try:
        async with asyncio.timeout(PROBE_TIMEOUT_S * 2):
            await consumer.start()
            known = await consumer.topics()
            for service, topic_name in CONSUMED.items():
                group, topic = settings.consumer_group(service), settings.topic(topic_name)
                partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
                if topic not in known or not partitions:
                    lags.append(Lag(group, topic, 0))
                    continue
                ends = await consumer.end_offsets(partitions)
                lags.append(Lag(group, topic, sum(max(0, end - stored.get((group, tp.topic, tp.partition), 0))
                                                  for tp, end in ends.items())))
    except Exception:  # noqa: BLE001 — Kafka away: reported by its own probe
        lags = [Lag(settings.consumer_group(s), settings.topic(t), None) for s, t in CONSUMED.items()]
    finally:
        await consumer.stop()
    return lags


async def _kafka(settings: Settings) -> Probe:
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap,
                                request_timeout_ms=int(PROBE_TIMEOUT_S * 1000))
    try:
        async with asyncio.timeout(PROBE_TIMEOUT_S * 2):
            await admin.start()
            brokers = (await admin.describe_cluster())["brokers"]
        return Probe("kafka", True, f"{settings.kafka_bootstrap}, {len(brokers)} broker(s)")
    except Exception as exc:  # noqa: BLE001 — reported, never raised
        return Probe("kafka", False, f"{settings.kafka_bootstrap} does not answer ({type(exc).__name__})")
    finally:
        await admin.close()


async def gather_status(settings: Settings, prometheus_url: str) -> Status:
    status = Status()
    urls = service_urls(settings)
    kafka, prometheus, *services = await asyncio.gather(
        _kafka(settings), _http("prometheus", f"{prometheus_url.rstrip('/')}/-/ready"),
        *(_http(name, url) for name, url in urls.items()),
    )
    await _database(settings, status)
    status.stack += [kafka, prometheus]
    status.services = services
    return status
