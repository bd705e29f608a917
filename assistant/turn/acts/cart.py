"""Cart acts: add, remove, show. Totals always come from catalog prices."""
from __future__ import annotations

from assistant import answers, cart
from assistant.answers import money
from assistant.turn.acts import ActContext, named
from assistant.turn.events import Draft
from catalog.models import Product
from language.superlative import extreme
from prompts import phrase


def add(ctx: ActContext) -> Draft:
    """Add the referenced (or focused) product, or each of several ("add both"); refuse out-of-stock
    ones with a reason; "make it 3" sets the quantity of the line instead of adding to it."""
    lang = ctx.state.lang
    # No pointer with several cards on screen: the top one, as for questions; the answer names it.
    referenced = ctx.referenced
    target = referenced if len(referenced) > 1 else (referenced or ctx.focus() or list(ctx.shown[:1]))
    words = getattr(ctx.u, "named", None) or []
    if words and not (referenced and all(named.score(p, words) for p in referenced)):
        found = _by_name(ctx, words, referenced)
        if isinstance(found, Draft):
            return found
        target = found
    if not target:
        return Draft("cart_add", fallback=phrase("which_add", lang), unmet=True)
    if len(target) > 1:
        return _add_several(ctx, target)
    product = target[0]
    if not product.in_stock:
        return Draft("cart_add", products=[product], fallback=phrase("cant_add_oos", lang, title=product.title))
    quantity = getattr(ctx.u, "quantity", 1) or 1
    if getattr(ctx.u, "set_quantity", False):
        cart.set_quantity(ctx.state.cart, product, quantity)
    else:
        cart.add(ctx.state.cart, product, quantity)
    view = summary(ctx)
    ctx.state.focus = product.id
    total = money(view["total"], view["currency"])
    if getattr(ctx.u, "set_quantity", False):
        return Draft("cart_add", fallback=phrase("quantity_set", lang, n=quantity, title=product.title, total=total,
                                                 count=view["count"], s="s" if view["count"] != 1 else ""))
    return Draft("cart_add", fallback=phrase(
        "added", lang, title=product.title, price=money(product.price, product.currency),
        total=total, count=view["count"], s="s" if view["count"] != 1 else ""))


def _by_name(ctx: ActContext, words: list[str], referenced: list[Product]) -> list[Product] | Draft:
    """The product the words name: one on screen, else one in the catalog whose title says them all
    ("the cheapest earbuds" picks by price); several get the question which, none a plain "not found"."""
    lang = ctx.state.lang
    found = named.best(ctx.shown, words) or named.in_catalog(ctx.deps, words)
    if not found:
        if referenced:  # the words may be chatter ("that lovely one"): the pointer stands
            return referenced
        return _search_for(ctx, words)
    if len(found) > 1 and (end := extreme(ctx.text)) and end[0] in ("price", "rating"):
        key = (lambda p: p.price) if end[0] == "price" else (lambda p: p.rating or 0)
        found = [(min if end[1] == "min" else max)(found, key=key)]
    if len(found) > 1:
        lines = answers.product_lines(found[:4], lang=lang)
        return Draft("cart_add", products=found[:4], unmet=True, fallback=f"{lines}\n\n{phrase('which_add_named', lang)}")
    return found


def _search_for(ctx: ActContext, words: list[str]) -> Draft:
    """No title says the words: search for them as the shopper would, and ask which to add."""
    from dataclasses import replace

    from assistant.turn.acts import search
    from language.understand import understand

    text = " ".join(words)
    sub = replace(ctx, u=replace(understand(text, vocab=ctx.deps.vocab), act="search"), text=text, shown=[])
    draft = search.handle(sub)
    ctx.prefs = sub.prefs
    if not draft.products:
        return Draft("cart_add", unmet=True, fallback=phrase("cant_find_named", ctx.state.lang, what=text))
    return replace(draft, prompt=None, unmet=True,
                   fallback=f"{draft.fallback}\n\n{phrase('which_add_named', ctx.state.lang)}")


def _add_several(ctx: ActContext, products) -> Draft:
    lang = ctx.state.lang
    added = [p for p in products if p.in_stock]
    refused = [phrase("cant_add_oos", lang, title=p.title) for p in products if not p.in_stock]
    for p in added:
        cart.add(ctx.state.cart, p, 1)
    if not added:
        return Draft("cart_add", products=list(products), fallback="\n".join(refused))
    ctx.state.focus = added[-1].id
    view = summary(ctx)
    sep = "、" if lang == "zh" else ", "
    titles = sep.join((f"「{p.title}」（{money(p.price, p.currency)}）" if lang == "zh"
                       else f"{p.title} ({money(p.price, p.currency)})") for p in added)
    text = phrase("added_many", lang, titles=titles, total=money(view["total"], view["currency"]),
                  count=view["count"], s="s" if view["count"] != 1 else "")
    return Draft("cart_add", fallback="\n".join([text, *refused]))


def remove(ctx: ActContext) -> Draft:
    """Remove the referenced cart line (or the only one)."""
    lang = ctx.state.lang
    in_cart = {line["product_id"] for line in ctx.state.cart}
    target = [p for p in ctx.referenced if p.id in in_cart]
    words = getattr(ctx.u, "named", None) or []
    if not target and words:  # "remove the earbuds": the cart line whose title says it
        target = named.best(ctx.deps.rows(list(in_cart)), words)
        target = target if len(target) == 1 else []
    if not target and len(in_cart) == 1:
        target = ctx.deps.rows(list(in_cart))[:1]
    if not target:
        return Draft("cart_remove", fallback=cart_text(ctx) if not in_cart
                     else phrase("which_remove", lang, cart=cart_text(ctx)))
    cart.remove(ctx.state.cart, target[0].id)
    view = summary(ctx)
    return Draft("cart_remove", fallback=phrase("removed", lang, title=target[0].title,
                                                total=money(view["total"], view["currency"])))


def show(ctx: ActContext) -> Draft:
    return Draft("cart_show", fallback=cart_text(ctx))


def summary(ctx: ActContext) -> dict:
    from assistant.turn.decide import cart_view

    return cart_view(ctx.deps, ctx.state)


def cart_text(ctx: ActContext) -> str:
    """The cart as lines with the catalog total."""
    lang = ctx.state.lang
    view = summary(ctx)
    if not view["items"]:
        return phrase("cart_empty", lang)
    lines = [f"- {line['quantity']} × {line['title']} — {money(line['subtotal'], line['currency'])}"
             for line in view["items"]]
    return "\n".join([phrase("cart_head", lang), *lines,
                      phrase("cart_total", lang, total=money(view["total"], view["currency"]))])
