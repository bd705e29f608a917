"""What the model reads: the fixed system rules and a compact block of catalog rows.

Every prompt token costs prefill time before the first word on a CPU (~10 ms per token on 2
cores), so rows are cut to what a recommendation needs; the facts a shopper asks about are
answered from the rows directly and never need the model.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answers import money, value_text
from assistant.messages import ChatMessage
from catalog.models import Product
from prompts import render

PROMPT_PRODUCTS = 3  # rows the model reads
PROMPT_SPECS = 3


def messages(prompt: str) -> list[ChatMessage]:
    """System rules (identical every turn, so a backend can cache them) + this turn's prompt.

    No transcript: the dialogue state already resolved "cheaper"/"the second one" into the rows
    the prompt carries, and every history token would add prefill time before the first word.
    """
    return [ChatMessage.system(render("system")), ChatMessage.user(prompt)]


def product_block(products: Sequence[Product], *, reviews: bool = False) -> str:
    """Compact catalog rows for the model."""
    rows = []
    for i, p in enumerate(products[:PROMPT_PRODUCTS], 1):
        facts = [(k, v) for k, v in p.facts().items() if k not in ("subcategory", "colors_available", "sizes_available")
                 and len(value_text(v)) <= 40][:PROMPT_SPECS]
        specs = "; ".join(f"{k.replace('_', ' ')}: {value_text(v)}" for k, v in facts)
        rows.append(render(
            "product", index=i, title=p.title, price=money(p.price, p.currency),
            rating=f"{p.rating:.1f}/5" if p.rating is not None else "none",
            stock="in stock" if p.in_stock else "out of stock",
            description=first_sentence(p.description, 100), specs=specs or "-"))
        if reviews and p.reviews:
            rows.append("    reviews: " + " | ".join(
                f"{r.get('rating', '?')}/5 {str(r.get('text', ''))[:90]}" for r in p.reviews[:3]))
    return "\n".join(rows)


def first_sentence(text: str, limit: int) -> str:
    text = " ".join(text.split())
    cut = re.split(r"(?<=[.!?。！？])\s*", text, maxsplit=1)[0]
    return cut[:limit]
