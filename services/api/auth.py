"""Who is calling: `Authorization: Bearer sk_…` resolved to a key and its scope, then rate limited.

A read key reads, an admin key reads and writes. Without a key, reads are allowed only when
`SITREP_API_ANONYMOUS_READ=true` (limited per client address); writes never.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.deps import ReadConnection, get_api_settings
from services.api.keys import Scope, find_active_key
from services.api.problems import ProblemError
from services.api.settings import ApiSettings

bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer sk_…`")
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="sitrep"'}


@dataclass(frozen=True)
class Principal:
    id: str
    scope: Scope | None  # None: anonymous

    def allows(self, scope: Scope) -> bool:
        return self.scope == "admin" or (scope == "read" and (self.scope == "read" or self.scope is None))


def _unauthorized(detail: str) -> ProblemError:
    return ProblemError(401, detail, kind="unauthorized", headers=CHALLENGE)


async def authenticate(
    request: Request, credentials: HTTPAuthorizationCredentials | None, conn: AsyncConnection, settings: ApiSettings
) -> Principal:
    if credentials is None:
        if "authorization" in request.headers:
            raise _unauthorized("The Authorization header must be `Bearer <API key>`.")
        if settings.anonymous_read:
            host = request.client.host if request.client else "unknown"
            return Principal(id=f"anonymous:{host}", scope=None)
        raise _unauthorized("An API key is required: `Authorization: Bearer sk_…`.")
    key = await find_active_key(conn, credentials.credentials)
    if key is None:
        raise _unauthorized("The API key is unknown or revoked.")
    return Principal(id=key.key_id, scope=key.scope)


def require(scope: Scope) -> Callable[..., Awaitable[Principal]]:
    async def dependency(
        request: Request,
        conn: ReadConnection,
        credentials: HTTPAuthorizationCredentials | None = Security(bearer),
        settings: ApiSettings = Depends(get_api_settings),
    ) -> Principal:
        principal = await authenticate(request, credentials, conn, settings)
        if not principal.allows(scope):
            if principal.scope is None:
                raise _unauthorized(f"This needs an API key with the {scope} scope.")
            raise ProblemError(403, f"This needs an API key with the {scope} scope.", kind="forbidden")
        wait = request.app.state.rate_limiter.acquire(principal.id)
        if wait > 0:
            raise ProblemError(
                429,
                "Too many requests for this API key; slow down.",
                kind="rate-limited",
                headers={"Retry-After": request.app.state.rate_limiter.retry_after(wait)},
            )
        return principal

    return dependency


reader = require("read")
admin = require("admin")
