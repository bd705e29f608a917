""""Which one has the most storage / the longest battery life / 哪个续航最长?": computed from the rows of
the cards on screen for any field they list (demo catalog, real index and MiniLM, template answers)."""
from __future__ import annotations

import pytest

from assistant.turn.acts.most import amount, field_key
from language.superlative import asks_most


def test_values_compare_across_units():
    assert amount("2 TB SSD")[0] > amount("512 GB")[0] and amount("2 TB SSD")[1] == "data"
    assert amount("2 years")[0] > amount("6 months")[0] > amount("90 days")[0]
    assert amount("50 h")[0] > amount("90 min")[0] and amount("Lifetime warranty")[0] == float("inf")
    assert amount("no numbers here") is None and amount(True) is None


def test_the_question_names_a_field_not_a_price_or_rating():
    assert asks_most("which one has the most storage?")[:2] == ("storage", "max")
    assert asks_most("哪个续航最长")[:2] == ("续航", "max")
    assert asks_most("which is the most expensive?") is None and asks_most("which one is best rated?") is None
    assert asks_most("I want the biggest tent you have") is None  # a search, not a question about the cards


def _cards_with(bot, sid, query, key_words):
    reply = bot.chat(query, session_id=sid)
    with_field = [p for p in reply.products if field_key(p, key_words)]
    if len({str(p.facts()[field_key(p, key_words)]) for p in with_field}) < 2:
        pytest.skip(f"the demo's {query} do not list two different {key_words} values")
    return reply.products, with_field


def test_longest_battery_life_is_the_rows_winner(template_bot):
    cards, with_field = _cards_with(template_bot, "m1", "bluetooth headphones", "battery life")
    reply = template_bot.chat("which one has the longest battery life?", session_id="m1")
    best = max(amount(p.facts()[field_key(p, "battery life")])[0] for p in with_field)
    winners = [p for p in with_field if amount(p.facts()[field_key(p, "battery life")])[0] == best]
    assert reply.products and {p.id for p in reply.products} == {p.id for p in winners}
    assert all(p.title in reply.text for p in winners)
    shortest = template_bot.chat("哪个续航最短", session_id="m1")
    assert shortest.language == "zh" and "续航" in shortest.text and shortest.products


def test_a_field_no_row_lists_gets_the_catalog_doesnt_say(template_bot):
    reply = template_bot.chat("bluetooth headphones", session_id="m2")
    assert not any(field_key(p, "megapixels") for p in reply.products)
    answer = template_bot.chat("which one has the most megapixels?", session_id="m2")
    assert "doesn't list" in answer.text and "megapixels" in answer.text


def test_no_warranty_counts_as_none_of_it_and_chinese_values_read_in_chinese():
    from catalog.models import Product

    rows = [Product(id="w1", title="A", price=1.0, attributes={"warranty": "No warranty"}),
            Product(id="w2", title="B", price=1.0, attributes={"warranty": "2 years"})]
    assert [amount(r.facts()["warranty"]) for r in rows] == [None, (17520.0, "time")]
    from assistant.turn.acts import most

    class Ctx:  # the act reads only these
        shown, text = rows, "哪个保修最长"

        class state:
            lang, last_list, focus = "zh", [], None

    draft = most.answer(Ctx)
    assert [p.id for p in draft.products] == ["w2"] and "（2年）" in draft.fallback and "没有列出" not in draft.fallback
    Ctx.text, Ctx.state.lang = "which has the shortest warranty?", "en"
    assert [p.id for p in most.answer(Ctx).products] == ["w1"]
