"""Spec bounds a shopper sets ("at least 750ml", "under 1.5 kg", "续航30小时以上"): read with their units,
never mistaken for a budget, and applied to the rows' own fields and titles (demo catalog, real index)."""
from __future__ import annotations

from language.units import amount, bounds, meets


def test_bounds_are_read_with_units_and_a_bare_amount_stays_a_budget():
    (b,) = bounds("water bottle, stainless steel, at least 750ml")
    assert (b.family, b.op, b.value) == ("volume", ">=", 750.0)
    (kg,) = bounds("laptop under 1.5 kg")
    assert (kg.family, kg.op, kg.value) == ("mass", "<=", 1500.0)
    (zh,) = bounds("1升以上的保温杯")
    assert (zh.family, zh.op, zh.value) == ("volume", ">=", 1000.0)
    assert bounds("headphones under 100") == [] and bounds("under $50") == []
    assert meets(["Water Bottle (1000ml, glass)"], b) is True and meets(["Water Bottle (500ml)"], b) is False
    assert meets(["no amount here"], b) is None and amount("1 L")[0] == amount("1000 ml")[0]


def test_a_unit_bound_is_no_budget():
    from language.understand import understand

    u = understand("laptop under 1.5 kg")
    assert "price_max" not in u.filters_delta and u.query_text == "laptop" and u.specs


def test_rows_outside_the_bound_are_left_out(template_bot):
    from assistant.turn.acts.most import field_key

    reply = template_bot.chat("headphones with 40 hours or more battery", session_id="sp1")
    assert reply.products
    for p in reply.products:
        key = field_key(p, "battery life")
        if key is not None:
            assert amount(p.facts()[key])[0] >= 40, (p.title, p.facts()[key])
    assert any(field_key(p, "battery life") for p in reply.products)
