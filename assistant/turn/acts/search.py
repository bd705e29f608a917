"""Search and refine: find catalog rows for the shopper's need, filters applied before anyone reads them."""
from __future__ import annotations

import re
from dataclasses import replace

from assistant import answers
from assistant.answers import money
from assistant.turn import claims
from assistant.turn.acts import ActContext
from assistant.turn.acts.kinds import (DENSE_MARGIN, as_close_as, english_terms, kind_test, of_the_kind,
                                       with_english_terms)
from assistant.turn.events import Draft
from assistant.turn.prompt import product_block
from assistant.turn.rows import safe_all
from catalog.models import Product
from prompts import phrase, render

# An English-only embedder (MiniLM) scores any two Chinese strings as similar: with it, a Chinese
# query needs a keyword match (or a kind the shopper named) unless the embedding is close indeed.
MIN_RELEVANCE_CJK_ENGLISH_MODEL = 0.55
_A_CHILD = re.compile(r"\b(?:son|daughter|kids?|child|children|boy|girl|grandson|granddaughter|nephew|niece|toddler)\b"
                      r"|儿子|女儿|孩子|小孩|宝宝|外孙|孙子|孙女", re.IGNORECASE)
_FOR_GROUP = re.compile(r"\s+for\s+(?:him|her)\b", re.IGNORECASE)


def handle(ctx: ActContext) -> Draft:
    """Search with the carried-over preferences; say so when nothing fits instead of ignoring a constraint."""
    deps, u, shown, lang = ctx.deps, ctx.u, ctx.shown, ctx.state.lang
    ctx.prefs = _respelled(ctx.prefs.apply(u, last_prices=_comparable_prices(shown)), deps, lang)
    filters = ctx.prefs.filters
    newly_excluded = bool((getattr(u, "filters_delta", None) or {}).get("exclude_brands") or getattr(u, "excluded", None))
    if getattr(u, "other_brand", False) and shown:  # "a different brand?": none of the brands on screen
        brands = {p.brand for p in shown if p.brand}
        filters = filters.merged(exclude_brands=tuple(set(filters.exclude_brands) | brands))
    if getattr(u, "more", False) and shown and not newly_excluded:
        # "show me more" is past what was shown; "no Apple, any other brand?" may keep shown ones.
        filters = filters.merged(exclude_ids=tuple(set(filters.exclude_ids) | {p.id for p in shown}))
    need = ctx.prefs.query or getattr(u, "query_text", "")  # what the answer may echo: never the whole message
    query = need or ctx.text
    refining = u.act == "refine" and not getattr(u, "query_text", "") and bool(shown)
    if refining:  # "anything cheaper?" keeps the kind of product on screen
        filters = _same_kind(filters, shown)
    k = deps.max_products
    floor = _noise_floor(deps, lang)
    found, hits, search_text, note = _matching(ctx, query, need, filters, refining, floor)
    if not hits and refining and (getattr(u, "cheaper", False) or getattr(u, "more", False)):
        # Nothing cheaper (or nothing more) of this kind: say so; the cards on screen stay the answer.
        low = min(shown, key=lambda p: p.price)
        if getattr(u, "cheaper", False):  # the cheapest of its kind stays on screen, with the reason
            return Draft(u.act, products=[low], fallback=phrase("nothing_cheaper", lang,
                                                                price=money(low.price, low.currency)), unmet=True)
        return Draft(u.act, fallback=phrase("nothing_more", lang), unmet=True)
    if not hits and not filters.is_empty():
        loose = filters.merged(price_min=None, price_max=None, attributes=_kind_only(filters.attributes), min_rating=None)
        if _hobby(u):  # the pastime's kinds past the budget, the nearest to it first
            relaxed = sorted(_hobby_hits(ctx, loose, query), key=lambda h: h.product.price)[:k]
        else:
            relaxed = relevant(deps.retriever.search(search_text, k=k, filters=loose), filters, floor=floor)
        within = as_close_as(found, relaxed, need or _tidy(ctx.text), lang, floor=floor)
        within = [h for h in within if not _for_others(query, h.product)]
        if within:  # rows within the budget that match the need as well as those past it do
            hits = _one_per_product(within, k + 8)
        elif relaxed:
            relaxed = [h for h in relaxed if not _for_others(query, h.product)] or relaxed
            currency = relaxed[0].product.currency if len({h.product.currency for h in relaxed}) == 1 else None
            said = constraint_words(filters, lang, currency=currency)
            # No budget, rating or option was asked: what is missing is the kind of product itself.
            note = (phrase("nothing_all", lang, constraints=said) if said != phrase("your_filters", lang)
                    else phrase("no_such_kind", lang, need=need or _tidy(ctx.text)))
            hits = relaxed
    ctx.state.focus = None
    named = hits[0].product if hits and names_product(query, hits[0].product) else None
    if named is not None:
        ctx.state.focus = named.id  # the shopper named this product: "it" now means it
    # Shoppers want what they can buy now: out-of-stock items keep their order but go last
    # (unless the shopper asked for that very product).
    hits = sorted(hits, key=lambda h: h.product is not named and not h.product.in_stock)
    products = safe_all(_personalised(ctx, hits, k, named))
    others = [h.product.title for h in hits[k:]] + [p.title for p in shown if p not in products]
    act = u.act if u.act in ("search", "refine") else "search"
    if not products:
        return Draft(act, fallback=answers.no_match_answer(need, lang=lang), unmet=True)
    amounts = [a for a in (filters.price_max, filters.price_min) if a is not None]
    # The opening line is known before the model runs: the shopper reads it at once; the product
    # lines follow when the model has nothing (or nothing checkable) to add.
    # The opening names the need only when every card is of that kind ("4 options for smartphone"
    # over a list with a vlogging kit would state something false); else "I found 4 options."
    of_kind = kind_test(need, lang)
    said_need = need if of_kind is None or all(of_kind(p) is True for p in products) else ""
    opening = "\n".join(([note] if note else []) + [answers.search_head(products, need=said_need, lang=lang)])
    fallback = answers.product_lines(products, lang=lang)
    prompt = render("search", products=product_block(products), message=ctx.text,
                    language=("Chinese" if lang == "zh" else "English"))
    return Draft(act, products=products, fallback=fallback, prompt=prompt, other_titles=others,
                 allowed_amounts=amounts, prefix=opening)


def _matching(ctx: ActContext, query: str, need: str, filters, refining: bool, floor: float):
    """(every hit found, the relevant hits of the need's kind, one per product, the text searched)."""
    deps, u, shown, lang, k = ctx.deps, ctx.u, ctx.shown, ctx.state.lang, ctx.deps.max_products
    if _hobby(u):  # a present for someone who likes a pastime: the things it uses, a few kinds
        picked = _hobby_hits(ctx, filters, query)
        return picked, picked, query, ""  # none of its kinds: nothing, rather than what its word finds
    # Whom a present is for picks rows by their group (`_for_others`), not by words: "for her" as
    # search words finds novels whose blurbs say "her" next to the wall calendars asked for.
    search_text = _FOR_GROUP.sub("", query).strip() or query
    hits = _find(deps, search_text, k + 8, filters)
    if lang == "zh" and with_english_terms(query) != query:
        # Rows that say the shopper's own Chinese words first, then what the English product words
        # find (an English catalog, or English rows of a mixed one).
        said = re.sub(r"[^\u4e00-\u9fff]", "", query)
        own = [h for h in hits if h.lexical_score is not None and said
               and (said in h.product.title or any(said in t for t in h.product.tags))]
        seen = {h.product.id for h in own}
        # The English words alone: mixed with Chinese, the embedding of the need blurs and unrelated
        # products come within reach ("T恤" found a helmet next to the T-shirt).
        search_text = " ".join(english_terms(query))
        hits = own + [h for h in _find(deps, search_text, k + 8, filters)
                      if h.product.id not in seen]
    found = hits
    hits = [h for h in relevant(hits, filters, floor=floor) if not _for_others(query, h.product)]
    hits = of_the_kind(hits, need or _tidy(ctx.text), lang, floor=floor, shown=shown if refining else None,
                       vocab=deps.vocab)
    # A row that says it lacks what the shopper asked for ("noise_cancelling: false" for 降噪耳机) is
    # left out while others remain, and goes last otherwise (the answer then says what it lacks).
    lacking = {h.product.id for h in hits if claims.negated_properties(query, h.product)}
    hits = [h for h in hits if h.product.id not in lacking] or hits
    # When the shopper made a property a must and some rows say it, those are the answer.
    if getattr(u, "act", "") == "refine":  # (a refinement of what is on screen, or a new refining need)
        with_it = [h for h in hits if claims.has_properties(query, h.product)]
        hits = with_it or hits
    hits, note = _within_specs(hits, getattr(u, "specs", None) or [], lang)
    return found, _one_per_product(hits, k + 8), search_text, note


_POLICY_FIELD = re.compile(r"warrant|guarantee|return|ship|deliver|dispatch|age|year", re.IGNORECASE)


def _within_specs(hits, specs, lang: str):
    """Rows within the shopper's spec bounds ("at least 750ml", "under 1.5 kg"), read from their fields
    and titles; rows that give no such amount go after those that meet it. None within: every row stays,
    and the answer says that nothing meets the bound."""
    if not specs or not hits:
        return hits, ""
    from language.units import meets

    def verdict(product) -> bool | None:
        # Durations of policies and ages (a 2-year warranty, 3-12 years) are no battery life.
        values = [product.title, *(v for k, v in product.facts().items() if not _POLICY_FIELD.search(k))]
        results = [meets(values, b) for b in specs]
        return False if False in results else None if None in results else True

    judged = [(h, verdict(h.product)) for h in hits]
    within = [h for h, v in judged if v is True] + [h for h, v in judged if v is None]
    if any(v is True for _, v in judged):
        return within, ""
    said = ", ".join(b.said for b in specs)
    return (within or hits), phrase("nothing_all", lang, constraints=said)


def _hobby(u) -> str | None:
    return getattr(u, "hobby", None) if u.act == "search" else None


def _hobby_hits(ctx: ActContext, filters, query: str) -> list:
    from assistant.turn.acts.hobby import hobby_hits

    deps, k = ctx.deps, ctx.deps.max_products
    english_floor = _noise_floor(deps, "en")  # the kinds are searched in English words
    return hobby_hits(lambda text: _find(deps, text, k + 8, filters), _hobby(ctx.u), n=k + 8,
                      relevant=lambda hits: relevant(hits, filters, floor=english_floor),
                      for_others=lambda p: _for_others(query, p),
                      for_kids=None if _A_CHILD.search(ctx.text) else _for_kids)


def _comparable_prices(shown: list[Product]) -> list[float]:
    """The prices "cheaper"/"more premium" start from: those in the currency most cards share (a ¥399
    card among dollar ones is no $399 floor; amounts in two currencies are never compared)."""
    currencies = [p.currency or "" for p in shown]
    main = max(currencies, key=currencies.count) if currencies else ""
    return [p.price for p in shown if (p.currency or "") == main]


def _respelled(prefs, deps, lang: str):
    """The need with the shopper's typos mended against the catalog's words ("labtop" -> "laptop")."""
    from language.fillers import STOPWORDS
    from language.spelling import respell

    words = getattr(deps.vocab, "words", None)
    if lang != "en" or not prefs.query or not words:
        return prefs
    fixed = respell(prefs.query, words, keep=STOPWORDS)
    return replace(prefs, query=fixed) if fixed != prefs.query.lower() else prefs


def _find(deps, text: str, n: int, filters):
    """Up to n groups of variants, every variant kept: variants are collapsed to one card per
    product only after relevance and kind are judged, so the free slots of a catalog with few
    products in many variants (tau-bench's T-shirts) show more of them instead of unrelated rows."""
    return deps.retriever.search(text, k=n * 4, filters=filters, collapse_variants=False)


def _one_per_product(hits, n: int):
    from retrieval.retriever import collapse_variants

    return collapse_variants(hits, n)


def _tidy(text: str) -> str:
    from language import tidy

    return tidy(text)


def _for_others(need: str, product: Product) -> bool:
    """The shopper asked for men's (or women's) things and this row names only the other group."""
    from language.gender import conflicts

    return conflicts(need, " ".join([product.title, product.category, " ".join(product.tags)]))


def _personalised(ctx: ActContext, hits: list, k: int, named: Product | None) -> list[Product]:
    """The top k hits; a returning shopper's tastes break near-ties (anonymous shoppers, or a product
    the shopper named: the hits' own order)."""
    if named is not None or not ctx.state.shopper_id or not hasattr(ctx.deps.sessions, "shopper_history"):
        return [h.product for h in hits[:k]]
    from assistant.shoppers import ShopperProfile, rerank

    profile = ShopperProfile.build(ctx.deps.sessions.shopper_history(ctx.state.shopper_id), ctx.deps.catalog)
    return rerank(hits, profile, k=k)


def history_picks(ctx: ActContext) -> Draft | None:
    """"Anything new for me?" from a returning shopper: answered from their history, not by searching the words."""
    from assistant.shoppers import picks_for

    picks = picks_for(ctx.text, ctx.state.shopper_id, ctx.deps.sessions, ctx.deps.retriever, k=ctx.deps.max_products)
    if not picks:
        return None
    products, lang = safe_all(picks), ctx.state.lang
    return Draft("search", products=products, fallback=answers.product_lines(products, lang=lang),
                 prefix=phrase("picks_from_history", lang))


def _noise_floor(deps, lang: str) -> float:
    """Below this cosine a dense-only hit is noise: the embedder's own floor (it differs per model)."""
    embedder = deps.retriever.embedder
    floor = getattr(embedder, "noise_floor", 0.22)
    if lang == "zh" and "MiniLM" in getattr(embedder, "name", ""):
        floor = max(floor, MIN_RELEVANCE_CJK_ENGLISH_MODEL)
    return floor


def relevant(hits, filters=None, *, floor: float = 0.22):
    """Hits the keyword side matched, or whose embedding similarity is above the noise floor; when
    the shopper named a kind of product (a category filter), every hit of that kind is relevant.

    A dense-only hit must also come close to the best keyword match: when "t-shirt" matches
    T-shirts by name, a fleece jacket that is merely "clothing-like" is not an answer.
    """
    if filters is not None and (filters.categories or "subcategory" in filters.attributes):
        return list(hits)
    matched = [h.dense_score for h in hits if h.lexical_score is not None and h.dense_score is not None]
    bar = floor
    if matched:
        bar = max(floor, max(matched) - (1.0 - floor) * DENSE_MARGIN)
    return [h for h in hits if h.lexical_score is not None or (h.dense_score or 0) >= bar]


def _same_kind(filters, shown: list[Product]):
    """Constrain a refinement to the kind of product shown: its subcategory, else its category.

    When the cards mix kinds, the kind most of them share wins (the first card, the best match,
    breaks a tie): "anything cheaper?" after three boots and a sock means boots.
    """
    sub = _main_kind([str(p.attributes.get("subcategory") or "") for p in shown])
    if sub and "subcategory" not in filters.attributes:
        value = next(p.attributes["subcategory"] for p in shown if str(p.attributes.get("subcategory") or "").lower() == sub)
        return filters.merged(attributes={**filters.attributes, "subcategory": value})
    cat = _main_kind([p.category or "" for p in shown])
    if cat and not filters.categories:
        return filters.merged(categories=(next(p.category for p in shown if (p.category or "").lower() == cat),))
    return filters


def _main_kind(kinds: list[str]) -> str:
    """The kind (lower-cased) most cards share, the first card's on a tie; "" when cards lack one."""
    kinds = [k.lower() for k in kinds]
    if not kinds or "" in kinds:
        return ""
    counts = {k: kinds.count(k) for k in kinds}
    best = max(counts.values())
    return next(k for k in kinds if counts[k] == best)


def _kind_only(attributes: dict) -> dict:
    return {k: v for k, v in attributes.items() if k == "subcategory"}


def names_product(query: str, product: Product) -> bool:
    """True when the query spells out most of a product's title (at least three words of it)."""
    words = [w for w in re.findall(r"\w+", query.lower()) if len(w) > 1]
    title = set(re.findall(r"\w+", product.title.lower()))
    return len(words) >= 3 and sum(w in title for w in words) / len(words) >= 0.8


def constraint_words(filters, lang: str = "en", *, currency: str | None = None) -> str:
    """The shopper's constraints in words; amounts in `currency` (the catalog's, which the budget
    was compared with) when given, else in the currency the shopper stated."""
    bits = []
    currency = currency or filters.currency or "USD"
    if filters.price_max is not None:
        bits.append(phrase("under", lang, amount=money(filters.price_max, currency)))
    if filters.price_min is not None:
        bits.append(phrase("over", lang, amount=money(filters.price_min, currency)))
    for key, value in filters.attributes.items():
        bits.append(f"{key} {answers.value_text(value)}")
    if filters.min_rating is not None:
        bits.append(phrase("rated", lang, rating=filters.min_rating))
    return ", ".join(bits) or phrase("your_filters", lang)


def like_this(ctx: ActContext, base: Product) -> list[Product]:
    """Products of `base`'s kind that its own title finds, the cards on screen left out."""
    deps, lang, k = ctx.deps, ctx.state.lang, ctx.deps.max_products
    shown = {p.id for p in ctx.shown} | {base.id}
    filters = _same_kind(ctx.prefs.filters.merged(exclude_ids=tuple(shown)), [base])
    floor = _noise_floor(deps, lang)
    hits = [h for h in relevant(_find(deps, base.title, k + 8, filters), filters, floor=floor) if h.product.id not in shown]
    kind = str(base.attributes.get("subcategory") or base.category or "") or _title_kind(base.title) or _family(base)
    hits = of_the_kind(hits, kind, "en", floor=floor, shown=[base])
    hits = [h for h in hits if not _for_others(base.title, h.product)]  # a women's boot: women's boots
    # A kids' product: kids' ones first; then what a shopper can buy now.
    hits = sorted(hits, key=lambda h: (_for_kids(base) and not _for_kids(h.product), not h.product.in_stock))
    return safe_all([h.product for h in _one_per_product(hits, k)[:k]])


def _for_kids(p: Product) -> bool:
    """The row is for children: its title or its category says so ("Kids'", "children's books")."""
    said = " ".join([p.title, p.category or "", str(p.attributes.get("subcategory") or "")])
    return re.search(r"\b(?:kids?'?s?|junior|youth|children'?s?|toddler|boys'?|girls'?)\b|儿童|童", said, re.IGNORECASE) is not None


def _family(p: Product) -> str:
    """A variant's family name ("T-Shirt" of "T-Shirt (red, L, cotton)"): in a feed of product types
    with their options in brackets, the family is the kind."""
    return re.sub(r"\s*\(.*$", "", p.title).strip() if p.group_id else ""


def _title_kind(title: str) -> str:
    from language.head import title_heads
    from language.lexicon import PRODUCT_NOUNS

    # A title's kind only when it ends a phrase on a product noun: a novel's title names none.
    return next((h for h in title_heads(title) if h in PRODUCT_NOUNS), "")


def as_refinement(ctx: ActContext) -> Draft:
    """ "do you have them in size 13?" about a list narrows the list rather than asking one product."""
    ctx.u = replace(ctx.u, act="refine")
    return handle(ctx)
