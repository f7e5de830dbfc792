"""The page's access: a read key posted once to `/login`, kept in an HttpOnly, SameSite=Strict cookie."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncConnection

from services.api.deps import ReadConnection
from services.api.keys import ApiKey, find_active_key
from services.api.situation.rendering import PAGE_HEADERS, render

COOKIE = "sitrep_key"
MAX_KEY_LENGTH = 200

router = APIRouter(include_in_schema=False)


async def page_key(request: Request, conn: AsyncConnection) -> ApiKey | None:
    """The active key of the cookie, if any (a read or an admin key)."""
    secret = request.cookies.get(COOKIE)
    if not secret or len(secret) > MAX_KEY_LENGTH:
        return None
    return await find_active_key(conn, secret)


def login_form(status_code: int = 200, error: str | None = None, headers: dict[str, str] | None = None) -> Response:
    return render("login.html", status_code=status_code, headers=headers, error=error)


@router.post("/login")
async def login(request: Request, conn: ReadConnection) -> Response:
    """Attempts are rate limited per client address, as anonymous reads are."""
    limiter = request.app.state.rate_limiter
    wait = limiter.acquire(f"login:{request.client.host if request.client else 'unknown'}")
    if wait > 0:
        return login_form(429, "Too many attempts; wait a moment.", {"Retry-After": limiter.retry_after(wait)})
    form = parse_qs((await request.body()).decode("utf-8", "replace"), max_num_fields=4)
    secret = (form.get("key") or [""])[0].strip()
    if not secret or len(secret) > MAX_KEY_LENGTH or await find_active_key(conn, secret) is None:
        return login_form(401, "That key is unknown or revoked.")
    response = RedirectResponse("/", status_code=303, headers=PAGE_HEADERS)
    response.set_cookie(COOKIE, secret, httponly=True, samesite="strict", secure=request.url.scheme == "https",
                        path="/")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    response = RedirectResponse("/", status_code=303, headers=PAGE_HEADERS)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict",
                           secure=request.url.scheme == "https")
    return response
