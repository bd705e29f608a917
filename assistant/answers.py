"""Answers built straight from catalog rows: money, product lines, comparisons, facts.

These are what the shopper sees when the model is not needed (cart, facts the catalog lacks) and
what replaces a generated answer that the grounding guardrail could not repair.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from catalog.models import Product

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CNY": "¥", "JPY": "¥"}

# question topic -> attribute keys that answer it (first present wins)
TOPIC_KEYS: dict[str, tuple[str, ...]] = {
    "warranty": ("warranty", "warrantyInformation"),
    "weight": ("weight",),
    "size": ("size", "sizes_available", "sizes"),
    "color": ("color", "colors_available", "colors"),
    "material": ("material", "materials"),
    "battery": ("battery_life", "battery"),
    "shipping": ("shipping", "shippingInformation", "delivery"),
    "returns": ("return_policy", "returnPolicy", "returns"),
    "dimensions": ("dimensions", "size_cm"),
    "waterproof": ("waterproof", "water_resistance", "waterproof_rating"),
}
TOPIC_WORDS = {
    "warranty": "a warranty", "weight": "the weight", "size": "the sizes", "color": "the colours",
    "material": "the material", "battery": "the battery life", "shipping": "shipping times",
    "returns": "the return policy", "dimensions": "the dimensions", "waterproof": "whether it is waterproof",
}


def money(amount: float, currency: str = "USD") -> str:
    sym = _SYMBOLS.get(currency.upper())
    return f"{sym}{amount:,.2f}" if sym else f"{amount:,.2f} {currency}"


def value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return " x ".join(f"{v}" for v in value.values()) if all(isinstance(v, (int, float)) for v in value.values()) \
            else ", ".join(f"{k} {v}" for k, v in value.items())
    return str(value)


def product_line(p: Product, *, index: int | None = None) -> str:
    """`1. Trailmark Ridge GTX — $119.00, rated 4.6, in stock`"""
    bits = [money(p.price, p.currency)]
    if p.rating is not None:
        bits.append(f"rated {p.rating:.1f}")
    bits.append("in stock" if p.in_stock else "out of stock")
    prefix = f"{index}. " if index is not None else ""
    return f"{prefix}{p.title} — {', '.join(bits)}"


def fact(p: Product, topic: str) -> tuple[str, Any] | None:
    """(key, value) that answers `topic` for `p`, or None when the catalog does not say."""
    if topic == "price":
        return "price", money(p.price, p.currency)
    if topic == "stock":
        if p.stock is not None:
            return "stock", f"{p.stock} in stock" if p.stock > 0 else "out of stock"
        return "availability", p.availability.replace("_", " ")
    if topic == "reviews":
        return ("reviews", p.reviews) if p.reviews else None
    facts = p.facts()
    for key in TOPIC_KEYS.get(topic, (topic,)):
        if key in facts and facts[key] not in (None, "", []):
            return key, facts[key]
    if topic == "waterproof":
        text = f"{p.title} {p.description}".lower()
        if "waterproof" in text or "防水" in text:
            return "description", "yes (the description says waterproof)"
    return None


def fact_answer(p: Product, topic: str) -> str:
    """A one-line grounded answer for a known topic, or an honest 'the catalog does not say'."""
    found = fact(p, topic)
    if found is None:
        what = TOPIC_WORDS.get(topic, "that")
        return (f"The catalog doesn't list {what} for the {p.title}, so I don't want to guess. "
                "A member of our team can check if you'd like.")
    key, value = found
    if topic == "reviews":
        stars = [r["rating"] for r in value if isinstance(r.get("rating"), (int, float))]
        avg = f" (average {sum(stars) / len(stars):.1f} of 5 from {len(stars)} reviews)" if stars else ""
        quotes = "; ".join(f'"{r["text"]}"' for r in value[:3] if r.get("text"))
        return f"Reviewers of the {p.title}{avg} say: {quotes}"
    return f"{p.title} — {key.replace('_', ' ')}: {value_text(value)}."


def compare_table(products: Sequence[Product]) -> str:
    """A markdown table of the fields shoppers compare, from catalog rows only."""
    keys: list[str] = []
    for p in products:
        for k, v in p.attributes.items():
            if k not in keys and isinstance(v, (str, int, float, bool, list)) and len(keys) < 8:
                keys.append(k)
    header = "| | " + " | ".join(p.title for p in products) + " |"
    sep = "|---" * (len(products) + 1) + "|"
    rows = [
        "| price | " + " | ".join(money(p.price, p.currency) for p in products) + " |",
        "| rating | " + " | ".join(f"{p.rating:.1f}" if p.rating is not None else "–" for p in products) + " |",
        "| brand | " + " | ".join(p.brand or "–" for p in products) + " |",
        "| stock | " + " | ".join("in stock" if p.in_stock else "out of stock" for p in products) + " |",
    ]
    for k in keys:
        rows.append(f"| {k.replace('_', ' ')} | " + " | ".join(
            value_text(p.attributes[k]) if k in p.attributes else "–" for p in products) + " |")
    return "\n".join([header, sep, *rows])


def search_answer(products: Sequence[Product], *, need: str, note: str = "") -> str:
    """The template answer to a search: what was found, as lines."""
    if not products:
        need = need if need and len(need.split()) <= 6 and len(need) <= 60 else "anything"
        return (f"I couldn't find {need} in our catalog that fits. "
                "Could you tell me more, or loosen the budget or filters?")
    lines = [product_line(p, index=i) for i, p in enumerate(products, 1)]
    head = f"Here {'is' if len(products) == 1 else 'are'} {len(products)} option{'s' if len(products) != 1 else ''}"
    # Echo the shopper's words only when they are a short product need, never a whole message.
    head += f" for {need}:" if need and len(need.split()) <= 6 and len(need) <= 60 else ":"
    return "\n".join(([note] if note else []) + [head, *lines])
