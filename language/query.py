"""Turn a shopper's request into search text plus hard filters, by rules.

"waterproof hiking boots under 120" -> text "waterproof hiking boots", price_max 120.

Why rules and not a model: this runs on every turn, must take well under a millisecond, and must
give the same answer every time. English and Simplified Chinese.

How it works: extractors run in a fixed order (rating, stock, size, budget, then vocabulary terms)
over a working copy of the message; each one blanks out what it consumed, so "size 10" can never
also become a price and "at least 4.5 stars" never a minimum price. What is left, tidied up, is the
product need.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from catalog.filters import Filters
from language.budget import extract_budget
from language.fillers import tidy
from language.patterns import GAP, Scan
from language.slots import extract_rating, extract_sizes, extract_stock, extract_terms
from language.vocabulary import Vocabulary, builtin_vocabulary

__all__ = ["ParsedQuery", "parse_query"]


@dataclass(frozen=True)
class ParsedQuery:
    """What a request asks for: the need in words, and the constraints as filters."""

    text: str  # the product need with constraint phrases removed, e.g. "waterproof hiking boots"
    filters: Filters
    # Attribute values the shopper ruled out ("not red" -> {"color": ("red",)}). Filters cannot say
    # "anything but red", so `filters` carries every other known value instead (see `parse_query`).
    excluded_attributes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def parse_query(text: str, *, vocab: Vocabulary | None = None) -> ParsedQuery:
    """Split a request into the product need and hard filters.

    Without `vocab` only built-in colour, size and material words are known (no brands or
    categories). A ruled-out colour or material ("not red", "不要红色") is reported in
    `excluded_attributes`; since `Filters` cannot exclude a value, `filters` then lists every other
    known value, unless the request also names the values it wants ("blue, not red").
    """
    vocab = vocab or builtin_vocabulary()
    scan = Scan(text.replace(GAP, " "))
    min_rating = extract_rating(scan)
    in_stock = extract_stock(scan)
    sizes = extract_sizes(scan)
    budget = extract_budget(scan)
    terms = extract_terms(scan, vocab)

    if sizes:
        said_alone = terms.attributes.get("size", [])
        terms.attributes["size"] = sizes + [s for s in said_alone if s not in sizes]
    attributes: dict[str, Any] = {}
    for name, values in terms.attributes.items():
        attributes[name] = values[0] if len(values) == 1 else list(values)
    excluded = {name: tuple(values) for name, values in terms.excluded.items()}
    for name, values in excluded.items():
        if name not in attributes:
            others = vocab.complement(name, values)
            if others:
                attributes[name] = list(others)
    filters = Filters(
        price_min=budget.price_min,
        price_max=budget.price_max,
        currency=budget.currency,
        categories=tuple(terms.categories),
        brands=tuple(b for b in terms.brands if b not in terms.exclude_brands),
        exclude_brands=tuple(terms.exclude_brands),
        min_rating=min_rating,
        in_stock=in_stock,
        attributes=attributes,
    )
    return ParsedQuery(text=tidy(scan.text), filters=filters, excluded_attributes=excluded)
