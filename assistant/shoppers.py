"""Recommendations shaped by a returning shopper's past sessions (searches, viewed and carted products).

The profile is computed from catalog rows, never guessed: the categories and brands of what the
shopper looked at and carted (carted counts three times as much), and the price range they
carted in. It reorders results a search already found (`personalise`) and builds a "picked for
you" list when a returning shopper opens a chat (`recommend`); it never adds a product that does
not match the shopper's stated filters, so it cannot override what they asked for.

    history = store.shopper_history(shopper_id)
    profile = ShopperProfile.build(history, catalog)
    products = personalise(products, profile)
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from catalog.models import Product
    from catalog.store import CatalogStore
    from retrieval.retriever import Retriever
    from assistant.sessions.base import ShopperHistory

logger = logging.getLogger(__name__)

CART_WEIGHT = 3.0  # a carted product says more about taste than one that was only shown
MAX_BOOST = 2  # personalisation moves a result up at most this many places: relevance stays first


@dataclass
class ShopperProfile:
    """Tastes read from a shopper's history, as weights over catalog values."""

    shopper_id: str
    categories: Counter = field(default_factory=Counter)
    brands: Counter = field(default_factory=Counter)
    price_typical: float | None = None  # median price of carted (else viewed) products
    searches: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    carted: set[str] = field(default_factory=set)

    @property
    def empty(self) -> bool:
        return not (self.categories or self.searches)

    @classmethod
    def build(cls, history: "ShopperHistory", catalog: "CatalogStore", *, max_products: int = 200) -> "ShopperProfile":
        """From `store.shopper_history(...)` and the catalog rows of the products in it."""
        viewed = catalog.get_many(history.viewed[:max_products])
        carted = catalog.get_many(history.carted[:max_products])
        profile = cls(history.shopper_id, searches=list(history.searches[:10]),
                      seen={p.id for p in viewed}, carted={p.id for p in carted})
        for products, weight in ((viewed, 1.0), (carted, CART_WEIGHT)):
            for p in products:
                if p.category:
                    profile.categories[p.category.lower()] += weight
                if p.brand:
                    profile.brands[p.brand.lower()] += weight
        prices = [p.price for p in carted] or [p.price for p in viewed]
        profile.price_typical = median(prices) if prices else None
        return profile

    def affinity(self, product: "Product") -> float:
        """0..1: how close a product is to this shopper's history (category, brand, price)."""
        if self.empty:
            return 0.0
        top_cat = max(self.categories.values(), default=0) or 1
        top_brand = max(self.brands.values(), default=0) or 1
        score = 0.5 * self.categories.get(product.category.lower(), 0) / top_cat
        score += 0.3 * self.brands.get(product.brand.lower(), 0) / top_brand
        if self.price_typical:
            ratio = product.price / self.price_typical if self.price_typical else 1
            score += 0.2 * max(0.0, 1 - abs(ratio - 1))
        return score


def personalise(products: Sequence["Product"], profile: ShopperProfile | None) -> list["Product"]:
    """Reorder found products by the shopper's tastes, each moving up at most MAX_BOOST places."""
    if profile is None or profile.empty or len(products) < 2:
        return list(products)
    keyed = [(i - MAX_BOOST * profile.affinity(p), i, p) for i, p in enumerate(products)]
    return [p for _, _, p in sorted(keyed, key=lambda k: (k[0], k[1]))]


def recommend(retriever: "Retriever", profile: ShopperProfile, *, k: int = 4) -> list["Product"]:
    """Products for a returning shopper: their latest searches again, minus what they carted, by taste."""
    if profile.empty:
        return []
    query = " ".join(profile.searches[:2]) or " ".join(c for c, _ in profile.categories.most_common(2))
    hits = retriever.search(query, k=k + 8, filters={"exclude_ids": sorted(profile.carted), "in_stock": True})
    fresh = [h.product for h in hits if h.product.id not in profile.seen] or [h.product for h in hits]
    return personalise(fresh, profile)[:k]
