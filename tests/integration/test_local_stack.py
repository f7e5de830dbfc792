"""The local stack (make stack) serves what the services rely on: an idempotent
producer and consumer groups on Kafka, a PostgreSQL role that may create
databases, and Prometheus scraping every service."""

from __future__ import annotations

import json
import os
import time
import urllib.request
import uuid

import asyncpg
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

pytestmark = pytest.mark.integration

KAFKA = os.environ.get("SITREP_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
PG_DSN = os.environ.get(
    "SITREP_DATABASE_URL", "postgresql+asyncpg://sitrep:sitrep@127.0.0.1:5432/sitrep"
).replace("postgresql+asyncpg://", "postgresql://")
PROMETHEUS = os.environ.get("SITREP_PROMETHEUS_URL", "http://127.0.0.1:9090")


async def test_idempotent_producer_and_consumer_group_round_trip() -> None:
    topic = f"stack-check-{uuid.uuid4().hex[:12]}"
    sent = [f"item-{i}".encode() for i in range(5)]
    producer = AIOKafkaProducer(bootstrap_servers=KAFKA, enable_idempotence=True, acks="all")
    await producer.start()
    try:
        for value in sent:
            await producer.send_and_wait(topic, value, key=b"source-1", headers=[("ce_type", b"check")])
    finally:
        await producer.stop()

    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=KAFKA,
        group_id=f"{topic}-group",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    await consumer.start()
    received = []
    try:
        for _ in range(30):
            for messages in (await consumer.getmany(timeout_ms=500)).values():
                received += messages
            if len(received) >= len(sent):
                break
        await consumer.commit()
        committed = {tp: await consumer.committed(tp) for tp in consumer.assignment()}
    finally:
        await consumer.stop()

    assert [m.value for m in received] == sent
    assert received[0].headers == (("ce_type", b"check"),)
    assert sum(committed.values()) == len(sent)


async def test_application_role_can_create_its_own_databases() -> None:
    name = f"stack_check_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(PG_DSN)
    try:
        assert int(await conn.fetchval("SHOW max_connections")) >= 200
        await conn.execute(f'CREATE DATABASE "{name}"')
        await conn.execute(f'DROP DATABASE "{name}"')
    finally:
        await conn.close()


def _scrape_urls_by_job() -> dict[str, str]:
    with urllib.request.urlopen(f"{PROMETHEUS}/api/v1/targets", timeout=5) as response:
        targets = json.load(response)["data"]["activeTargets"]
    return {t["labels"]["job"]: t["scrapeUrl"] for t in targets}


def test_prometheus_scrapes_every_service() -> None:
    # A freshly started Prometheus lists its targets a few seconds after it is ready.
    deadline = time.monotonic() + 20
    while not (jobs := _scrape_urls_by_job()) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert jobs.get("ingest") == "http://127.0.0.1:9101/metrics"
    assert jobs.get("dedupe") == "http://127.0.0.1:9102/metrics"
    assert jobs.get("alerts") == "http://127.0.0.1:9103/metrics"
    assert jobs.get("api") == "http://127.0.0.1:8000/metrics"
