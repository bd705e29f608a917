"""Catalog feeds as shops export them: a Shopify product CSV, a Google Merchant Center feed (XML or TSV).

Each reader turns the feed into the importer's plain records (one per product, variants as a
`variants` list or shared `group_id`s), remembering which line of the file each record came
from, so the importer's row-level errors point at the line a shop owner can open and fix.
`detect_feed` looks at the file's first bytes and header, never at its name alone.
"""
from __future__ import annotations

import csv
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from catalog.importer import CatalogFormatError, RowError


@dataclass
class FeedRead:
    """Records for the importer, the file row of each, and rows the feed itself refuses."""

    format: str  # "shopify" | "merchant-xml" | "merchant-tsv"
    records: list[dict[str, Any]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # file row (data rows, header not counted) of each record
    errors: list[RowError] = field(default_factory=list)


def read_feed(path: str | Path) -> FeedRead | None:
    """The feed's records if `path` is a Shopify or Merchant Center export; None for Aisle's own formats."""
    path = Path(path)
    if path.suffix.lower() in (".json", ".jsonl", ".ndjson") or not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return None  # read_records says what is wrong with the encoding
    reader = detect_feed(path, text)
    if reader is None and path.suffix.lower() == ".xml":
        raise CatalogFormatError(f"{path} is XML but not a Merchant Center feed (RSS <item>s or Atom <entry>s)")
    return reader(text) if reader else None


def detect_feed(path: str | Path, text: str) -> Callable[[str], FeedRead] | None:
    """The reader for a Shopify CSV or a Merchant Center XML/TSV feed, or None for Aisle's own formats."""
    head = text.lstrip()[:2000]
    if head.startswith("<"):
        from catalog.feeds.merchant import read_merchant_xml

        return read_merchant_xml
    header = {h.strip().lower() for h in _first_line(text)}
    if {"handle", "title"} <= header and ("variant price" in header or "variant sku" in header):
        from catalog.feeds.shopify import read_shopify_csv

        return read_shopify_csv
    plain = {h.removeprefix("g:") for h in header}
    if {"id", "title", "price"} <= plain and ({"link", "availability"} & plain) and "handle" not in plain:
        from catalog.feeds.merchant import read_merchant_table

        return read_merchant_table
    return None


def _first_line(text: str) -> list[str]:
    line = text.lstrip("\ufeff").split("\n", 1)[0]
    return next(csv.reader([line], dialect="excel-tab" if "\t" in line else "excel"), [])


def table_rows(text: str) -> list[dict[str, str]]:
    """CSV or TSV rows by header name (tab-separated when the header line has a tab)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    reader = csv.DictReader(text.lstrip("\ufeff").splitlines(), dialect="excel-tab" if "\t" in first else "excel")
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None} for row in reader]


_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(?:p|br|li|ul|ol|div|h[1-6]|tr)\b[^>]*>", re.IGNORECASE)


def html_to_text(value: str) -> str:
    """Product descriptions arrive as HTML: keep the words, one space between blocks."""
    text = _BLOCK.sub(" ", value or "")
    text = html.unescape(_TAG.sub("", text))
    return re.sub(r"\s+", " ", text).strip()


_PRICE = re.compile(r"^\s*(-?[\d.,]+)\s*([A-Za-z]{3})?\s*$")


def split_price(value: str) -> tuple[str, str | None]:
    """'15.00 USD' -> ('15.00', 'USD'); anything else is left for the importer to judge."""
    m = _PRICE.match(value or "")
    return (m.group(1), m.group(2).upper() if m.group(2) else None) if m else (value, None)
