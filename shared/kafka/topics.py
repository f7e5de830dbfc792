"""Topic names and their creation."""

from __future__ import annotations

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

NEWS_ITEMS = "news.items"
NEWS_STORIES = "news.stories"
DEFAULT_PARTITIONS = 6
MAX_REPLICATION = 3
CLUSTER_MIN_INSYNC = 2


def dead_letter_topic(topic: str) -> str:
    return f"{topic}.dlq"


def replication_for(brokers: int) -> tuple[int, dict[str, str]]:
    """Replication factor and topic configs for a cluster of `brokers`: three copies when there
    are three brokers or more, of which two must have a message before it is acknowledged
    (producers send with acks=all), so one broker may be lost without losing a write."""
    factor = max(1, min(MAX_REPLICATION, brokers))
    configs = {"min.insync.replicas": str(CLUSTER_MIN_INSYNC)} if factor >= MAX_REPLICATION else {}
    return factor, configs


async def ensure_topics(bootstrap: str, topics: list[str], partitions: int = DEFAULT_PARTITIONS) -> None:
    """Create missing topics (and their dead-letter topics) with the given partition count,
    replicated by the number of brokers alive now (`replication_for`)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = {t for topic in topics for t in (topic, dead_letter_topic(topic))}
        missing = sorted(wanted - existing)
        if missing:
            factor, configs = replication_for(len((await admin.describe_cluster())["brokers"]))
            try:
                await admin.create_topics(
                    [NewTopic(name=t, num_partitions=partitions, replication_factor=factor, topic_configs=configs)
                     for t in missing]
                )
            except TopicAlreadyExistsError:
                pass
    finally:
        await admin.close()
