"""An idempotent producer (acks=all) that sends events with CloudEvents headers."""

from __future__ import annotations

from aiokafka import AIOKafkaProducer

from shared.events import Event


def cloudevent_headers(event: Event) -> list[tuple[str, bytes]]:
    """Binary-mode attributes beside the structured body, so routers need not parse JSON."""
    headers = [
        ("ce_specversion", b"1.0"),
        ("ce_id", event.id.encode()),
        ("ce_type", event.type.encode()),
        ("ce_source", event.source.encode()),
        ("ce_time", event.time.isoformat().encode()),
        ("content-type", b"application/cloudevents+json"),
    ]
    if event.correlation_id:
        headers.append(("sitrep_correlation_id", event.correlation_id.encode()))
    return headers


class EventProducer:
    def __init__(self, bootstrap: str, client_id: str) -> None:
        self._producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap,
            client_id=client_id,
            acks="all",
            enable_idempotence=True,
            linger_ms=5,
            compression_type=None,
            request_timeout_ms=30000,
        )

    async def start(self) -> None:
        await self._producer.start()

    async def stop(self) -> None:
        await self._producer.stop()

    async def send(self, topic: str, event: Event, key: str) -> None:
        """Send and wait until all in-sync replicas have it."""
        await self._producer.send_and_wait(
            topic, event.to_json(), key=key.encode(), headers=cloudevent_headers(event)
        )

    async def send_many(self, messages: list[tuple[str, Event, str]]) -> None:
        """Send a batch, then wait for every acknowledgement (ordering per key is kept)."""
        futures = [
            await self._producer.send(topic, event.to_json(), key=key.encode(), headers=cloudevent_headers(event))
            for topic, event, key in messages
        ]
        for future in futures:
            await future

    async def send_raw(self, topic: str, value: bytes | None, key: bytes | None, headers: list[tuple[str, bytes]]) -> None:
        await self._producer.send_and_wait(topic, value, key=key, headers=headers)

    async def check(self) -> None:
        """Raise unless the cluster answers a metadata request."""
        await self._producer.client.force_metadata_update()
        if not self._producer.client.cluster.brokers():
            raise ConnectionError("no Kafka broker known")
