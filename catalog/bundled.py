"""The demo catalog that ships inside the package, imported on first use."""
from __future__ import annotations

import hashlib
from pathlib import Path


def demo_catalog_path() -> Path:
    """The demo catalog that ships inside the package (written for Aisle, not scraped)."""
    return Path(__file__).resolve().parent / "demo" / "products.jsonl"


def ensure_demo_catalog(db_path: str | Path) -> Path:
    """Import the demo catalog into `db_path` unless that catalog already has it at this version."""
    from catalog.importer import import_file
    from catalog.store import CatalogStore

    db_path = Path(db_path)
    store = CatalogStore(db_path)
    source = demo_catalog_path()
    stamp = hashlib.sha1(source.read_bytes()).hexdigest()
    meta = store.db["aisle_meta"]
    current = None
    if "aisle_meta" in store.db.table_names():
        rows = list(store.db.query("SELECT value FROM aisle_meta WHERE key = 'demo_stamp'"))
        current = rows[0]["value"] if rows else None
    if current != stamp:
        import_file(store, source)
        meta.upsert({"key": "demo_stamp", "value": stamp}, pk="key")
    from catalog.policies import ensure_demo_policies

    ensure_demo_policies(db_path)  # the demo shop's shipping/returns/warranty/payment text
    return db_path
