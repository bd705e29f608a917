"""Hybrid product search: dense (FAISS over sentence embeddings) + lexical (FTS5 BM25), fused by RRF.

Filters are exact: with filters the dense side scores every product that passes them (a SQL
pre-filter, then a matrix product over those rows) instead of hoping they survive a top-k cut.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from catalog.models import Product
from catalog.store import CatalogStore
from catalog.text import script
from retrieval.embedder import Embedder, load_embedder
from catalog.filters import Filters
from retrieval.index import ANN_THRESHOLD, FaissIndex

logger = logging.getLogger(__name__)

RRF_K = 60  # the usual constant from Cormack et al. 2009; flattens the head of each ranking
EXACT_FILTER_LIMIT = 50_000  # up to this many filtered candidates, dense scores are computed exactly


@dataclass(frozen=True)
class Fusion:
    """How the dense and the lexical ranking become one.

    `rrf`: weighted reciprocal-rank fusion, dense_weight / (k + rank) + 1 / (k + rank).
    `dense_first`: cosine + eps x (BM25 / the best BM25 of the query): BM25 only reorders products
    the embedding scores within ~eps of each other, and adds those it found that dense did not.
    """

    kind: str = "rrf"
    k: float = RRF_K
    dense_weight: float = 1.0
    eps: float = 0.05

    def fuse(self, dense: Sequence[tuple[str, float]], lexical: Sequence[tuple[str, float]]) -> dict[str, float]:
        """product id -> fused score (higher is better) for every product either side found."""
        fused: dict[str, float] = {}
        if self.kind == "rrf":
            for weight, ranking in ((self.dense_weight, dense), (1.0, lexical)):
                for rank, (pid, _) in enumerate(ranking):
                    fused[pid] = fused.get(pid, 0.0) + weight / (self.k + rank + 1)
            return fused
        if self.kind == "dense_first":
            floor = min((s for _, s in dense), default=0.0)  # unseen by dense: no better than its last
            top = max((s for _, s in lexical), default=0.0) or 1.0
            fused = {pid: s for pid, s in dense}
            for pid, s in lexical:
                fused[pid] = fused.get(pid, floor) + self.eps * s / top
            return fused
        raise ValueError(f"unknown fusion {self.kind!r}: 'rrf' or 'dense_first'")


DEFAULT_FUSION = Fusion()


@dataclass
class Hit:
    """One search result: the catalog row and how it ranked."""

    product: Product
    score: float  # fused score, higher is better
    dense_score: float | None = None  # cosine similarity, if the dense side found it
    lexical_score: float | None = None  # BM25, if the lexical side found it

    def to_dict(self) -> dict:
        return {"score": round(self.score, 6), "dense_score": self.dense_score,
                "lexical_score": self.lexical_score, "product": self.product.to_dict()}


class Retriever:
    """Search one catalog. `Retriever.open(db_path)` syncs the vector index with the catalog first."""

    def __init__(self, store: CatalogStore, index: FaissIndex, embedder: Embedder, *, mode: str = "hybrid",
                 fusion: Fusion = DEFAULT_FUSION) -> None:
        self.store, self.index, self.embedder, self.mode, self.fusion = store, index, embedder, mode, fusion

    @classmethod
    def open(cls, db_path: str | Path, *, embedder: Embedder | str | None = None, mode: str = "hybrid",
             ann_threshold: int = ANN_THRESHOLD, hnsw_threshold: int | None = None, fusion: Fusion = DEFAULT_FUSION,
             show_progress: bool = False) -> "Retriever":
        """Open a catalog and its vector index (kept beside it as `<db>.vectors/`), embedding what changed."""
        store = CatalogStore(db_path, create=False)
        emb = load_embedder(embedder) if isinstance(embedder, str) or embedder is None else embedder
        index_dir = Path(str(db_path) + f".vectors-{_slug(emb.name)}")
        index = FaissIndex(index_dir, dim=emb.dim, model=emb.name,
                           ann_threshold=hnsw_threshold if hnsw_threshold is not None else ann_threshold)
        retriever = cls(store, index, emb, mode=mode, fusion=fusion)
        retriever.sync(show_progress=show_progress)
        return retriever

    def sync(self, *, show_progress: bool = False) -> tuple[int, int]:
        """Embed new/changed products and drop deleted ones; returns (embedded, dropped)."""
        hashes = self.store.content_hashes()
        to_embed, to_drop = self.index.stale(hashes)
        if "" in self.index.langs:  # indexed by an earlier version, which did not record languages
            unknown = [pid for pid, lang in zip(self.index.ids, self.index.langs) if not lang]
            self.index.label_languages({p.id: script(p.title) for p in self.store.get_many(unknown)})
        if not to_embed and not to_drop:
            return 0, 0
        t0 = time.perf_counter()
        products = self.store.get_many(to_embed)
        vectors = self.embedder.embed_documents([p.embedding_text() for p in products], show_progress=show_progress)
        # An import racing this sync leaves a product with its old hash: the next sync embeds it again.
        self.index.update([p.id for p in products], [hashes[p.id] for p in products], vectors, drop=to_drop,
                          languages=[script(p.title) for p in products])
        logger.info("vector index: embedded %d, dropped %d in %.1fs", len(products), len(to_drop), time.perf_counter() - t0)
        return len(products), len(to_drop)

    def search(self, query: str, *, k: int = 10, filters: Filters | dict | None = None,
               collapse_variants: bool = True, candidates: int = 100) -> list[Hit]:
        """The best `k` products for `query` that satisfy `filters`, best first."""
        f = Filters.from_any(filters)
        query = (query or "").strip()
        if not query:
            # Nothing to rank by: the filtered products, best rated first.
            ids = self.store.filter_ids(f, limit=5000)
            products = sorted(self.store.get_many(ids), key=lambda p: -(p.rating or 0))
            return self._collapse([Hit(p, 0.0) for p in products], k) if collapse_variants else [Hit(p, 0.0) for p in products[:k]]
        dense = self._dense(query, f, candidates) if self.mode in ("hybrid", "dense") else []
        lexical = self.store.lexical_search(query, limit=candidates, filters=f) if self.mode in ("hybrid", "lexical") else []
        fused = self.fusion.fuse(dense, lexical)
        dense_s, lex_s = dict(dense), dict(lexical)
        order = sorted(fused, key=lambda pid: (-fused[pid], -dense_s.get(pid, -1.0)))
        want = order[: k * 4] if collapse_variants else order[:k]
        by_id = {p.id: p for p in self.store.get_many(want)}
        hits = [Hit(by_id[pid], fused[pid], dense_s.get(pid), lex_s.get(pid)) for pid in want if pid in by_id]
        return self._collapse(hits, k) if collapse_variants else hits[:k]

    def _dense(self, query: str, f: Filters, candidates: int) -> list[tuple[str, float]]:
        qv = self.embedder.embed_queries([query])[0]
        if f.is_empty():
            return self.index.search(qv, k=candidates)
        # Broad filters: the nearest neighbours usually pass, so check those first (one SQL query)
        # and fall back to exact scoring of every allowed product only when too few pass.
        near = self.index.search(qv, k=min(candidates * 10, max(len(self.index), 1)))
        ok = self.store.allowed(f, [pid for pid, _ in near][:900])
        passed = [h for h in near if h[0] in ok]
        if len(passed) >= candidates or len(near) >= len(self.index):
            return passed[:candidates]
        allowed = self.store.filter_ids(f, limit=EXACT_FILTER_LIMIT + 1)
        if len(allowed) <= EXACT_FILTER_LIMIT:
            return self.index.score_ids(qv, allowed, k=candidates)
        return passed[:candidates]

    @staticmethod
    def _collapse(hits: Sequence[Hit], k: int) -> list[Hit]:
        # search()'s `collapse_variants` flag shadows the module function of that name there.
        return collapse_variants(hits, k)


def collapse_variants(hits: Sequence[Hit], k: int) -> list[Hit]:
    """One hit per variant group first (its best-ranked variant a shopper can buy), so five sizes
    of a shirt take one slot; when fewer than k groups match, the groups' other variants fill
    the free slots in rank order (a catalog of few products in many variants still shows k)."""
    groups: dict[str, list[Hit]] = {}
    for h in hits:
        groups.setdefault(h.product.group_id or h.product.id, []).append(h)
    firsts = [next((h for h in group if h.product.in_stock), group[0]) for group in groups.values()]
    if len(firsts) >= k:
        return firsts[:k]
    chosen = {id(h) for h in firsts}
    return firsts + [h for h in hits if id(h) not in chosen][: k - len(firsts)]


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
