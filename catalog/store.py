"""The catalog in SQLite (through sqlite-utils): products, an FTS5 index, and structured filtering."""
from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import sqlite_utils

from catalog.models import Product
from catalog.filters import ATTRIBUTE_ALIASES, Filters
from catalog.text import cjk_bigrams, fts_query, fts_tokens

logger = logging.getLogger(__name__)

BM25_WEIGHTS = "0.0, 4.0, 2.0, 1.5, 1.0"  # per FTS column: id, title, brand, category, description
COMMON_WORD_ROWS = 5_000  # a word matching more products than this is left to the dense side

_COLUMNS = {
    "id": str, "title": str, "description": str, "category": str, "brand": str, "price": float,
    "currency": str, "rating": float, "stock": int, "availability": str, "attributes": str,
    "reviews": str, "tags": str, "group_id": str, "extra": str, "content_hash": str, "updated_at": float,
}


class CatalogStore:
    """Products of one shop. Writes happen in one transaction per import, so a crash keeps the old catalog."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise FileNotFoundError(
                f"No catalog at {self.path}: import one with `python -m catalog import FILE --db {self.path}`"
            )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._rows: int | None = None
        self._word_rows: dict[str, int] = {}  # word -> products it matches (capped); reset on writes
        self.db.conn.execute("PRAGMA journal_mode=WAL")
        self._ensure_schema()

    @property
    def db(self) -> sqlite_utils.Database:
        """This thread's connection: sqlite3 connections refuse other threads, and web servers use pools.
        WAL lets every thread read while an import writes."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite_utils.Database(self.path)
            db.conn.execute("PRAGMA busy_timeout=5000")
            self._local.db = db
        return db

    def _ensure_schema(self) -> None:
        if "products" not in self.db.table_names():
            with self.db.conn:
                self.db["products"].create(_COLUMNS, pk="id", not_null={"title", "price"})
                for col in ("category", "brand", "price", "group_id"):
                    self.db["products"].create_index([col], if_not_exists=True)
                self.db.execute(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS products_fts USING fts5("
                    "id UNINDEXED, title, brand, category, description, tokenize='porter unicode61')"
                )
        # Covering indexes for the filters as `filter_sql` writes them (lower(coalesce(...))), so a
        # category + budget filter reads an index, not every row (330-620 ms -> 1-8 ms at 100k products).
        with self.db.conn:
            for name, expr in (
                ("idx_products_category_price", "lower(coalesce(category, '')), price, id"),
                ("idx_products_brand_price", "lower(coalesce(brand, '')), price, id"),
                ("idx_products_price_id", "price, id"),
            ):
                self.db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON products({expr})")

    # -- reading -------------------------------------------------------------------------------
    def count(self) -> int:
        return self.db["products"].count

    def get(self, product_id: str) -> Product | None:
        rows = list(self.db.query("SELECT * FROM products WHERE id = ?", [product_id]))
        return Product.from_row(rows[0]) if rows else None

    def get_many(self, ids: Sequence[str]) -> list[Product]:
        """Products in the order of `ids`; unknown ids are skipped."""
        if not ids:
            return []
        found: dict[str, Product] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in self.db.query(f"SELECT * FROM products WHERE id IN ({marks})", chunk):
                found[row["id"]] = Product.from_row(row)
        return [found[i] for i in ids if i in found]

    def iter_products(self) -> Iterable[Product]:
        for row in self.db.query("SELECT * FROM products ORDER BY id"):
            yield Product.from_row(row)

    def content_hashes(self) -> dict[str, str]:
        """id -> content hash: what the vector index compares against to re-embed only changes."""
        return dict(self.db.execute("SELECT id, content_hash FROM products").fetchall())  # plain rows: 100k in ~0.1 s

    def categories(self) -> list[tuple[str, int]]:
        return [(r["category"], r["n"]) for r in self.db.query(
            "SELECT category, count(*) AS n FROM products GROUP BY category ORDER BY n DESC")]

    def variants(self, group_id: str) -> list[Product]:
        return [Product.from_row(r) for r in self.db.query(
            "SELECT * FROM products WHERE group_id = ? ORDER BY price", [group_id])]

    # -- writing -------------------------------------------------------------------------------
    def upsert(self, products: Sequence[Product]) -> tuple[int, int, int]:
        """Insert or update products by id in ONE transaction; returns (inserted, updated, unchanged)."""
        existing = self.content_hashes()
        rows, inserted, updated, unchanged = [], 0, 0, 0
        now = time.time()
        for p in products:
            row = p.to_row()
            old = existing.get(p.id)
            if old is None:
                inserted += 1
            elif old == row["content_hash"]:
                unchanged += 1
                continue
            else:
                updated += 1
            row["updated_at"] = now
            rows.append(row)
        self._forget_counts()
        with self.db.conn:  # one transaction: all rows and the FTS index, or nothing
            if rows:
                # Plain SQL, not sqlite-utils' upsert_all: that commits on its own and would split the transaction.
                cols = list(_COLUMNS)
                self.db.conn.executemany(
                    f"INSERT INTO products ({','.join(cols)}) VALUES ({','.join('?' * len(cols))}) "
                    f"ON CONFLICT(id) DO UPDATE SET {','.join(f'{c}=excluded.{c}' for c in cols[1:])}",
                    [[r.get(c) for c in cols] for r in rows],
                )
                ids = [r["id"] for r in rows]
                for start in range(0, len(ids), 500):
                    chunk = ids[start : start + 500]
                    self.db.execute(
                        f"DELETE FROM products_fts WHERE id IN ({','.join('?' * len(chunk))})", chunk)
                self.db.conn.executemany(
                    "INSERT INTO products_fts (id, title, brand, category, description) VALUES (?,?,?,?,?)",
                    [(r["id"], cjk_bigrams(r["title"]), r["brand"] or "", cjk_bigrams(r["category"] or ""),
                      cjk_bigrams((r["description"] or "") + " " + " ".join(json.loads(r["tags"]))))
                     for r in rows],
                )
        return inserted, updated, unchanged

    def delete(self, ids: Sequence[str]) -> int:
        self._forget_counts()
        with self.db.conn:
            for start in range(0, len(ids), 500):
                chunk = list(ids[start : start + 500])
                marks = ",".join("?" * len(chunk))
                self.db.execute(f"DELETE FROM products WHERE id IN ({marks})", chunk)
                self.db.execute(f"DELETE FROM products_fts WHERE id IN ({marks})", chunk)
        return len(ids)

    # -- searching -----------------------------------------------------------------------------
    def lexical_search(self, query: str, *, limit: int = 100, filters: Filters | None = None) -> list[tuple[str, float]]:
        """BM25 over title (weighted x4), brand (x2), category, description: [(id, score)], best first.

        Only words that match at most `COMMON_WORD_ROWS` products take part. FTS5 scores every row
        a word matches before it can sort, so in a large catalog one common word ("black", "women")
        costs tens of milliseconds while telling BM25 next to nothing (its IDF is near zero); the
        dense side ranks such words better. A query of only common words has no lexical ranking.
        """
        tokens = self._selective(fts_tokens(query))
        if not tokens:
            return []
        where, params = filter_sql(filters or Filters(), alias="p")
        join = "JOIN products p ON p.id = f.id" if where else ""  # the join costs ~3x when nothing filters
        sql = (
            f"SELECT f.id AS id, -bm25(products_fts, {BM25_WEIGHTS}) AS score "
            f"FROM products_fts f {join} "
            f"WHERE products_fts MATCH ? {('AND ' + where) if where else ''} "
            f"ORDER BY bm25(products_fts, {BM25_WEIGHTS}) LIMIT ?"
        )
        return [(r[0], r[1]) for r in self.db.execute(sql, [fts_query(tokens), *params, limit]).fetchall()]

    def _selective(self, tokens: list[str]) -> list[str]:
        """The tokens that match at most COMMON_WORD_ROWS products (counting stops past the cap)."""
        if not tokens or self._row_estimate() <= COMMON_WORD_ROWS:
            return tokens
        cache = self._word_rows
        for t in tokens:
            if t not in cache:
                sql = ("SELECT count(*) FROM (SELECT 1 FROM products_fts WHERE products_fts MATCH ? LIMIT ?)")
                cache[t] = self.db.execute(sql, [fts_query([t]), COMMON_WORD_ROWS + 1]).fetchone()[0]
                if len(cache) > 50_000:
                    cache.clear()
        return [t for t in tokens if cache[t] <= COMMON_WORD_ROWS]

    def _row_estimate(self) -> int:
        """About how many products there are (the largest rowid: an index lookup, not a count). When it
        moves, another import happened, possibly in another process: word counts are counted again."""
        rows = self.db.execute("SELECT coalesce(max(rowid), 0) FROM products").fetchone()[0]
        if rows != self._rows:
            self._forget_counts()
            self._rows = rows
        return rows

    def _forget_counts(self) -> None:
        self._rows, self._word_rows = None, {}

    def allowed(self, filters: Filters, ids: Sequence[str]) -> set[str]:
        """The subset of `ids` that satisfies `filters` (one query)."""
        if not ids:
            return set()
        where, params = filter_sql(filters, alias="p")
        marks = ",".join("?" * len(ids))
        sql = f"SELECT p.id FROM products p WHERE p.id IN ({marks}) {('AND ' + where) if where else ''}"
        return {r[0] for r in self.db.execute(sql, [*ids, *params]).fetchall()}

    def filter_ids(self, filters: Filters, *, limit: int | None = None) -> list[str]:
        """Ids of every product that satisfies `filters` (used for exact filtered dense search)."""
        where, params = filter_sql(filters, alias="p")
        sql = f"SELECT p.id FROM products p {'WHERE ' + where if where else ''}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [r[0] for r in self.db.execute(sql, params).fetchall()]


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filter_sql(filters: Filters, *, alias: str = "p") -> tuple[str, list]:
    """Translate Filters into a SQL WHERE clause over the products table (case-insensitive strings)."""
    a = alias
    clauses: list[str] = []
    params: list = []
    if filters.price_min is not None:
        clauses.append(f"{a}.price >= ?")
        params.append(filters.price_min)
    if filters.price_max is not None:
        clauses.append(f"{a}.price <= ?")
        params.append(filters.price_max)
    if filters.min_rating is not None:
        clauses.append(f"{a}.rating >= ?")
        params.append(filters.min_rating)
    if filters.in_stock:
        clauses.append(f"{a}.availability = 'in_stock' AND ({a}.stock IS NULL OR {a}.stock > 0)")
    for values, negate in ((filters.brands, False), (filters.exclude_brands, True)):
        if values:
            # A row without a brand column is by the maker its title starts with ("SAMSUNG Galaxy
            # S20 ..."), as marketplace titles are written; a title that merely mentions the brand
            # later ("... Compatible with Samsung") is not.
            marks = ",".join("?" * len(values))
            starts = " OR ".join([f"lower({a}.title) LIKE ? ESCAPE '\\'"] * len(values))
            clause = (f"(lower(coalesce({a}.brand, '')) IN ({marks}) OR (coalesce({a}.brand, '') = '' AND ({starts})))")
            clauses.append(f"NOT {clause}" if negate else clause)
            params.extend([v.lower() for v in values])
            params.extend([_like_escape(v.lower()) + " %" for v in values])
    for column, values, negate in (
        ("category", filters.categories, False),
        ("id", filters.exclude_ids, True),
    ):
        if values:
            marks = ",".join("?" * len(values))
            expr = f"{a}.{column}" if column == "id" else f"lower(coalesce({a}.{column}, ''))"
            vals = list(values) if column == "id" else [v.lower() for v in values]
            op = "NOT IN" if negate else "IN"
            clauses.append(f"{expr} {op} ({marks})")
            params.extend(vals)
    for name, wanted in filters.attributes.items():
        wanted_list = wanted if isinstance(wanted, (list, tuple, set)) else [wanted]
        wanted_l = [str(w).lower() for w in wanted_list]
        marks = ",".join("?" * len(wanted_l))
        ors = []
        for key in ATTRIBUTE_ALIASES.get(name.lower(), (name,)):
            path = "$." + json.dumps(key)
            ors.append(
                f"(json_type({a}.attributes, ?) = 'array' AND EXISTS (SELECT 1 FROM json_each({a}.attributes, ?) "
                f"WHERE lower(CAST(value AS TEXT)) IN ({marks})))"
            )
            params.extend([path, path, *wanted_l])
            ors.append(
                f"(json_type({a}.attributes, ?) NOT IN ('array','object') AND "
                f"lower(CASE json_type({a}.attributes, ?) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' "
                f"ELSE CAST(json_extract({a}.attributes, ?) AS TEXT) END) IN ({marks}))"
            )
            params.extend([path, path, path, *wanted_l])
        if name.lower() in ("color", "colour", "material"):
            # A feed without the attribute ("Women Handbag Black" has no colour field): its title says it.
            keys = ATTRIBUTE_ALIASES.get(name.lower(), (name,))
            absent = " AND ".join(f"json_type({a}.attributes, ?) IS NULL" for _ in keys)
            params.extend("$." + json.dumps(k) for k in keys)
            title = f"(' ' || replace(replace(replace(replace(lower({a}.title), '(', ' '), ')', ' '), ',', ' '), '-', ' ') || ' ')"
            ors.append(f"({absent} AND (" + " OR ".join(f"{title} LIKE ? ESCAPE '\\'" for _ in wanted_l) + "))")
            params.extend(f"% {_like_escape(w)} %" for w in wanted_l)
        clauses.append("(" + " OR ".join(ors) + ")")
    return " AND ".join(clauses), params
