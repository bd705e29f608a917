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
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from catalog.models import Product
    from catalog.store import CatalogStore
    from retrieval.retriever import Hit, Retriever
    from assistant.sessions.base import ShopperHistory, ShopperLog

logger = logging.getLogger(__name__)

CART_WEIGHT = 3.0  # a carted product says more about taste than one that was only shown
MAX_BOOST = 2  # personalisation moves a result up at most this many places: relevance stays first
# `rerank`: a hit's fused score as a share of the best hit's, plus TIE_MARGIN x affinity (0..1). A
# product that suits the shopper overtakes one at most TIE_MARGIN more relevant: with the default
# reciprocal-rank fusion that is a few places among results both retrievers agree on, never a
# clearly better match (set before measuring, not tuned on the benchmark's dialogues).
TIE_MARGIN = 0.10
# "Something like last time", "anything new for me?": a returning shopper asking to be recommended
# to, with no product named; answered from their history (`recommend`), not by searching the words.
_PICKS_EN = re.compile(
    r"\b(?:like|similar to|same as|more of)\s+(?:what|the\s+ones?|the\s+stuff|those|the\s+things?|things?)\s+"
    r"(?:i|we)(?:'ve|\s+have)?\s+(?:bought|got|ordered|purchased|looked\s+at|viewed|liked|had)\b"
    r"|\b(?:same|similar|like)\s+(?:as\s+|to\s+)?(?:last\s+time|before|my\s+last\s+(?:order|purchase))\b"
    r"|\banything\s+(?:new\s+)?(?:for\s+me|i\s+(?:might|would|could)\s+like)\b"
    r"|\bwhat(?:'s|\s+is)?\s+new\s+for\s+me\b"
    r"|\b(?:recommend|suggest|pick)\s+(?:me\s+)?(?:something|anything|some\s*thing)(?:\s+for\s+me)?\s*[.?!]*$"
    r"|\bwhat\s+(?:would|do|can|could)\s+you\s+(?:recommend|suggest)(?:\s+for\s+me)?\s*[.?!]*$"
    r"|\bsurprise\s+me\b|\b(?:picked|picks)\s+for\s+me\b|\bbased\s+on\s+my\s+(?:history|orders?|purchases)\b",
    re.IGNORECASE)
_PICKS_ZH = re.compile(r"(?:像|类似|和|跟)(?:我)?上次|上次买的那种|以前买过的|有什么新的?(?:给我|适合我)|"
                       r"给我推荐(?:点|一下|些)?(?:东西|什么)?[吧吗呢。？?！!]*$|猜我喜欢")


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


def rerank(hits: Sequence["Hit"], profile: ShopperProfile | None, *, k: int,
           margin: float = TIE_MARGIN) -> list["Product"]:
    """The top `k` of a search's ranked hits, near-ties broken by the shopper's tastes.

    Score = fused score / best fused score + `margin` x affinity: a product matching the shopper's
    usual category, brand or price overtakes one at most `margin` more relevant, so history can
    lift it from just below the cards into them; a clearly better match stays ahead. Out-of-stock
    products stay behind in-stock ones (the first hit, which the shopper may have named, excepted).
    An anonymous shopper (no profile, or an empty one) gets the hits' own order, unchanged.
    """
    if profile is None or profile.empty or len(hits) < 2:
        return [h.product for h in hits[:k]]
    top = max(h.score for h in hits)
    if top <= 0:  # no usable scale: fall back to places
        return personalise([h.product for h in hits], profile)[:k]

    def key(item: tuple[int, "Hit"]) -> tuple[bool, float, int]:
        i, h = item
        return (i > 0 and not h.product.in_stock, -(h.score / top + margin * profile.affinity(h.product)), i)

    return [h.product for _, h in sorted(enumerate(hits), key=key)[:k]]


def wants_picks(text: str) -> bool:
    """Whether a message asks to be recommended to from history ("something like last time"), naming no product."""
    return bool(text) and bool(_PICKS_EN.search(text) or _PICKS_ZH.search(text))


def recommend(retriever: "Retriever", profile: ShopperProfile, *, k: int = 4) -> list["Product"]:
    """Products for a returning shopper: their latest searches again, minus what they carted, by taste."""
    if profile.empty:
        return []
    query = " ".join(profile.searches[:2]) or " ".join(c for c, _ in profile.categories.most_common(2))
    hits = retriever.search(query, k=k + 8, filters={"exclude_ids": sorted(profile.carted), "in_stock": True})
    fresh = [h.product for h in hits if h.product.id not in profile.seen] or [h.product for h in hits]
    return personalise(fresh, profile)[:k]


def picks_for(text: str, shopper_id: str | None, sessions: "ShopperLog", retriever: "Retriever", *,
              k: int = 4) -> list["Product"] | None:
    """The answer to a vague return request ("anything new for me?") from the shopper's history, or None.

    None means "not such a request, or nothing to go on" (no shopper id, no history): the turn then
    handles the message as it would anyway, so an anonymous shopper's chat never changes.
    """
    if not shopper_id or not wants_picks(text) or not hasattr(sessions, "shopper_history"):
        return None
    profile = ShopperProfile.build(sessions.shopper_history(shopper_id), retriever.store)
    return recommend(retriever, profile, k=k) or None
