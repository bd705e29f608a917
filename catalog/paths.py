"""Where the catalog lives by default, read from the environment: the lowest layer's own settings,
so the catalog and retrieval command lines need nothing from the assistant above them."""
from __future__ import annotations

import os
from pathlib import Path

DEFAULT_EMBEDDER = "e5"  # multilingual-e5-small: English and Chinese queries, also across them


def default_data_dir() -> Path:
    """Where Aisle keeps its SQLite files, indexes and converted models (`AISLE_DATA_DIR`, default ~/.aisle)."""
    return Path(os.environ.get("AISLE_DATA_DIR") or Path.home() / ".aisle").expanduser()


def default_catalog_path() -> Path:
    return default_data_dir() / "catalog.db"


def default_embedder() -> str:
    """The product embedder (`AISLE_EMBEDDER`: e5 or minilm)."""
    return os.environ.get("AISLE_EMBEDDER") or DEFAULT_EMBEDDER
