"""Feed commands as the API runs them: the registry's commands, with their failures as problems."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from services.api.feeds import repository
from services.api.feeds.schemas import FeedCreate, FeedPatch
from services.api.problems import ProblemError, url_refused
from shared.events.feeds import FeedSettings
from shared.eventstore import ConcurrencyError
from shared.netguard import AddressPolicy, BlockedAddress, check_url
from shared.readmodel.feeds import commands as registry
from shared.unit_of_work import UnitOfWork


def _not_found(feed_id: str) -> ProblemError:
    return ProblemError(404, f"No active feed with id {feed_id!r}.", kind="not-found")


def _url_taken(feed_id: str) -> ProblemError:
    return ProblemError(409, f"A feed with this URL is already registered: {feed_id}.", kind="feed-url-taken")


def check_feed_url(url: str, allow_private: bool) -> None:
    """Refuse a literal private address now (422); a name is checked after DNS when fetched."""
    try:
        check_url(url, AddressPolicy(allow_private=allow_private))
    except BlockedAddress as exc:
        raise url_refused("feed", exc.reason) from exc


@asynccontextmanager
async def _as_problems(feed_id: str) -> AsyncIterator[None]:
    try:
        yield
    except registry.FeedNotFound as exc:
        raise _not_found(feed_id) from exc
    except ConcurrencyError as exc:
        raise ProblemError(409, "The feed changed meanwhile; retry.", kind="conflict") from exc


async def add_feed(uow: UnitOfWork, body: FeedCreate) -> str:
    try:
        return await registry.register_feed(uow, FeedSettings(**body.model_dump()))
    except registry.FeedAlreadyRegistered as exc:
        raise _url_taken(exc.feed_id) from exc


async def change_feed(uow: UnitOfWork, feed_id: str, patch: FeedPatch) -> None:
    changes = patch.changes()
    await uow.lock()
    current = await repository.get_feed(uow.conn, feed_id)
    if current is None or current["removed_at"] is not None:
        raise _not_found(feed_id)
    if "url" in changes and (holder := await repository.active_feed_with_url(uow.conn, changes["url"])) not in (
        None,
        feed_id,
    ):
        raise _url_taken(holder)
    merged = {**current, **changes}
    if merged["min_interval_s"] > merged["max_interval_s"]:
        raise ProblemError(
            422, "min_interval_s must not exceed max_interval_s.", kind="validation", title="Invalid request"
        )
    async with _as_problems(feed_id):
        await registry.update_feed(uow, feed_id, changes, patch.reason)


async def delete_feed(uow: UnitOfWork, feed_id: str, reason: str | None) -> None:
    async with _as_problems(feed_id):
        await registry.remove_feed(uow, feed_id, reason)
