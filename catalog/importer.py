"""Import a shop's catalog file (CSV, JSON, JSONL) into the store: validate each row, keep the good ones.

Incoming shapes differ: DummyJSON-style flat products, tau-bench-style products with variants,
scraped listings with "$13.39" prices and "4.7/5" ratings. Known field names are recognised by
alias; `mapping` (target=source) covers the rest; fields Aisle has no column for are kept in `extra`.

Variants: a product with a `variants` list/dict becomes one row per variant (its own id, price,
options as attributes, availability), all sharing `group_id` = the parent's id and a title that
names the options ("T-Shirt (blue, M, cotton)"). Search therefore matches the exact variant a
shopper asks for ("red t-shirt size L"), and the retriever shows one card per group.
"""
from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog.models import Product
from catalog.store import CatalogStore

logger = logging.getLogger(__name__)

ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "product_id", "item_id", "sku", "asin", "uid"),
    "title": ("title", "name", "product_name", "product_title"),
    "description": ("description", "short_description", "summary", "body", "body_html"),
    "category": ("category", "product_type", "type", "department"),
    "brand": ("brand", "manufacturer", "vendor", "maker"),
    "price": ("price", "cost", "sale_price", "current_price"),
    "currency": ("currency", "currency_code"),
    "rating": ("rating", "stars", "average_rating", "review_score"),
    "stock": ("stock", "quantity", "inventory", "stock_quantity", "qty"),
    "availability": ("availability", "availabilityStatus", "available", "in_stock", "status"),
    "reviews": ("reviews",),
    "tags": ("tags", "keywords"),
    "attributes": ("attributes", "specs", "specifications", "options"),
    "group_id": ("group_id", "parent_id"),
}
# Fields that are specs a shopper asks about: promoted into attributes under a plain name.
PROMOTED = {
    "warrantyInformation": "warranty", "warranty": "warranty", "shippingInformation": "shipping",
    "returnPolicy": "return_policy", "weight": "weight", "dimensions": "dimensions", "color": "color",
    "colour": "color", "size": "size", "material": "material",
}
_CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "￥": "CNY", "元": "CNY", "RMB": "CNY"}
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?|-?\.\d+")


class CatalogFormatError(ValueError):
    """The file is not a product catalog Aisle can read; the message says what to do."""


@dataclass
class RowError:
    row: int  # 1-based position of the record in the file (data rows; CSV header not counted)
    field: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.field}: {self.reason}"


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RowError] = field(default_factory=list)
    product_ids: list[str] = field(default_factory=list)
    format: str = ""  # "shopify", "merchant-xml" or "merchant-tsv" for a feed export; "" for Aisle's own formats
    policies: int = 0  # policy sections imported from the file's `policies` key (JSON catalogs)

    def summary(self) -> str:
        return (f"imported {self.imported}, updated {self.updated}, unchanged {self.unchanged}, "
                f"rejected {len(self.rejected)}")


def parse_mapping(spec: str | None) -> dict[str, str]:
    """`"title=name,price=cost"` -> {"title": "name", "price": "cost"} (our field = their field)."""
    out: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValueError(f"Bad --map entry {part!r}: write ours=theirs, e.g. title=name,price=cost")
        ours, theirs = (x.strip() for x in part.split("=", 1))
        if ours not in Product.__dataclass_fields__:
            raise ValueError(f"--map names unknown field {ours!r}; known: {', '.join(Product.__dataclass_fields__)}")
        out[ours] = theirs
    return out


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """Records from CSV, JSON (a list, {"products": [...]}, or {id: product}) or JSONL."""
    path = Path(path)
    if not path.exists():
        raise CatalogFormatError(f"No such file: {path}")
    suffix = path.suffix.lower()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogFormatError(f"{path} is not UTF-8 text; export the catalog as UTF-8 CSV, JSON or JSONL") from exc
    try:
        if suffix == ".csv" or suffix == ".tsv":
            dialect = "excel-tab" if suffix == ".tsv" else "excel"
            return [dict(r) for r in csv.DictReader(text.splitlines(), dialect=dialect)]
        if suffix == ".jsonl" or suffix == ".ndjson":
            return [_jsonl_line(line, i) for i, line in enumerate(text.splitlines(), 1) if line.strip()]
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogFormatError(f"{path} is not valid JSON ({exc.msg} at line {exc.lineno}); "
                                 "expected a list of products, or JSON Lines with a .jsonl name") from exc
    except csv.Error as exc:
        raise CatalogFormatError(f"{path} is not a readable CSV file: {exc}") from exc
    if isinstance(data, dict):
        for key in ("products", "items", "data", "results"):
            if isinstance(data.get(key), list):
                return data[key]
        if data and all(isinstance(v, dict) for v in data.values()):
            return [{"id": k, **v} if "id" not in v and "product_id" not in v else v for k, v in data.items()]
    if isinstance(data, list):
        return data
    raise CatalogFormatError(f"{path} holds no list of products (found {type(data).__name__})")


def _jsonl_line(line: str, number: int) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        return _Unparsable(number)


class _Unparsable:
    def __init__(self, line: int) -> None:
        self.line = line


def import_file(store: CatalogStore, path: str | Path, *, mapping: Mapping[str, str] | None = None) -> ImportReport:
    """Validate every record and upsert the good ones in one transaction; bad rows are reported, not fatal."""
    from catalog.feeds import read_feed

    feed = read_feed(path)  # a Shopify CSV or Merchant Center XML/TSV export, read as it comes
    records = feed.records if feed is not None else read_records(path)
    products, errors = normalise_records(records, mapping=mapping or {})
    if feed is not None:  # errors name the feed's own line numbers, and the lines it refused itself
        errors = sorted([*feed.errors, *(RowError(feed.rows[e.row - 1], e.field, e.reason) for e in errors)],
                        key=lambda e: e.row)
    if records and not products and _looks_like_no_catalog(records, mapping or {}):
        raise CatalogFormatError(
            f"{path} does not look like a product catalog: no record has a title and a price. "
            "If the fields have other names, map them: --map title=NAME_FIELD,price=PRICE_FIELD")
    report = ImportReport(rejected=errors, product_ids=[p.id for p in products], format=feed.format if feed else "")
    report.imported, report.updated, report.unchanged = store.upsert(products)
    if Path(path).suffix.lower() == ".json":
        from catalog.policies import import_json_policies

        report.policies = import_json_policies(store, path)
    for e in errors:
        logger.warning("rejected %s", e)
    return report


def _looks_like_no_catalog(records: list[Any], mapping: Mapping[str, str]) -> bool:
    for rec in records[:200]:
        if isinstance(rec, dict):
            keys = set(rec)
            has_title = any(k in keys for k in ALIASES["title"]) or mapping.get("title") in keys
            has_price = any(k in keys for k in ALIASES["price"]) or mapping.get("price") in keys or "variants" in keys
            if has_title and has_price:
                return False
    return True


def normalise_records(records: list[Any], *, mapping: Mapping[str, str]) -> tuple[list[Product], list[RowError]]:
    """Turn raw records into Products; the later of two rows with one id wins."""
    products: dict[str, Product] = {}
    errors: list[RowError] = []
    for row_number, rec in enumerate(records, 1):
        if isinstance(rec, _Unparsable):
            errors.append(RowError(row_number, "(line)", f"line {rec.line} is not valid JSON"))
            continue
        if not isinstance(rec, dict):
            errors.append(RowError(row_number, "(row)", f"expected an object, got {type(rec).__name__}"))
            continue
        try:
            for p in _normalise(rec, mapping):
                products[p.id] = p
        except _FieldError as exc:
            errors.append(RowError(row_number, exc.field, exc.reason))
    return list(products.values()), errors


class _FieldError(Exception):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field, self.reason = field, reason


def _normalise(raw: dict[str, Any], mapping: Mapping[str, str]) -> Iterator[Product]:
    rec = dict(raw)
    picked: dict[str, Any] = {}
    for ours, theirs in mapping.items():
        if theirs in rec:
            picked[ours] = rec.pop(theirs)
    for ours, names in ALIASES.items():
        if ours in picked:
            continue
        for name in names:
            if name in rec and rec[name] not in (None, ""):
                picked[ours] = rec.pop(name)
                break
    variants = rec.pop("variants", None)
    attributes = _as_dict(picked.pop("attributes", None), "attributes")
    for key in list(rec):
        if key in PROMOTED and rec[key] not in (None, ""):
            attributes.setdefault(PROMOTED[key], rec.pop(key))
    extra = {k: v for k, v in rec.items() if v not in (None, "")}

    title = _text(picked.get("title"))
    if not title:
        raise _FieldError("title", "missing or empty")
    pid = _text(picked.get("id")) or _slug(title)
    base = dict(
        title=title,
        description=_text(picked.get("description")),
        category=_text(picked.get("category")).lower(),
        brand=_text(picked.get("brand")),
        rating=_rating(picked.get("rating")),
        reviews=_reviews(picked.get("reviews")),
        tags=_tags(picked.get("tags")),
        extra=extra,
    )
    if variants:
        items = list(variants.values()) if isinstance(variants, dict) else list(variants)
        if not all(isinstance(v, dict) for v in items):
            raise _FieldError("variants", "each variant must be an object")
        for v in items:
            vid = _text(v.get("item_id") or v.get("id") or v.get("sku"))
            if not vid:
                raise _FieldError("variants", "a variant has no item_id/id/sku")
            options = _as_dict(v.get("options") or v.get("attributes"), "variants.options")
            price, currency = _price(v.get("price", picked.get("price")), picked.get("currency"))
            label = ", ".join(str(x) for x in options.values())
            yield Product(
                id=vid, price=price, currency=currency, group_id=pid,
                stock=_stock(v.get("stock")), availability=_availability(v.get("available", v.get("availability")), None),
                attributes={**attributes, **options},
                **{**base, "title": f"{title} ({label})" if label else title},
            )
        return
    price, currency = _price(picked.get("price"), picked.get("currency"))
    stock = _stock(picked.get("stock"))
    yield Product(
        id=pid, price=price, currency=currency, stock=stock,
        availability=_availability(picked.get("availability"), stock),
        attributes=attributes, group_id=_text(picked.get("group_id")) or None, **base,
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = " ".join(map(str, value))
    return str(value).strip()


def _slug(title: str) -> str:
    slug = re.sub(r"[^\w]+", "-", title.lower(), flags=re.UNICODE).strip("-")
    return slug[:80] or "product"


def _price(value: Any, currency: Any) -> tuple[float, str]:
    cur = _text(currency).upper() or None
    if value is None or value == "":
        raise _FieldError("price", "missing")
    if isinstance(value, bool):
        raise _FieldError("price", f"not a number: {value!r}")
    if isinstance(value, (int, float)):
        amount = float(value)
    else:
        text = str(value).strip()
        for sym, code in sorted(_CURRENCY_SYMBOLS.items(), key=lambda kv: -len(kv[0])):
            if sym in text:
                cur = cur or code
                break
        m = _NUMBER.search(text.replace(" ", ""))
        if not m:
            raise _FieldError("price", f"not a number: {value!r}")
        num = m.group(0)
        # "13,39" (decimal comma) vs "1,299.00" (thousands separator)
        if "," in num and "." not in num and re.fullmatch(r"-?\d+,\d{2}", num):
            num = num.replace(",", ".")
        amount = float(num.replace(",", ""))
    if amount != amount or amount < 0:
        raise _FieldError("price", f"must be a non-negative number, got {value!r}")
    return round(amount, 2), (cur or "USD")


def _rating(value: Any) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _FieldError("rating", f"not a number: {value!r}")
    if isinstance(value, (int, float)):
        r = float(value)
    else:
        text = str(value)
        nums = _NUMBER.findall(text)
        if not nums:
            raise _FieldError("rating", f"not a number: {value!r}")
        r = float(nums[0].replace(",", "."))
        if len(nums) > 1 and ("/" in text or "out of" in text):
            scale = float(nums[1])
            if scale <= 0:
                raise _FieldError("rating", f"bad scale in {value!r}")
            r = r * 5.0 / scale
    if not 0 <= r <= 5:
        raise _FieldError("rating", f"must be between 0 and 5, got {value!r}")
    return round(r, 2)


def _stock(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        n = int(float(value))
    except (TypeError, ValueError):
        raise _FieldError("stock", f"not a whole number: {value!r}") from None
    if n < 0:
        raise _FieldError("stock", f"must be >= 0, got {n}")
    return n


def _availability(value: Any, stock: int | None) -> str:
    if isinstance(value, bool):
        return "in_stock" if value else "out_of_stock"
    text = _text(value).lower().replace("-", " ").replace("_", " ")
    if text in ("true", "yes", "1"):
        return "in_stock"
    if text in ("false", "no", "0"):
        return "out_of_stock"
    if "out of stock" in text or "sold out" in text or "unavailable" in text:
        return "out_of_stock"
    if "pre" in text and "order" in text:
        return "preorder"
    if "stock" in text or "available" in text:
        return "in_stock"
    if stock is not None:
        return "in_stock" if stock > 0 else "out_of_stock"
    return "in_stock"


def _reviews(value: Any) -> list[dict[str, Any]]:
    if not value:
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return [{"rating": None, "author": "", "text": value}]
    if not isinstance(value, list):
        raise _FieldError("reviews", "expected a list of reviews")
    out = []
    for r in value:
        if isinstance(r, str):
            out.append({"rating": None, "author": "", "text": r})
        elif isinstance(r, dict):
            out.append({
                "rating": r.get("rating"),
                "author": _text(r.get("author") or r.get("reviewerName") or r.get("name")),
                "text": _text(r.get("text") or r.get("comment") or r.get("body") or r.get("review")),
            })
    return out


def _tags(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [t.strip().lower() for t in re.split(r"[,;|]", value) if t.strip()]
    if isinstance(value, list):
        return [str(t).strip().lower() for t in value if str(t).strip()]
    raise _FieldError("tags", "expected a list or a comma-separated string")


def _as_dict(value: Any, name: str) -> dict[str, Any]:
    if value in (None, ""):
        return {}
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            raise _FieldError(name, "not a JSON object") from None
    if not isinstance(value, dict):
        raise _FieldError(name, f"expected an object, got {type(value).__name__}")
    return dict(value)
