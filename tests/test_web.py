"""The web pieces without a browser: card HTML, staff logins, signed shopper sessions, and the
shopper / staff handlers over a real Assistant on the demo catalog (no language model)."""
from __future__ import annotations

import html

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.web.auth import (DEV_PASSWORD, DEV_USER, SessionSigner, StaffAuth, StaffAuthError, hash_password,
                                load_secret_key, parse_users, verify_password)
from assistant.web.cards import cart_panel, key_attributes, product_card, product_cards, text_html
from catalog.models import Product

ROOT = Path(__file__).resolve().parents[1]
EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def evil_product(**overrides) -> Product:
    fields = dict(id='p-1" onclick="steal()', title=f"Boot {EVIL}", price=89.99, brand=f"Brand & {EVIL}",
                  rating=4.6, stock=3, attributes={"color": EVIL, "weight": "540 g", "waterproof": True,
                                                    "subcategory": "boots", "sizes_available": list("123456")})
    fields.update(overrides)
    return Product(**fields)


# -- cards ----------------------------------------------------------------------------------------
def test_card_escapes_every_catalog_value():
    html = product_card(evil_product())
    assert "<script" not in html and "<img" not in html and 'onclick="steal' not in html
    assert "&lt;script&gt;" in html
    assert 'data-product="p-1&quot; onclick=&quot;steal()"' in html  # the id stays one attribute value
    assert "Brand &amp; " in html


def test_card_shows_price_rating_stock_and_key_attributes():
    html = product_card(evil_product(title="Ridgeback Boot", brand="Trailmark", attributes={
        "subcategory": "hiking boots", "color": "brown", "material": "suede", "weight": "540 g", "fit": "true"}))
    assert "$89.99" in html and "4.6" in html and "Only 3 left" in html
    assert "Color</span> brown" in html and "Material</span> suede" in html and "Weight</span> 540 g" in html
    assert "Fit" not in html  # three attributes at most
    assert 'data-act="add"' in html and "Add to cart" in html


def test_out_of_stock_card_cannot_be_added():
    html = product_card(evil_product(stock=0))
    assert "Out of stock" in html and 'data-act="add"' not in html and "disabled" in html


def test_key_attributes_skip_noise():
    attrs = key_attributes(evil_product(attributes={"subcategory": "x", "sizes_available": ["7", "8", "9", "10"],
                                                    "waterproof": True, "weight": "1 kg", "long": "y" * 60}))
    assert attrs == [("Waterproof", "yes"), ("Weight", "1 kg")]


def test_cards_are_numbered_only_when_several():
    one = product_cards([evil_product()])
    two = product_cards([evil_product(), evil_product(id="p-2")])
    assert "aisle-card-index" not in one and two.count("aisle-card-index") == 2
    assert product_cards([]) == ""


def test_text_html_escapes_and_formats_lists_tables_bold():
    html = text_html(f"Here you go {EVIL}\n1. **First** — $10\n2. Second\n\n| | A | B |\n|---|---|---|\n"
                     f"| price | $1 | {EVIL} |")
    assert "<script" not in html and "<img" not in html
    assert "<ol><li><strong>First</strong> — $10</li><li>Second</li></ol>" in html
    assert "<table>" in html and "<th>A</th>" in html and "<td>$1</td>" in html


def test_cart_panel_lists_items_and_total_escaped():
    cart = {"items": [{"product_id": "a", "title": EVIL, "quantity": 2, "price": 10.0, "currency": "USD",
                       "subtotal": 20.0}], "total": 20.0, "currency": "USD", "count": 2, "totals": {"USD": 20.0}}
    html = cart_panel(cart, note=f"Added {EVIL}")
    assert "<script" not in html and "2 items" in html and "$20.00" in html
    assert "Your cart is empty" in cart_panel(None)


# -- staff logins ---------------------------------------------------------------------------------
def test_password_hash_round_trip():
    encoded = hash_password("correct horse")
    assert encoded.startswith("scrypt.") and "$" not in encoded and ":" not in encoded and "," not in encoded
    assert verify_password("correct horse", encoded)
    assert not verify_password("wrong horse", encoded)
    assert not verify_password("correct horse", "scrypt.not.a.hash")
    assert hash_password("x") != hash_password("x")  # salted


def test_parse_users_checks_names_and_hashes():
    h = hash_password("pw")
    assert parse_users(f"anna:{h}, ben:{h}") == {"anna": h, "ben": h}
    with pytest.raises(StaffAuthError, match="assistant.web.auth hash"):
        parse_users("anna:plaintext")
    with pytest.raises(StaffAuthError, match="name:hash"):
        parse_users(h)


def test_production_without_users_refuses_to_start():
    with pytest.raises(StaffAuthError, match="AISLE_STAFF_USERS"):
        StaffAuth.from_env({"AISLE_ENV": "production"})


def test_dev_login_only_when_asked_for_and_never_in_production(caplog):
    with caplog.at_level(logging.WARNING):
        closed = StaffAuth.from_env({})
    assert not closed.enabled and not closed(DEV_USER, DEV_PASSWORD)  # no users, no dev flag: nobody gets in
    assert "AISLE_STAFF_USERS" in caplog.text and "AISLE_DEV_LOGIN=1" in caplog.text
    with caplog.at_level(logging.WARNING):
        auth = StaffAuth.from_env({"AISLE_DEV_LOGIN": "1"})
    assert auth.dev_default and auth(DEV_USER, DEV_PASSWORD) and not auth(DEV_USER, "nope")
    assert "development login" in caplog.text
    with pytest.raises(StaffAuthError, match="AISLE_DEV_LOGIN"):
        StaffAuth.from_env({"AISLE_DEV_LOGIN": "1", "AISLE_ENV": "production"})


def test_configured_users_from_env_and_file(tmp_path):
    h = hash_password("s3cret")
    users_file = tmp_path / "staff_users"
    users_file.write_text(f"# staff\nben:{h}\n")
    auth = StaffAuth.from_env({"AISLE_ENV": "production", "AISLE_STAFF_USERS": f"anna:{h}",
                               "AISLE_STAFF_USERS_FILE": str(users_file)})
    assert not auth.dev_default
    assert auth("anna", "s3cret") and auth("ben", "s3cret")
    assert not auth(DEV_USER, DEV_PASSWORD) or DEV_USER in auth.users
    assert not auth("carl", "s3cret")
    with pytest.raises(StaffAuthError, match="does not exist"):
        StaffAuth.from_env({"AISLE_STAFF_USERS_FILE": str(tmp_path / "missing")})


def test_repeated_failures_lock_the_name_for_a_while():
    now = [1000.0]
    auth = StaffAuth({"anna": hash_password("pw")}, clock=lambda: now[0])
    for _ in range(5):
        assert not auth("anna", "guess")
    assert not auth("anna", "pw")  # locked even with the right password
    now[0] += 301
    assert auth("anna", "pw")


def test_hash_cli_prints_a_usable_hash():
    out = subprocess.run([sys.executable, "-m", "assistant.web.auth", "hash", "--stdin", "--user", "anna"],
                         input="pa55word\n", capture_output=True, text=True, cwd=ROOT, check=True).stdout.strip()
    name, _, encoded = out.partition(":")
    assert name == "anna" and verify_password("pa55word", encoded)


# -- signed shopper sessions ----------------------------------------------------------------------
def test_session_signature_binds_the_browser_to_its_session():
    signer = SessionSigner(b"k" * 32)
    sig = signer.sign("abc123")
    assert signer.verify("abc123", sig)
    assert not signer.verify("abc124", sig)
    assert not signer.verify("abc123", sig[:-1] + "0" if sig[-1] != "0" else sig[:-1] + "1")
    assert not signer.verify(None, sig) and not signer.verify("abc123", None)
    assert not SessionSigner(b"j" * 32).verify("abc123", sig)


def test_secret_key_is_created_once_and_private(tmp_path):
    key = load_secret_key({}, tmp_path)
    assert load_secret_key({}, tmp_path) == key and len(key) >= 32
    assert oct((tmp_path / "web_secret.key").stat().st_mode & 0o777) == "0o600"
    assert load_secret_key({"AISLE_SECRET_KEY": "from-env-0123456789"}, tmp_path) == b"from-env-0123456789"


# -- handlers over a real Assistant ---------------------------------------------------------------
@pytest.fixture(scope="module")
def bot(template_bot):
    return template_bot


def _send(shopper, text, stored=None):
    views = list(shopper.send(text, stored))
    token = next((v.stored for v in views if v.store), stored)
    return views, token


def test_first_message_starts_a_signed_session_and_streams_cards(shopper, bot):
    opened = shopper.open(None)
    assert "Aisle" in opened.thread and opened.last_seen == 0 and not opened.store
    views, token = _send(shopper, "waterproof hiking boots under $120")
    first, last = views[0], views[-1]
    assert first.clear_input and first.store and "waterproof hiking boots" in first.thread
    assert "aisle-typing" in first.thread  # the shopper's bubble and a typing indicator, before any answer
    assert shopper.signer.verify(token["sid"], token["sig"])
    assert last.thread.count('class="aisle-card"') >= 1 and 'data-act="feedback"' in last.thread
    assert last.last_seen == bot.history(token["sid"])[-1].id
    reopened = shopper.open(token)  # a reload (or a restart) reads the chat back from the store
    assert reopened.thread == last.thread and not reopened.store


def test_cards_show_before_the_generated_text_streams_in(shopper, bot, monkeypatch):
    from assistant.generation.scripted import ScriptedGenerator
    from assistant.web import shopper as shopper_module

    monkeypatch.setattr(shopper_module, "STREAM_FRAME_SECONDS", 0.0)  # every piece becomes a frame
    monkeypatch.setattr(bot, "generator", ScriptedGenerator(
        default="The first one is a waterproof hiking boot. The second one is waterproof too."))
    views, _ = _send(shopper, "waterproof hiking boots")
    frames = [v.thread for v in views]
    with_cards = [i for i, t in enumerate(frames) if 'class="aisle-card"' in t]
    with_text = [i for i, t in enumerate(frames) if "is a waterproof hiking boot" in t]
    assert with_cards and with_text and with_cards[0] < with_text[0]
    assert "aisle-typing" in frames[with_cards[0]]  # cards while the text is still coming
    assert "waterproof too" in frames[-1] and "aisle-typing" not in frames[-1]


def test_an_answer_finishes_even_if_the_page_goes_away(shopper, bot):
    _, token = _send(shopper, "running shoes")
    steps = shopper.send("waterproof hiking boots", token)
    next(steps)  # the shopper's bubble
    next(steps)  # the first frame of the answer; then the browser disconnects
    steps.close()
    deadline = time.monotonic() + 10
    while bot.history(token["sid"])[-1].role != "assistant" and time.monotonic() < deadline:
        time.sleep(0.05)
    last = bot.history(token["sid"])[-1]
    assert last.role == "assistant" and last.product_ids  # stored, so a reload shows it
    assert "hiking boot" in shopper.open(token).thread.lower()


def test_chat_survives_a_server_restart(shopper, bot):
    from assistant.web.shopper import ShopperChat

    _, token = _send(shopper, "a warm sleeping bag")
    before = shopper.open(token).thread
    restarted = ShopperChat(bot, SessionSigner(b"test-key-" * 4))  # same key (AISLE_SECRET_KEY or the key file)
    assert restarted.open(token).thread == before and "sleeping bag" in before
    assert ShopperChat(bot, SessionSigner(b"other-key" * 4)).open(token).store  # a new key starts fresh chats
    assert SessionSigner(b"test-key-" * 4).derive("browser-storage") == shopper.signer.derive("browser-storage")


def test_a_browser_cannot_read_another_chat(shopper, bot):
    _, victim = _send(shopper, "running shoes")
    forged = {"sid": victim["sid"], "sig": "0" * 40}
    view = shopper.open(forged)
    assert "running shoes" not in view.thread and view.store and view.stored is None  # the bad token is dropped
    assert shopper.poll(forged, 0, "") is None
    assert shopper.act(forged, {"act": "add", "product": "demo-0001"}) is None
    assert bot.cart(victim["sid"])["count"] == 0
    assert shopper.open({"sid": "../../etc", "sig": "x"}).store


def test_add_to_cart_and_feedback_buttons(shopper, bot):
    views, token = _send(shopper, "waterproof hiking boots")
    turn = bot.history(token["sid"])[-1]
    in_stock = next(p for p in bot.products(turn.product_ids) if p.in_stock)
    view = shopper.act(token, {"act": "add", "product": in_stock.id})
    assert "1 item" in view.cart and "Added" in view.cart
    assert bot.cart(token["sid"])["items"][0]["product_id"] == in_stock.id
    out = next((p for p in bot.products(turn.product_ids) if not p.in_stock), None)
    if out is not None:
        assert "out of stock" in shopper.act(token, {"act": "add", "product": out.id}).cart
    view = shopper.act(token, {"act": "feedback", "turn": str(turn.id), "value": "1"})
    assert 'aria-pressed="true"' in view.thread and bot.history(token["sid"])[-1].feedback == 1
    assert shopper.act(token, {"act": "feedback", "turn": "999999", "value": "1"}) is None  # not this chat's turn
    assert shopper.act(token, {"act": "feedback", "turn": "x", "value": "1"}) is None


def test_takeover_reply_reaches_the_shopper_by_polling_then_bot_answers_again(shopper, console, bot):
    _, token = _send(shopper, "tents for two people")
    views, _ = _send(shopper, "Talk to a person", token)
    sid, seen, mode = token["sid"], views[-1].last_seen, views[-1].mode
    assert mode == "waiting:" and "Connecting you" in views[-1].header
    assert shopper.poll(token, seen, mode) is None  # nothing new

    rows = console.rows()
    assert rows[0].session_id == sid and rows[0].mode == "waiting"  # escalated chats first
    assert "Asked for a person" in console.queue(sid, "anna")
    taken = console.take_over(sid, "anna")
    assert taken.can_reply and taken.can_hand_back and not taken.can_take
    assert console.reply(sid, "Hi, Anna here. <b>How can I help?</b>", "anna").ok

    update = shopper.poll(token, seen, mode)
    assert "Anna from support" in update.header and "Anna · Support" in update.thread
    assert "&lt;b&gt;How can I help?&lt;/b&gt;" in update.thread
    assert shopper.poll(token, update.last_seen, update.mode) is None

    while_held, _ = _send(shopper, "Do they come in green?", token)
    assert while_held[-1].thread.count("aisle-msg--assistant") == views[-1].thread.count("aisle-msg--assistant")

    console.hand_back(sid, "anna")
    back = shopper.poll(token, while_held[-1].last_seen, while_held[-1].mode)
    assert back is not None and "Aisle assistant" in back.header
    after, _ = _send(shopper, "show me sleeping bags", token)
    assert bot.history(sid)[-1].role == "assistant" and "aisle-card" in after[-1].thread


def test_staff_console_conflicts_notes_audit_and_close(shopper, console, bot):
    _, token = _send(shopper, "waterproof hiking boots")
    sid = token["sid"]
    detail = console.detail(sid, "ben")
    turn = bot.history(sid)[-1]
    title = bot.products(turn.product_ids)[0].title
    shown = html.escape(title.split(" - ")[0])  # the page escapes every text ("Kids'" -> "Kids&#x27;")
    assert shown in detail.thread and "$" in detail.thread  # products shown, from catalog rows
    assert detail.can_take and not detail.can_reply

    console.take_over(sid, "anna")
    clash = console.take_over(sid, "ben")
    assert "staff-notice--error" in clash.notice and "Anna is already handling this chat" in clash.notice
    assert not clash.can_reply and not clash.can_close
    refused = console.reply(sid, "hello", "ben")
    assert not refused.ok and "staff-notice--error" in refused.notice
    assert "staff-notice--error" in console.hand_back(sid, "ben").notice

    noted = console.note(sid, "VIP <customer>", "anna")
    assert "Private note by Anna: VIP &lt;customer&gt;" in noted.audit
    assert "VIP" not in shopper.open(token).thread  # notes never reach the shopper
    assert "staff-notice--error" in console.note(sid, "  ", "anna").notice

    console.hand_back(sid, "anna")
    audit = console.detail(sid, "ben").audit
    assert "Anna took over" in audit and "Anna handed back to the bot" in audit
    closed = console.close(sid, "ben")
    assert "Chat closed" in closed.notice and not closed.can_take
    assert sid not in [r.session_id for r in console.rows()]
    view = shopper.open(token)
    assert "This chat has ended" in view.thread and "Chat ended" in view.header


def test_console_ignores_bad_session_ids(console):
    assert "No chat selected" in console.detail("../x", "anna").title
    assert "staff-notice--error" in console.take_over("nope-not-a-session", "anna").notice


# -- the ASGI app ---------------------------------------------------------------------------------
def test_app_refuses_production_without_staff_users(bot, tmp_path):
    from assistant.web.server import WebSettings, create_app

    with pytest.raises(StaffAuthError, match="AISLE_STAFF_USERS"):
        create_app(bot, WebSettings.from_env({"AISLE_ENV": "production", "AISLE_DATA_DIR": str(tmp_path)}))


def test_console_needs_a_login_and_the_widget_does_not(bot, tmp_path):
    from fastapi.testclient import TestClient

    from assistant.web.server import WebSettings, create_app

    h = hash_password("pw")
    env = {"AISLE_ENV": "production", "AISLE_STAFF_USERS": f"anna:{h}", "AISLE_DATA_DIR": str(tmp_path)}
    with TestClient(create_app(bot, WebSettings.from_env(env))) as client:
        assert client.get("/healthz").json() == {"ok": True}
        assert client.get("/config").status_code == 200
        assert client.get("/staff/config").status_code in (401, 403)
        assert client.get("/staff", follow_redirects=False).headers["location"].endswith("/staff/")
        assert client.post("/staff/gradio_api/queue/join", json={"data": [], "fn_index": 0,
                                                                   "session_hash": "x"}).status_code in (401, 403)
        assert "embed.js" in client.get("/widget/embed_demo.html").text
        assert "AisleWidget" in client.get("/widget/embed.js").text
        assert client.post("/staff/login", data={"username": "anna", "password": "wrong"}).status_code >= 400
        assert client.post("/staff/login", data={"username": "anna", "password": "pw"}).status_code == 200
        assert client.get("/staff/config").status_code == 200


def test_import_does_not_load_gradio():
    code = ("import sys, assistant.web.shopper, assistant.web.staff, assistant.web.server\n"
            "print('gradio' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True).stdout.strip()
    assert out == "False"


# -- the widget in the shopper's language ---------------------------------------------------------
# The widget's own English words as they sit in its markup (catalog titles may be English on any card).
ENGLISH_WIDGET_WORDS = (">Add to cart<", 'aria-label="Add ', ">In stock<", ">Out of stock<", " left<", ">Pre-order<",
                        "No ratings yet", 'aria-label="Rated', 'aria-label="Helpful"', "Thanks for the feedback",
                        "Your cart is empty", "Total <strong>", " item<", " items<", " yes</li>")


def test_chinese_card_labels_from_demo_rows(bot):
    import dataclasses

    boots, low, gone = bot.products(["demo-0014", "demo-0200", "demo-0047"])  # CNY rows: 60, 2 and 0 in stock
    card = product_card(boots, lang="zh")
    assert "¥499.00" in card and ">加入购物车</button>" in card and ">有货<" in card
    assert 'aria-label="将「山岚 男款中帮轻量防水登山鞋」加入购物车"' in card
    assert 'aria-label="评分 4.5（满分 5 分）"' in card
    assert 'data-adding="正在加入…"' in card and 'data-added="已加入 ✓"' in card  # the script's states, in Chinese
    assert "颜色</span> 灰色" in card and "材质</span> 防泼水绒面革、网布" in card  # field names and colours in Chinese;
    assert "Cut</span>" not in card and "Fit</span>" not in card  # fields without a Chinese name are left out
    assert ">仅剩 2 件<" in product_card(low, lang="zh")
    sold_out = product_card(gone, lang="zh")
    assert "disabled>缺货</button>" in sold_out and 'data-act="add"' not in sold_out
    unrated = product_card(dataclasses.replace(boots, rating=None, availability="preorder"), lang="zh")
    assert "暂无评分" in unrated and ">预售<" in unrated
    cards = product_cards([boots, low, gone], lang="zh")
    for text in (cards, unrated):
        assert not any(word in text for word in ENGLISH_WIDGET_WORDS), text
    english = product_card(boots)  # the same row for an English shopper keeps the English labels
    assert ">Add to cart</button>" in english and ">In stock<" in english and "加入购物车" not in english


def test_chinese_cart_panel_from_a_real_cart(bot):
    sid = bot.sessions.create_session()
    assert "购物车是空的" in cart_panel(bot.cart(sid), lang="zh")
    bot.add_to_cart(sid, "demo-0014", quantity=2)
    panel = cart_panel(bot.cart(sid), lang="zh", note="已将「山岚 男款中帮轻量防水登山鞋」加入购物车。")
    assert "2 件商品" in panel and "合计 <strong>¥998.00</strong>" in panel
    assert not any(word in panel for word in ENGLISH_WIDGET_WORDS), panel
    assert "2 items" in cart_panel(bot.cart(sid)) and "Total <strong>" in cart_panel(bot.cart(sid))


def test_each_chinese_quick_reply_does_what_the_english_one_does(bot):
    from assistant.web.shopper import QUICK_REPLIES, quick_replies

    assert quick_replies("en") == QUICK_REPLIES
    chinese = quick_replies("zh")
    assert len(chinese) == 4 and all(len(text) <= 6 for text in chinese)  # short enough for a phone's chip row
    for n, (english, zh) in enumerate(zip(QUICK_REPLIES, chinese)):
        en_sid, zh_sid = bot.sessions.create_session(), bot.sessions.create_session()
        bot.chat("waterproof hiking boots", session_id=en_sid)
        bot.chat("我想要防水的登山鞋", session_id=zh_sid)
        en_reply, zh_reply = bot.chat(english, session_id=en_sid), bot.chat(zh, session_id=zh_sid)
        assert zh_reply.act == en_reply.act and zh_reply.language == "zh", (english, zh, en_reply.act, zh_reply.act)
        assert zh_reply.escalated == en_reply.escalated
        if n == 1:  # "compare the first two": both compare two products
            assert len(zh_reply.products) == len(en_reply.products) == 2
    assert en_reply.escalated and zh_reply.escalated  # the last chip asks for a person


def test_browser_language_from_accept_language():
    from assistant.web.shopper import browser_language

    assert browser_language("zh-CN,zh;q=0.9,en;q=0.8") == "zh" and browser_language("zh-TW") == "zh"
    assert browser_language("en-US,zh;q=0.5") == "en" and browser_language(None) == "en"
    assert browser_language("") == "en"


def test_widget_follows_the_language_of_the_chat(shopper, bot):
    from assistant.web.shopper import quick_replies

    blank = shopper.open(None, "zh")  # a Chinese browser before any message
    assert blank.lang == "zh" and "您好" in blank.thread and "在线" in blank.header and "购物车是空的" in blank.cart
    assert shopper.open(None).lang == "en" and "Tell me what you" in shopper.open(None).thread

    views, token = _send(shopper, "waterproof hiking boots")  # an English browser, an English message
    assert views[-1].lang == "en" and ">Add to cart</button>" in views[-1].thread
    views, token = _send(shopper, "我想要防水的登山鞋", token)  # the shopper switches to Chinese
    first, last = views[0], views[-1]
    assert first.lang == "zh" and "Aisle 正在输入" in first.thread  # chips switch as the message is sent
    assert last.lang == "zh" and "在线" in last.header and "您好" in last.thread
    answer = last.thread.split("我想要防水的登山鞋")[-1]  # the Chinese answer's cards are in Chinese...
    assert ">加入购物车</button>" in answer and 'aria-label="有帮助"' in answer
    assert not any(word in answer for word in ENGLISH_WIDGET_WORDS), answer
    assert ">Add to cart</button>" in last.thread.split("我想要防水的登山鞋")[0]  # ...the English one's stay English
    assert quick_replies(last.lang)[3] == "转人工"

    turn = bot.history(token["sid"])[-1]
    product = next(p for p in bot.products(turn.product_ids) if p.in_stock)
    added = shopper.act(token, {"act": "add", "product": product.id}, "en")
    assert f"已将「{html.escape(product.title)}」加入购物车。" in added.cart and "1 件商品" in added.cart
    assert "该商品已不在商品目录中" in shopper.act(token, {"act": "add", "product": "no-such-id"}).cart
    refused = list(shopper.send("防水" * 1500, token))[-1]
    assert "您的消息有 3,000 个字符" in refused.thread
    assert shopper.open(token).thread == last.thread  # a reload draws the same Chinese page


def test_a_closed_chinese_chat_says_so_in_chinese(shopper, console):
    _, token = _send(shopper, "我想要蓝牙耳机", None)
    console.close(token["sid"], "anna")
    view = shopper.open(token)
    assert "本次对话已结束" in view.thread and "对话已结束" in view.header and view.lang == "zh"


def test_a_chinese_card_says_colours_and_durations_in_chinese_and_keeps_other_catalog_words():
    from catalog.models import Product

    p = Product(id="z1", title="Boot", price=1.0, attributes={"color": "blue", "fit": "true to size", "warranty": "2 years"})
    assert dict(key_attributes(p, lang="zh")) == {"颜色": "蓝色", "版型": "true to size", "保修": "2年"}
    assert dict(key_attributes(p, lang="en"))["Color"] == "blue"
