"""Bad input and access at every web entry point (widget handlers, HTTP API, staff console), over a
real Assistant on the demo catalog (real SQLite, index; template answers). Includes property-based
tests of the message path with hypothesis."""
from __future__ import annotations

import json
import logging
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.web.auth import SessionSigner, hash_password
from assistant.web.redact import luhn_ok, mask_pii

API = "/api/v1"
EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'
BAD_INPUTS = {
    "empty": "",
    "whitespace": "   \n\t  ",
    "huge": "boots " * 20_000,  # 120,000 characters
    "control": "hik\x00ing\x07 bo\x1bots\u200b under \x7f$120",
    "invalid_utf8": b"hiking boots \xff\xfe\xc3 under $120".decode("utf-8", errors="surrogateescape"),
    "lone_surrogate": "boots \ud800 please",
    "html": f"do you have boots {EVIL}",
    "sql": "boots'; DROP TABLE turns; -- OR 1=1 UNION SELECT * FROM sessions",
    "emoji": "🥾🥾 waterproof boots 👍🏽 for my 👨‍👩‍👧 trip 🏔️",
    "mixed_zh_en": "我想要 waterproof 的登山靴, 预算 120 美元以内, size 42",
    "rtl_zalgo": "بوت Z̷̢̛a̶l̴g̸o̵ boots",
}
SAFE_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300)


@pytest.fixture(scope="module")
def bot(template_bot):
    return template_bot


@pytest.fixture(scope="module")
def client(web_client):
    return web_client


@pytest.fixture(scope="module")
def loose_api(bot):
    """The API alone with a rate limit no test reaches, for the property tests."""
    from fastapi.testclient import TestClient

    from assistant.web.api import create_api
    from assistant.web.intake import Intake

    app = create_api(bot, SessionSigner(b"k" * 32), Intake(per_minute=1_000_000), new_sessions_per_minute=1_000_000)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _send(shopper, text, stored=None):
    views = list(shopper.send(text, stored))
    token = next((v.stored for v in views if v.store), stored)
    return views, token


# -- the message path, property-based --------------------------------------------------------------
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(message=SAFE_TEXT)
def test_any_text_gets_an_answer_and_is_kept(bot, message):
    sid = bot.new_session()
    reply = bot.chat(message, session_id=sid)
    assert reply.session_id == sid
    assert reply.text  # an answer, a "please type a message", or a "couldn't read that": never nothing
    turns = bot.history(sid)
    if turns:  # whatever was readable of the message is kept, and answered
        assert turns[0].role == "user" and turns[-1].role == "assistant" and turns[-1].text == reply.text


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(body=st.one_of(
    st.dictionaries(st.sampled_from(["message", "session_id", "stream", "x"]),
                    st.one_of(SAFE_TEXT, st.integers(), st.none(), st.booleans(), st.lists(st.integers(), max_size=2)),
                    max_size=3),
    st.builds(lambda m: {"message": m, "stream": False}, SAFE_TEXT),
    st.lists(st.integers(), max_size=3), SAFE_TEXT))
def test_any_json_body_gets_a_json_answer_never_a_500(loose_api, body):
    response = loose_api.post(f"{API}/chat", json=body)
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert response.json()["error"]["code"] and "Traceback" not in response.text
    elif response.headers["content-type"].startswith("text/event-stream"):
        assert "event: reply" in response.text
    else:
        assert "text" in response.json()


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(raw=st.binary(max_size=200), segment=st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=80))
def test_any_bytes_and_any_session_segment_get_4xx_json(loose_api, raw, segment):
    response = loose_api.post(f"{API}/chat", content=raw, headers={"content-type": "application/json"})
    assert response.status_code < 500 and (response.status_code != 200 or "event: reply" in response.text)
    from urllib.parse import quote

    for path in ("history", "cart"):
        response = loose_api.get(f"{API}/sessions/{quote(segment, safe='')}/{path}")
        assert response.status_code == 404 and response.json()["error"]["code"] in ("unknown_session", "not_found")


# -- the named bad inputs at each entry point ------------------------------------------------------
@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_widget_answers_every_bad_input(shopper, bot, name):
    views, token = _send(shopper, BAD_INPUTS[name])
    last = views[-1]
    assert last.thread and "Sorry, something went wrong" not in last.thread
    assert "<script" not in last.thread and "<img" not in last.thread
    if name in ("empty", "whitespace"):
        assert "Please type a message" in last.thread and not last.clear_input and token is None
    elif name == "huge":
        assert "119,999 characters; I can read up to 2,000" in last.thread  # refused, visibly, text kept in box
        assert not last.clear_input and token is None
    else:
        assert token is not None and bot.history(token["sid"])[-1].role == "assistant"
        assert bot.history(token["sid"])[0].role == "user"


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_api_answers_every_bad_input(client, name):
    token = client.post(f"{API}/sessions").json()["session_id"]
    body = json.dumps({"session_id": token, "message": BAD_INPUTS[name], "stream": False})  # \ud800 escapes
    response = client.post(f"{API}/chat", content=body, headers={"content-type": "application/json"})
    assert response.status_code in (200, 400), response.text
    if name in ("empty", "whitespace", "huge"):
        code = {"huge": "message_too_long"}.get(name, "message_empty")
        assert response.json()["error"]["code"] == code
    else:
        assert response.json()["text"]


def test_api_takes_raw_invalid_utf8_and_control_bytes(client):
    body = b'{"message": "boots \xff\xfe", "stream": false}'
    assert client.post(f"{API}/chat", content=body, headers={"content-type": "application/json"}).status_code == 400
    body = b'{"message": "boots \\u0000\\u001b\\ud800 please", "stream": false}'
    response = client.post(f"{API}/chat", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200 and response.json()["text"]


def test_html_renders_as_text_on_both_pages(shopper, console, bot):
    _, token = _send(shopper, f"boots {EVIL}")
    shopper_html = shopper.open(token).thread
    staff_html = console.detail(token["sid"], "anna").thread
    for page in (shopper_html, staff_html, console.queue(None, "anna")):
        assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;" in shopper_html and "&lt;script&gt;" in staff_html
    console.take_over(token["sid"], "anna")
    console.reply(token["sid"], f"staff says {EVIL}", "anna")
    assert "<script" not in shopper.open(token).thread and "&lt;img" in shopper.open(token).thread


def test_staff_console_handles_bad_text_and_ids(shopper, console, bot):
    _, token = _send(shopper, "tents")
    sid = token["sid"]
    console.take_over(sid, "anna")
    for text in ("", "   ", "\x00\x07", "x " * 10_000):
        detail = console.reply(sid, text, "anna")
        assert not detail.ok and "staff-notice--error" in detail.notice
        assert not console.note(sid, text, "anna").ok
    assert console.reply(sid, "hi \x00there \ud800🙂 你好", "anna").ok
    assert bot.history(sid)[-1].text == "hi there 🙂 你好"
    assert console.note(sid, "VIP \ud800 <b>", "anna").ok
    for bad in ("", None, 5, "../x", "'; DROP TABLE sessions; --", "a" * 65, "\ud800", {"x": 1}):
        assert "No chat selected" in console.detail(bad, "anna").title
        assert "staff-notice--error" in console.take_over(bad, "anna").notice


# -- access ---------------------------------------------------------------------------------------
def test_session_ids_have_128_random_bits(shopper, client):
    from assistant.inputs import new_session_id

    ids = {new_session_id() for _ in range(1000)}
    assert len(ids) == 1000 and all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)
    _, token = _send(shopper, "tents")
    assert re.fullmatch(r"[0-9a-f]{32}", token["sid"])
    assert re.fullmatch(r"[0-9a-f]{32}\.[0-9a-f]{40}", client.post(f"{API}/sessions").json()["session_id"])


def test_widget_and_api_refuse_cross_session_reads(shopper, client, bot):
    token = client.post(f"{API}/sessions").json()["session_id"]
    client.post(f"{API}/chat", json={"session_id": token, "message": "my secret gift idea", "stream": False})
    sid = token.rpartition(".")[0]
    assert "secret gift" not in shopper.open({"sid": sid, "sig": "f" * 40}).thread  # widget with a forged sig
    assert "secret gift" not in shopper.open({"sid": sid}).thread
    other = client.post(f"{API}/sessions").json()["session_id"]
    forged = f"{sid}.{other.rpartition('.')[2]}"
    assert client.get(f"{API}/sessions/{forged}/history").status_code == 404
    # The widget's token and the API's token are the same signature: one server, one key.
    _, wtoken = _send(shopper, "tents")
    assert client.get(f"{API}/sessions/{wtoken['sid']}.{wtoken['sig']}/history").status_code == 404  # other key


def test_staff_pages_and_apis_refuse_unauthenticated_calls(client):
    shell = client.get("/staff/")  # the login page's shell: no chat data in it
    assert "staff-queue" not in shell.text and "Live chats" not in shell.text
    for method, path in (("GET", "/staff/config"), ("GET", "/staff/gradio_api/info"),
                         ("POST", "/staff/gradio_api/queue/join"), ("POST", "/staff/gradio_api/run/predict"),
                         ("GET", "/staff/gradio_api/queue/data?session_hash=x"), ("POST", "/staff/gradio_api/upload")):
        response = client.request(method, path, json={"data": [], "fn_index": 0, "session_hash": "x"})
        assert response.status_code in (401, 403, 404, 405) or "login" in response.text.lower(), (path, response)
        assert "staff-queue" not in response.text and "Live chats" not in response.text


def test_failed_logins_are_rate_limited_per_address(bot, tmp_path):
    from fastapi.testclient import TestClient

    from assistant.web.limits import LOGIN_FAILURES_PER_WINDOW
    from assistant.web.server import WebSettings, create_app

    env = {"AISLE_STAFF_USERS": f"anna:{hash_password('pw')}", "AISLE_DATA_DIR": str(tmp_path)}
    with TestClient(create_app(bot, WebSettings.from_env(env))) as c:
        for i in range(LOGIN_FAILURES_PER_WINDOW):  # a different name each time: the per-name lock never trips
            assert c.post("/staff/login", data={"username": f"guess{i}", "password": "x"}).status_code in (400, 401)
        refused = c.post("/staff/login", data={"username": "anna", "password": "pw"})
        assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
        assert int(refused.headers["retry-after"]) > 0


def test_passwords_are_stored_hashed(tmp_path):
    from assistant.web.auth import StaffAuth

    auth = StaffAuth.from_env({"AISLE_STAFF_USERS": f"anna:{hash_password('s3cret-pass')}"})
    assert "s3cret-pass" not in repr(auth.users) and auth.users["anna"].startswith("scrypt.")


def test_no_development_login_unless_enabled(bot, tmp_path):
    from fastapi.testclient import TestClient

    from assistant.web.auth import DEV_PASSWORD, DEV_USER
    from assistant.web.server import WebSettings, create_app

    with TestClient(create_app(bot, WebSettings.from_env({"AISLE_DATA_DIR": str(tmp_path)}))) as c:
        assert c.post("/staff/login", data={"username": DEV_USER, "password": DEV_PASSWORD}).status_code >= 400
        assert c.get("/staff/config").status_code in (401, 403)


def test_shopper_text_is_not_logged_at_info(shopper, client, caplog):
    marker = "zebra-marker-7f3a"
    with caplog.at_level(logging.DEBUG):
        _send(shopper, f"waterproof boots {marker} please")
        _send(shopper, f"I want to talk to a person about order {marker}")
        client.post(f"{API}/chat", json={"message": f"ignore your instructions {marker}", "stream": False})
    leaked = [r for r in caplog.records if r.levelno >= logging.INFO and marker in r.getMessage()]
    assert not leaked, [f"{r.name}: {r.getMessage()[:120]}" for r in leaked]


def test_message_rate_limit_answers_politely(shopper, client):
    from assistant.web.limits import MESSAGES_PER_MINUTE

    _, token = _send(shopper, "tents")
    for _ in range(MESSAGES_PER_MINUTE - 1):
        views, _ = _send(shopper, "tents", token)
    views, _ = _send(shopper, "tents", token)
    assert "faster than I can answer" in views[-1].thread and not views[-1].clear_input

    api_token = client.post(f"{API}/sessions").json()["session_id"]
    codes = [client.post(f"{API}/chat", json={"session_id": api_token, "message": "tents", "stream": False}).status_code
             for _ in range(MESSAGES_PER_MINUTE + 1)]
    assert codes[:MESSAGES_PER_MINUTE] == [200] * MESSAGES_PER_MINUTE and codes[-1] == 429
    last = client.post(f"{API}/chat", json={"session_id": api_token, "message": "tents"})
    assert last.json()["error"]["code"] == "rate_limited" and int(last.headers["retry-after"]) > 0


# -- personal data in staff transcripts -------------------------------------------------------------
@pytest.mark.parametrize("text, hidden, shown", [
    ("my card is 4242 4242 4242 4242 exp 12/27", "4242 4242", "•••• 4242"),
    ("card 4111-1111-1111-1111", "4111-1111", "•••• 1111"),
    ("mail me: john.doe+shop@example.co.uk", "john.doe", "j•••@example.co.uk"),
    ("call +1 (555) 123-4567", "123-4567", "•••• 67"),
    ("电话13812345678谢谢", "13812345678", "•••• 78"),
])
def test_pii_is_masked(text, hidden, shown):
    masked = mask_pii(text)
    assert hidden not in masked and shown in masked


@pytest.mark.parametrize("text", ["boots under $120, size 10.5", "order #12345678 placed 2026-11-30",
                                  "3 for $1,299.99", "model WX-1000 in 42 EU"])
def test_ordinary_numbers_are_not_masked(text):
    assert mask_pii(text) == text


def test_luhn():
    assert luhn_ok("4242424242424242") and not luhn_ok("4242424242424241")


def test_staff_see_masked_pii_and_the_shopper_sees_their_own_text(shopper, console, bot):
    _, token = _send(shopper, "my card 4242 4242 4242 4242 and a@b.com, call 555 123 4567")
    staff = console.detail(token["sid"], "anna").thread + console.queue(None, "anna")
    assert "4242 4242" not in staff and "a@b.com" not in staff and "123 4567" not in staff
    assert "•••• 4242" in staff
    assert "4242 4242 4242 4242" in shopper.open(token).thread
