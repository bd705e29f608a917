"""Checks a shopper would notice, applied to every reply of the conversation test set.

`check_turn` reads one turn's expectations (see tests/conversations.py) and returns a list of
failures in words; `check_grounded` runs on every reply: no price or catalog product in the text
that the reply's own catalog rows (cards, cart) do not contain.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.reply import Reply
from catalog.models import Product
from catalog.filters import attribute_matches

_MONEY = re.compile(r"(?:US\$|\$|€|£|¥|￥)\s?(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s?(?:usd|dollars?|元|yuan)",
                    re.IGNORECASE)
ADMITS_UNKNOWN = re.compile(r"doesn't (list|say|answer)|does not (list|say)|don't know|not sure|can't find|"
                            r"couldn't find|no information|not listed|不知道|没有.*信息", re.IGNORECASE)


# The assistant's own words when nothing cheaper of the kind exists.
NOTHING_CHEAPER = re.compile(r"nothing cheaper|没有比", re.IGNORECASE)


def check_grounded(reply: Reply, *, user_text: str, all_titles: Sequence[str], earlier: set[str] = frozenset()) -> list[str]:
    """Every price in the text belongs to a shown product, the cart, or the shopper's own words;
    every catalog title in the text belongs to a product shown in this chat or carted."""
    problems = []
    known = {round(p.price, 2) for p in reply.products}
    known |= {round(line["price"], 2) for line in reply.cart.get("items", [])}
    known |= {round(line["subtotal"], 2) for line in reply.cart.get("items", [])}
    known.add(round(reply.cart.get("total", 0.0), 2))
    for m in _MONEY.finditer(reply.text):
        raw = (m.group(1) or m.group(2)).replace(",", "")
        amount = float(raw)
        ok = any(abs(amount - k) <= 0.011 for k in known) or raw in user_text.replace(",", "")
        ok = ok or ("." not in raw and any(abs(amount - k) < 1 for k in known))
        if not ok:
            problems.append(f"price {m.group(0)!r} is not in the catalog rows shown")
    shown = {p.title.lower() for p in reply.products} | {line["title"].lower() for line in reply.cart.get("items", [])}
    shown |= set(earlier)
    low = reply.text.lower()
    for title in all_titles:
        t = title.lower()
        if len(t) >= 12 and t in low and t not in shown and not any(t in s for s in shown):
            problems.append(f"mentions {title!r}, which it did not show")
    return problems


def check_turn(reply: Reply, expect: dict, *, previous: Sequence[Product], history: Sequence[Reply]) -> list[str]:
    """Failures of one turn against its expectations (empty list = pass)."""
    out: list[str] = []
    products = reply.products
    titles = [p.title for p in products]
    for key, want in expect.items():
        if key == "act" and reply.act not in ([want] if isinstance(want, str) else want):
            out.append(f"act {reply.act!r}, expected {want!r}")
        elif key == "min_products" and len(products) < want:
            out.append(f"{len(products)} products shown, expected at least {want}")
        elif key == "no_products" and products:
            out.append(f"expected no product cards, got {titles}")
        elif key == "price_max":
            over = [f"{p.title} {p.price}" for p in products if p.price > want + 1e-9]
            if over:
                out.append(f"over budget {want}: {over}")
        elif key == "price_min":
            under = [f"{p.title} {p.price}" for p in products if p.price < want - 1e-9]
            if under:
                out.append(f"under minimum {want}: {under}")
        elif key == "category":
            wrong = [f"{p.title} ({p.category})" for p in products if p.category != want]
            if wrong:
                out.append(f"outside category {want}: {wrong}")
        elif key == "any_title_has":
            if not any(any(w.lower() in t.lower() for w in _as_list(want)) for t in titles):
                out.append(f"no product title contains {want!r}: {titles}")
        elif key == "all_titles_have":
            bad = [t for t in titles if not any(w.lower() in t.lower() for w in _as_list(want))]
            if bad:
                out.append(f"titles without {want!r}: {bad}")
        elif key == "attribute":
            for name, value in want.items():
                bad = [p.title for p in products if not attribute_matches(p.attributes, name, value)]
                if bad:
                    out.append(f"products without {name}={value}: {bad}")
        elif key == "brand_not":
            bad = [p.title for p in products if p.brand.lower() == want.lower()]
            if bad:
                out.append(f"excluded brand {want} still shown: {bad}")
        elif key == "brand":
            bad = [p.title for p in products if p.brand.lower() != want.lower()]
            if bad or not products:
                out.append(f"expected only brand {want}: {[(p.title, p.brand) for p in products]}")
        elif key == "min_rating":
            bad = [p.title for p in products if (p.rating or 0) < want]
            if bad:
                out.append(f"rated below {want}: {bad}")
        elif key == "cheaper_than_previous":
            if NOTHING_CHEAPER.search(reply.text):  # allowed only when the catalog really has nothing cheaper
                pass
            elif previous and products and max(p.price for p in products) >= min(p.price for p in previous):
                out.append(f"not cheaper: {[p.price for p in products]} vs before {[p.price for p in previous]}")
        elif key == "refers_to":  # index into the previous turn's products
            idx = _as_list(want)
            expected = [previous[i].id for i in idx if i < len(previous)]
            if [p.id for p in products[: len(expected)]] != expected:
                out.append(f"expected products {expected} (shown before at {idx}), got {[p.id for p in products]}")
        elif key == "new_products" and previous and {p.id for p in products} & {p.id for p in previous}:
            out.append("expected different products than the previous turn")
        elif key == "text_has":
            for w in _as_list(want):
                if w.lower() not in reply.text.lower():
                    out.append(f"text lacks {w!r}: {reply.text[:200]!r}")
        elif key == "text_lacks":
            for w in _as_list(want):
                if w.lower() in reply.text.lower():
                    out.append(f"text contains {w!r}: {reply.text[:200]!r}")
        elif key == "admits_unknown" and not ADMITS_UNKNOWN.search(reply.text):
            out.append(f"expected the assistant to admit the catalog doesn't say: {reply.text[:200]!r}")
        elif key == "escalated" and reply.escalated != want:
            out.append(f"escalated={reply.escalated}, expected {want}")
        elif key == "cart_count" and reply.cart.get("count") != want:
            out.append(f"cart has {reply.cart.get('count')} items, expected {want}")
        elif key == "cart_total_is_sum":
            items = reply.cart.get("items", [])
            if abs(sum(i["subtotal"] for i in items) - reply.cart.get("total", 0)) > 0.01:
                out.append(f"cart total {reply.cart.get('total')} is not the sum of {items}")
        elif key == "intent_above_turn":  # intent higher than the reply at that earlier index
            if reply.intent <= history[want].intent:
                out.append(f"intent {reply.intent:.2f} not above turn {want}'s {history[want].intent:.2f}")
    return out


def _as_list(v):
    return list(v) if isinstance(v, (list, tuple)) else [v]
