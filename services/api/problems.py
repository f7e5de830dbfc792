"""Every error as an RFC 9457 problem (`application/problem+json`), never a stack trace."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from shared.logs import get_logger

MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:sitrep:problem:"

log = get_logger(__name__)


class FieldError(BaseModel):
    location: str = Field(description="Where the bad value is, e.g. `query.limit` or `body.url`.")
    message: str


class Problem(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "urn:sitrep:problem:validation",
                    "title": "Invalid request",
                    "status": 422,
                    "detail": "1 invalid value",
                    "instance": "/v1/events",
                    "errors": [{"location": "query.limit", "message": "Input should be less than or equal to 1000"}],
                }
            ]
        }
    )

    type: str = Field("about:blank", description="A URI naming the kind of problem.")
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldError] | None = None


class ProblemError(Exception):
    """Raise anywhere in a request to answer with a problem."""

    def __init__(
        self,
        status: int,
        detail: str | None = None,
        *,
        kind: str | None = None,
        title: str | None = None,
        headers: dict[str, str] | None = None,
        errors: list[FieldError] | None = None,
    ) -> None:
        super().__init__(detail or title or str(status))
        self.status = status
        self.detail = detail
        self.kind = kind
        self.title = title or HTTPStatus(status).phrase
        self.headers = headers or {}
        self.errors = errors


def url_refused(what: str, reason: str) -> ProblemError:
    """A refused feed or webhook URL: a 422 naming `body.url`, `what` being "feed" or "webhook"."""
    return ProblemError(
        422,
        f"The {what} URL is refused: {reason}.",
        kind=f"{what}-url-refused",
        title=f"{what.capitalize()} URL refused",
        errors=[FieldError(location="body.url", message=reason)],
    )


def problem_response(request: Request, error: ProblemError) -> JSONResponse:
    problem = Problem(
        type=f"{TYPE_PREFIX}{error.kind}" if error.kind else "about:blank",
        title=error.title,
        status=error.status,
        detail=error.detail,
        instance=request.url.path,
        errors=error.errors,
    )
    return JSONResponse(
        problem.model_dump(exclude_none=True), status_code=error.status, headers=error.headers, media_type=MEDIA_TYPE
    )


def _location(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc)


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return problem_response(request, exc)


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != HTTPStatus(exc.status_code).phrase else None
    return problem_response(request, ProblemError(exc.status_code, detail, headers=dict(exc.headers or {})))


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        FieldError(location=_location(err.get("loc", ())), message=str(err.get("msg", "invalid")))
        for err in exc.errors()
    ]
    detail = f"{len(errors)} invalid value" + ("s" if len(errors) != 1 else "")
    return problem_response(
        request, ProblemError(422, detail, kind="validation", title="Invalid request", errors=errors)
    )


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("request_failed", path=request.url.path, method=request.method)
    return problem_response(request, ProblemError(500, "The server failed to answer; the error is logged."))


def install(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(Exception, _on_unexpected)


_DESCRIPTIONS = {
    400: "Malformed request (e.g. a bad cursor, or a body that is not UTF-8).",
    401: "No valid API key.",
    403: "The API key's scope does not allow this.",
    404: "Not found.",
    409: "Conflicts with the current state.",
    413: "The request body is too large.",
    422: "A parameter or the body is invalid, or an Idempotency-Key was reused with another body.",
    429: "Rate limit reached; retry after `Retry-After` seconds.",
    503: "A dependency is unavailable; retry after `Retry-After` seconds.",
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries documenting problem answers with these statuses."""
    return {
        status: {
            "description": _DESCRIPTIONS[status],
            "content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }
