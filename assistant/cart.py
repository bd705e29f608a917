"""A per-session cart (lines of product id + quantity); totals always come from catalog prices."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from catalog.models import Product

MAX_QUANTITY = 99


def add(lines: list[dict[str, Any]], product: Product, quantity: int = 1) -> None:
    """Add `quantity` of a product (merging with a line already in the cart)."""
    quantity = max(1, min(int(quantity), MAX_QUANTITY))
    for line in lines:
        if line["product_id"] == product.id:
            line["quantity"] = min(line["quantity"] + quantity, MAX_QUANTITY)
            return
    lines.append({"product_id": product.id, "quantity": quantity})


def set_quantity(lines: list[dict[str, Any]], product: Product, quantity: int) -> None:
    """The line holds exactly `quantity` ("make it 3", "actually just 1"); added when missing."""
    quantity = max(1, min(int(quantity), MAX_QUANTITY))
    for line in lines:
        if line["product_id"] == product.id:
            line["quantity"] = quantity
            return
    lines.append({"product_id": product.id, "quantity": quantity})


def remove(lines: list[dict[str, Any]], product_id: str) -> bool:
    """Remove a line in place; False if it was not in the cart."""
    before = len(lines)
    lines[:] = [line for line in lines if line["product_id"] != product_id]
    return len(lines) != before


def summary(lines: list[dict[str, Any]], lookup: Callable[[Sequence[str]], list[Product]]) -> dict[str, Any]:
    """Lines with titles and current catalog prices, and the total (per currency if mixed)."""
    products = {p.id: p for p in lookup([line["product_id"] for line in lines])}
    out, totals = [], {}
    for line in lines:
        p = products.get(line["product_id"])
        if p is None:  # removed from the catalog since it was added
            continue
        subtotal = round(p.price * line["quantity"], 2)
        totals[p.currency] = round(totals.get(p.currency, 0.0) + subtotal, 2)
        out.append({"product_id": p.id, "title": p.title, "quantity": line["quantity"],
                    "price": p.price, "currency": p.currency, "subtotal": subtotal})
    currency = next(iter(totals), "USD")
    return {"items": out, "total": totals.get(currency, 0.0), "currency": currency, "totals": totals,
            "count": sum(line["quantity"] for line in out)}
