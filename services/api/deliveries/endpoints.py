"""`/v1/deliveries/{id}`: one webhook message with every attempt, and sending it again."""

from __future__ import annotations

from typing import Annotated

import orjson
from fastapi import APIRouter, Depends, Path, Query, Response

from services.api.auth import Principal, reader
from services.api.deliveries import repository, service
from services.api.deliveries.schemas import DELIVERY_EXAMPLE, DeliveryDetail
from services.api.deps import ReadConnection
from services.api.fields import NO_NUL, Text
from services.api.idempotency import Outcome, Write
from services.api.problems import ProblemError, problem_responses
from shared.unit_of_work import UnitOfWork

router = APIRouter(prefix="/v1/deliveries", tags=["deliveries"])

DeliveryId = Annotated[str, Path(max_length=200, pattern=NO_NUL, examples=[DELIVERY_EXAMPLE["delivery_id"]])]
Reason = Annotated[Text(500, description="Why; kept in the `webhook.redelivery_requested` event.") | None, Query()]


def _not_found(delivery_id: str) -> ProblemError:
    return ProblemError(404, f"No delivery with id {delivery_id!r}.", kind="not-found")


@router.get(
    "/{delivery_id}",
    response_model=DeliveryDetail,
    summary="One webhook message with its payload and every attempt",
    responses=problem_responses(401, 404, 422, 429),
)
async def get_delivery(delivery_id: DeliveryId, conn: ReadConnection, _: Principal = Depends(reader)) -> DeliveryDetail:
    delivery = await repository.get_delivery(conn, delivery_id)
    if delivery is None:
        raise _not_found(delivery_id)
    return DeliveryDetail.model_validate(delivery)


@router.post(
    "/{delivery_id}/redeliver",
    status_code=202,
    response_model=DeliveryDetail,
    summary="Send a delivered or dead-lettered message again",
    description="Appends `webhook.redelivery_requested`; the message is queued again with its original "
    "`webhook-id` and a fresh retry schedule. A message still queued is a 409. Requires an admin key.",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422, 429),
)
async def redeliver(delivery_id: DeliveryId, reason: Reason = None, write: Write = Depends()) -> Response:
    async def command(uow: UnitOfWork) -> Outcome:
        await service.redeliver(uow, delivery_id, reason)
        delivery = DeliveryDetail.model_validate(await repository.get_delivery(uow.conn, delivery_id))
        return Outcome(202, orjson.dumps(delivery.model_dump(mode="json")))

    return await write.run(command)
