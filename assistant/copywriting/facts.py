"""The facts copy may state: a product's own fields, never its old description, reviews or volatile data."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from catalog.models import Product

# Fields that change daily (price, stock) or are other people's words (reviews, rating) stay out of copy.
SKIPPED = {"dimensions", "colors_available", "sizes_available", "subcategory", "gender"}
LABELS_ZH = {"color": "颜色", "material": "材质", "weight": "重量", "size": "尺码", "warranty": "保修",
             "waterproof": "防水", "fit": "版型", "capacity": "容量", "battery": "电池", "cut": "款式",
             "outsole": "外底"}


def fields_only(product: Product) -> Product:
    """The product without the text copy must not lean on (old description, reviews)."""
    return replace(product, description="", reviews=[], rating=None)


def _value(value: Any) -> str | None:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return f"{value:g}"
    if isinstance(value, str) and value.strip() and not value.startswith(("http://", "https://")):
        return value.strip()
    if isinstance(value, list) and value and all(isinstance(v, (str, int, float)) for v in value):
        return ", ".join(str(v) for v in value)
    return None


def product_facts(product: Product) -> list[tuple[str, str]]:
    """(name, value) pairs copy may use, in a stable order: attributes first, then tags."""
    out = []
    for key, value in product.attributes.items():
        text = _value(value)
        if text is not None and key not in SKIPPED:
            out.append((key, text))
    if product.tags:
        out.append(("tags", ", ".join(product.tags[:6])))
    return out
