"""Shopify's product CSV export (Products > Export), read as it comes.

The export has one line per variant: the first line of a product (its `Handle`) carries Title,
Body (HTML), Vendor, Type and Tags; the next lines with the same Handle carry only the variant's
options, SKU, price and stock, and image-only lines carry just `Image Src`. A product whose only
option is Shopify's placeholder ("Title" / "Default Title") has no real variants. Draft and
archived products are reported, not imported: they are not for sale.
"""
from __future__ import annotations

import re
from typing import Any

from catalog.feeds import FeedRead, html_to_text, table_rows
from catalog.importer import RowError, _FieldError, _price, _stock

_PLACEHOLDER_OPTION = ("title", "default title")


def read_shopify_csv(text: str) -> FeedRead:
    """Group the export's lines by Handle into products with variants; rows count from 1 after the header."""
    feed = FeedRead("shopify")
    products: dict[str, dict[str, Any]] = {}
    for number, row in enumerate(table_rows(text), 1):
        handle = row.get("Handle", "")
        if not handle:
            feed.errors.append(RowError(number, "Handle", "missing: every line needs the product's Handle"))
            continue
        product = products.get(handle)
        if product is None:
            if not row.get("Title"):
                feed.errors.append(RowError(number, "Title", f"no product line with a Title for Handle {handle!r}"))
                continue
            product = products[handle] = {"row": number, "line": row, "variants": [], "images": []}
        if row.get("Image Src"):
            product["images"].append(row["Image Src"])
        if _is_variant(row):
            product["variants"].append((number, row))
    for handle, product in products.items():
        line = product["line"]
        status = (line.get("Status") or "active").lower()
        if status != "active" or line.get("Published", "").lower() == "false" and "Status" not in line:
            feed.errors.append(RowError(product["row"], "Status", f"{status if status != 'active' else 'unpublished'}"
                                        " product, not imported (publish it in Shopify to sell it here)"))
            continue
        variants = _valid_variants(product["variants"], feed.errors)
        if product["variants"] and not variants:
            continue  # every variant line was refused, each with its own error
        feed.records.append(_record(handle, line, variants, product["images"]))
        feed.rows.append(product["row"])
    return feed


def _valid_variants(variants: list[tuple[int, dict[str, str]]], errors: list[RowError]) -> list:
    """Variant lines with a usable price and stock; a bad one is refused on its own line, its siblings stay."""
    good = []
    for number, row in variants:
        try:
            _price(row.get("Variant Price", ""), None)
            _stock(row.get("Variant Inventory Qty", ""))
        except _FieldError as exc:
            column = "Variant Price" if exc.field == "price" else "Variant Inventory Qty"
            errors.append(RowError(number, column, exc.reason))
            continue
        good.append((number, row))
    return good


def _is_variant(row: dict[str, str]) -> bool:
    return bool(row.get("Variant Price") or row.get("Variant SKU") or row.get("Option1 Value"))


def _options(row: dict[str, str], names: list[str]) -> dict[str, str]:
    out = {}
    for i, name in enumerate(names, 1):
        value = row.get(f"Option{i} Value", "")
        if name and value and (name.lower(), value.lower()) != _PLACEHOLDER_OPTION:
            out[name.lower()] = value
    return out


def _record(handle: str, line: dict[str, str], variants: list[tuple[int, dict[str, str]]],
            images: list[str]) -> dict[str, Any]:
    names = [line.get(f"Option{i} Name", "") for i in (1, 2, 3)]
    category = line.get("Type") or line.get("Product Category", "").split(">")[-1].strip()
    record: dict[str, Any] = {
        "id": handle, "title": line["Title"], "description": html_to_text(line.get("Body (HTML)", "")),
        "brand": line.get("Vendor", ""), "category": category, "tags": line.get("Tags", ""),
    }
    if images:
        record["image"] = images[0]
    built = [_variant(handle, row, _options(row, names)) for _, row in variants]
    if len(built) == 1 and not built[0]["options"]:  # Shopify's single "Default Title" variant
        only = built[0]
        record.update(price=only["price"], stock=only["stock"], available=only["available"],
                      attributes=only["attributes"])
        record.update({k: v for k, v in only["extra"].items() if v})
        return record
    # Variants keep their options only (the importer names each variant by them); weight is per product.
    record["variants"] = [{k: v for k, v in variant.items() if k not in ("attributes", "extra")}
                          for variant in built]
    if not built:
        record["price"] = ""  # a product line without a variant has no price: the importer reports it
        del record["variants"]
    return record


def _variant(handle: str, row: dict[str, str], options: dict[str, str]) -> dict[str, Any]:
    qty = row.get("Variant Inventory Qty", "")
    tracked = bool(row.get("Variant Inventory Tracker")) or qty != ""
    oversell = row.get("Variant Inventory Policy", "").lower() == "continue"
    stock: Any = qty if qty != "" and not oversell else None  # "continue": sells past zero, so stock is no limit
    available: Any = None
    if tracked and qty != "":
        available = oversell or float(qty) > 0
    attributes = {}
    grams = row.get("Variant Grams", "")
    if grams and re.fullmatch(r"\d+(?:\.\d+)?", grams) and float(grams) > 0:
        attributes["weight"] = f"{float(grams):g} g"
    sku = row.get("Variant SKU", "")
    vid = sku or "-".join([handle, *(re.sub(r"\W+", "-", v.lower()).strip("-") for v in options.values())])
    return {
        "id": vid, "price": row.get("Variant Price", ""), "stock": stock, "available": available,
        "options": options, "attributes": attributes,
        "extra": {"sku": sku, "compare_at_price": row.get("Variant Compare At Price", ""),
                  "barcode": row.get("Variant Barcode", "")},
    }
