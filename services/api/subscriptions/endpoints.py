"""`/v1/subscriptions`: webhook subscriptions (as events), their secrets, a test ping, and their
deliveries with every attempt."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Body, Depends, Path, Query, Response

from services.api.auth import Principal, admin, reader
from services.api.deliveries import repository as deliveries
from services.api.deliveries import service as redelivery
from services.api.deliveries.schemas import CSV_COLUMNS as DELIVERY_COLUMNS
from services.api.deliveries.schemas import DELIVERY_EXAMPLE, DeliveryListQuery, DeliveryPage, Redelivered
from services.api.deps import ReadConnection, get_db, get_settings, get_webhook_settings
from services.api.fields import NO_NUL, Text
from services.api.idempotency import Outcome, Write
from services.api.listing import list_or_export, list_responses
from services.api.pagination import TIME_AND_ID_KEY, Keyset
from services.api.problems import problem_responses
from services.api.subscriptions import repository, service
from services.api.subscriptions.schemas import (
    CREATE_EXAMPLE,
    CSV_COLUMNS,
    SUBSCRIPTION_EXAMPLE,
    NewSubscription,
    PingResult,
    RotatedSecret,
    RotateSecret,
    Subscription,
    SubscriptionCreate,
    SubscriptionListQuery,
    SubscriptionPage,
    SubscriptionPatch,
)
from shared.settings import Settings
from shared.unit_of_work import Database, UnitOfWork
from shared.webhooks.settings import WebhookSettings

router = APIRouter(prefix="/v1/subscriptions", tags=["subscriptions"])

KEYSET: Keyset[dict[str, Any]] = Keyset(
    "subscriptions", lambda sub: (sub["created_at"], sub["subscription_id"]), TIME_AND_ID_KEY
)
DELIVERIES: Keyset[dict[str, Any]] = Keyset(
    "deliveries", lambda delivery: (delivery["queued_at"], delivery["delivery_id"]), TIME_AND_ID_KEY
)
SubscriptionId = Annotated[
    str, Path(max_length=200, pattern=NO_NUL, examples=[SUBSCRIPTION_EXAMPLE["subscription_id"]])
]
Reason = Annotated[Text(500, description="Why; kept in the event.") | None, Query()]
WRITE_PROBLEMS = problem_responses(400, 401, 403, 404, 409, 413, 422, 429)
SECRET_NOTE = "The secret is in this answer only: a retry with the same Idempotency-Key answers `secret: null`."


def _json(model: Any) -> bytes:
    return orjson.dumps(model.model_dump(mode="json"))


async def _current(conn, subscription_id: str) -> Subscription:
    return Subscription.model_validate(await repository.get_subscription(conn, subscription_id))


async def _existing(conn, subscription_id: str) -> dict[str, Any]:
    subscription = await repository.get_subscription(conn, subscription_id)
    if subscription is None:
        raise service.not_found(subscription_id)
    return subscription


@router.get(
    "",
    response_model=SubscriptionPage,
    summary="Webhook subscriptions, oldest first (never their secrets)",
    responses=list_responses(SUBSCRIPTION_EXAMPLE, CSV_COLUMNS),
)
async def list_subscriptions(
    query: Annotated[SubscriptionListQuery, Query()],
    conn: ReadConnection,
    db: Database = Depends(get_db),
    _: Principal = Depends(reader),
):
    fetch = partial(repository.list_subscriptions, filters=query)
    return await list_or_export(KEYSET, conn, db, fetch, query, SubscriptionPage, CSV_COLUMNS)


@router.get(
    "/{subscription_id}",
    response_model=Subscription,
    summary="One subscription (deleted ones too)",
    responses=problem_responses(401, 404, 422, 429),
)
async def get_subscription(
    subscription_id: SubscriptionId, conn: ReadConnection, _: Principal = Depends(reader)
) -> Subscription:
    return Subscription.model_validate(await _existing(conn, subscription_id))


@router.post(
    "",
    status_code=201,
    response_model=NewSubscription,
    summary="Subscribe a webhook URL; the answer holds its signing secret, once",
    description="Appends `subscription.created`. The URL must resolve to public addresses unless the operator "
    f"sets `SITREP_ALLOW_PRIVATE_NETWORKS=true`. {SECRET_NOTE} Requires an admin key.",
    responses=WRITE_PROBLEMS,
    openapi_extra={"requestBody": {"content": {"application/json": {"example": CREATE_EXAMPLE}}}},
)
async def create_subscription(
    body: SubscriptionCreate, write: Write = Depends(), settings: Settings = Depends(get_settings)
) -> Response:
    await service.check_url(body.url, settings.allow_private_networks)

    async def command(uow: UnitOfWork) -> Outcome:
        created = await service.create(uow, body)
        current = await _current(uow.conn, created.subscription_id)
        headers = {"Location": f"/v1/subscriptions/{created.subscription_id}"}
        answer = NewSubscription(**current.model_dump(), secret=created.secret)
        replay = NewSubscription(**current.model_dump(), secret=None)
        return Outcome(201, _json(answer), headers, replay_body=_json(replay))

    return await write.run(command)


@router.patch(
    "/{subscription_id}",
    response_model=Subscription,
    summary="Change a subscription's URL, description, filters or state",
    description="Appends `subscription.updated` with what changed (nothing if nothing did); filters not named "
    "keep their values. `enabled: true` re-enables one disabled by a 410 answer. Requires an admin key.",
    responses=WRITE_PROBLEMS,
)
async def update_subscription(
    subscription_id: SubscriptionId,
    body: SubscriptionPatch,
    write: Write = Depends(),
    settings: Settings = Depends(get_settings),
) -> Response:
    if body.url is not None:
        await service.check_url(body.url, settings.allow_private_networks)

    async def command(uow: UnitOfWork) -> Outcome:
        await service.change(uow, subscription_id, body)
        return Outcome(200, _json(await _current(uow.conn, subscription_id)))

    return await write.run(command)


@router.delete(
    "/{subscription_id}",
    status_code=204,
    response_class=Response,
    summary="Delete a subscription",
    description="Appends `subscription.deleted`; its history stays in the log. Requires an admin key.",
    responses=WRITE_PROBLEMS,
)
async def delete_subscription(subscription_id: SubscriptionId, reason: Reason = None, write: Write = Depends()) -> Response:
    async def command(uow: UnitOfWork) -> Outcome:
        await service.delete(uow, subscription_id, reason)
        return Outcome(204)

    return await write.run(command)


@router.post(
    "/{subscription_id}/rotate-secret",
    response_model=RotatedSecret,
    summary="Make a new signing secret; the previous one keeps signing during the overlap",
    description="Appends `subscription.secret_rotated` (with the new secret's `key_id`, never the secret). "
    f"{SECRET_NOTE} Requires an admin key.",
    responses=WRITE_PROBLEMS,
)
async def rotate_secret(
    subscription_id: SubscriptionId,
    body: Annotated[RotateSecret | None, Body()] = None,
    write: Write = Depends(),
    config: WebhookSettings = Depends(get_webhook_settings),
) -> Response:
    overlap_s = body.overlap_s if body is not None and body.overlap_s is not None else config.webhook_secret_overlap_s

    async def command(uow: UnitOfWork) -> Outcome:
        rotated = await service.rotate(uow, subscription_id, overlap_s)
        answer = RotatedSecret(subscription_id=subscription_id, key_id=rotated.key_id, secret=rotated.secret,
                               overlap_s=overlap_s)
        return Outcome(200, _json(answer), replay_body=_json(answer.model_copy(update={"secret": None})))

    return await write.run(command)


@router.post(
    "/{subscription_id}/test",
    response_model=PingResult,
    summary="Send a signed `ping` to the webhook now",
    description="Signed like every message, outside the delivery queue; nothing is recorded. The answer says "
    "what the receiver answered. Requires an admin key.",
    responses=problem_responses(401, 403, 404, 422, 429),
)
async def test_subscription(
    subscription_id: SubscriptionId,
    db: Database = Depends(get_db),
    settings: Settings = Depends(get_settings),
    config: WebhookSettings = Depends(get_webhook_settings),
    _: Principal = Depends(admin),
) -> PingResult:
    result = await service.ping(db, subscription_id, config, settings.allow_private_networks)
    delivered = result.status_code is not None and 200 <= result.status_code < 300
    return PingResult(delivered=delivered, status_code=result.status_code, latency_ms=result.latency_ms,
                      error=result.error)


@router.get(
    "/{subscription_id}/deliveries",
    response_model=DeliveryPage,
    summary="The subscription's webhook messages, newest first, each with every attempt",
    responses={**list_responses(DELIVERY_EXAMPLE, DELIVERY_COLUMNS), **problem_responses(404)},
)
async def list_deliveries(
    subscription_id: SubscriptionId,
    query: Annotated[DeliveryListQuery, Query()],
    conn: ReadConnection,
    db: Database = Depends(get_db),
    _: Principal = Depends(reader),
):
    await _existing(conn, subscription_id)
    fetch = partial(deliveries.list_deliveries, subscription_id=subscription_id, status=query.status)
    return await list_or_export(DELIVERIES, conn, db, fetch, query, DeliveryPage, DELIVERY_COLUMNS)


@router.post(
    "/{subscription_id}/redeliver-dead-lettered",
    response_model=Redelivered,
    summary="Send every dead-lettered message of the subscription again",
    description="Appends `webhook.redelivery_requested` for each; they keep their `webhook-id`. "
    "A deleted subscription is a 404. Requires an admin key.",
    responses=WRITE_PROBLEMS,
)
async def redeliver_dead_lettered(
    subscription_id: SubscriptionId, reason: Reason = None, write: Write = Depends()
) -> Response:
    async def command(uow: UnitOfWork) -> Outcome:
        await service.require_active(uow, subscription_id)
        ids = await redelivery.redeliver_dead_lettered(uow, subscription_id, reason)
        return Outcome(200, _json(Redelivered(delivery_ids=ids)))

    return await write.run(command)
