"""API keys: a random secret shown once, kept only as its SHA-256.

The secret carries 256 bits of randomness, so a plain SHA-256 is enough to make the stored hash
useless to whoever reads the table (no salt or slow hash needed, unlike passwords).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.tables import api_keys
from shared.ids import new_id

Scope = Literal["read", "admin"]
SCOPES: tuple[Scope, ...] = ("read", "admin")
SECRET_PREFIX = "sk_"


@dataclass(frozen=True)
class ApiKey:
    key_id: str
    name: str
    scope: Scope
    key_prefix: str
    created_at: datetime
    revoked_at: datetime | None


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


async def create_key(conn: AsyncConnection, name: str, scope: Scope) -> tuple[ApiKey, str]:
    """Stores a new key and returns it with its secret, which is never stored or shown again."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}")
    secret = new_secret()
    row = (
        (
            await conn.execute(
                insert(api_keys)
                .values(key_id=new_id(), name=name, scope=scope, key_hash=hash_secret(secret), key_prefix=secret[:10])
                .returning(*api_keys.c)
            )
        )
        .mappings()
        .one()
    )
    return _key(row), secret


async def list_keys(conn: AsyncConnection) -> list[ApiKey]:
    rows = await conn.execute(select(api_keys).order_by(api_keys.c.created_at, api_keys.c.key_id))
    return [_key(row) for row in rows.mappings()]


async def revoke_key(conn: AsyncConnection, key_id: str) -> bool:
    result = await conn.execute(
        update(api_keys)
        .where(api_keys.c.key_id == key_id, api_keys.c.revoked_at.is_(None))
        .values(revoked_at=func.now())
    )
    return result.rowcount == 1


async def key_is_active(conn: AsyncConnection, key_id: str) -> bool:
    query = select(api_keys.c.key_id).where(api_keys.c.key_id == key_id, api_keys.c.revoked_at.is_(None))
    return (await conn.execute(query)).first() is not None


async def find_active_key(conn: AsyncConnection, secret: str) -> ApiKey | None:
    row = (
        (
            await conn.execute(
                select(api_keys).where(api_keys.c.key_hash == hash_secret(secret), api_keys.c.revoked_at.is_(None))
            )
        )
        .mappings()
        .first()
    )
    return _key(row) if row is not None else None


def _key(row) -> ApiKey:
    return ApiKey(**{name: row[name] for name in ApiKey.__dataclass_fields__})
