"""`python -m assistant.copywriting describe [--missing-only] [--style concise|persuasive] [--lang en|zh] --db PATH`."""
from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import replace
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from assistant.copywriting.writer import LANGS, STYLES
    from assistant.settings import Settings

    settings = Settings.from_env()
    parser = argparse.ArgumentParser(prog="python -m assistant.copywriting",
                                     description="Write product descriptions from each product's own fields.")
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("describe", help="write (and fact-check) descriptions into the catalog")
    d.add_argument("--db", type=Path, default=settings.catalog_path, help="catalog database")
    d.add_argument("--missing-only", action="store_true", help="only products without a description")
    d.add_argument("--style", choices=STYLES, default="concise")
    d.add_argument("--lang", choices=LANGS, default="en")
    d.add_argument("--generator", default="template",
                   help="'template' (no model, default) or a generator kind as in AISLE_GENERATOR (local, openai, ...)")
    d.add_argument("--ids", default="", help="comma-separated product ids (default: every product)")
    d.add_argument("--limit", type=int, default=None, help="at most this many products")
    d.add_argument("--dry-run", action="store_true", help="print the descriptions, change nothing")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")

    from assistant.copywriting import CatalogVocabulary, Copywriter
    from catalog.store import CatalogStore

    try:
        store = CatalogStore(args.db, create=False)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    generator = None
    if args.generator != "template":
        from assistant.generation import load_generator

        generator = load_generator(replace(settings, generator=args.generator))
    ids = [i.strip() for i in args.ids.split(",") if i.strip()]
    products = store.get_many(ids) if ids else list(store.iter_products())
    if args.missing_only:
        products = [p for p in products if not p.description.strip()]
    products = products[: args.limit] if args.limit is not None else products
    writer = Copywriter(CatalogVocabulary.from_store(store), generator=generator)
    written, by_source = [], {"model": 0, "template": 0}
    for product in products:
        copy = writer.describe(product, style=args.style, lang=args.lang)
        by_source[copy.source] += 1
        if args.dry_run:
            print(f"{product.id}\t{copy.source}\t{copy.text}")
        written.append(replace(product, description=copy.text))
    if not args.dry_run and written:
        store.upsert(written)
    verb = "would write" if args.dry_run else "wrote"
    print(f"{verb} {len(written)} descriptions ({by_source['model']} from the model, "
          f"{by_source['template']} from templates)", file=sys.stderr if args.dry_run else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
