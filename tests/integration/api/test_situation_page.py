"""The situation page at `/`: nothing but a login without a key; the side-by-side figures, the ceasefire
timeline, the newest claims and failing sources with one; hostile text from feeds escaped."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from services.api.settings import ApiSettings
from services.api.situation.rendering import CONTENT_SECURITY_POLICY
from shared.eventstore import events
from tests.support.api_app import asgi_client
from tests.support.situation_seed import seed_situation


@pytest.fixture
async def world(db) -> None:
    await seed_situation(db)


@pytest.fixture
async def browser(app):
    """A client with no Authorization header, as a browser is."""
    async with asgi_client(app) as client:
        yield client


async def _logged_in(browser, keys):
    response = await browser.post("/login", data={"key": keys.read})
    assert response.status_code == 303 and response.headers["location"] == "/"
    return response


def _data(html: str) -> str:
    """The page without its login form: what only a key holder may see."""
    return re.sub(r'<form id="login".*?</form>', "", html, flags=re.S)


async def test_without_a_key_only_the_login_form(browser, world):
    for cookies in ({}, {"sitrep_key": "sk_not_a_key"}):
        browser.cookies.clear()
        browser.cookies.update(cookies)
        response = await browser.get("/", params={"conflict": "armenia-azerbaijan"})
        assert response.status_code == 200
        html = response.text
        assert '<form id="login"' in html and 'action="/login"' in html
        assert "side-by-side" not in html and "MoD AZ" not in html and "Armenia" not in _data(html)
        assert "160" not in html and "France" not in html and "Fine" not in html
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert (await browser.get("/situation/stream", params={"conflict": "armenia-azerbaijan"})).status_code == 401


async def test_a_wrong_key_is_refused_and_sets_no_cookie(browser, world):
    response = await browser.post("/login", data={"key": "sk_wrong"})
    assert response.status_code == 401 and "unknown or revoked" in response.text
    assert "set-cookie" not in response.headers


@pytest.mark.parametrize("api_settings", [ApiSettings(rate_limit_per_second=0.01, rate_limit_burst=2)])
async def test_login_attempts_are_rate_limited(browser, keys):
    answers = [await browser.post("/login", data={"key": f"sk_guess{n}"}) for n in range(3)]
    assert [answer.status_code for answer in answers] == [401, 401, 429]
    assert answers[2].headers["retry-after"] and "Too many attempts" in answers[2].text


async def test_login_sets_a_strict_http_only_cookie_and_logout_clears_it(browser, keys, world):
    response = await _logged_in(browser, keys)
    cookie = response.headers["set-cookie"].lower()
    assert cookie.startswith("sitrep_key=") and "httponly" in cookie and "samesite=strict" in cookie
    assert "secure" not in cookie  # plain http here; set over https
    assert 'id="side-by-side"' in (await browser.get("/")).text
    response = await browser.post("/logout")
    assert response.status_code == 303 and 'sitrep_key=""' in response.headers["set-cookie"]
    assert '<form id="login"' in (await browser.get("/")).text


async def test_with_a_key_the_side_by_side_figures_timeline_and_health(browser, keys, world):
    await _logged_in(browser, keys)
    response = await browser.get("/")  # the conflict with most claims by default
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    html = response.text
    table = html[html.index('id="side-by-side"'):html.index("</table>")]
    headers = re.findall(r'<th scope="col">([^<]*)</th>', table)
    assert headers == ["Losses of", "What", "Armenia claims", "Azerbaijan claims"]
    soldiers = re.search(r"<th scope=\"row\">Armenia</th>\s*<td>killed · soldier</td>(.*?)</tr>", table, re.S)
    assert soldiers, table
    own, other = re.findall(r'<td class="(own|other)">(.*?)</td>', soldiers.group(1), re.S)
    assert own[0] == "own" and '"figure">40<' in own[1]
    assert other[0] == "other" and '"figure">160<' in other[1] and "+60 since the day before" in other[1]
    assert 'href="https://mod.az.example/news"' in other[1] and "MoD AZ" in other[1]
    timeline = html[html.index('id="ceasefire"'):html.index('id="newest"')]
    assert timeline.index("<strong>call</strong>") < timeline.index("<strong>violation</strong>")
    assert "France" in timeline
    health = html[html.index('id="feed-health"'):]
    assert "1 of 2 sources healthy" in health and "Fine" not in health
    assert '<script src="/static/situation.js" defer></script>' in html


async def test_hostile_text_from_feeds_comes_out_escaped(browser, keys, world):
    await _logged_in(browser, keys)
    html = (await browser.get("/", params={"conflict": "armenia-azerbaijan"})).text
    assert html.count("<script") == 1  # the page's own script element only
    assert "<img" not in html
    assert "javascript:" not in html
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;document.title=&#39;pwned&#39;&#34;&gt;" in html


async def test_the_live_list_starts_after_the_log_position_the_page_was_rendered_at(browser, keys, world, db):
    await _logged_in(browser, keys)
    html = (await browser.get("/", params={"conflict": "armenia-azerbaijan"})).text
    async with db.engine.connect() as conn:
        head = (await conn.execute(select(func.max(events.c.position)))).scalar_one()
    assert head > 0 and f'data-conflict="armenia-azerbaijan" data-after="{head}"' in html
    newest = re.findall(r'<li data-claim-id="([^"]+)">', html)
    assert newest == ["hostile", "violation", "call", "az-2", "am-1", "az-1"]


async def test_static_files_are_served(browser):
    script = await browser.get("/static/situation.js")
    assert script.status_code == 200 and "textContent" in script.text and "innerHTML" not in script.text
    assert "new EventSource(" in script.text and "fetch(" not in script.text
    assert (await browser.get("/static/situation.css")).status_code == 200
