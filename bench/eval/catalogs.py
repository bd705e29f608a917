"""The four evaluation catalogs, imported once into a cache folder, and what a product's "kind" is.

Each catalog goes through the public importer (`catalog.import_file`) and `retrieval.Retriever.open`
like any shop's files. The cache is keyed by the source files' contents, so a second run skips the
embedding pass; `--fresh` (or a new folder) rebuilds it.

"Kind" is the evaluation's own notion of "the same sort of product" (used by "category kept on
refinement"): the demo catalog's subcategory, DummyJSON's category, the tau-bench product type (the
title before the variant options), and for the MG-ShopDial items a keyword group from the title.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import shared_data_dir

CATALOGS = ("demo", "dummyjson", "tau", "mgshopdial")

# MG-ShopDial items carry no category: group them by what the title says they are (first match wins).
_MG_KINDS = [
    ("headphones", r"headphone"), ("ring light", r"ring light"), ("microphone", r"microphone|\bmic\b"),
    ("tripod", r"tripod|selfie stick|gimbal|vlogging"), ("smartphone", r"smartphone|cell phone|\bphone\b"),
    ("calendar", r"calendar|planner"), ("pencil case", r"pencil case|pen bag"), ("pens", r"\bpens?\b"),
    ("ink cartridge", r"cartridge"), ("printer paper", r"printer paper|copy paper"), ("paint", r"paint"),
    ("notebook", r"notebook"), ("running shoes", r"running shoe"), ("badminton racquet", r"racquet|racket"),
    ("shuttlecocks", r"shuttlecock"), ("ice hockey gear", r"hockey"),
]


def kind_of(catalog: str, product, *, source: str = "") -> str:
    """The product's kind in this catalog (see the module docstring); `source` is the file it came from."""
    if catalog == "demo":
        return str(product.attributes.get("subcategory") or product.category)
    if catalog == "tau":
        return product.title.split(" (")[0]
    if catalog == "mgshopdial":
        title = product.title.lower()
        if "Books" in source:
            return "book"
        for name, pattern in _MG_KINDS:
            if re.search(pattern, title):
                return name
        return "other"
    return product.category


def source_files(catalog: str) -> list[Path]:
    """The files a catalog is imported from (the demo ships in the repo; the rest are public data)."""
    if catalog == "demo":
        from catalog import demo_catalog_path

        return [demo_catalog_path()]
    data = shared_data_dir()
    if catalog == "dummyjson":
        return [data / "dummyjson_products.json"]
    if catalog == "tau":
        return [data / "tau_bench_retail_products.json"]
    if catalog == "mgshopdial":
        return sorted(data.glob("mgshopdial_items_*.json"))
    raise ValueError(f"unknown catalog {catalog!r}; known: {', '.join(CATALOGS)}")


def available(catalog: str) -> bool:
    try:
        return all(p.exists() for p in source_files(catalog)) and bool(source_files(catalog))
    except FileNotFoundError:
        return False


@dataclass
class EvalCatalog:
    """One imported catalog: its database, every row by id, and each row's kind."""

    name: str
    db: Path
    products: dict = field(default_factory=dict)  # id -> catalog.Product
    kinds: dict = field(default_factory=dict)  # id -> kind

    def kind(self, product) -> str:
        return self.kinds.get(product.id) or kind_of(self.name, product)

    def of_kind(self, kind: str) -> list:
        return [p for pid, p in self.products.items() if self.kinds[pid] == kind]


def cache_dir() -> Path:
    return Path(os.environ.get("AISLE_EVAL_CACHE") or Path(tempfile.gettempdir()) / "aisle-eval-cache")


def prepare(catalog: str, *, embedder=None, root: Path | None = None) -> EvalCatalog:
    """Import `catalog` into `root` (reused when the sources did not change) and index it."""
    from catalog import CatalogStore, import_file
    from retrieval import Retriever

    files = source_files(catalog)
    stamp = hashlib.sha1(b"".join(hashlib.sha1(f.read_bytes()).digest() for f in files)).hexdigest()[:12]
    folder = (root or cache_dir()) / f"{catalog}-{stamp}"
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "catalog.db"
    store = CatalogStore(db)
    source_of: dict[str, str] = {}
    for f in files:
        report = import_file(store, f)
        if report.rejected:
            raise RuntimeError(f"{f.name}: {len(report.rejected)} rows rejected ({report.rejected[0]})")
        source_of.update({pid: f.name for pid in report.product_ids})
    retriever = Retriever.open(db, embedder=embedder)
    products = {p.id: p for p in retriever.store.iter_products()}
    kinds = {pid: kind_of(catalog, p, source=source_of.get(pid, "")) for pid, p in products.items()}
    return EvalCatalog(catalog, db, products, kinds)


def from_db(catalog: str, db: Path) -> EvalCatalog:
    """An already imported and indexed catalog (e.g. a test fixture's database)."""
    from catalog import CatalogStore

    products = {p.id: p for p in CatalogStore(db, create=False).iter_products()}
    return EvalCatalog(catalog, Path(db), products, {pid: kind_of(catalog, p) for pid, p in products.items()})
