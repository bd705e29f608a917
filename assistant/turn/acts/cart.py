"""Cart acts: add, remove, show. Totals always come from catalog prices."""
from __future__ import annotations

from assistant import cart
from assistant.answers import money
from assistant.turn.acts import ActContext
from assistant.turn.events import Draft
from prompts import phrase


def add(ctx: ActContext) -> Draft:
    """Add the referenced (or focused) product, or each of several ("add both"); refuse out-of-stock
    ones with a reason; "make it 3" sets the quantity of the line instead of adding to it."""
    lang = ctx.state.lang
    # No pointer with several cards on screen: the top one, as for questions; the answer names it.
    referenced = ctx.referenced
    target = referenced if len(referenced) > 1 else (referenced or ctx.focus() or list(ctx.shown[:1]))
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
