"""Kafka helpers: an idempotent producer, a transactional-in-Postgres consumer loop, a relay."""
