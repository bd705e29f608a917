"""Structured search filters: what a shopper has pinned down (budget, brand, colour, ...)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

# A filter on "color" also matches the list a product keeps in "colors_available", etc.
ATTRIBUTE_ALIASES: dict[str, tuple[str, ...]] = {
    "color": ("color", "colour", "colors_available", "colors"),
    "size": ("size", "sizes_available", "sizes"),
    "material": ("material", "materials"),
}


@dataclass(frozen=True)
class Filters:
    """Hard constraints on search results. Empty/None fields constrain nothing.

    Strings compare case-insensitively. `attributes` maps an attribute name to one
    value or a list of acceptable values (any of them matches).
    """

    price_min: float | None = None
    price_max: float | None = None
    categories: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    exclude_brands: tuple[str, ...] = ()
    min_rating: float | None = None
    in_stock: bool = False
    attributes: dict[str, Any] = field(default_factory=dict)
    exclude_ids: tuple[str, ...] = ()
    currency: str | None = None  # the currency a budget was stated in, when the shopper said one

    @classmethod
    def from_any(cls, value: "Filters | dict | None") -> "Filters":
        """Accept a Filters, a plain dict (e.g. from JSON), or None."""
        if value is None:
            return cls()
        if isinstance(value, Filters):
            return value
        data = dict(value)
        for key in ("categories", "brands", "exclude_brands", "exclude_ids"):
            v = data.get(key)
            if isinstance(v, str):
                data[key] = (v,)
            elif v is not None:
                data[key] = tuple(v)
        for single, plural in (("category", "categories"), ("brand", "brands")):
            if single in data:
                data[plural] = tuple(data.get(plural, ())) + (data.pop(single),)
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"Unknown filter field(s) {sorted(unknown)}; known: {sorted(cls.__dataclass_fields__)}")
        return cls(**data)

    def merged(self, **changes: Any) -> "Filters":
        """A copy with some fields replaced."""
        return replace(self, **changes)

    def is_empty(self) -> bool:
        return self == Filters()

    def to_dict(self) -> dict:
        """Only the fields that constrain something."""
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(self).items() if v not in (None, (), {}, False)}


def attribute_matches(attributes: dict[str, Any], name: str, wanted: Any) -> bool:
    """True if a product's attributes satisfy one attribute filter (scalar or list, any alias)."""
    wanted_values = {str(w).strip().lower() for w in (wanted if isinstance(wanted, (list, tuple, set)) else [wanted])}
    keys = ATTRIBUTE_ALIASES.get(name.lower(), (name,))
    for key in keys:
        if key not in attributes:
            continue
        value = attributes[key]
        values = value if isinstance(value, (list, tuple)) else [value]
        for v in values:
            text = str(v).strip().lower()
            if text in wanted_values or (isinstance(v, bool) and str(v).lower() in wanted_values):
                return True
    return False
