"""The database engine: SQLAlchemy 2 async over asyncpg."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from shared.settings import Settings, get_settings


def create_engine(settings: Settings | None = None, *, pool_size: int | None = None) -> AsyncEngine:
    settings = settings or get_settings()
    return create_async_engine(
        settings.database_url,
        pool_size=pool_size or settings.database_pool_size,
        max_overflow=5,
        pool_pre_ping=True,
        pool_recycle=1800,
    )
