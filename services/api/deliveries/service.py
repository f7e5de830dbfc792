"""Redelivery as the API runs it: the alerts service's commands, with their failures as problems."""

from __future__ import annotations

from services.api.problems import ProblemError
from shared.readmodel.deliveries import commands as deliveries
from shared.unit_of_work import UnitOfWork


async def redeliver(uow: UnitOfWork, delivery_id: str, reason: str | None) -> None:
    try:
        await deliveries.redeliver(uow, delivery_id, reason or "requested through the API")
    except deliveries.DeliveryNotFound as exc:
        raise ProblemError(404, f"No delivery with id {delivery_id!r}.", kind="not-found") from exc
    except deliveries.DeliveryPending as exc:
        raise ProblemError(409, "The message is still queued: it will be sent anyway.", kind="delivery-pending") from exc


async def redeliver_dead_lettered(uow: UnitOfWork, subscription_id: str, reason: str | None) -> list[str]:
    return await deliveries.redeliver_dead_lettered(uow, subscription_id, reason or "requested through the API")
