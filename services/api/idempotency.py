"""Idempotent writes: a retried request with the same `Idempotency-Key` gets the first answer.

The stored answer is written in the transaction of the write itself, under a transaction lock of
the (API key, Idempotency-Key) pair, so two copies of one request cannot both run: the second waits
for the lock, then finds the first one's answer. Writers with other keys go on side by side. Only
successful writes are stored; a failed one may be retried with the same key. Keys are kept per API
key for `SITREP_API_IDEMPOTENCY_TTL_HOURS`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Annotated

import orjson
from fastapi import Depends, Header, Request
from fastapi.responses import Response
from sqlalchemy import delete, func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.auth import Principal, admin
from services.api.deps import get_api_settings, get_db
from services.api.problems import ProblemError
from services.api.settings import ApiSettings
from services.api.tables import idempotency_keys
from shared.unit_of_work import Database, UnitOfWork

REPLAYED_HEADER = "Idempotent-Replayed"

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        pattern=r"^[\x21-\x7e]+$",
        description="Makes the write safe to retry: the same key with the same body returns the first "
        "answer; with another body it is refused (422).",
        examples=["0f9d2c1e-feed-add-1"],
    ),
]


@dataclass
class Outcome:
    """What a write answers, in a form that can be stored and replayed."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    media_type: str = "application/json"
    replay_body: bytes | None = None
    """What a replay answers when it must differ from the first answer (a secret is shown once)."""

    def response(self, replayed: bool = False) -> Response:
        headers = dict(self.headers)
        if replayed:
            headers[REPLAYED_HEADER] = "true"
        media_type = self.media_type if self.body else None
        return Response(self.body, status_code=self.status, headers=headers, media_type=media_type)


def fingerprint(method: str, path: str, body: bytes) -> str:
    """The request as the key protects it; JSON bodies compare by content, not by key order."""
    try:
        canonical = orjson.dumps(orjson.loads(body), option=orjson.OPT_SORT_KEYS) if body else b""
    except orjson.JSONDecodeError:
        canonical = body
    return hashlib.sha256(b"%s %s\n%s" % (method.encode(), path.encode(), canonical)).hexdigest()


class Write:
    """A write by an admin key, run in one transaction and replayed for a repeated Idempotency-Key."""

    def __init__(
        self,
        request: Request,
        idempotency_key: IdempotencyKey = None,
        db: Database = Depends(get_db),
        settings: ApiSettings = Depends(get_api_settings),
        principal: Principal = Depends(admin),
    ) -> None:
        self.request = request
        self.key = idempotency_key
        self.db = db
        self.ttl_hours = settings.idempotency_ttl_hours
        self.principal = principal

    async def run(self, command: Callable[[UnitOfWork], Awaitable[Outcome]]) -> Response:
        async with self.db.transaction() as uow:
            if self.key is None:
                return (await command(uow)).response()
            return await self._run_once(uow, self.key, command)

    async def _run_once(
        self, uow: UnitOfWork, key: str, command: Callable[[UnitOfWork], Awaitable[Outcome]]
    ) -> Response:
        await uow.lock()
        principal_id = self.principal.id
        await _lock_key(uow.conn, principal_id, key)
        request_hash = fingerprint(self.request.method, self.request.url.path, await self.request.body())
        stored = await _stored(uow.conn, principal_id, key, self.ttl_hours)
        if stored is not None:
            if stored["request_hash"] != request_hash:
                raise ProblemError(
                    422,
                    "This Idempotency-Key was used for a different request.",
                    kind="idempotency-key-reused",
                    title="Idempotency-Key reused",
                )
            headers = dict(stored["headers"])
            media_type = headers.pop("content-type", "application/json")
            return Outcome(stored["status_code"], stored["body"], headers, media_type).response(replayed=True)
        outcome = await command(uow)
        await _store(uow.conn, principal_id, key, request_hash, outcome)
        return outcome.response()


async def _lock_key(conn: AsyncConnection, principal_id: str, key: str) -> None:
    """Until this transaction ends, hold the one lock of this key (taken after the log's lock)."""
    digest = hashlib.sha256(f"idempotency\n{principal_id}\n{key}".encode()).digest()
    await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": int.from_bytes(digest[:8], "big", signed=True)})


async def _stored(conn: AsyncConnection, principal_id: str, key: str, ttl_hours: int):
    await conn.execute(
        delete(idempotency_keys).where(idempotency_keys.c.created_at < func.now() - timedelta(hours=ttl_hours))
    )
    result = await conn.execute(
        select(idempotency_keys).where(idempotency_keys.c.principal == principal_id, idempotency_keys.c.key == key)
    )
    return result.mappings().first()


async def _store(conn: AsyncConnection, principal_id: str, key: str, request_hash: str, outcome: Outcome) -> None:
    headers = {**outcome.headers, "content-type": outcome.media_type}
    await conn.execute(
        pg_insert(idempotency_keys).values(
            principal=principal_id,
            key=key,
            request_hash=request_hash,
            status_code=outcome.status,
            headers=headers,
            body=outcome.body if outcome.replay_body is None else outcome.replay_body,
        )
    )
