"""Search and refine: find catalog rows for the shopper's need, filters applied before anyone reads them."""
from __future__ import annotations

import re
from dataclasses import replace

from assistant import answers
from assistant.answers import money
from assistant.turn.acts import ActContext
from assistant.turn.events import Draft
from assistant.turn.prompt import product_block
from catalog.models import Product
from prompts import phrase, render

MIN_RELEVANCE = 0.22  # a dense-only hit below this cosine is noise, not an answer


def handle(ctx: ActContext) -> Draft:
    """Search with the carried-over preferences; say so when nothing fits instead of ignoring a constraint."""
    deps, u, shown, lang = ctx.deps, ctx.u, ctx.shown, ctx.state.lang
    ctx.prefs = ctx.prefs.apply(u, last_prices=[p.price for p in shown])
    filters = ctx.prefs.filters
    if getattr(u, "more", False) and shown:
        filters = filters.merged(exclude_ids=tuple(set(filters.exclude_ids) | {p.id for p in shown}))
    query = ctx.prefs.query or getattr(u, "query_text", "") or ctx.text
    k = deps.max_products
    hits = relevant(deps.retriever.search(query, k=k + 8, filters=filters))
    note = ""
    if not hits and not filters.is_empty():
        relaxed = relevant(deps.retriever.search(query, k=k, filters=filters.merged(
            price_min=None, price_max=None, attributes={}, min_rating=None)))
        if relaxed:
            if getattr(u, "cheaper", False) and shown:
                low = min(shown, key=lambda p: p.price)
                note = phrase("nothing_cheaper", lang, price=money(low.price, low.currency))
            else:
                note = phrase("nothing_all", lang, constraints=constraint_words(filters, lang))
            hits = relaxed
    ctx.state.focus = None
    named = hits[0].product if hits and names_product(query, hits[0].product) else None
    if named is not None:
        ctx.state.focus = named.id  # the shopper named this product: "it" now means it
    # Shoppers want what they can buy now: out-of-stock items keep their order but go last
    # (unless the shopper asked for that very product).
    hits = sorted(hits, key=lambda h: h.product is not named and not h.product.in_stock)
    products = [h.product for h in hits[:k]]
    others = [h.product.title for h in hits[k:]] + [p.title for p in shown if p not in products]
    act = u.act if u.act in ("search", "refine") else "search"
    if not products:
        return Draft(act, fallback=answers.search_answer([], need=query, lang=lang), unmet=True)
    amounts = [a for a in (filters.price_max, filters.price_min) if a is not None]
    fallback = answers.search_answer(products, need=query, note=note, lang=lang)
    # The opening line is known before the model runs: the shopper reads it at once.
    opening = "\n".join(([note] if note else []) + [answers.search_head(products, need=query, lang=lang, sentence=True)])
    prompt = render("search", products=product_block(products), message=ctx.text,
                    language=("Chinese" if lang == "zh" else "English"))
    return Draft(act, products=products, fallback=fallback, prompt=prompt, other_titles=others,
                 allowed_amounts=amounts, prefix=opening)


def relevant(hits):
    """Hits the keyword side matched, or whose embedding similarity is above the noise floor."""
    return [h for h in hits if h.lexical_score is not None or (h.dense_score or 0) >= MIN_RELEVANCE]


def names_product(query: str, product: Product) -> bool:
    """True when the query spells out most of a product's title (at least three words of it)."""
    words = [w for w in re.findall(r"\w+", query.lower()) if len(w) > 1]
    title = set(re.findall(r"\w+", product.title.lower()))
    return len(words) >= 3 and sum(w in title for w in words) / len(words) >= 0.8


def constraint_words(filters, lang: str = "en") -> str:
    bits = []
    if filters.price_max is not None:
        bits.append(phrase("under", lang, amount=money(filters.price_max, filters.currency or "USD")))
    if filters.price_min is not None:
        bits.append(phrase("over", lang, amount=money(filters.price_min, filters.currency or "USD")))
    for key, value in filters.attributes.items():
        bits.append(f"{key} {answers.value_text(value)}")
    if filters.min_rating is not None:
        bits.append(phrase("rated", lang, rating=filters.min_rating))
    return ", ".join(bits) or phrase("your_filters", lang)


def as_refinement(ctx: ActContext) -> Draft:
    """ "do you have them in size 13?" about a list narrows the list rather than asking one product."""
    ctx.u = replace(ctx.u, act="refine")
    return handle(ctx)
