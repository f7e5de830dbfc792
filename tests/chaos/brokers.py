"""What a chaos run asks of a Kafka cluster: every replica of its topics back in sync after a
fault, and the replication the topics were created with."""

from __future__ import annotations

import asyncio
import time

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType


async def _admin(bootstrap: str) -> AIOKafkaAdminClient:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10_000)
    await admin.start()
    return admin


async def out_of_sync(bootstrap: str, topics: list[str]) -> list[tuple[str, int]]:
    """Partitions of `topics` with a replica out of the in-sync set (or no leader)."""
    admin = await _admin(bootstrap)
    try:
        described = await admin.describe_topics(topics)
    finally:
        await admin.close()
    return [(t["topic"], p["partition"]) for t in described for p in t["partitions"]
            if p["leader"] < 0 or sorted(p["isr"]) != sorted(p["replicas"])]


async def wait_in_sync(bootstrap: str, topics: list[str], timeout: float = 180) -> float:
    """Seconds until every replica of `topics` is in sync again."""
    started = time.monotonic()
    while True:
        try:
            lagging = await out_of_sync(bootstrap, topics)
        except Exception as exc:  # noqa: BLE001 — the cluster may still be electing
            lagging = [("?", repr(exc))]
        if not lagging:
            return time.monotonic() - started
        if time.monotonic() - started > timeout:
            raise AssertionError(f"replicas not in sync after {timeout}s: {lagging[:5]}")
        await asyncio.sleep(0.5)


async def replication(bootstrap: str, topics: list[str]) -> dict[str, tuple[int, str]]:
    """Each topic's replication factor and min.insync.replicas."""
    admin = await _admin(bootstrap)
    try:
        described = {t["topic"]: t for t in await admin.describe_topics(topics)}
        configs = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, t) for t in topics])
    finally:
        await admin.close()
    min_isr: dict[str, str] = {}
    for response in configs:
        for resource in response.to_object()["resources"]:
            for entry in resource["config_entries"]:
                if entry["config_names"] == "min.insync.replicas":
                    min_isr[resource["resource_name"]] = entry["config_value"]
    return {t: (len(described[t]["partitions"][0]["replicas"]), min_isr.get(t, "?")) for t in topics}
