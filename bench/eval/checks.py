"""Expectations of one shopper turn, computed from catalog rows at run time; never from model wording.

`check_turn` returns one `Outcome` per expectation (category, passed, why). What a shopper would
notice is checked on what the `Reply` carries (cards, cart, escalated, text) against the rows:
budgets, kinds, brands, variants, referenced products, the row's value of an attribute (or an
honest "the catalog does not say"), totals, reply language and currency symbols.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bench.eval.checks_extra import EXTRA_CATEGORY, EXTRA_CHECKS
from bench.eval.textcheck import (
    admits_unknown, amounts, answers_no, answers_yes, cjk_ratio_ok, contains_value, english_only, symbol_currency,
)

# Which report category each expectation key counts under.
CATEGORY = {
    "found": "search", "kind": "category", "kind_kept": "category_kept", "price_max": "budget",
    "price_min": "budget", "cheaper": "cheaper", "brand_not": "brand", "brand_only": "brand",
    "variant": "variant", "refers": "reference", "about_price": "reference", "spec": "spec", "policy": "policy",
    "yesno": "yes_no", "dont_know": "dont_know", "compare": "compare", "cart_add": "cart", "cart_total": "cart",
    "cart_unchanged": "cart", "cart_count": "cart", "escalated": "escalation", "no_cards": "smalltalk",
    "new_cards": "more", "language": "language", "currency": "currency", "grounded": "grounded",
    "handback_answered": "handback", "staff_silent": "handback",
}
UNKNOWN_OK = {"yes_no", "spec", "policy"}


@dataclass
class Outcome:
    key: str
    category: str
    passed: bool
    why: str = ""


@dataclass
class Context:
    """What the conversation has seen so far: the lists shown, the cart before this turn, prices shown."""

    catalog: object  # bench.eval.catalogs.EvalCatalog
    lang: str
    lists: list = field(default_factory=list)  # each reply's cards, oldest first (only non-empty)
    cart_before: dict = field(default_factory=dict)
    seen_prices: set = field(default_factory=set)
    kinds: set = field(default_factory=set)  # the kinds this turn (or the conversation so far) asks for

    @property
    def last(self) -> list:
        return self.lists[-1] if self.lists else []

    def last_with(self, n: int) -> list:
        """The most recent list with at least `n` cards ("compare the first two" after a one-card answer)."""
        for cards in reversed(self.lists):
            if len(cards) >= n:
                return cards
        return []


def check_turn(reply, expect: dict, ctx: Context, *, shopper_text: str) -> list[Outcome]:
    out = []
    if "kind" in expect:
        ctx.kinds = set(_as_list(expect["kind"]))
    for key, want in expect.items():
        passed, why = _CHECKS[key](reply, want, ctx)
        category = CATEGORY[key]
        if key == "escalated" and want is False:
            category = "no_false_escalation"
        if key == "spec" and want.get("attr") in ("shipping", "return_policy", "warranty_policy"):
            category = "policy"
        out.append(Outcome(key, category, passed, why))
    if reply.answered_by != "staff" and reply.text:
        out.append(Outcome("language", "language", *_language(reply, ctx)))
        if amounts(reply.text):
            out.append(Outcome("currency", "currency", *_currency(reply, ctx)))
            out.append(Outcome("grounded", "grounded", *_grounded(reply, ctx, shopper_text)))
    return out


# -- one function per expectation: (reply, wanted value, context) -> (passed, why) ------------------
def _found(reply, want, ctx):
    return (len(reply.products) >= 1) == bool(want), f"{len(reply.products)} cards"


def _kind(reply, want, ctx):
    wanted = [want] if isinstance(want, str) else list(want)
    bad = [f"{p.title[:40]} ({ctx.catalog.kind(p)})" for p in reply.products if ctx.catalog.kind(p) not in wanted]
    return not bad, f"cards outside {wanted}: {bad}" if bad else ""


def _kind_kept(reply, want, ctx):
    before = {ctx.catalog.kind(p) for p in ctx.last}
    if not reply.products:
        return False, "no cards"
    bad = [f"{p.title[:40]} ({ctx.catalog.kind(p)})" for p in reply.products if ctx.catalog.kind(p) not in before]
    return not bad, f"kind changed from {sorted(before)}: {bad}" if bad else ""


def _price_max(reply, want, ctx):
    """Cards over the budget fail when the catalog sells that kind within it (when it does not,
    the nearest options with a note are a fair answer)."""
    bad = [f"{p.title[:40]} {p.price}" for p in reply.products if p.price > float(want) + 1e-9]
    within = [p for p in _kind_rows(ctx) if p.price <= float(want) + 1e-9]
    if bad and (within or not ctx.kinds):
        return False, f"over {want} while the catalog has {len(within)} within it: {bad}"
    return True, ""


def _price_min(reply, want, ctx):
    bad = [f"{p.title[:40]} {p.price}" for p in reply.products if p.price < float(want) - 1e-9]
    return not bad, f"under {want}: {bad}" if bad else ""


def _kind_rows(ctx) -> list:
    return [p for p in ctx.catalog.products.values() if ctx.catalog.kind(p) in ctx.kinds]


def _cheaper(reply, want, ctx):
    """Cheaper than the cheapest card shown before, same kind; when the catalog has nothing cheaper
    of that kind, showing nothing new of another kind or price is right."""
    before = ctx.last
    if not before:
        return False, "nothing shown before"
    floor = min(p.price for p in before)
    kinds = {ctx.catalog.kind(p) for p in before}
    exists = [p for p in ctx.catalog.products.values() if ctx.catalog.kind(p) in kinds and p.price < floor - 1e-9]
    old = {p.id for p in before}
    new = [p for p in reply.products if p.id not in old]
    bad = [f"{p.title[:40]} {p.price} ({ctx.catalog.kind(p)})" for p in new
           if p.price >= floor - 1e-9 or ctx.catalog.kind(p) not in kinds]
    if bad:
        return False, f"not cheaper than {floor} within {sorted(kinds)}: {bad}"
    if exists and not new:
        return False, f"catalog has {len(exists)} cheaper of {sorted(kinds)} but none shown"
    return True, ""


def _brand_not(reply, want, ctx):
    bad = [p.title[:40] for p in reply.products if is_brand(p, want)]
    return not bad, f"excluded brand {want} shown: {bad}" if bad else ""


def _brand_only(reply, want, ctx):
    has = [p for p in ctx.catalog.products.values() if is_brand(p, want)]
    bad = [f"{p.title[:40]} ({_brand(p)})" for p in reply.products if not is_brand(p, want)]
    if has and not reply.products:
        return False, f"catalog has {len(has)} from {want}, none shown"
    return not bad, f"other brands: {bad}" if bad else ""


def _brand(p) -> str:
    return p.brand or str(p.attributes.get("brand") or "")


def is_brand(p, brand: str) -> bool:
    """The row's brand, or for catalogs without a brand column (MG-ShopDial) the brand its title names."""
    if _brand(p):
        return _brand(p).lower() == brand.lower()
    return bool(re.search(rf"(^|\W){re.escape(brand.lower())}(\W|$)", p.title.lower()))


def _variant(reply, want, ctx):
    attr, value = want["attr"], str(want["value"]).lower()
    if not reply.products:
        return False, "no cards"
    bad = [p.title[:50] for p in reply.products if not _has_variant(p, attr, value)]
    return not bad, f"without {attr}={value}: {bad}" if bad else ""


def _has_variant(p, attr, value) -> bool:
    names = [attr, f"{attr}s_available", f"{attr}_available", f"{attr.rstrip('s')}s_available"]
    if attr == "color":
        names += ["colors_available", "colour", "frame color", "dial color"]
    for name in names:
        v = p.attributes.get(name)
        values = v if isinstance(v, list) else [v] if v is not None else []
        if any(str(x).lower() == value or re.search(rf"\b{re.escape(value)}\b", str(x).lower()) for x in values):
            return True
    return False


def _target(ctx, ref):
    """The row a turn is about: index into the last list, or "cheapest" of it."""
    cards = ctx.last
    if ref == "cheapest":
        return min(cards, key=lambda p: p.price) if cards else None
    if isinstance(ref, int) and ref >= len(cards):  # "the second one" after a one-card answer: the last list
        cards = ctx.last_with(ref + 1)
    return cards[ref] if isinstance(ref, int) and ref < len(cards) else None


def _refers(reply, want, ctx):
    target = _target(ctx, want)
    if target is None:
        return False, "nothing to refer to"
    if reply.products and reply.products[0].id == target.id:
        return True, ""
    if target.title.lower()[:30] in reply.text.lower():
        return True, ""
    return False, f"expected {target.title[:50]!r}, got cards {[p.title[:30] for p in reply.products]}"


def _about_price(reply, want, ctx):
    target = _target(ctx, want)
    if target is None:
        return False, "nothing to refer to"
    found = [a for a, _ in amounts(reply.text) if abs(a - target.price) < 0.011]
    return bool(found), "" if found else f"price {target.price} of {target.title[:40]!r} not in text"


def row_value(p, attr: str):
    """The row's value of `attr` (also under spaced/underscored names, or "pages" inside a book's
    description line); None when the row does not say."""
    facts = p.facts()
    for name in (attr, attr.replace("_", " "), attr.replace(" ", "_")):
        if name in facts and facts[name] not in (None, "", []):
            return facts[name]
    if attr == "pages":
        m = re.search(r"(\d[\d,]*)\s*pages", str(facts.get("product_description", "")))
        return m.group(1) if m else None
    return None


def _spec(reply, want, ctx):
    target = _target(ctx, want.get("ref", 0))
    if target is None:
        return False, "nothing to refer to"
    for attr in _as_list(want["attr"]):
        value = row_value(target, attr)
        if value is not None:
            ok = contains_value(reply.text, value)
            return ok, "" if ok else f"{attr}={value!r} of {target.title[:40]!r} not in answer"
    ok = admits_unknown(reply.text)
    return ok, "" if ok else f"{target.title[:40]!r} lacks {want['attr']}: expected 'the catalog does not say'"


def _yesno(reply, want, ctx):
    target = _target(ctx, want.get("ref", 0))
    if target is None:
        return False, "nothing to refer to"
    for attr in _as_list(want["attr"]):
        value = row_value(target, attr)
        if value is None:
            continue
        flag = _flag(value)
        if flag is True:
            ok = answers_yes(reply.text)
        elif flag is False:
            ok = answers_no(reply.text)
        else:
            ok = contains_value(reply.text, value)
        return ok, "" if ok else f"{attr}={value!r} of {target.title[:40]!r}, answer disagrees"
    ok = admits_unknown(reply.text) and not answers_yes(reply.text, strict=True)
    return ok, "" if ok else f"{target.title[:40]!r} does not say {want['attr']}: expected 'the catalog does not say'"


def _flag(value):
    if isinstance(value, bool):
        return value
    s = str(value).strip().lower()
    return True if s in ("yes", "true") else False if s in ("no", "false", "none") else None


def _dont_know(reply, want, ctx):
    ok = admits_unknown(reply.text) or reply.escalated
    return ok, "" if ok else "expected 'I don't know' (or a person)"


def _compare(reply, want, ctx):
    cards = ctx.last_with(max(want) + 1)
    if not cards:
        return False, "no list with enough cards"
    targets = [cards[i] for i in want]
    missing = [p.title[:40] for p in targets if not any(abs(a - p.price) < 0.011 for a, _ in amounts(reply.text))]
    return not missing, f"prices of {missing} not in the comparison" if missing else ""


def _cart_add(reply, want, ctx):
    target = _target(ctx, want.get("ref", 0))
    if target is None:
        return False, "nothing to add"
    before = {line["product_id"]: line["quantity"] for line in ctx.cart_before.get("items", [])}
    after = {line["product_id"]: line["quantity"] for line in reply.cart.get("items", [])}
    group = {pid for pid, p in ctx.catalog.products.items() if target.group_id and p.group_id == target.group_id}
    added = {pid: q - before.get(pid, 0) for pid, q in after.items() if q > before.get(pid, 0)}
    hit = [pid for pid in added if pid == target.id or pid in group]
    if not target.in_stock:
        return not added, f"{target.title[:40]} is out of stock but was added" if added else ""
    qty = want.get("qty", 1)
    ok = bool(hit) and sum(added[p] for p in hit) == qty
    return ok, "" if ok else f"expected {qty} x {target.title[:40]!r} added, cart change {added}"


def _cart_total(reply, want, ctx):
    """The cart's total, stated and equal to the rows' prices; an empty cart is right only when
    nothing could be added before (an out-of-stock pick, checked by its own turn) and no total is made up."""
    items = reply.cart.get("items", [])
    if not items:
        honest = not ctx.cart_before.get("items") and not any(a > 0 for a, _ in amounts(reply.text))
        return honest, "" if honest else "cart is empty"
    total = round(sum(ctx.catalog.products[i["product_id"]].price * i["quantity"] for i in items
                      if i["product_id"] in ctx.catalog.products), 2)
    if abs(total - reply.cart.get("total", -1)) > 0.011:
        return False, f"cart total {reply.cart.get('total')} != rows {total}"
    said = any(abs(a - total) < 0.011 for a, _ in amounts(reply.text))
    return said, "" if said else f"total {total} not stated"


def _cart_unchanged(reply, want, ctx):
    before = [(i["product_id"], i["quantity"]) for i in ctx.cart_before.get("items", [])]
    after = [(i["product_id"], i["quantity"]) for i in reply.cart.get("items", [])]
    return before == after, "" if before == after else f"cart changed {before} -> {after}"


def _cart_count(reply, want, ctx):
    n = reply.cart.get("count", 0)
    return n == want, "" if n == want else f"cart count {n}, expected {want}"


def _escalated(reply, want, ctx):
    return reply.escalated == want, "" if reply.escalated == want else f"escalated={reply.escalated}"


def _no_cards(reply, want, ctx):
    return not reply.products, f"cards shown: {[p.title[:30] for p in reply.products]}" if reply.products else ""


def _new_cards(reply, want, ctx):
    seen = {p.id for cards in ctx.lists for p in cards}
    new = [p for p in reply.products if p.id not in seen]
    return bool(new), "" if new else "no new cards"


def _staff_silent(reply, want, ctx):
    ok = reply.answered_by == "staff" and not reply.products
    return ok, "" if ok else f"bot answered while staff held the chat: {reply.text[:60]!r}"


# -- per-turn checks that need no expectation ---------------------------------------------------------
def _names(reply, ctx) -> list[str]:
    names = [p.title for cards in ctx.lists for p in cards] + [p.title for p in reply.products]
    names += [i["title"] for i in reply.cart.get("items", [])]
    names += [_brand(p) for p in reply.products if _brand(p)]
    return names


def _row_texts(reply, ctx) -> list[str]:
    """The shown rows' own words (attribute values, review texts) quoted verbatim: data in the
    catalog's language, not the assistant's choice of language (names are removed the same way)."""
    rows = [p for cards in ctx.lists for p in cards] + list(reply.products)
    out = []
    for p in rows:
        for v in p.attributes.values():
            out += [str(x) for x in (v if isinstance(v, list) else [v]) if isinstance(x, str) and len(x) >= 4]
        out += [str(r.get("text") or r.get("comment") or "") for r in p.reviews if isinstance(r, dict)]
    return [t for t in out if t]


def _language(reply, ctx):
    text = reply.text
    for name in sorted(set(_names(reply, ctx)) | set(_row_texts(reply, ctx)), key=len, reverse=True):
        text = text.replace(name, " ")
    if ctx.lang == "zh":
        return cjk_ratio_ok(text), "" if cjk_ratio_ok(text) else f"reply not in Chinese: {reply.text[:80]!r}"
    return english_only(text), "" if english_only(text) else f"Chinese in an English reply: {reply.text[:80]!r}"


def _currency(reply, ctx):
    rows = list(reply.products) + [ctx.catalog.products[i["product_id"]] for i in reply.cart.get("items", [])
                                   if i["product_id"] in ctx.catalog.products]
    rows += [p for cards in ctx.lists for p in cards]
    bad = []
    for value, symbol in amounts(reply.text):
        said = symbol_currency(symbol)
        owners = {p.currency for p in rows if abs(p.price - value) < 0.006}
        owners = owners or {p.currency for p in rows if abs(p.price - 0.01 - value) < 0.006}  # "under X" bounds
        if said and owners and said not in owners:
            bad.append(f"{symbol}{value} for a {'/'.join(sorted(owners))} price")
    return not bad, "; ".join(bad)


def _grounded(reply, ctx, shopper_text):
    known = set(ctx.seen_prices) | {round(p.price, 2) for p in reply.products}
    for line in reply.cart.get("items", []):
        known |= {round(line["price"], 2), round(line["subtotal"], 2)}
    known |= {round(v, 2) for v in (reply.cart.get("totals") or {}).values()}
    known.add(round(reply.cart.get("total", 0.0), 2))
    diffs = {round(abs(a - b), 2) for a in known for b in known}
    said = {a for a, _ in amounts(shopper_text)} | {float(x) for x in re.findall(r"\d+(?:\.\d+)?", shopper_text)}
    # A bound derived from a price ("under $19.98" after a $19.99 card) is within a cent of it;
    # amounts in quoted examples ('"a coffee maker under $80"') are not claims about rows.
    text = re.sub(r'"[^"]*"|“[^”]*”', " ", reply.text)
    bad = [v for v, _ in amounts(text) if not any(abs(v - k) < 0.0101 for k in known | diffs | said)]
    return not bad, f"amounts not in the rows: {bad}" if bad else ""


def _as_list(v):
    return list(v) if isinstance(v, (list, tuple)) else [v]


_CHECKS = {
    "found": _found, "kind": _kind, "kind_kept": _kind_kept, "price_max": _price_max, "price_min": _price_min,
    "cheaper": _cheaper, "brand_not": _brand_not, "brand_only": _brand_only, "variant": _variant,
    "refers": _refers, "about_price": _about_price, "spec": _spec, "yesno": _yesno, "dont_know": _dont_know,
    "compare": _compare, "cart_add": _cart_add, "cart_total": _cart_total, "cart_unchanged": _cart_unchanged,
    "cart_count": _cart_count, "escalated": _escalated, "no_cards": _no_cards, "new_cards": _new_cards,
    "staff_silent": _staff_silent,
}
_CHECKS.update(EXTRA_CHECKS)
CATEGORY.update(EXTRA_CATEGORY)
KNOWN_KEYS = set(_CHECKS) | {"handback_answered"}
