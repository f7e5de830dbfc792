"""An idempotent producer (acks=all) that sends events with CloudEvents headers.

After a broker restart an idempotent producer can be answered OutOfOrderSequenceNumber (the broker
no longer knows its sequence); aiokafka then ends the producer's sender task for good and every
later send fails the same way. Such a producer is replaced by a fresh one (a new producer id) and
the error is raised: the relay sends again from the position it recorded, and consumers drop by
event id whatever they already had.
"""

from __future__ import annotations

import asyncio

from aiokafka import AIOKafkaProducer
from aiokafka.errors import InvalidProducerEpoch, OutOfOrderSequenceNumber, ProducerFenced, UnknownProducerId

from shared.events import Event
from shared.logs import get_logger

log = get_logger(__name__)

BROKEN_PRODUCER = (OutOfOrderSequenceNumber, UnknownProducerId, InvalidProducerEpoch, ProducerFenced)
STOP_TIMEOUT_S = 10.0


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
        self._bootstrap = bootstrap
        self._client_id = client_id
        self._producer = self._new_producer()
        self._broken: AIOKafkaProducer | None = None

    def _new_producer(self) -> AIOKafkaProducer:
        return AIOKafkaProducer(
            bootstrap_servers=self._bootstrap,
            client_id=self._client_id,
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

    def _renew(self) -> None:
        """Mark the producer as broken: the next send stops it and starts a fresh one."""
        log.warning("kafka_producer_broken", client_id=self._client_id)
        self._broken = self._producer

    async def _ready(self) -> AIOKafkaProducer:
        if self._broken is not None:
            try:
                await asyncio.wait_for(self._broken.stop(), STOP_TIMEOUT_S)
            except Exception as exc:  # noqa: BLE001 — the broken producer is dropped either way
                log.warning("kafka_producer_stop_failed", error=repr(exc))
            self._producer = self._new_producer()
            self._broken = self._producer  # until it has started
            await self._producer.start()
            self._broken = None
            log.info("kafka_producer_renewed", client_id=self._client_id)
        return self._producer

    async def send(self, topic: str, event: Event, key: str) -> None:
        """Send and wait until all in-sync replicas have it."""
        await self.send_many([(topic, event, key)])

    async def send_many(self, messages: list[tuple[str, Event, str]]) -> None:
        """Send a batch, then wait for every acknowledgement (ordering per key is kept)."""
        producer = await self._ready()
        try:
            futures = [
                await producer.send(topic, event.to_json(), key=key.encode(), headers=cloudevent_headers(event))
                for topic, event, key in messages
            ]
            outcomes = await asyncio.gather(*futures, return_exceptions=True)
        except BROKEN_PRODUCER:
            self._renew()
            raise
        for outcome in outcomes:
            if isinstance(outcome, BROKEN_PRODUCER):
                self._renew()
            if isinstance(outcome, BaseException):
                raise outcome

    async def send_raw(self, topic: str, value: bytes | None, key: bytes | None, headers: list[tuple[str, bytes]]) -> None:
        producer = await self._ready()
        try:
            await producer.send_and_wait(topic, value, key=key, headers=headers)
        except BROKEN_PRODUCER:
            self._renew()
            raise

    async def check(self) -> None:
        """Raise unless the cluster answers a metadata request."""
        await self._producer.client.force_metadata_update()
        if not self._producer.client.cluster.brokers():
            raise ConnectionError("no Kafka broker known")
