"""`GET /v1/tallies` over claims recorded as the alerts service records them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shared.events.claims import CountRange
from tests.support.api_seed import T0, add_claim

AZ_MOD = {"claimant": "Azerbaijan's Defence Ministry", "claimant_party": "Azerbaijan",
          "conflict": "armenia-azerbaijan", "context": "armed_conflict", "category": "killed", "subject": "soldier"}
AM_MOD = {"claimant": "Armenia's Defence Ministry", "claimant_party": "Armenia",
          "conflict": "armenia-azerbaijan", "context": "armed_conflict", "category": "killed", "subject": "soldier"}


def _at(days: float, owner: str = "MoD AZ") -> dict:
    return {"published_at": T0 + timedelta(days=days), "source_owner": owner,
            "source_url": f"https://mod.example/{days}"}


async def _claim(db, claim_id: str, days: float, count: int, owner: str = "MoD AZ", **fields) -> None:
    await add_claim(db, claim_id, T0 + timedelta(days=days, minutes=5), count=CountRange(min=count, max=count),
                    evidence=_at(days, owner), **fields)


@pytest.fixture
async def world(db) -> None:
    """Azerbaijan's running totals of Armenian dead over three days, its own dead once, Armenia's totals of
    both, a one-off report of tanks, a historical figure and a claim outside any conflict."""
    await _claim(db, "az-1", 0, 100, side="Armenia", basis="total", **AZ_MOD)
    await _claim(db, "az-2", 1, 150, side="Armenia", basis="total", **AZ_MOD)
    await _claim(db, "az-2b", 1.2, 160, side="Armenia", basis="total", **AZ_MOD)
    await _claim(db, "az-3", 2, 190, side="Armenia", basis="total", **AZ_MOD)
    await _claim(db, "az-own", 2, 12, side="Azerbaijan", basis="increment", **AZ_MOD)
    await _claim(db, "am-own", 1, 40, owner="MoD AM", side="Nagorno-Karabakh", basis="total", **AM_MOD)
    await _claim(db, "am-other", 2, 900, owner="MoD AM", side="Azerbaijan", basis="total", **AM_MOD)
    await _claim(db, "am-tanks", 2, 7, owner="MoD AM", side="Azerbaijan",
                 **(AM_MOD | {"category": "destroyed", "subject": "tank"}))
    await _claim(db, "am-history", 3, 5000, owner="MoD AM", side="Azerbaijan", basis="total", historical=True,
                 **AM_MOD)
    await _claim(db, "nowhere", 3, 3, side="Azerbaijan", **(AZ_MOD | {"conflict": None}))


async def _tallies(client, **params) -> list[dict]:
    response = await client.get("/v1/tallies", params=params)
    assert response.status_code == 200, response.text
    return response.json()["data"]


async def test_latest_totals_side_by_side_with_the_change_since_the_day_before(client, world):
    rows = await _tallies(client, conflict="armenia-azerbaijan")
    assert [(r["claimant_party"], r["side"], r["suffered_by"], r["subject"], r["claim_id"]) for r in rows] == [
        ("Armenia", "own", "Nagorno-Karabakh", "soldier", "am-own"),
        ("Armenia", "other", "Azerbaijan", "tank", "am-tanks"),
        ("Armenia", "other", "Azerbaijan", "soldier", "am-other"),
        ("Azerbaijan", "own", "Azerbaijan", "soldier", "az-own"),
        ("Azerbaijan", "other", "Armenia", "soldier", "az-3"),
    ]
    az_other = rows[-1]
    assert az_other["count_min"] == 190 and az_other["basis"] == "total"
    assert az_other["as_of"] == "2020-09-29"
    assert az_other["previous"]["claim_id"] == "az-2b" and az_other["change"] == 30
    assert az_other["source"] == {"source_id": "feed-1", "owner": "MoD AZ", "url": "https://mod.example/2"}
    assert az_other["claimant"] == "Azerbaijan's Defence Ministry"
    own_increment = rows[3]
    assert own_increment["previous"] is None and own_increment["change"] == 12
    tanks = rows[1]
    assert tanks["basis"] is None and tanks["change"] is None


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"party": "azerbaijan"}, ["az-own", "az-3"]),
        ({"side": "own"}, ["am-own", "az-own"]),
        ({"subject": "TANK"}, ["am-tanks"]),
        ({"until": (T0 + timedelta(days=1, hours=12)).isoformat()}, ["am-own", "az-2b"]),
        ({"since": (T0 + timedelta(days=2)).isoformat(), "party": "Azerbaijan", "side": "other"}, ["az-3"]),
        ({"conflict": "russia-ukraine"}, []),
    ],
)
async def test_filters(client, world, params, expected):
    assert [row["claim_id"] for row in await _tallies(client, **params)] == expected


async def test_a_tally_as_it_stood_compares_with_the_day_before_it(client, world):
    [row] = await _tallies(client, party="Azerbaijan", side="other", until=(T0 + timedelta(days=1, hours=12)).isoformat())
    assert row["claim_id"] == "az-2b" and row["previous"]["claim_id"] == "az-1" and row["change"] == 60


async def test_needs_a_key(app, client, world):
    response = await client.get("/v1/tallies", headers={"Authorization": ""})
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_documented_in_openapi(client):
    schema = (await client.get("/openapi.json")).json()
    operation = schema["paths"]["/v1/tallies"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"conflict", "party", "side", "subject", "since", "until"}
    assert operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/TallyReport")
    assert schema["components"]["schemas"]["Tally"]["examples"][0]["change"] == 200
