"""The shop's catalog: products in SQLite with full-text search, imported from CSV/JSON/JSONL.

Names load on first use, so `from catalog.models import Product` (which every reply needs) does
not pull in sqlite-utils and its dependencies.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from catalog.bundled import demo_catalog_path, ensure_demo_catalog
    from catalog.importer import CatalogFormatError, ImportReport, RowError, import_file
    from catalog.models import Product
    from catalog.store import CatalogStore

_WHERE = {
    "CatalogFormatError": "catalog.importer", "ImportReport": "catalog.importer", "RowError": "catalog.importer",
    "import_file": "catalog.importer", "Product": "catalog.models", "CatalogStore": "catalog.store",
    "demo_catalog_path": "catalog.bundled", "ensure_demo_catalog": "catalog.bundled",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'catalog' has no attribute {name!r}")
