"""Google Merchant Center product feeds, read as shops upload them: RSS/Atom XML or a tab-separated file.

Attribute names are Merchant Center's (`id`, `title`, `price` "15.00 USD", `availability`
"in_stock", `item_group_id`, `color`, `size`, ...), with or without the `g:` namespace. Variants
in Merchant Center are separate items sharing `item_group_id`, which becomes Aisle's `group_id`.
A `sale_price` is the price a shopper pays; the regular price is kept as `list_price`.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from catalog.feeds import FeedRead, html_to_text, split_price, table_rows
from catalog.importer import CatalogFormatError, RowError

# Merchant Center attributes a shopper asks about, kept as product attributes under these names.
ATTRIBUTES = ("color", "size", "material", "pattern", "gender", "age_group", "condition", "size_type")
_AVAILABILITY = {"in_stock": "in_stock", "in stock": "in_stock", "out_of_stock": "out_of_stock",
                 "out of stock": "out_of_stock", "preorder": "preorder", "backorder": "preorder"}


def read_merchant_table(text: str) -> FeedRead:
    """A tab-separated (or CSV) feed with Merchant Center's attribute names as the header."""
    feed = FeedRead("merchant-tsv")
    for number, row in enumerate(table_rows(text), 1):
        _add(feed, number, {k.removeprefix("g:"): v for k, v in row.items()})
    return feed


def read_merchant_xml(text: str) -> FeedRead:
    """An RSS 2.0 (`<item>`) or Atom (`<entry>`) feed; items are numbered from 1 in file order."""
    try:
        root = ET.fromstring(text.lstrip("\ufeff"))
    except ET.ParseError as exc:
        line, column = exc.position
        raise CatalogFormatError(f"The feed is not well-formed XML (line {line}, column {column}): "
                                 "export it again from Merchant Center, or check the file is complete") from None
    items = [el for el in root.iter() if _local(el.tag) in ("item", "entry")]
    if not items:
        raise CatalogFormatError("The XML feed has no <item> or <entry> elements: a Merchant Center feed lists "
                                 "products as RSS <item>s with g: attributes")
    feed = FeedRead("merchant-xml")
    for number, item in enumerate(items, 1):
        fields: dict[str, Any] = {}
        for child in item:
            name = _local(child.tag)
            value = _value(child)
            if name in fields:  # repeated attributes (additional_image_link, shipping) become lists
                fields[name] = [*fields[name], value] if isinstance(fields[name], list) else [fields[name], value]
            else:
                fields[name] = value
        if not fields.get("link"):  # Atom writes <link href="..."/>
            fields["link"] = next((el.get("href", "") for el in item if _local(el.tag) == "link"), "")
        _add(feed, number, fields)
    return feed


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _value(el: ET.Element) -> Any:
    """Text for a plain element; {child: text} for a group such as <g:shipping>."""
    children = list(el)
    if children:
        return {_local(c.tag): (c.text or "").strip() for c in children}
    return (el.text or "").strip()


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _add(feed: FeedRead, number: int, item: dict[str, Any]) -> None:
    item_id = _text(item.get("id"))
    if not item_id:
        feed.errors.append(RowError(number, "id", "missing: every Merchant Center item needs an id"))
        return
    feed.records.append(_record(item_id, item))
    feed.rows.append(number)


def _record(item_id: str, item: dict[str, Any]) -> dict[str, Any]:
    price, currency = split_price(_text(item.get("price")))
    sale, sale_currency = split_price(_text(item.get("sale_price")))
    record: dict[str, Any] = {
        "id": item_id, "title": _text(item.get("title")), "description": html_to_text(_text(item.get("description"))),
        "brand": _text(item.get("brand")), "category": _category(item), "price": sale or price,
        "currency": sale_currency or currency or "", "group_id": _text(item.get("item_group_id")) or None,
    }
    availability = _text(item.get("availability")).lower()
    if availability:
        record["availability"] = _AVAILABILITY.get(availability, availability)
    if sale:
        record["list_price"] = price
    record["attributes"] = {k: _text(item[k]) for k in ATTRIBUTES if _text(item.get(k))}
    weight = _text(item.get("shipping_weight"))
    if weight:
        record["attributes"]["weight"] = weight
    used = {"id", "title", "description", "brand", "price", "sale_price", "availability", "item_group_id",
            "product_type", "google_product_category", "shipping_weight", *ATTRIBUTES}
    record.update({k: v for k, v in item.items() if k not in used and v not in ("", None, [], {})})
    return record


def _category(item: dict[str, Any]) -> str:
    """The most specific level of `product_type` ("Home > Kitchen > Mugs" -> "Mugs"), else Google's category name."""
    for key in ("product_type", "google_product_category"):
        value = _text(item.get(key)).split(">")[-1].strip()
        if value and not value.isdigit():
            return value
    return ""
