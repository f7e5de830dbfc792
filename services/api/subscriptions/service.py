"""Subscription commands as the API runs them: the alerts service's commands, with their failures
as problems. A webhook URL is checked (DNS included) before the write takes the log's lock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from pydantic import ValidationError

from services.api.problems import ProblemError, url_refused
from services.api.subscriptions.schemas import SubscriptionCreate, SubscriptionPatch
from shared.events.subscriptions import SubscriptionSettings
from shared.eventstore import ConcurrencyError
from shared.netguard import BlockedAddress
from shared.readmodel.subscriptions import commands as domain
from shared.unit_of_work import Database, UnitOfWork
from shared.webhooks.ping import send_ping
from shared.webhooks.sender import AttemptResult
from shared.webhooks.settings import WebhookSettings


async def _already_checked(url: str, allow_private: bool) -> None:
    """The endpoint checked the URL before the transaction."""


def not_found(subscription_id: str) -> ProblemError:
    return ProblemError(404, f"No subscription with id {subscription_id!r}.", kind="not-found")


@asynccontextmanager
async def _as_problems(subscription_id: str) -> AsyncIterator[None]:
    try:
        yield
    except domain.SubscriptionNotFound as exc:
        raise not_found(subscription_id) from exc
    except ConcurrencyError as exc:
        raise ProblemError(409, "The subscription changed meanwhile; retry.", kind="conflict") from exc
    except ValidationError as exc:
        raise ProblemError(422, str(exc.errors()[0]["msg"]), kind="validation", title="Invalid request") from exc


async def check_url(url: str, allow_private: bool) -> None:
    """A refused webhook URL is a 422 naming `body.url`."""
    try:
        await domain.check_webhook_url(url, allow_private)
    except BlockedAddress as exc:
        raise url_refused("webhook", exc.reason) from exc


async def require_active(uow: UnitOfWork, subscription_id: str) -> None:
    """Messages of a deleted subscription are never sent: requeuing them would only park them."""
    async with _as_problems(subscription_id):
        await domain.get_subscription(uow.conn, subscription_id)


async def create(uow: UnitOfWork, body: SubscriptionCreate) -> domain.NewSecret:
    settings = SubscriptionSettings.model_validate(body.model_dump(mode="json"))
    return await domain.create_subscription(uow, settings, check_url=_already_checked)


async def change(uow: UnitOfWork, subscription_id: str, patch: SubscriptionPatch) -> None:
    async with _as_problems(subscription_id):
        await domain.update_subscription(uow, subscription_id, patch.changes(), patch.reason, check_url=_already_checked)


async def delete(uow: UnitOfWork, subscription_id: str, reason: str | None) -> None:
    async with _as_problems(subscription_id):
        await domain.delete_subscription(uow, subscription_id, reason)


async def rotate(uow: UnitOfWork, subscription_id: str, overlap_s: float) -> domain.NewSecret:
    async with _as_problems(subscription_id):
        return await domain.rotate_secret(uow, subscription_id, overlap_s)


async def ping(db: Database, subscription_id: str, config: WebhookSettings, allow_private: bool) -> AttemptResult:
    async with _as_problems(subscription_id):
        return await send_ping(db, subscription_id, config, allow_private=allow_private)
