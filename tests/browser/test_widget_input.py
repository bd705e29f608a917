"""The widget in headless Chromium at phone width: a conversation in Chinese, bad input the shopper
can see being refused (and keeps), markup shown as text, and the header when the server is unreachable.
The browser is Chinese, so the widget's own words are Chinese from the start. Screenshots land in
tests/artifacts/."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
WAIT = 20_000


def _ask(page, text: str):
    page.fill("#aisle-input textarea", text)
    page.click("#aisle-send")


def _wait_answers(page, count: int):
    page.wait_for_function(f"document.querySelectorAll('#aisle-thread .aisle-msg--assistant').length >= {count}",
                           timeout=WAIT)
    page.wait_for_function("!document.querySelector('#aisle-thread .aisle-typing')", timeout=WAIT)


def test_phone_widget_chinese_bad_input_and_offline_header(app_server, browser, artifacts):
    base, errors, blocked = app_server, [], []
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                  else (blocked.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "/")
    page.wait_for_selector("#aisle-thread .aisle-thread", timeout=WAIT)
    # A Chinese browser gets a Chinese widget (once the page has loaded the chat).
    page.wait_for_function("document.querySelector('#aisle-header').innerText.includes('在线')", timeout=WAIT)

    # A conversation in Chinese, then mixed with English.
    _ask(page, "我想要防水的登山鞋")
    _wait_answers(page, 2)
    assert page.locator("#aisle-thread .aisle-card").count() >= 1
    _ask(page, "便宜一点的, under $100")
    _wait_answers(page, 3)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, f"the page scrolls sideways at phone width ({width}px)"
    page.screenshot(path=str(artifacts / "shopper-phone-chinese.png"))

    # A message that is far too long is refused with a visible notice (in the chat's language), and
    # stays in the box.
    long_text = "waterproof " * 400  # 4,400 characters
    _ask(page, long_text)
    page.wait_for_selector("#aisle-thread .aisle-system", timeout=WAIT)
    assert "我最多能读 2,000 个" in page.inner_text("#aisle-thread .aisle-system")
    assert page.input_value("#aisle-input textarea") == long_text
    page.screenshot(path=str(artifacts / "shopper-phone-too-long.png"))
    page.fill("#aisle-input textarea", "")

    # The server becomes unreachable: the header stops saying "Online" (在线), then recovers.
    page.route("**/healthz", lambda route: route.abort())
    page.wait_for_function("document.querySelector('#aisle-header').innerText.includes('离线')", timeout=WAIT)
    page.screenshot(path=str(artifacts / "shopper-phone-offline.png"))
    page.unroute("**/healthz")
    page.wait_for_function("document.querySelector('#aisle-header').innerText.includes('在线')", timeout=WAIT)

    # Markup is shown as text, never run.
    _ask(page, '<img src=x onerror="window.pwned=1"><b>bold?</b> 🥾')
    _wait_answers(page, 4)
    assert page.evaluate("window.pwned === undefined")
    assert "<b>bold?</b>" in page.inner_text("#aisle-thread")

    assert not errors, errors
    assert not blocked, blocked
    context.close()
