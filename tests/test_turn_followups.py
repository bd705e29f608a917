"""Follow-up turns on the real demo catalog (real SQLite, index and MiniLM, template answers):
a refinement keeps the kind and the need on screen and adds only what the shopper said."""
from __future__ import annotations

import pytest

from language.understand import understand


def _sizes(product) -> list[str]:
    values = product.attributes.get("sizes_available") or product.attributes.get("size") or []
    return [str(v) for v in (values if isinstance(values, list) else [values])]


@pytest.mark.parametrize("text", ["do you have size 10 of them?", "Do you have them in size 10?", "有10码的吗？"])
def test_a_bare_size_number_is_a_size_not_a_quantity(text):
    u = understand(text, shown=["a", "b"], shown_titles=["A", "B"], shown_prices=[1.0, 2.0])
    assert u.filters_delta.get("attributes", {}).get("size") == "10"
    assert "size" not in u.query_text and u.quantity == 1


def test_two_of_them_is_still_a_quantity():
    u = understand("add 2 of them", shown=["a"], shown_titles=["A"], shown_prices=[1.0])
    assert u.act == "cart_add" and u.quantity == 2


def test_a_size_asked_after_a_list_keeps_only_rows_in_that_size(make_bot):
    bot = make_bot(None)
    bot.chat("I am searching for hiking boots", session_id="size")
    bot.chat("waterproof is a must !", session_id="size")
    reply = bot.chat("do you have size 10 of them?", session_id="size")
    assert reply.products and all("10" in _sizes(p) for p in reply.products)
    assert all("boot" in p.title.lower() or "hiker" in p.title.lower() for p in reply.products)
    assert "boots size" not in reply.text  # the need stays "waterproof hiking boots"
