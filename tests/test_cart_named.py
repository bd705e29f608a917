"""Cart messages that name a product instead of pointing at a card: the named product goes in (or out),
never the card that happens to be first on screen (demo catalog, real index and MiniLM, template answers)."""
from __future__ import annotations


def _cart_titles(bot, sid: str) -> list[str]:
    return [line["title"] for line in bot.cart(sid)["items"]]


def test_adding_a_product_named_by_kind_and_cheapest_picks_it_from_the_catalog(template_bot):
    sid = "n1"
    cases = template_bot.chat("show me a phone case", session_id=sid)
    assert cases.products and not any("earbud" in p.title.lower() for p in cases.products)
    reply = template_bot.chat("add the cheapest earbuds too", session_id=sid)
    titles = _cart_titles(template_bot, sid)
    assert len(titles) == 1 and "earbud" in titles[0].lower(), reply.text
    earbuds = [p for p in template_bot.retriever.store.iter_products() if "earbud" in p.title.lower()]
    assert titles[0] == min(earbuds, key=lambda p: p.price).title


def test_a_name_two_products_share_gets_the_question_which_and_adds_nothing(template_bot):
    sid = "n2"
    template_bot.chat("show me a phone case", session_id=sid)
    ridgebacks = [p for p in template_bot.retriever.store.iter_products()
                  if "ridgeback" in p.title.lower() and "boot" in p.title.lower()]
    assert len(ridgebacks) > 1  # the demo sells it for men and for women
    reply = template_bot.chat("add the Ridgeback boots too", session_id=sid)
    assert _cart_titles(template_bot, sid) == []
    assert reply.products and all("Ridgeback" in p.title for p in reply.products)
    assert "?" in reply.text


def test_removing_a_line_named_by_its_kind(template_bot):
    sid = "n3"
    template_bot.chat("wireless earbuds", session_id=sid)
    template_bot.chat("add the first one", session_id=sid)
    template_bot.chat("show me a phone case", session_id=sid)
    template_bot.chat("add the first one", session_id=sid)
    assert len(_cart_titles(template_bot, sid)) == 2
    template_bot.chat("remove the earbuds", session_id=sid)
    left = _cart_titles(template_bot, sid)
    assert len(left) == 1 and "earbud" not in left[0].lower()
    template_bot.chat("take the phone case out", session_id=sid)
    assert _cart_titles(template_bot, sid) == []


def test_chinese_named_add_and_remove(template_bot):
    sid = "n4"
    template_bot.chat("wireless earbuds", session_id=sid)
    template_bot.chat("add the first one", session_id=sid)
    reply = template_bot.chat("把耳机删掉", session_id=sid)
    assert _cart_titles(template_bot, sid) == [] and reply.language == "zh"
    asked = template_bot.chat("加一个登山包到购物车", session_id=sid)
    assert _cart_titles(template_bot, sid) == []  # several backpacks: which one?
    assert asked.products and all("pack" in p.title.lower() for p in asked.products)


def test_pointing_still_wins_over_chatter_words(template_bot):
    sid = "n5"
    boots = template_bot.chat("waterproof hiking boots", session_id=sid)
    template_bot.chat("add that lovely second one to my cart", session_id=sid)
    assert _cart_titles(template_bot, sid) == [boots.products[1].title]


def test_the_words_a_cart_message_names():
    from language.cart_words import named_words

    assert named_words("add the Ridgeback boots too") == ["ridgeback", "boots"]
    assert named_words("stick that in my bag") == [] and named_words("add it to my cart") == []
    assert named_words("put the cheapest earbuds in my basket") == ["earbuds"]
    assert named_words("加一个登山包到购物车") == ["登山包"] and named_words("把这个放进购物车吧") == []


def test_two_requests_in_one_message_are_both_answered_in_order(template_bot):
    sid = "n6"
    boots = template_bot.chat("waterproof hiking boots", session_id=sid)
    reply = template_bot.chat("add the second one and show me some hiking socks", session_id=sid)
    assert _cart_titles(template_bot, sid) == [boots.products[1].title]
    assert reply.products and all("sock" in p.title.lower() for p in reply.products)
    assert reply.text.index(boots.products[1].title) < reply.text.index(reply.products[0].title)
    both = template_bot.chat("great, add the first one too and check out", session_id=sid)
    assert _cart_titles(template_bot, sid) == [boots.products[1].title, reply.products[0].title]
    assert "Total" in both.text
    shoes = template_bot.chat("我想要防水的登山鞋", session_id="n7")
    zh = template_bot.chat("加第一个到购物车，然后看看登山杖", session_id="n7")
    assert _cart_titles(template_bot, "n7") == [shoes.products[0].title] and zh.language == "zh"
    assert zh.products and shoes.products[0].id not in {p.id for p in zh.products}


def test_going_with_a_brand_two_cards_share_asks_which(template_bot):
    sid = "n8"
    shown = template_bot.chat("noise cancelling headphones under 300", session_id=sid)
    brand = next(b for b in {p.brand for p in shown.products} if sum(p.brand == b for p in shown.products) > 1)
    reply = template_bot.chat(f"I'll go with the {brand}", session_id=sid)
    assert _cart_titles(template_bot, sid) == [] and "?" in reply.text
    assert reply.products and all(p.brand == brand for p in reply.products)
