"""What the shopper is looking for across turns, and how each understood message changes it."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from catalog.filters import Filters
from language.cjk import CJK

if TYPE_CHECKING:
    from language.understand import Understanding

__all__ = ["Preferences"]

_BUDGET_FIELDS = ("price_min", "price_max", "currency")


@dataclass(frozen=True)
class Preferences:
    """What the shopper is looking for so far: the need in words and the hard filters.

    Rules `apply` follows, in order (kept simple so a shopper can predict them):

    1. Only "search" and "refine" change preferences; questions, cart acts and chit-chat keep them.
    2. A "search" for the same need (one need's words contain the other's: "boots" ->
       "hiking boots") is treated as a refinement and the query becomes the new wording.
    3. A "search" for a different need starts fresh. It keeps the shopper-wide choices:
       excluded brands, "in stock" and a minimum rating. It keeps the budget too, unless both old
       and new needs name categories and they share none (a boot budget says nothing about
       tents). It drops brands, categories and attributes (colour, size and material belong to
       the old product). Whatever the new message says then applies on top.
    4. A "refine" merges the message into the current filters:
       - a stated budget replaces the whole old budget (both bounds);
       - named brands replace the brand choice and leave the exclusions; "not X" adds X to the
         exclusions (they accumulate) and removes it from the brand choice;
       - a named colour/size/material replaces that attribute; a ruled-out value ("not red")
         narrows the current choice ("red or black" -> black), or, when nothing would remain,
         takes the message's own value (every other colour);
       - categories, minimum rating and "in stock" replace or switch on;
       - extra need words ("bigger", "with a hood") are appended to the query.
    5. "cheaper" (no budget stated in the same message) sets price_max just below the cheapest
       product shown: min(last_prices) - 0.01, or 80% of it when that is under a cent; with no
       prices shown it lowers an existing cap by 20%. A floor at or above the new cap is dropped.
       "pricier" sets price_min just above the dearest shown (max + 0.01) and drops a cap at or
       below it; with no prices shown it raises an existing floor by 20%, or else lifts the cap.
       Both are ignored on a fresh search: prices of another kind of product are no yardstick.
    """

    query: str = ""
    filters: Filters = field(default_factory=Filters)

    def apply(self, u: Understanding, *, last_prices: Sequence[float] = ()) -> "Preferences":
        """The preferences after message `u`; `last_prices` are the prices of the products just shown."""
        if u.act == "search" and u.query_text and not _same_need(self.query, u.query_text):
            return Preferences(query=u.query_text, filters=_merge(self._carried_over(u), u))
        if u.act not in ("search", "refine"):
            return self
        query = u.query_text if u.act == "search" and u.query_text else _with_words(self.query, u.query_text)
        filters = _merge(self.filters, u)
        filters = _price_flags(filters, u, last_prices)
        return Preferences(query=query, filters=filters)

    def _carried_over(self, u: Understanding) -> Filters:
        old = self.filters
        keep_budget = not (old.categories and u.filters_delta.get("categories")
                           and not set(old.categories) & set(u.filters_delta["categories"]))
        budget = {k: getattr(old, k) for k in _BUDGET_FIELDS} if keep_budget else {}
        return Filters(exclude_brands=old.exclude_brands, in_stock=old.in_stock, min_rating=old.min_rating, **budget)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data for the session store."""
        return {"query": self.query, "filters": self.filters.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Preferences":
        """Inverse of `to_dict`; an empty or missing dict gives empty preferences."""
        data = data or {}
        return cls(query=data.get("query", "") or "", filters=Filters.from_any(data.get("filters")))


def _words(text: str) -> set[str]:
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in re.findall(r"[a-z0-9]+", text.lower())}


def _same_need(old: str, new: str) -> bool:
    if not old or not new:
        return not new
    if CJK.search(old) or CJK.search(new):
        return old in new or new in old
    a, b = _words(old), _words(new)
    return bool(a and b) and (a <= b or b <= a)


def _with_words(query: str, extra: str) -> str:
    from language.lexicon import PROPERTY_ADJECTIVES

    if not extra:
        return query
    if CJK.search(extra):
        return query if extra in query else f"{query} {extra}".strip()
    have = _words(query)
    new = [w for w in extra.split() if not _words(w) <= have]
    if new and all(w.lower() in PROPERTY_ADJECTIVES for w in new):
        return " ".join([*new, query]).strip()  # "waterproof" + "hiking boots": "waterproof hiking boots"
    return " ".join([query, *new]).strip() if new else query


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


def _single_or_list(values: list[str]) -> Any:
    return values[0] if len(values) == 1 else list(values)


def _merge(filters: Filters, u: Understanding) -> Filters:
    delta = u.filters_delta
    changes: dict[str, Any] = {}
    if "price_min" in delta or "price_max" in delta:
        changes.update({k: delta.get(k) for k in _BUDGET_FIELDS})
    if delta.get("categories"):
        changes["categories"] = tuple(delta["categories"])
    excluded = tuple(dict.fromkeys(filters.exclude_brands + tuple(delta.get("exclude_brands", ()))))
    brands = tuple(delta["brands"]) if delta.get("brands") else filters.brands
    named = {b.lower() for b in delta.get("brands", ())}
    changes["exclude_brands"] = tuple(b for b in excluded if b.lower() not in named)
    dropped = {b.lower() for b in changes["exclude_brands"]}
    changes["brands"] = tuple(b for b in brands if b.lower() not in dropped)
    if delta.get("min_rating") is not None:
        changes["min_rating"] = delta["min_rating"]
    if delta.get("in_stock"):
        changes["in_stock"] = True
    attributes = dict(filters.attributes)
    for name, value in delta.get("attributes", {}).items():
        current = _as_list(attributes.get(name))
        if name in u.excluded and current:
            kept = [v for v in current if v in _as_list(value)]
            attributes[name] = _single_or_list(kept) if kept else value
        else:
            attributes[name] = value
    for name, ruled_out in u.excluded.items():
        if name not in delta.get("attributes", {}) and name in attributes:
            kept = [v for v in _as_list(attributes[name]) if v.lower() not in {r.lower() for r in ruled_out}]
            if kept:
                attributes[name] = _single_or_list(kept)
            else:
                del attributes[name]
    changes["attributes"] = attributes
    return filters.merged(**changes)


def _price_flags(filters: Filters, u: Understanding, last_prices: Sequence[float]) -> Filters:
    prices = [float(p) for p in last_prices if p is not None and p > 0]
    if u.cheaper and "price_max" not in u.filters_delta:
        if prices:
            lowest = min(prices)
            cap = round(lowest - 0.01, 2) if lowest >= 0.02 else round(lowest * 0.8, 2)
        elif filters.price_max is not None:
            cap = round(filters.price_max * 0.8, 2)
        else:
            return filters
        floor = filters.price_min if filters.price_min is not None and filters.price_min < cap else None
        return filters.merged(price_max=cap, price_min=floor)
    if u.pricier and "price_min" not in u.filters_delta:
        if prices:
            floor = round(max(prices) + 0.01, 2)
        elif filters.price_min is not None:
            floor = round(filters.price_min * 1.2, 2)
        else:
            return filters.merged(price_max=None)
        cap = filters.price_max if filters.price_max is not None and filters.price_max > floor else None
        return filters.merged(price_min=floor, price_max=cap)
    return filters
