"""The HTTP API (`/api/v1`) through the whole ASGI app, over a real Assistant on the demo catalog
(real SQLite sessions and index; template answers, or a scripted generator for streaming order)."""
from __future__ import annotations

import json

import pytest


API = "/api/v1"


@pytest.fixture(scope="module")
def bot(template_bot):
    return template_bot


@pytest.fixture(scope="module")
def client(web_client):
    return web_client


def events_of(response) -> list[tuple[str, dict]]:
    """Parse a text/event-stream body into (event, data) pairs."""
    assert response.headers["content-type"].startswith("text/event-stream")
    out = []
    for block in response.text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        out.append((lines["event"], json.loads(lines["data"])))
    return out


def chat(client, message, session_id=None, **extra):
    body = {"message": message, **extra}
    if session_id is not None:
        body["session_id"] = session_id
    return client.post(f"{API}/chat", json=body)


def assert_error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code and body["error"]["message"]
    assert "Traceback" not in response.text
    return body["error"]


def test_chat_streams_products_then_text_then_reply(client, bot):
    response = chat(client, "waterproof hiking boots under $120")
    assert response.status_code == 200
    events = events_of(response)
    kinds = [k for k, _ in events]
    assert kinds[0] == "session" and kinds[1] == "products" and kinds[-1] == "reply"
    assert set(kinds[2:-1]) == {"delta"}
    token = events[0][1]["session_id"]
    products = events[1][1]["products"]
    reply = events[-1][1]
    sid = token.rsplit(".", 1)[0]
    stored = bot.history(sid)[-1]
    assert [p["id"] for p in products] == stored.product_ids  # the cards are the stored catalog rows
    row = bot.products([products[0]["id"]])[0]
    assert products[0]["price"] == row.price and products[0]["title"] == row.title and "reviews" not in products[0]
    assert "".join(d["text"] for k, d in events if k == "delta") == reply["text"] == stored.text
    assert reply["session_id"] == token and reply["turn_id"] == stored.id
    assert 0.0 <= reply["intent"] <= 1.0 and reply["escalated"] is False and reply["answered_by"] == "assistant"
    assert reply["cart"]["count"] == 0 and reply["act"]


def test_generated_text_streams_in_several_deltas_after_the_cards(client, bot, monkeypatch):
    from assistant.generation.scripted import ScriptedGenerator

    monkeypatch.setattr(bot, "generator", ScriptedGenerator(
        default="The first one is a waterproof hiking boot. The second one is waterproof too."))
    events = events_of(chat(client, "waterproof hiking boots"))
    kinds = [k for k, _ in events]
    assert kinds.index("products") < kinds.index("delta") and kinds.count("delta") >= 2
    assert "waterproof too" in events[-1][1]["text"]


def test_session_history_cart_and_feedback(client, bot):
    token = client.post(f"{API}/sessions").json()["session_id"]
    sid, _, sig = token.rpartition(".")
    assert len(sid) == 32 and int(sid, 16) >= 0 and sig  # 128 random bits, hex
    reply = chat(client, "a warm sleeping bag", token, stream=False).json()
    assert reply["session_id"] == token and reply["products"]
    product = next(p for p in reply["products"] if p["in_stock"])

    cart = client.post(f"{API}/sessions/{token}/cart", json={"product_id": product["id"], "quantity": 2}).json()
    assert cart["count"] == 2 and cart["items"][0]["product_id"] == product["id"]
    assert cart["total"] == pytest.approx(2 * bot.products([product["id"]])[0].price)
    assert client.get(f"{API}/sessions/{token}/cart").json() == cart

    assert client.post(f"{API}/sessions/{token}/feedback", json={"turn_id": reply["turn_id"], "value": -1}).json() \
        == {"ok": True}
    history = client.get(f"{API}/sessions/{token}/history").json()
    roles = [t["role"] for t in history["turns"]]
    assert roles == ["user", "assistant"] and history["status"]["mode"] == "bot"
    answer = history["turns"][1]
    assert answer["feedback"] == -1 and [p["id"] for p in answer["products"]] == [p["id"] for p in reply["products"]]
    later = client.get(f"{API}/sessions/{token}/history", params={"after_id": answer["id"]}).json()
    assert later["turns"] == []
    assert client.get(f"{API}/sessions/{token}").json()["mode"] == "bot"


def test_escalation_and_staff_reply_show_in_the_api(client, bot):
    token = client.post(f"{API}/sessions").json()["session_id"]
    reply = chat(client, "I want to talk to a person", token, stream=False).json()
    assert reply["escalated"] and reply["escalation_reason"] == "human_request"
    sid = token.rsplit(".", 1)[0]
    bot.take_over(sid, staff="anna")
    bot.staff_reply(sid, "Hi, Anna here.", staff="anna")
    assert client.get(f"{API}/sessions/{token}").json() == {"mode": "staff", "held_by": "Anna",
                                                            "escalation_reason": "human_request"}
    last = client.get(f"{API}/sessions/{token}/history").json()["turns"][-1]
    assert last["role"] == "staff" and last["staff"] == "Anna" and last["text"] == "Hi, Anna here."
    held = chat(client, "hello?", token, stream=False).json()
    assert held["answered_by"] == "staff" and held["text"] == ""


def test_unknown_and_forged_sessions_are_404(client, bot):
    token = client.post(f"{API}/sessions").json()["session_id"]
    sid = token.rpartition(".")[0]
    other_sig = client.post(f"{API}/sessions").json()["session_id"].rpartition(".")[2]
    for bad in (sid, f"{sid}.{other_sig}", f"{sid}.{'0' * 40}", "nope", "x" * 500, "é.é", "%00"):
        for method, path, body in (("GET", "/history", None), ("GET", "/cart", None), ("GET", "", None),
                                   ("POST", "/cart", {"product_id": "demo-0001"}),
                                   ("POST", "/feedback", {"turn_id": 1, "value": 1})):
            assert_error(client.request(method, f"{API}/sessions/{bad}{path}", json=body), 404, "unknown_session")
        assert_error(chat(client, "hello", bad), 404, "unknown_session")
    assert client.get(f"{API}/sessions/..%2F..%2Fetc%2Fpasswd/history").status_code == 404
    assert bot.history(sid) == []  # nothing reached the real session


def test_bad_requests_are_400_json(client):
    token = client.post(f"{API}/sessions").json()["session_id"]
    assert_error(chat(client, ""), 400, "message_empty")
    assert_error(chat(client, "   \n\t "), 400, "message_empty")
    err = assert_error(chat(client, "word " * 20_000, token), 400, "message_too_long")
    assert "2,000" in err["message"]
    assert_error(client.post(f"{API}/chat", json={"session_id": token}), 400, "bad_request")
    assert_error(client.post(f"{API}/chat", json={"message": 5}), 400, "bad_request")
    assert_error(client.post(f"{API}/chat", json={"message": "hi", "sesion_id": token}), 400, "bad_request")
    assert_error(client.post(f"{API}/chat", json=["hi"]), 400, "bad_request")
    assert_error(client.post(f"{API}/chat", content=b'{"message": "hi'), 400, "bad_request")
    assert_error(client.post(f"{API}/chat", content=b'{"message": "\xff\xfe caf\xc3"}',
                             headers={"content-type": "application/json"}), 400, "bad_request")
    assert_error(client.post(f"{API}/chat", content=b"message=hi",
                             headers={"content-type": "application/x-www-form-urlencoded"}), 400, "bad_request")
    assert_error(client.post(f"{API}/sessions/{token}/cart", json={"product_id": "demo-0001", "quantity": 0}),
                 400, "bad_request")
    assert_error(client.post(f"{API}/sessions/{token}/cart", json={"product_id": "no-such"}), 404, "unknown_product")
    assert_error(client.post(f"{API}/sessions/{token}/feedback", json={"turn_id": 1, "value": 3}), 400, "bad_request")
    assert_error(client.post(f"{API}/sessions/{token}/feedback", json={"turn_id": 99999999, "value": 1}),
                 404, "unknown_turn")
    assert_error(client.get(f"{API}/sessions/{token}/history", params={"after_id": "x"}), 400, "bad_request")
    assert_error(client.get(f"{API}/nope"), 404, "not_found")
    assert_error(client.delete(f"{API}/chat"), 405, "method_not_allowed")
    assert_error(client.post(f"{API}/chat", content=b"x" * 1_100_000, headers={"content-type": "application/json"}),
                 413, "payload_too_large")


def test_out_of_stock_cannot_be_added(client, bot):
    out = next((p for p in bot.retriever.store.iter_products() if not p.in_stock), None)
    if out is None:
        pytest.skip("the demo catalog has no out-of-stock product")
    token = client.post(f"{API}/sessions").json()["session_id"]
    assert_error(client.post(f"{API}/sessions/{token}/cart", json={"product_id": out.id}), 409, "out_of_stock")


def test_openapi_schema_describes_the_routes_and_events(client):
    schema = client.get(f"{API}/openapi.json").json()
    paths = schema["paths"]
    assert {"/chat", "/sessions", "/sessions/{session_id}", "/sessions/{session_id}/history",
            "/sessions/{session_id}/cart", "/sessions/{session_id}/feedback"} <= set(paths)
    chat_op = paths["/chat"]["post"]
    assert "text/event-stream" in chat_op["responses"]["200"]["content"]
    assert chat_op["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/ChatRequest")
    components = schema["components"]["schemas"]
    assert {"ReplyOut", "ProductOut", "EventProducts", "EventDelta", "ErrorBody", "CartOut", "HistoryOut"} <= \
        set(components)
    assert "intent" in components["ReplyOut"]["properties"] and "escalated" in components["ReplyOut"]["properties"]
    assert {"404", "400"} <= set(paths["/sessions/{session_id}/history"]["get"]["responses"])
