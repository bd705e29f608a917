"""The shop's analytics page in real headless Chromium against `python app.py`.

A few shoppers chat through the public API (one marks an answer down, one searches for something
the shop does not have, one asks for a person, one is offered an incentive); then a staff member
logs in to the console, opens /staff/analytics, sees the charts drawn from those chats, and
downloads the CSV. Without the login the page sends you to the console and the CSV is refused.
Screenshots at desktop and phone width land in tests/artifacts/.
"""
from __future__ import annotations

import csv
import io

import pytest

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
WAIT = 20_000
API = "/api/v1"
# Two shopper messages whose purchase-intent score lands in the nudge policy's middle band
# (0.35-0.75) with the packaged intent model: a browser who has not decided yet.
UNDECIDED = ("I might need a tent", "I don't know yet")


def _guarded_context(browser, base: str, blocked: list[str], **options):
    """A browser context that may only talk to the app under test."""
    context = browser.new_context(**options)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith((base, "data:", "blob:"))
                  else (blocked.append(route.request.url), route.abort()))
    return context


def _chat(request, base: str, message: str, token: str | None = None) -> dict:
    r = request.post(base + API + "/chat", data={"message": message, "session_id": token, "stream": False})
    assert r.ok, r.text()
    return r.json()


def _log_in(page, base: str, name: str, password: str) -> None:
    page.goto(base + "/staff/")
    page.fill("input[type=text]", name)
    page.fill("input[type=password]", password)
    page.keyboard.press("Enter")
    page.wait_for_selector("#staff-queue", timeout=WAIT)


def _chart(page, title: str):
    """The SVG chart with this title (its <title> or caption text)."""
    return page.locator("svg:visible", has_text=title).first


def test_analytics_page_charts_and_csv_behind_the_login(app_server, browser, artifacts, staff_logins):
    base, blocked, errors = app_server, [], []

    # Shoppers, through the same API a shop's own front end uses.
    shoppers = browser.new_context()
    api = shoppers.request
    found = _chat(api, base, "waterproof hiking boots under $150")
    assert found["products"]
    down = api.post(f"{base}{API}/sessions/{found['session_id']}/feedback",
                    data={"turn_id": found["turn_id"], "value": -1})
    assert down.ok, down.text()
    _chat(api, base, "do they come in size 10?", found["session_id"])  # a second turn: the policy decides
    assert _chat(api, base, "hiking boots under $2")["text"].startswith("Nothing matches")
    assert _chat(api, base, "I want to talk to a real person please")["escalated"]
    first = _chat(api, base, UNDECIDED[0])
    offered = _chat(api, base, UNDECIDED[1], first["session_id"])
    assert offered["nudge"], f"no offer at intent {offered['intent']:.2f}: the middle band is 0.35-0.75"
    tent = next(p["id"] for p in first["products"] if p["in_stock"])
    assert api.post(f"{base}{API}/sessions/{offered['session_id']}/cart", data={"product_id": tent}).ok
    shoppers.close()

    # Not logged in: the page sends you to the console's login, the CSV is refused.
    stranger = _guarded_context(browser, base, blocked, viewport=DESKTOP)
    refused = stranger.request.get(base + "/staff/analytics.csv")
    assert refused.status == 401 and "human_request" not in refused.text()
    page = stranger.new_page()
    page.goto(base + "/staff/analytics")
    page.wait_for_selector("input[type=password]", timeout=WAIT)
    assert "/staff/analytics" not in page.url
    stranger.close()

    # Staff log in, then open the analytics page.
    staff = _guarded_context(browser, base, blocked, viewport=DESKTOP, accept_downloads=True)
    page = staff.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    _log_in(page, base, "anna", staff_logins["anna"])
    page.goto(base + "/staff/analytics?days=7")
    page.wait_for_selector("h1:has-text('Shop analytics')", timeout=WAIT)
    kpis = page.inner_text(".kpis")
    assert "Conversations\n4" in kpis and "25%" in kpis  # 4 chats, 1 of them sent to staff

    # The charts are drawn, with a mark for each data point, and say what the chats did.
    assert page.locator("svg").count() >= 5
    per_day = _chart(page, "Conversations per day")
    bars = [b for b in per_day.locator("rect").all() if (b.bounding_box() or {}).get("height", 0) > 0]
    assert len(bars) >= 1 and per_day.bounding_box()["width"] > 200
    assert _chart(page, "Purchase intent").locator("rect").count() >= 1
    assert "human_request" in _chart(page, "Escalations").text_content().replace(" ", "_").lower() \
        or "asked for a person" in _chart(page, "Escalations").text_content().lower()
    assert "hiking boots under $2" in _chart(page, "Searches with no result").text_content()
    cart_bars = _chart(page, "Cart adds after").locator("rect")
    assert cart_bars.count() >= 2  # offered, and the high band's sessions without an offer
    assert "middle offered: 100" in [bar.text_content() for bar in cart_bars.all()]  # the offered shopper carted
    assert "hiking boots under $150" in page.inner_text("text=Answers with a thumbs down >> xpath=..")
    page.screenshot(path=str(artifacts / "analytics-desktop.png"), full_page=True)

    # The CSV downloads behind the same login and carries every figure.
    with page.expect_download(timeout=WAIT) as download:
        page.click("text=Download CSV")
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    metrics = {(r["metric"], r["key"]): r["value"] for r in rows}
    assert metrics[("escalation_reason", "human_request")] == "1"
    assert metrics[("no_result_search", "hiking boots under $2")] == "1"
    assert metrics[("nudge_sessions", "middle/offered")] == "1"
    assert sum(r["metric"] == "thumbs_down" for r in rows) == 1

    page.set_viewport_size(PHONE)
    page.wait_for_timeout(300)
    page.screenshot(path=str(artifacts / "analytics-phone.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, f"the page scrolls sideways on a phone ({width}px wide)"

    assert not errors, errors
    assert not blocked, f"the page tried to reach other hosts: {blocked}"
    staff.close()
