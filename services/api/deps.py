"""Request dependencies: what the app holds for the whole process."""

from __future__ import annotations

from fastapi import Request

from services.api.settings import ApiSettings
from shared.unit_of_work import Database


def get_db(request: Request) -> Database:
    return request.app.state.db


def get_api_settings(request: Request) -> ApiSettings:
    return request.app.state.api_settings
