"""Catalog rows as the turn may use them: shop-imported prose is untrusted.

Descriptions and reviews come from feeds and shoppers the shop does not control. A sentence that
tries to instruct the assistant, and any link, is taken out of a description; a review that tried
is dropped whole. Everything downstream (the prompt, computed answers, the guard's notion of what
a row supports, the cards) sees only the cleaned row, so a poisoned row cannot vouch for its own
claims.
"""
from __future__ import annotations

from dataclasses import replace

from assistant.inputs import clean_catalog_text
from catalog.models import Product


def safe(product: Product) -> Product:
    """The row with instruction-like sentences and links removed from its prose."""
    description, changed = clean_catalog_text(product.description)
    reviews = [r for r in product.reviews if not clean_catalog_text(str(r.get("text", "")))[1]]
    if not changed and len(reviews) == len(product.reviews):
        return product
    return replace(product, description=description, reviews=reviews)


def safe_all(products: list[Product]) -> list[Product]:
    return [safe(p) for p in products]
