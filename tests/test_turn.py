"""The turn's stages on the real demo catalog: facts from rows, the shopper's language, hand-back, failures."""
from __future__ import annotations

import re

from assistant.generation.scripted import ScriptedGenerator
from assistant.turn import SessionState

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_state_round_trips_and_keeps_unknown_keys():
    stored = {"shown": ["p1"], "asked_price": True, "cart": [{"product_id": "p1", "quantity": 2}],
              "cart_value": 10, "from_a_newer_server": {"x": 1}}
    state = SessionState.from_dict(stored)
    assert state.asked == ["price"] and state.cart_value == 10.0
    again = state.to_dict()
    assert again["from_a_newer_server"] == {"x": 1} and again["shown"] == ["p1"]
    assert SessionState.from_dict(again) == state


def test_a_question_the_row_does_not_answer_gets_dont_know_without_the_model(make_bot):
    gen = ScriptedGenerator(["Yes, absolutely, it is."])
    bot = make_bot(gen)
    first = bot.chat("yoga mat", session_id="q")
    calls_before = len(gen.prompts)
    reply = bot.chat("is the first one dishwasher safe?", session_id="q")
    assert reply.act == "question" and reply.products[0].id == first.products[0].id
    assert "doesn't" in reply.text and "Yes, absolutely" not in reply.text
    assert len(gen.prompts) == calls_before  # the model was not asked


def test_a_property_the_row_states_is_quoted_from_the_row(make_bot):
    bot = make_bot(None)
    first = bot.chat("waterproof hiking boots", session_id="wp")
    product = first.products[0]
    reply = bot.chat("is the first one waterproof?", session_id="wp")
    row_words = (product.description + str(product.attributes)).lower()
    assert "waterproof" in row_words  # the demo row says so ...
    assert product.title in reply.text and "doesn't" not in reply.text  # ... and the answer comes from it


def test_compare_summary_is_computed_from_prices(make_bot):
    bot = make_bot(ScriptedGenerator(["The second one is cheaper."]))
    first = bot.chat("running shoes", session_id="cmp")
    reply = bot.chat("compare the first two", session_id="cmp")
    a, b = first.products[:2]
    cheapest = a if a.price < b.price else b
    assert reply.act == "compare" and "The second one is cheaper" not in reply.text
    if a.price != b.price:
        assert f"{cheapest.title} is the cheapest" in reply.text


def test_a_chinese_shopper_gets_chinese_answers_and_yuan(make_bot):
    bot = make_bot(None)
    reply = bot.chat("我想买登山鞋", session_id="zh")
    assert reply.language == "zh" and reply.act in ("search", "refine")
    assert reply.products and len(CJK.findall(reply.text)) >= 4
    for p in reply.products:
        if p.currency == "CNY":
            assert f"¥{p.price:,.2f}" in reply.text and f"${p.price:,.2f}" not in reply.text
    greeting = bot.chat("你好", session_id="zh2")
    assert greeting.act == "greeting" and not greeting.products and CJK.search(greeting.text)


def test_greeting_and_thanks_get_no_cards(make_bot):
    bot = make_bot(None)
    for text in ("hello", "thanks!"):
        reply = bot.chat(text, session_id="hi")
        assert reply.act in ("greeting", "thanks") and not reply.products


class _Raising(ScriptedGenerator):
    """A generator whose stream raises `error` before its first word."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def stream(self, messages, **kw):
        raise self.error
        yield ""  # pragma: no cover


def test_a_failing_model_is_visible_and_the_rows_still_answer(make_bot):
    bot = make_bot(_Raising(RuntimeError("engine crashed")))
    reply = bot.chat("hiking boots", session_id="broken")
    assert reply.generator_error and "engine crashed" in reply.generator_error
    assert reply.grounding == "model_failed" and "unavailable" in reply.text
    assert reply.products[0].title in reply.text  # the answer computed from rows is still there
    assert bot.deps.metrics.snapshot()["generator_failures"] == 1
    assert bot.history("broken")[-1].meta["generator_error"]


def test_a_message_left_during_a_takeover_is_answered_after_the_hand_back(make_bot):
    bot = make_bot(None)
    bot.chat("I want to talk to a person", session_id="hb")
    bot.take_over("hb", staff="Anna")
    silent = bot.chat("also, do you have running shoes?", session_id="hb")
    assert silent.text == "" and silent.answered_by == "staff"
    bot.hand_back("hb", staff="Anna")
    bot.wait("hb", timeout=60)
    after = bot.history("hb")
    roles = [t.role for t in after]
    assert roles.count("user") == 2  # the left message is answered, not stored twice
    notice = next(t for t in after if t.meta.get("act") == "handed_back")
    assert "Anna" in notice.text
    answer = after[-1]
    assert answer.role == "assistant" and answer.product_ids and answer.meta.get("act") in ("search", "refine")


def test_nothing_is_answered_after_a_hand_back_when_staff_replied_last(make_bot):
    bot = make_bot(None)
    bot.chat("can I speak to a human", session_id="hb2")
    bot.take_over("hb2", staff="Anna")
    bot.chat("is my order shipped?", session_id="hb2")
    bot.staff_reply("hb2", "Yes, it left this morning.", staff="Anna")
    bot.hand_back("hb2", staff="Anna")
    bot.wait("hb2", timeout=60)
    assert bot.history("hb2")[-1].meta.get("act") == "handed_back"


def test_policy_questions_are_quoted_from_the_shop_text_and_gaps_go_to_staff(make_bot):
    from catalog.policies import demo_policies_path

    policy_text = " ".join(demo_policies_path().read_text(encoding="utf-8").split())
    bot = make_bot(None)
    reply = bot.chat("what is your return policy?", session_id="pol")
    assert reply.act == "policy" and not reply.escalated and not reply.products
    quoted = reply.text.split(":", 1)[1].strip()
    first = re.split(r"(?<=[.!?])\s", quoted)[0]
    assert first and first in policy_text  # verbatim from the shop's own text
    where = bot.chat("where is my order? it's been two weeks", session_id="ord")
    assert where.escalated and where.escalation_reason in ("order_problem", "order")


def test_a_returning_shoppers_history_reorders_results_and_forgetting_removes_it(make_bot):
    from assistant.shoppers import ShopperProfile

    bot = make_bot(None)
    first = bot.chat("running shoes", session_id="old1")
    bot.link_shopper("old1", "cust-42")
    bot.add_to_cart("old1", first.products[-1].id)
    plain = bot.chat("running shoes", session_id="anon").products  # anonymous: plain ranking
    bot.link_shopper("new2", "cust-42")
    profile = ShopperProfile.build(bot.sessions.shopper_history("cust-42"), bot.retriever.store)
    known = [p.id for p in bot.chat("running shoes", session_id="new2").products]
    ids, carted = [p.id for p in plain], first.products[-1].id
    # The search act applies the shopper's history: the shoe they bought (their brand, price) moves up.
    assert not profile.empty and carted in ids and known.index(carted) < ids.index(carted)
    assert bot.forget_shopper("cust-42") >= 2
    assert not bot.sessions.session_exists("old1")


def test_a_model_too_busy_to_start_is_shed_to_the_rows_without_an_error_line(make_bot):
    from assistant.generation.base import GeneratorSlow

    bot = make_bot(_Raising(GeneratorSlow("Model server did not start answering within 8 s (busy)")))
    reply = bot.chat("hiking boots", session_id="slow")
    assert reply.grounding == "model_slow" and reply.generator_error is None
    assert "unavailable" not in reply.text and reply.products[0].title in reply.text
    assert bot.deps.metrics.snapshot()["model_slow"] == 1


def test_the_second_one_after_a_one_card_answer_means_the_list_before_it(make_bot):
    bot = make_bot(None)
    listed = bot.chat("running shoes", session_id="ref")
    assert len(listed.products) >= 3
    one = bot.chat("is the first one waterproof?", session_id="ref")
    assert [p.id for p in one.products] == [listed.products[0].id]
    second = bot.chat("how much is the second one?", session_id="ref")
    assert second.products and second.products[0].id == listed.products[1].id
    assert f"{listed.products[1].price:,.2f}" in second.text


def test_cheaper_after_a_mixed_list_keeps_the_kind_most_cards_share(make_bot):
    from assistant.turn.acts.search import _same_kind
    from catalog.filters import Filters

    bot = make_bot(None)
    boots = bot.chat("hiking boots", session_id="mix").products
    kind = boots[0].attributes.get("subcategory") or boots[0].category
    other = bot.chat("yoga mat", session_id="mix2").products[0]
    mixed = [boots[0], other, *boots[1:3]]
    narrowed = _same_kind(Filters(), mixed)
    assert kind in (narrowed.attributes.get("subcategory"), *narrowed.categories)


def test_shipping_to_a_place_the_row_does_not_name_is_not_answered_with_its_shipping_time(make_bot):
    bot = make_bot(None)
    shown = bot.chat("hiking boots", session_id="ship").products[0]
    for question in ("How much for shipping it to the Cayman Islands?", "这双寄到开曼群岛运费多少？"):
        reply = bot.chat(question, session_id="ship")
        assert reply.escalated or "Cayman Islands" in reply.text or "开曼群岛" in reply.text
        assert "doesn't" in reply.text or "没有写明" in reply.text or reply.escalated
    assert shown.title


def test_chinese_needs_with_latin_letters_or_a_classifier_like_character_are_searched(make_bot):
    from language import understand

    for text, need in (("我需要T恤", "T恤"), ("想买台灯", "台灯"), ("买个手机", "手机")):
        u = understand(text)
        assert u.act == "search" and u.query_text == need


def test_a_bare_reference_shows_what_the_row_says_and_superlatives_mean_the_list(make_bot):
    bot = make_bot(None)
    listed = bot.chat("headphones", session_id="bare").products
    second = bot.chat("the second one", session_id="bare")
    assert second.products[0].id == listed[1].id and "doesn't" not in second.text
    assert f"{listed[1].price:,.2f}" in second.text
    cheapest = min(listed, key=lambda p: p.price)
    picked = bot.chat("cheapest of them pls", session_id="bare")  # one card on screen now: the list is meant
    assert picked.products[0].id == cheapest.id


def test_a_row_that_lacks_the_asked_property_is_not_shown_first(make_bot):
    from assistant.turn.claims import negated_properties

    bot = make_bot(None)
    shown = bot.chat("i want a waterproof jacket", session_id="wpj").products
    assert shown and not negated_properties("waterproof jacket", shown[0])


def test_the_cheapest_after_a_cheaper_card_means_the_cheapest_on_screen(make_bot):
    """"Add the cheapest" after "anything cheaper?" showed one card: that card, when it is the
    cheapest of it and the list above it (not the cheapest of the older list alone)."""
    bot = make_bot(None)
    listed = bot.chat("bluetooth speaker", session_id="low")
    assert len(listed.products) >= 2
    cheaper = bot.chat("anything cheaper?", session_id="low")
    assert len(cheaper.products) == 1 and cheaper.products[0].price < min(p.price for p in listed.products)
    added = bot.chat("add the cheapest of them to my cart", session_id="low")
    assert [i["product_id"] for i in added.cart["items"]] == [cheaper.products[0].id]


def test_a_chinese_comparison_labels_fields_and_colours_in_chinese():
    from assistant.answers import compare_table
    from catalog.models import Product

    rows = [Product(id=str(i), title=f"Keyboard {i}", price=50.0 + i, attributes={
        "connectivity": "usb-c", "color": colour, "backlight": True}) for i, colour in enumerate(["white", "black"])]
    table = compare_table(rows, lang="zh")
    assert "连接方式" in table and "背光" in table and "白色" in table and "黑色" in table
    assert "usb-c" in table  # other catalog wording is quoted as the row says it
    assert "connectivity" in compare_table(rows, lang="en") and "white" in compare_table(rows, lang="en")


def test_positions_count_in_the_list_and_a_position_past_it_is_said_so(make_bot):
    """After "how much is the second one?" showed that one card, "the first one" is still the list's
    first; "the fifth one" of four cards gets "which one do you mean?", not another card's answer."""
    bot = make_bot(None)
    listed = bot.chat("yoga mat", session_id="pos").products
    assert len(listed) == 4
    second = bot.chat("how much is the second one?", session_id="pos")
    assert [p.id for p in second.products] == [listed[1].id]
    first = bot.chat("is the first one waterproof?", session_id="pos")
    assert [p.id for p in first.products] == [listed[0].id]
    past = bot.chat("how much is the fifth one?", session_id="pos")
    assert [p.id for p in past.products] == [p.id for p in listed]
    assert not any(f"{p.price:,.2f}" in past.text for p in listed) and "4" in past.text
    past_zh = bot.chat("第六个多少钱", session_id="pos")
    assert CJK.search(past_zh.text) and not any(f"{p.price:,.2f}" in past_zh.text for p in listed)


def test_chinese_fact_values_say_durations_in_chinese():
    from assistant.answers import value_zh

    assert value_zh("6 months warranty") == "6个月保修" and value_zh("1 year") == "1年"
    assert value_zh("Lifetime warranty") == "终身保修" and value_zh("usb-c") == "usb-c"


def test_which_is_lightest_or_best_rated_is_computed_from_the_rows(make_bot):
    from language.superlative import grams

    bot = make_bot(None)
    listed = bot.chat("running shoes", session_id="sup").products
    weights = {p.id: grams(p.facts().get("weight")) for p in listed}
    assert sum(w is not None for w in weights.values()) >= 2
    light = bot.chat("which one is the lightest?", session_id="sup")
    lightest = min((p for p in listed if weights[p.id] is not None), key=lambda p: weights[p.id])
    assert [p.id for p in light.products] == [lightest.id] and lightest.title in light.text
    rated = bot.chat("哪个评分最高？", session_id="sup")  # the list above the one-card answer
    best = max(listed, key=lambda p: p.rating or 0)
    assert [p.id for p in rated.products] == [best.id] and f"{best.rating:.1f}" in rated.text and CJK.search(rated.text)


def test_products_like_a_card_keep_its_kind_and_leave_out_the_cards_on_screen(make_bot):
    bot = make_bot(None)
    listed = bot.chat("hiking boots", session_id="like").products
    like = bot.chat("Is there another one that is similar to the first one?", session_id="like")
    kind = listed[0].attributes.get("subcategory") or listed[0].category
    assert like.products and not {p.id for p in like.products} & {p.id for p in listed}
    assert all((p.attributes.get("subcategory") or p.category) == kind for p in like.products)
    zh = bot.chat("有没有跟第一个差不多的？", session_id="like")
    assert zh.products and CJK.search(zh.text) and zh.products[0].id not in {p.id for p in like.products[:1]}


def test_a_position_past_a_two_card_list_counts_in_the_longer_list_above_it(make_bot):
    bot = make_bot(None)
    listed = bot.chat("yoga mat", session_id="older").products
    two = bot.chat("under $30", session_id="older").products
    assert len(listed) == 4 and len(two) == 2
    third = bot.chat("is the third one in stock?", session_id="older")
    assert [p.id for p in third.products] == [listed[2].id]


def test_products_like_a_mens_shoe_are_not_womens():
    from assistant.turn.acts.search import _for_kids, _for_others
    from catalog.models import Product

    mens = Product(id="m", title="Pacewind Tempo 5 Road Running Shoe - Men's", price=1.0)
    assert _for_others(mens.title, Product(id="w", title="Pacewind Tempo 5 Road Running Shoe - Women's", price=1.0))
    assert _for_kids(Product(id="k", title="Loamstep Canyon Kids' Waterproof Hiking Boot", price=1.0))
    assert not _for_kids(mens)
