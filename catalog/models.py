"""The product as Aisle stores it: typed core fields, free-form attributes, and kept extras."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Product:
    """One sellable item (a variant of a product group is a product of its own, see `group_id`)."""

    id: str
    title: str
    price: float
    description: str = ""
    category: str = ""
    brand: str = ""
    currency: str = "USD"
    rating: float | None = None
    stock: int | None = None
    availability: str = "in_stock"  # in_stock | out_of_stock | preorder | unknown
    attributes: dict[str, Any] = field(default_factory=dict)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    group_id: str | None = None  # products that are variants of one another share it
    extra: dict[str, Any] = field(default_factory=dict)  # incoming fields Aisle has no column for

    @property
    def in_stock(self) -> bool:
        return self.availability == "in_stock" and (self.stock is None or self.stock > 0)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Product":
        """Build from a `products` table row (JSON columns decoded)."""
        data = {k: row.get(k) for k in cls.__dataclass_fields__}
        for key in ("attributes", "extra"):
            data[key] = _json(data.get(key), {})
        for key in ("reviews", "tags"):
            data[key] = _json(data.get(key), [])
        data["description"] = data.get("description") or ""
        data["category"] = data.get("category") or ""
        data["brand"] = data.get("brand") or ""
        data["currency"] = data.get("currency") or "USD"
        data["availability"] = data.get("availability") or "unknown"
        return cls(**data)

    def to_row(self) -> dict[str, Any]:
        """The `products` table row, JSON columns encoded, with a content hash for index sync."""
        row = self.to_dict()
        for key in ("attributes", "extra", "reviews", "tags"):
            row[key] = json.dumps(row[key], ensure_ascii=False, sort_keys=True)
        row["content_hash"] = hashlib.sha1(
            json.dumps(row, sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest()
        return row

    def facts(self) -> dict[str, Any]:
        """Everything the catalog says about the product beyond the core fields, for grounded Q&A."""
        out: dict[str, Any] = {}
        out.update({k: v for k, v in self.extra.items() if not _is_media(k, v)})
        out.update(self.attributes)
        return out

    def embedding_text(self) -> str:
        """The text a dense index embeds: what a shopper might describe the product by."""
        attrs = ", ".join(
            f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}"
            for k, v in self.attributes.items()
            if isinstance(v, (str, int, float, list)) and k not in ("dimensions",)
        )
        parts = [self.title, self.brand, self.category, self.description[:500], attrs, " ".join(self.tags)]
        return ". ".join(p for p in parts if p)


def _json(value: Any, default: Any) -> Any:
    if value is None or value == "":
        return default
    if isinstance(value, (dict, list)):
        return value
    return json.loads(value)


def _is_media(key: str, value: Any) -> bool:
    k = key.lower()
    if any(s in k for s in ("image", "thumbnail", "qrcode", "url", "meta", "barcode")):
        return True
    return isinstance(value, str) and value.startswith(("http://", "https://"))
