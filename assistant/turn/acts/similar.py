""""Is there another one like the first one?" / "有没有跟第一个差不多的": products like a card on screen.

Searched with that product's own title, kept to its kind (its category, else the kind its title
names), the cards on screen left out.
"""
from __future__ import annotations

import re

from assistant import answers
from assistant.turn.acts import ActContext
from assistant.turn.events import Draft
from prompts import phrase

_SIMILAR = re.compile(r"\bsimilar\b|\b(?:one|ones|something|anything)\s+like\s+(?:the|that|this|it)\b|\blike\s+the\s+\w+\s+one\b"
                      r"|\bmore\s+like\b|差不多|类似|相似|一样的|同类", re.IGNORECASE)


def answer(ctx: ActContext) -> Draft | None:
    """Products like the one the message points at, or None when it asks something else."""
    refs = list(getattr(ctx.u, "references", []) or [])
    if not _SIMILAR.search(ctx.text) or not ctx.shown:
        return None
    if len(refs) > 1 or (not refs and len(ctx.shown) > 1):
        return None
    base = ctx.shown[refs[0]] if refs and refs[0] < len(ctx.shown) else ctx.shown[0]
    from assistant.turn.acts.search import like_this

    products = like_this(ctx, base)
    lang = ctx.state.lang
    if not products:
        return Draft("search", products=[base], unmet=True, fallback=phrase("nothing_similar", lang, title=base.title))
    return Draft("search", products=products, fallback=answers.product_lines(products, lang=lang),
                 prefix=phrase("similar_to", lang, title=base.title))
