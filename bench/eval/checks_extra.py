"""Expectations for shopper moves the first scenarios did not make: a budget "around" an amount,
a refinement by a yes / no attribute ("waterproof is a must"), a superlative over the cards shown
("the best rated", "the lightest", "your cheapest option") and a stock question ("is the third one
in stock?"). Like `checks.py`, each is computed from catalog rows and reads the reply without
pinning its wording; `checks.py` registers them.
"""
from __future__ import annotations

import re

from bench.eval.textcheck import admits_unknown, contains_value, stock_said

# "around 150" is honoured by cards within this band of it (and nothing above it).
AROUND_LOW, AROUND_HIGH = 0.75, 1.25
_EPS = 1e-9


def price_around(reply, want, ctx):
    """No card above the band while the catalog sells the kind inside it, and at least one card in it
    (cheaper cards besides are fine: "around" is a budget, not a floor)."""
    from bench.eval.checks import _kind_rows

    x = float(want)
    lo, hi = x * AROUND_LOW, x * AROUND_HIGH
    band = [p for p in _kind_rows(ctx) if lo - _EPS <= p.price <= hi + _EPS]
    if not band:
        return True, ""
    over = [f"{p.title[:40]} {p.price}" for p in reply.products if p.price > hi + _EPS]
    if over:
        return False, f"over {hi:g} ('around {x:g}') while the catalog has {len(band)} near it: {over}"
    if not any(lo - _EPS <= p.price <= hi + _EPS for p in reply.products):
        return False, f"no card between {lo:g} and {hi:g} while the catalog has {len(band)}"
    return True, ""


def attr_yes(reply, want, ctx):
    """Every card's row says yes to the attribute ("waterproof ones only"), when the catalog sells
    such rows of the kind; when it sells none, cards that say no are still wrong."""
    from bench.eval.checks import _kind_rows

    attrs = [want] if isinstance(want, str) else list(want)
    have = [p for p in _kind_rows(ctx) if _says_yes(p, attrs)]
    bad = [p.title[:40] for p in reply.products if not _says_yes(p, attrs)]
    if have and not reply.products:
        return False, f"catalog has {len(have)} with {attrs[0]}=yes, none shown"
    return not bad, f"cards without {attrs[0]}=yes: {bad}" if bad else ""


def _says_yes(p, attrs) -> bool:
    from bench.eval.checks import _flag, row_value

    for attr in attrs:
        value = row_value(p, attr)
        if value is not None:
            return _flag(value) is True
    return False


def best(reply, want, ctx):
    """The reply leads with (or first names) the card of the last list with the highest / lowest
    value; when no card of that list has the value, it says the catalog does not tell. For the
    price, a card of the same kind cheaper still is right too ("what's your cheapest option")."""
    attr, how = want["attr"], want.get("how", "max")
    cards = ctx.last
    if not cards:
        return False, "nothing shown before"
    known = {p.id: v for p in cards if (v := measure(p, attr)) is not None}
    if not known:
        ok = admits_unknown(reply.text)
        return ok, "" if ok else f"no card shown has {attr}: expected 'the catalog does not say'"
    top = max(known.values()) if how == "max" else min(known.values())
    winners = [p for p in cards if p.id in known and abs(known[p.id] - top) < 1e-6]
    if len(known) == len(cards) and admits_unknown(reply.text) and not contains_value(reply.text, top):
        return False, f"every card shown has {attr}, yet the reply says the catalog does not tell"
    named = first_named(reply, cards)
    if named is not None and any(named.id == p.id for p in winners):
        return True, ""
    kinds = {ctx.catalog.kind(p) for p in cards} | set(ctx.kinds)
    if attr == "price" and named is not None and named.price < top and ctx.catalog.kind(named) in kinds:
        return True, ""
    if len(known) < len(cards) and admits_unknown(reply.text):
        return True, ""  # some cards do not say: "the catalog does not say for all of them" is honest
    got = f"{named.title[:40]!r} ({attr} {measure(named, attr)})" if named is not None else "nothing named"
    return False, f"expected {[p.title[:40] for p in winners]} ({how} {attr} {top:g}), reply leads with {got}"


def measure(p, attr: str) -> float | None:
    """A comparable number for `attr`: rating and price from the row, weight in grams when it has a
    unit (DummyJSON's unitless weights compare as they are), other attributes by their first number."""
    from bench.eval.checks import row_value

    if attr == "rating":
        return p.rating
    if attr == "price":
        return p.price
    value = row_value(p, attr)
    m = re.search(r"(\d+(?:\.\d+)?)\s*(kg|g|lbs?|oz)?\b", str(value or ""), re.I)
    if not m:
        return None
    grams = {"kg": 1000.0, "g": 1.0, "lb": 453.6, "lbs": 453.6, "oz": 28.35}
    return float(m.group(1)) * grams.get((m.group(2) or "").lower(), 1.0)


def first_named(reply, cards):
    """The product the reply names first (by title, among the cards shown before and now), else its
    first card. Table rows are skipped: a comparison table names every card, its verdict one; a
    table with no verdict names none."""
    lines = (reply.text or "").splitlines()
    prose = [line for line in lines if not line.lstrip().startswith("|")]
    text = "\n".join(prose).lower()
    seen, best_pos, found = set(), None, None
    for p in list(reply.products) + list(cards):
        if p.id in seen:
            continue
        seen.add(p.id)
        pos = text.find(p.title.lower()[:30])
        if pos >= 0 and (best_pos is None or pos < best_pos):
            best_pos, found = pos, p
    if found is None and len(prose) < len(lines):
        return None
    return found or (reply.products[0] if reply.products else None)


def in_stock(reply, want, ctx):
    """The answer about the referenced row's stock agrees with the row (read on the lines that name
    it when the reply names it)."""
    from bench.eval.checks import _target

    target = _target(ctx, want.get("ref", 0))
    if target is None:
        return False, "nothing to refer to"
    key = target.title.lower()[:25]
    other = first_named(reply, ctx.last)
    if other is not None and other.id != target.id and key not in (reply.text or "").lower():
        return False, f"answered about {other.title[:40]!r}, not {target.title[:40]!r}"
    lines = [line for line in (reply.text or "").splitlines() if key in line.lower()]
    said = stock_said("\n".join(lines)) if lines else None
    if said is None:
        said = stock_said(reply.text)
    if said is None:
        return False, f"no in-stock / out-of-stock answer about {target.title[:40]!r}"
    ok = said == target.in_stock
    return ok, "" if ok else f"{target.title[:40]!r} in_stock={target.in_stock}, answer says {said}"


EXTRA_CHECKS = {"price_around": price_around, "attr_yes": attr_yes, "best": best, "in_stock": in_stock}
EXTRA_CATEGORY = {"price_around": "budget", "attr_yes": "attribute", "best": "superlative", "in_stock": "stock"}
