"""The floor under the pipeline: a bare aiokafka produce → consume on one topic, in a process of its own.

    python -m bench.support.kafka_roundtrip TOPIC --trickle 60 --rate 2 --burst 200

Run as a child so its peak RSS (VmHWM, read by the child itself) is that of a bare Python +
aiokafka process. The producer waits
for all in-sync replicas and is idempotent, as sitrep's producers are; the consumer reads every
partition by assignment (no group to join). Prints one JSON object: the round trip of each
message sent one at a time at `--rate` per second, and how fast a burst of `--burst` messages
sent at once is consumed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from bench.support.processes import vm_hwm_mib

PAYLOAD = b"x" * 1200  # about one item event


async def roundtrip(bootstrap: str, topic: str, trickle: int, rate: float, burst: int) -> dict:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
    await producer.start()
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in sorted(await producer.partitions_for(topic))]
        consumer.assign(partitions)
        await consumer.seek_to_end(*partitions)
        received: dict[int, float] = {}

        async def consume(until: int) -> None:
            while len(received) < until:
                for records in (await consumer.getmany(timeout_ms=200)).values():
                    now = time.monotonic()
                    for record in records:
                        received.setdefault(int(record.key), now)

        sent: dict[int, float] = {}
        reader = asyncio.create_task(consume(trickle))
        for n in range(trickle):
            sent[n] = time.monotonic()
            await producer.send_and_wait(topic, PAYLOAD, key=str(n).encode())
            await asyncio.sleep(1 / rate)
        await asyncio.wait_for(reader, 60)
        latencies = [received[n] - sent[n] for n in range(trickle)]

        reader = asyncio.create_task(consume(trickle + burst))
        started = time.monotonic()
        await asyncio.gather(*[await producer.send(topic, PAYLOAD, key=str(trickle + n).encode())
                               for n in range(burst)])
        await asyncio.wait_for(reader, 120)
        drained = max(received[trickle + n] for n in range(burst)) - started
        return {"latencies_s": latencies, "burst": burst, "burst_seconds": drained,
                "partitions": len(partitions), "peak_rss_mib": vm_hwm_mib()}
    finally:
        await consumer.stop()
        await producer.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topic")
    parser.add_argument("--trickle", type=int, default=60)
    parser.add_argument("--rate", type=float, default=2.0)
    parser.add_argument("--burst", type=int, default=200)
    args = parser.parse_args()
    bootstrap = os.environ.get("SITREP_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
    print(json.dumps(asyncio.run(roundtrip(bootstrap, args.topic, args.trickle, args.rate, args.burst))))


if __name__ == "__main__":
    main()
