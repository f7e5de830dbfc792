"""The OpenAPI 3.1 document: FastAPI's, plus the problem schema every error answer refers to."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from services.api.problems import Problem

DESCRIPTION = """\
What sitrep knows: the event log (also live, as Server-Sent Events), stories with every outlet that
carried them, and the feed registry.

Authenticate with `Authorization: Bearer sk_…` (keys from `sitrep keys create`). Read keys read;
admin keys also write. Every error is an RFC 9457 problem (`application/problem+json`). Lists are
paged with opaque cursors (`next` → `cursor`) and export with `format=csv` or `format=ndjson`.
Writes accept an `Idempotency-Key` header.
"""


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=DESCRIPTION,
                routes=app.routes,
            )
            problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
            definitions = problem.pop("$defs", {})
            schema.setdefault("components", {}).setdefault("schemas", {}).update({**definitions, "Problem": problem})
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
