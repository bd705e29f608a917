"""The shop's analytics page: figures from real conversations with the real assistant, behind the staff login."""
from __future__ import annotations

import csv
import io
import time

import pytest

from assistant.nudges import NudgePolicy
from assistant.web.analytics import INTENT_BINS, shop_analytics, to_csv, to_html
from assistant.web.analytics_svg import bar_list, column_chart
from assistant.web.auth import hash_password


@pytest.fixture(scope="module")
def bot(demo_db, tmp_path_factory):
    """A real assistant over the demo catalog (no language model: template answers) with a few chats."""
    from assistant import Assistant
    from assistant.settings import Settings

    settings = Settings(data_dir=tmp_path_factory.mktemp("analytics-data"))
    bot = Assistant.from_catalog(demo_db, settings=settings, generator=None, nudge_policy=None)
    found = bot.chat("waterproof hiking boots under $150")
    assert found.products
    bot.feedback(found.session_id, found.turn_id, -1)
    nothing = bot.chat("hiking boots under $2")  # nothing that cheap: the closest options instead
    assert nothing.text.startswith("Nothing matches")
    bot.chat("Hiking boots  under $2")  # a second shopper, the same search
    human = bot.chat("I want to talk to a real person please")
    assert human.escalated
    # An incentive decision and the cart that followed, recorded the way the turn records them.
    sid = bot.new_session()
    bot.sessions.append_turn(sid, "user", "maybe a tent")
    NudgePolicy().decide_and_record(bot.sessions, sid, 0.5, state={"turns": 2})
    bot.add_to_cart(sid, found.products[0].id)
    return bot


def test_figures_come_from_the_conversations(bot):
    a = shop_analytics(bot, days=7)
    assert a.conversations == 5 and sum(a.conversations_per_day) == 5 and a.conversations_per_day[-1] == 5
    assert len(a.days) == 7 and a.days[-1] == time.strftime("%Y-%m-%d", time.gmtime())
    assert sum(a.intent_bins) + a.intent_unknown == 5 and len(a.intent_bins) == INTENT_BINS
    assert a.escalated == 1 and a.escalation_rate == pytest.approx(0.2)
    assert [r for r, _ in a.escalation_reasons] == ["human_request"]
    [down] = a.thumbs_down
    assert down.question == "waterproof hiking boots under $150" and down.answer
    assert a.no_result_searches == [("hiking boots under $2", 2)]
    assert a.searches >= 3
    middle = next(b for b in a.nudges if b.band == "middle")
    assert (middle.offered.sessions, middle.offered.cart_added) == (1, 1)
    cart = bot.cart(bot.sessions.nudge_outcomes()[0].session_id)["total"]
    assert cart > 0 and middle.offered.mean_cart_value == pytest.approx(cart)


def test_csv_has_every_metric(bot):
    rows = list(csv.DictReader(io.StringIO(to_csv(shop_analytics(bot, days=7)))))
    metrics = {r["metric"] for r in rows}
    assert {"conversations", "intent_sessions", "escalation_rate", "escalation_reason", "thumbs_down",
            "no_result_search", "nudge_sessions", "nudge_cart_adds"} <= metrics
    assert next(r for r in rows if r["metric"] == "escalation_rate")["value"] == "0.2000"
    assert next(r for r in rows if r["metric"] == "no_result_search")["value"] == "2"


def test_page_draws_charts_and_escapes_shopper_text(bot):
    sid = bot.new_session()
    bot.sessions.append_turn(sid, "user", "<script>alert(1)</script> boots")
    turn = bot.sessions.append_turn(sid, "assistant", "Here you go", meta={"act": "search"})
    bot.feedback(sid, turn.id, -1)
    page = to_html(shop_analytics(bot, days=30), days=30, user="anna")
    assert page.count("<svg") >= 5  # per day, intent, reasons, empty searches, nudges
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert "Shop analytics, last 30 days" in page and "anna" in page


def test_svg_charts_scale_and_escape():
    svg = column_chart(["a", "b"], [1, 3], title="T <x>")
    assert svg.startswith("<svg") and "T &lt;x&gt;" in svg and svg.count("<rect") == 2
    assert "Nothing in this period" in bar_list([], [], title="empty")


def test_pages_need_the_staff_login(bot, tmp_path):
    from fastapi.testclient import TestClient

    from assistant.web.server import WebSettings, create_app

    env = {"AISLE_ENV": "production", "AISLE_STAFF_USERS": f"anna:{hash_password('pw')}",
           "AISLE_DATA_DIR": str(tmp_path)}
    with TestClient(create_app(bot, WebSettings.from_env(env))) as client:
        page = client.get("/staff/analytics", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"] == "/staff/"
        denied = client.get("/staff/analytics.csv")
        assert denied.status_code == 401 and "human_request" not in denied.text
        assert client.post("/staff/login", data={"username": "anna", "password": "pw"}).status_code == 200
        page = client.get("/staff/analytics?days=7")
        assert page.status_code == 200 and "<svg" in page.text and "Signed in as anna" in page.text
        export = client.get("/staff/analytics.csv?days=7")
        assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
        assert "attachment" in export.headers["content-disposition"] and "human_request" in export.text
        assert client.get("/staff/config").status_code == 200  # the console itself still answers
