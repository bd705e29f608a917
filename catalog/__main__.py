"""`python -m catalog import FILE [--db PATH] [--map ours=theirs,...]` and `python -m catalog stats`."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from catalog.paths import default_catalog_path, default_embedder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m catalog", description="Manage Aisle's product catalog.")
    sub = parser.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="import or update products from CSV, JSON, JSONL, a Shopify CSV export "
                                        "or a Google Merchant Center feed (XML, TSV); see docs/feeds.md")
    imp.add_argument("file", type=Path)
    imp.add_argument("--db", type=Path, default=default_catalog_path(), help=f"catalog database (default {default_catalog_path()})")
    imp.add_argument("--map", dest="mapping", default=None, help="field mapping ours=theirs, e.g. title=name,price=cost")
    imp.add_argument("--no-index", action="store_true", help="skip updating the vector index")
    imp.add_argument("--embedder", default=default_embedder(), help="embedding model: e5 (default) or minilm")
    pol = sub.add_parser("import-policies", help="import the shop's policies (markdown, or JSON with a policies key)")
    pol.add_argument("file", type=Path)
    pol.add_argument("--db", type=Path, default=default_catalog_path())
    st = sub.add_parser("stats", help="count products per category")
    st.add_argument("--db", type=Path, default=default_catalog_path())
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")

    from catalog.importer import CatalogFormatError, import_file, parse_mapping
    from catalog.store import CatalogStore

    if args.command == "import-policies":
        from catalog.policies import PolicyFormatError, import_policies

        try:
            n = import_policies(CatalogStore(args.db), args.file)
        except PolicyFormatError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(f"{args.file.name}: {n} policy sections")
        return 0
    if args.command == "stats":
        store = CatalogStore(args.db, create=False)
        for category, n in store.categories():
            print(f"{n:6d}  {category or '(none)'}")
        print(f"{store.count():6d}  total")
        return 0

    try:
        mapping = parse_mapping(args.mapping)
        store = CatalogStore(args.db)
        report = import_file(store, args.file, mapping=mapping)
    except (CatalogFormatError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for err in report.rejected[:50]:
        print(f"rejected {err}", file=sys.stderr)
    if len(report.rejected) > 50:
        print(f"... and {len(report.rejected) - 50} more rejected rows", file=sys.stderr)
    if not args.no_index:
        from retrieval.retriever import Retriever

        retriever = Retriever.open(args.db, embedder=args.embedder, show_progress=sys.stderr.isatty())
        print(f"vector index: {len(retriever.index)} products")
    kind = f" ({report.format})" if report.format else ""
    policies = f", {report.policies} policy sections" if report.policies else ""
    print(f"{args.file.name}{kind}: {report.summary()}{policies}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
