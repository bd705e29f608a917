"""Cart acts: add, remove, show. Totals always come from catalog prices."""
from __future__ import annotations

from assistant import cart
from assistant.answers import money
from assistant.turn.acts import ActContext
from assistant.turn.events import Draft
from prompts import phrase


def add(ctx: ActContext) -> Draft:
    """Add the referenced (or focused) product; refuse out-of-stock ones with a reason."""
    lang = ctx.state.lang
    # No pointer with several cards on screen: the top one, as for questions; the answer names it.
    target = ctx.referenced or ctx.focus() or list(ctx.shown[:1])
    if not target:
        return Draft("cart_add", fallback=phrase("which_add", lang), unmet=True)
    product = target[0]
    if not product.in_stock:
        return Draft("cart_add", products=[product], fallback=phrase("cant_add_oos", lang, title=product.title))
    cart.add(ctx.state.cart, product, getattr(ctx.u, "quantity", 1) or 1)
    view = summary(ctx)
    ctx.state.focus = product.id
    return Draft("cart_add", fallback=phrase(
        "added", lang, title=product.title, price=money(product.price, product.currency),
        total=money(view["total"], view["currency"]), count=view["count"], s="s" if view["count"] != 1 else ""))


def remove(ctx: ActContext) -> Draft:
    """Remove the referenced cart line (or the only one)."""
    lang = ctx.state.lang
    in_cart = {line["product_id"] for line in ctx.state.cart}
    target = [p for p in ctx.referenced if p.id in in_cart]
    if not target and len(in_cart) == 1:
        target = ctx.deps.rows(list(in_cart))[:1]
    if not target:
        return Draft("cart_remove", fallback=phrase("which_remove", lang, cart=cart_text(ctx)))
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
