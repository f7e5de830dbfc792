"""Per-key rate limits: a burst is allowed, then 429 with Retry-After; keys do not share a bucket."""

from __future__ import annotations

import pytest

from services.api.settings import ApiSettings


@pytest.fixture
def api_settings() -> ApiSettings:
    return ApiSettings(rate_limit_per_second=0.5, rate_limit_burst=3)


async def test_a_key_over_its_burst_gets_429_with_retry_after(client, keys):
    statuses = [(await client.get("/v1/stories")).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    response = await client.get("/v1/events")
    assert response.status_code == 429
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["retry-after"] == "2"  # one token at 0.5/s
    assert response.json()["type"] == "urn:sitrep:problem:rate-limited"
    assert (await client.get("/v1/stories", headers=keys.headers("admin"))).status_code == 200
    assert (await client.get("/healthz")).status_code == 200  # operations are not limited
