"""`python -m retrieval search "waterproof hiking boots under 120" [--db PATH] [--json] [-k 10]`."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from catalog.paths import default_catalog_path, default_embedder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m retrieval", description="Search Aisle's product catalog.")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("search", help="hybrid search; budget words in the query become filters")
    s.add_argument("query")
    s.add_argument("--db", type=Path, default=None, help="catalog database (default: the demo catalog in the data dir)")
    s.add_argument("-k", type=int, default=10)
    s.add_argument("--json", action="store_true", help="print one JSON object per line")
    s.add_argument("--mode", choices=("hybrid", "dense", "lexical"), default="hybrid")
    s.add_argument("--embedder", default=default_embedder())
    args = parser.parse_args(argv)

    from language import Vocabulary, parse_query
    from retrieval.retriever import Retriever

    db = args.db
    if db is None:
        from catalog import ensure_demo_catalog

        db = ensure_demo_catalog(default_catalog_path())
    try:
        retriever = Retriever.open(db, embedder=args.embedder, mode=args.mode)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    parsed = parse_query(args.query, vocab=Vocabulary.from_products(retriever.store.iter_products()))
    hits = retriever.search(parsed.text, k=args.k, filters=parsed.filters)
    if args.json:
        for h in hits:
            print(json.dumps(h.to_dict(), ensure_ascii=False))
        return 0
    if not parsed.filters.is_empty():
        print(f"filters: {json.dumps(parsed.filters.to_dict(), ensure_ascii=False)}")
    if not hits:
        print("no products match")
    for i, h in enumerate(hits, 1):
        p = h.product
        rating = f"{p.rating:.1f}★" if p.rating is not None else "  - "
        stock = "" if p.in_stock else "  (out of stock)"
        print(f"{i:2d}. {p.title[:60]:60s} {p.currency} {p.price:>9.2f}  {rating}  [{p.id}]{stock}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
