"""Retrieval at scale: synthetic catalogs, query latency against the exact index and the LangChain
baseline in the same run, ANN recall, build, re-sync and memory (see `bench/retrieval.py`)."""
from __future__ import annotations

import dataclasses
import json
import random
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.common import percentile
from catalog import CatalogStore, demo_catalog_path, import_file
from catalog.models import Product
from retrieval.embedder import Embedder, load_embedder
from catalog.filters import Filters
from retrieval.retriever import Retriever

K = 10
MODES = ("dense", "lexical", "hybrid")


# -- 2. Synthetic catalogs -------------------------------------------------------------------------
_EDITIONS = ("Pro", "Lite", "Max", "Plus", "Mini", "Classic", "Sport", "Eco", "Air", "Prime", "Edge", "Select")


def synthetic_catalog(demo: list[Product], vectors: np.ndarray, n: int, *, seed: int = 0) -> tuple[list[Product], np.ndarray]:
    """`n` products recombined from the demo catalog, and a vector for each (see the module doc)."""
    rng, nrng = random.Random(seed), np.random.default_rng(seed)
    by_cat: dict[str, list[int]] = {}
    for i, p in enumerate(demo):
        by_cat.setdefault(p.category, []).append(i)
    base_idx = np.arange(n) % len(demo)
    donor_idx = np.array([rng.choice(by_cat[demo[b].category]) for b in base_idx])
    products = []
    for j, (b, d) in enumerate(zip(base_idx, donor_idx)):
        base, donor = demo[b], demo[d]
        title = base.title.replace(base.brand, donor.brand, 1) if base.brand and base.brand in base.title else base.title
        attributes = dict(base.attributes)
        colours = attributes.get("colors_available")
        if isinstance(colours, list) and colours:
            attributes["color"] = rng.choice(colours)
        products.append(dataclasses.replace(
            base, id=f"syn-{j:06d}", title=f"{title} {rng.choice(_EDITIONS)} {rng.randint(100, 999)}",
            brand=donor.brand or base.brand, price=round(base.price * rng.uniform(0.6, 1.5), 2),
            rating=None if base.rating is None else round(min(5.0, max(1.0, base.rating + rng.gauss(0, 0.3))), 1),
            stock=rng.randint(0, 500), attributes=attributes, reviews=base.reviews[:2],
            description=f"{base.description} {donor.description.split('. ')[0].rstrip('.')}."))
    mat = 0.8 * vectors[base_idx] + 0.2 * vectors[donor_idx] + nrng.normal(0, 0.01, (n, vectors.shape[1]))
    mat /= np.linalg.norm(mat, axis=1, keepdims=True)
    return products, mat.astype(np.float32)


class PrecomputedEmbedder:
    """Documents get a precomputed vector (looked up by their text); queries go to the real model."""

    def __init__(self, real: Embedder, table: dict[str, np.ndarray]) -> None:
        self.real, self.table, self.name, self.dim = real, table, real.name, real.dim

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.real.embed_queries(texts)

    def embed_documents(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        return np.stack([self.table[t] for t in texts]) if texts else np.zeros((0, self.dim), np.float32)


def speed_queries(data: Path, demo: list[Product], n: int, *, seed: int = 1) -> list[tuple[str, Filters]]:
    """Real typed WebShop search queries, with filters cycling none / price_max / category + price_max."""
    raw = json.loads((data / "webshop_goal_query_map_500_on.json").read_text())
    typed = list(dict.fromkeys(q.strip() for qs in raw.values() for q in qs if q.strip()))
    rng = random.Random(seed)
    rng.shuffle(typed)
    prices = sorted(p.price for p in demo)
    categories = [p.category for p in demo]
    out = []
    for i, q in enumerate(typed[:n]):
        price_max = round(prices[rng.randrange(len(prices) // 4, len(prices))] * 1.2)
        f = [Filters(), Filters(price_max=price_max), Filters(price_max=price_max, categories=(rng.choice(categories),))][i % 3]
        out.append((q, f))
    return out


# -- 4. Baseline ------------------------------------------------------------------------------------
class LangChainBaseline:
    """What a developer writes first: LangChain's FAISS store over the same vectors, default filtering."""

    name = "LangChain FAISS (langchain_community, inner product, post-filter of fetch_k=20)"

    def __init__(self, ids: list[str], vectors: np.ndarray, meta: dict[str, dict], embedder: Embedder) -> None:
        from langchain_community.vectorstores import FAISS
        from langchain_community.vectorstores.utils import DistanceStrategy
        from langchain_core.embeddings import Embeddings

        class _Adapter(Embeddings):
            def embed_documents(self, texts: list[str]) -> list[list[float]]:
                return embedder.embed_documents(texts).tolist()

            def embed_query(self, text: str) -> list[float]:
                return embedder.embed_queries([text])[0].tolist()

        self.store = FAISS.from_embeddings(
            list(zip(ids, vectors)), _Adapter(), metadatas=[meta.get(i, {}) | {"id": i} for i in ids],
            ids=list(ids), distance_strategy=DistanceStrategy.MAX_INNER_PRODUCT)

    def search(self, query_vector: np.ndarray, *, k: int = K, filters: Filters | None = None) -> list[str]:
        where: dict[str, Any] = {}
        if filters and filters.price_max is not None:
            where["price"] = {"$lte": filters.price_max}
        if filters and filters.categories:
            where["category"] = {"$in": list(filters.categories)}
        docs = self.store.similarity_search_by_vector(query_vector, k=k, filter=where or None)
        return [d.metadata["id"] for d in docs]


class PlainFaissBaseline:
    """The same without LangChain: exact IndexFlatIP, filters by scanning every product's metadata."""

    name = "faiss IndexFlatIP + full-scan Python filter"

    def __init__(self, ids: list[str], vectors: np.ndarray, meta: dict[str, dict], embedder: Embedder) -> None:
        import faiss

        self.ids, self.vectors = list(ids), vectors
        self.meta = [meta.get(i, {}) for i in ids]
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(vectors)

    def search(self, query_vector: np.ndarray, *, k: int = K, filters: Filters | None = None) -> list[str]:
        q = np.ascontiguousarray(query_vector.reshape(1, -1), np.float32)
        if not filters or filters.is_empty():
            _, rows = self.index.search(q, k)
            return [self.ids[r] for r in rows[0] if r >= 0]
        cats = set(filters.categories)
        rows = [i for i, m in enumerate(self.meta)
                if (filters.price_max is None or m["price"] <= filters.price_max) and (not cats or m["category"] in cats)]
        scores = self.vectors[rows] @ q[0]
        return [self.ids[rows[j]] for j in np.argsort(-scores)[:k]]


def make_baseline(ids: list[str], vectors: np.ndarray, meta: dict[str, dict], embedder: Embedder):
    try:
        return LangChainBaseline(ids, vectors, meta, embedder)
    except ImportError:
        return PlainFaissBaseline(ids, vectors, meta, embedder)


# -- 2. Speed -------------------------------------------------------------------------------------
def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return (time.perf_counter() - t0) * 1000, out


def latency(fn: Callable[[str, Filters], Any], queries: list[tuple[str, Filters]], repeats: int) -> tuple[dict[str, float], list]:
    """p50/p95 in ms (each repeat is a full pass; figures are the median over repeats), and the answers."""
    for q, f in queries[:5]:
        fn(q, f)  # warm-up
    p50, p95, by_kind = [], [], {"none": [], "price": [], "cat+price": []}
    for _ in range(repeats):
        times, answers = [], []
        for q, f in queries:
            ms, answer = _timed(lambda: fn(q, f))
            times.append(ms)
            answers.append(answer)
            by_kind["cat+price" if f.categories else "price" if f.price_max is not None else "none"].append(ms)
        p50.append(percentile(times, 50))
        p95.append(percentile(times, 95))
    stats = {"p50": statistics.median(p50), "p95": statistics.median(p95),
             **{f"p50 {k}": percentile(v, 50) for k, v in by_kind.items()}}
    return stats, answers


def query_embedding(embedder: Embedder, queries: list[str], spare: list[str]) -> dict[str, float]:
    """Uncached query embedding with torch's default threads (fills the cache for `queries`), and with 1."""
    out = {}
    times = [_timed(lambda: embedder.embed_queries([q]))[0] for q in queries]
    out["p50"], out["p95"] = percentile(times, 50), percentile(times, 95)
    try:
        import torch
    except ImportError:
        return out
    threads = torch.get_num_threads()
    out["threads"] = threads
    torch.set_num_threads(1)
    try:
        times = [_timed(lambda: embedder.embed_queries([q]))[0] for q in spare]
    finally:
        torch.set_num_threads(threads)
    out["p50 1 thread"], out["p95 1 thread"] = percentile(times, 50), percentile(times, 95)
    return out


def bench_scale(tmp: Path, n: int, demo: list[Product], demo_vectors: np.ndarray, embedder: Embedder,
                queries: list[tuple[str, Filters]], repeats: int) -> dict[str, Any]:
    """Build an n-product catalog the way the Retriever would, then time every mode, the exact index
    and the old lexical search (every word, no cap) and the baseline, all in this one run."""
    import catalog.store as store_module
    from retrieval.index import FaissIndex

    products, vectors = synthetic_catalog(demo, demo_vectors, n)
    db = tmp / f"synthetic-{n}.db"
    store = CatalogStore(db)
    res: dict[str, Any] = {"n": n}
    res["import_s"] = _timed(lambda: store.upsert(products))[0] / 1000
    # Keyed by the text the Retriever will embed, i.e. of the product as read back from the store.
    fake = PrecomputedEmbedder(embedder, {Product.from_row(p.to_row()).embedding_text(): v for p, v in zip(products, vectors)})
    del vectors
    res["index_s"], base = _timed(lambda: Retriever.open(db, embedder=fake))
    res["index_s"] /= 1000
    res["faiss"] = base.index.kind
    exact_index = FaissIndex(tmp / f"exact-{n}", dim=embedder.dim, model=embedder.name, ann_threshold=1 << 62)
    exact_index.update(base.index.ids, base.index.hashes, base.index.vectors, languages=base.index.langs)
    answers: dict[str, list] = {}
    setups = {m: Retriever(base.store, base.index, embedder, mode=m) for m in MODES}
    setups["hybrid, exact index"] = Retriever(base.store, exact_index, embedder, mode="hybrid")
    for name, r in setups.items():
        res[name], answers[name] = latency(lambda q, f, r=r: [h.product.id for h in r.search(q, k=K, filters=f)], queries, repeats)
    cap = store_module.COMMON_WORD_ROWS
    store_module.COMMON_WORD_ROWS = 1 << 62  # the lexical search as it was: every word takes part
    try:
        for name, mode in (("lexical, every word", "lexical"), ("hybrid, exact index, every word", "hybrid")):
            r = Retriever(base.store, exact_index if mode == "hybrid" else base.index, embedder, mode=mode)
            res[name], answers[name] = latency(lambda q, f, r=r: [h.product.id for h in r.search(q, k=K, filters=f)], queries, repeats)
    finally:
        store_module.COMMON_WORD_ROWS = cap
    res["agreement"] = statistics.fmean(len(set(a) & set(b)) / max(len(b), 1) for a, b in zip(
        answers["hybrid"], answers["hybrid, exact index, every word"]))
    meta = {p.id: {"price": p.price, "category": p.category} for p in products}
    baseline = make_baseline(base.index.ids, base.index.vectors, meta, embedder)
    res["baseline_name"] = baseline.name
    res["baseline"], answers["baseline"] = latency(
        lambda q, f: baseline.search(embedder.embed_queries([q])[0], k=K, filters=f), queries, repeats)
    del baseline
    # How much do the baseline's filtered answers miss? Compare with the Retriever's filtered dense top 10
    # (exact below EXACT_FILTER_LIMIT matching products).
    filtered = [i for i, (_, f) in enumerate(queries) if not f.is_empty()]
    res["baseline_filtered"] = {
        "queries": len(filtered),
        "short": sum(len(answers["baseline"][i]) < min(K, len(answers["dense"][i])) for i in filtered),
        "overlap": statistics.fmean(len(set(answers["baseline"][i]) & set(answers["dense"][i])) / len(answers["dense"][i])
                                    for i in filtered if answers["dense"][i])}
    res["ann"] = ann_recall(base.index, exact_index, embedder, [q for q, _ in queries])
    res["memory"] = {name: _size(path) for name, path in (
        ("vectors", base.index.directory), ("catalog", db))}
    res["retriever"], res["products"] = base, products
    return res


def ann_recall(index, exact, embedder: Embedder, queries: list[str]) -> dict[int, tuple[float, float]]:
    """nprobe -> (recall@10 against exact search, median dense search ms); unfiltered queries."""
    vectors = embedder.embed_queries(queries)
    truth = [{pid for pid, _ in exact.search(v, k=K)} for v in vectors]
    faiss_index = index._index()
    if not hasattr(faiss_index, "nprobe"):
        return {0: (1.0, percentile([_timed(lambda v=v: index.search(v, k=K))[0] for v in vectors], 50))}
    out, shipped = {}, faiss_index.nprobe
    for nprobe in sorted({4, 8, 16, shipped, 48, 96}):
        faiss_index.nprobe = nprobe
        found = [index.search(v, k=K) for v in vectors]
        ms = [_timed(lambda v=v: index.search(v, k=K))[0] for v in vectors]
        out[nprobe] = (statistics.fmean(len(t & {p for p, _ in f}) / K for t, f in zip(truth, found)), percentile(ms, 50))
    faiss_index.nprobe = shipped
    return out


def _size(path: Path) -> float:
    """MB on disk of a file (with its SQLite -wal/-shm) or of a directory."""
    files = list(path.rglob("*")) if path.is_dir() else [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
    return sum(f.stat().st_size for f in files if f.is_file()) / 1e6


# -- 3. Build ---------------------------------------------------------------------------------------
def bench_build(tmp: Path, embedder_name: str) -> dict[str, Any]:
    """Cold model load, then import + embed + index of the demo catalog with the real model."""
    out: dict[str, Any] = {}
    out["model_s"], embedder = _timed(lambda: load_embedder(embedder_name))
    db = tmp / "demo.db"
    out["import_s"], report = _timed(lambda: import_file(CatalogStore(db), demo_catalog_path()))
    cpu = time.process_time()
    out["embed_index_s"], retriever = _timed(lambda: Retriever.open(db, embedder=embedder))
    out["embed_index_cpu_s"] = time.process_time() - cpu
    for key in ("model_s", "import_s", "embed_index_s"):
        out[key] /= 1000
    out["products"], out["embedder"], out["retriever"] = report.imported, embedder, retriever
    return out


def bench_resync(retriever: Retriever, products: list[Product], embedder: Embedder) -> dict[str, Any]:
    """Change 10 products of an indexed catalog, then sync with the real model: only they are embedded."""
    changed = [dataclasses.replace(p, price=round(p.price * 1.1, 2), description=p.description + " Now with a 2-year warranty.")
               for p in products[:: len(products) // 10][:10]]
    counts = retriever.store.upsert(changed)
    live = Retriever(retriever.store, retriever.index, embedder, mode="hybrid")
    ms, (embedded, dropped) = _timed(live.sync)
    return {"upsert": counts, "embedded": embedded, "dropped": dropped, "sync_s": ms / 1000, "n": len(products)}


