"""Property-based run of the OpenAPI document against the running API (schemathesis).

Every operation gets generated requests, valid and invalid; the answers must never be 5xx and
must match the document (status, content type, body schema, headers). The live stream is left out:
it never ends by design, and has tests of its own.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from services.api.app import create_app
from services.api.claims.schemas import SUMMARY_EXAMPLE as CLAIM_EXAMPLE
from services.api.deliveries.schemas import DELIVERY_EXAMPLE
from services.api.feeds.schemas import FEED_EXAMPLE
from services.api.keys import create_key
from services.api.settings import ApiSettings
from services.api.stories.schemas import SUMMARY_EXAMPLE
from services.api.subscriptions.schemas import SUBSCRIPTION_EXAMPLE
from shared.events.subscriptions import SubscriptionSettings
from shared.readmodel.subscriptions.commands import create_subscription
from shared.settings import Settings
from tests.conftest import _admin, _drop_database, _sqlalchemy_url
from tests.support.api_app import ApiInThread
from tests.support.api_seed import T0, add_claim, add_dead_letter, add_feed, add_story

MAX_EXAMPLES = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@pytest.fixture(scope="module")
def live_api(template_database: str) -> Iterator[tuple[str, str]]:
    """(base URL, admin key) of an API over a database seeded with the documented examples."""
    name = f"sitrep_fuzz_{uuid.uuid4().hex[:10]}"
    keys: list[str] = []

    async def seed(app) -> None:
        db = app.state.db
        await add_feed(db, "https://mod.example/rss", feed_id=FEED_EXAMPLE["feed_id"], country="AM")
        await add_story(
            db,
            "Four helicopters downed",
            [(FEED_EXAMPLE["feed_id"], "AM"), ("x", "AZ")],
            T0,
            story_id=SUMMARY_EXAMPLE["story_id"],
        )
        story_id, subscription_id = SUMMARY_EXAMPLE["story_id"], SUBSCRIPTION_EXAMPLE["subscription_id"]
        await add_claim(db, CLAIM_EXAMPLE["claim_id"], T0, evidence={"story_id": story_id})
        async with db.transaction() as uow:
            # loopback, refused at once when pinged: the run never waits on a remote receiver
            settings = SubscriptionSettings(url="http://127.0.0.1:9/hook")
            await create_subscription(uow, settings, allow_private=True, subscription_id=subscription_id)
        await add_dead_letter(db, DELIVERY_EXAMPLE["delivery_id"], subscription_id, CLAIM_EXAMPLE["claim_id"], story_id)
        async with db.engine.begin() as conn:
            keys.append((await create_key(conn, "fuzz", "admin"))[1])

    asyncio.run(_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template_database}"'))
    api = ApiInThread(_sqlalchemy_url(name), ApiSettings(rate_limit_per_second=10_000, rate_limit_burst=10_000), seed)
    try:
        yield api.start(), keys[0]
    finally:
        api.stop()
        asyncio.run(_drop_database(name))


# The document the app serves, built without starting it; the tests call the running server.
schema = (
    schemathesis.openapi.from_dict(create_app(Settings()).openapi())
    .exclude(path="/v1/events/stream")
)
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], max_examples=MAX_EXAMPLES)


def test_the_served_document_is_the_one_tested(live_api):
    base_url, _ = live_api
    served = requests.get(f"{base_url}/openapi.json", timeout=10).json()
    assert served == create_app(Settings()).openapi()
    assert served["openapi"].startswith("3.1")


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_to_its_openapi_document(case, live_api):
    base_url, admin_key = live_api
    case.call_and_validate(base_url=base_url, headers={"Authorization": f"Bearer {admin_key}"}, checks=CHECKS)
