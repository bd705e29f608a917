"""Retrieval benchmark: quality on real shopping dialogues, latency at 1k/10k/100k products, build and
re-sync times, and the plain LangChain FAISS baseline, in one run.

    python bench/retrieval.py            # everything; updates the Retrieval section of bench/RESULTS.md
    python bench/retrieval.py --quick    # 1k and 10k products only, fewer queries and repeats
    python bench/retrieval.py --no-write # print only

On 2 shared CPU cores the full run takes about 10 minutes and --quick about 4 (most of it is the
model embedding the demo catalog, and building the 100k catalog and its HNSW index).

1. Quality. Queries and answers come from MG-ShopDial (`mgshopdial_dev.json`, 32 human
   shopper/assistant dialogues), not from us. The catalog searched is the 57 MG-ShopDial items plus
   the 194 DummyJSON products, imported with `catalog.import_file` like any shop's files.
   A *recommendation* is a run of consecutive Wizard utterances that names at least one catalog item
   not named before in the dialogue; its answer set is those newly named items. The query is the
   Client's utterances before that run, concatenated ("all"), or only the last one ("last").
   Runs with no Client utterance before them are skipped. Items are identified as follows (the
   dialogue id's first field, e.g. "Books" in "Books:45:109:118", names the item file, so only that
   file's items are candidates; search_logs hold only the Wizard's web queries, never the item):
     a. image: the utterance holds an Amazon image URL whose image id equals the item's `images` id
        (Wizards often paste the picture instead of the name);
     b. name: the utterance contains a key of the item's name. Keys come from the name's head (the
        book title before " by ", else the leading comma/pipe/dash-separated segments, at least 4 and
        at most 12 words): every 2-3 word n-gram with >= 2 content words and one word that occurs in
        no other item name of all 57; every such rare word that carries a digit ("1922", "s20",
        "6a"); a book's whole title. Keys found in another name of the same file are dropped. Words
        are lower-cased alphanumeric runs, so "One plus 10" also matches "OnePlus 10";
     c. brand: the name's first word, if it is in no other item name ("Botas", "Nike", "HP"), and
        no price in the utterance is more than 20% off the item's price ("Sony HU-80 ... $14.99" is
        not the $398 Sony headphones);
     d. price: the utterance states the item's price (within 1%) and shares a rare head word with
        it ("a red helmet ... $19.99").
   This finds 50 recommendations (66 items) in 27 of the 32 dialogues. Checked by hand against
   every Wizard utterance: no false match; it misses items named only by a generic word or a
   rounded price (three cartridges "for $50, $35 and $15"). Items the Wizard found elsewhere
   (iPhone 7, Filofax, "The Best of Me") are not in the catalog and make no recommendation.
   Metrics: recall@10 (share of the answer set in the top 10) and nDCG@10 (binary gain), averaged
   over recommendations; dense, BM25 and hybrid (RRF) are the shipped `Retriever` modes.
2. Speed. Catalogs of 1k/10k/100k synthetic products recombined from the demo catalog (title with
   another product's brand of the same category plus a model suffix, varied id, price, rating,
   stock, colour). Their vectors are NOT computed with the model (that takes too long on 2 cores):
   each is 0.8 x its base product's real MiniLM vector + 0.2 x the donor's + Gaussian noise, then
   normalised. The Retriever builds its own FAISS index from them (FlatIP below 20k, HNSW above).
   Queries are real human-typed WebShop search queries, with filters cycling through none,
   price_max, and category + price_max; the same queries at every size, 3 timed passes (2 at 100k).
   Query embedding (model, uncached) is timed apart from search (the embedder's LRU cache then
   holds the vector), with torch's default threads and with 1 thread.
3. Build: import + embed + index the demo catalog with the real model; re-sync after 10 changed
   products in the 10k (and 100k) catalog with the real model (must re-embed exactly 10).
4. Baseline: `langchain_community.vectorstores.FAISS` (inner product, its default post-filter over
   fetch_k=20) over the same MiniLM vectors when that package is installed (it is not a project
   dependency: `pip install langchain-community`), else a plain faiss IndexFlatIP with a full-scan
   Python filter. The report names the one used.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import math
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

if __package__ in (None, ""):  # `python bench/retrieval.py`: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from bench.mgshopdial import MG_FILES, Recommendation, mg_recommendations  # noqa: E402
from bench.common import machine, percentile, shared_data_dir, today, write_section  # noqa: E402
from catalog import CatalogStore, demo_catalog_path, import_file  # noqa: E402
from catalog.importer import normalise_records, read_records  # noqa: E402
from catalog.models import Product  # noqa: E402
from retrieval.embedder import Embedder, load_embedder  # noqa: E402
from retrieval.filters import Filters  # noqa: E402
from retrieval.retriever import RRF_K, Retriever  # noqa: E402

K = 10
MODES = ("dense", "lexical", "hybrid")

# -- 1. Quality --------------------------------------------------------------------------------------
def build_quality_catalog(tmp: Path, data: Path, embedder: Embedder) -> Path:
    """The 57 MG-ShopDial items + 194 DummyJSON products, imported and indexed like any shop's files."""
    db = tmp / "quality.db"
    store = CatalogStore(db)
    for f in MG_FILES.values():
        import_file(store, data / f"mgshopdial_items_{f}.json")
    import_file(store, data / "dummyjson_products.json")
    Retriever.open(db, embedder=embedder)
    return db


def recall_at(ranked: Sequence[str], relevant: set[str], k: int = K) -> float:
    return len(set(ranked[:k]) & relevant) / len(relevant)


def ndcg_at(ranked: Sequence[str], relevant: set[str], k: int = K) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, pid in enumerate(ranked[:k]) if pid in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal


def rrf(rankings: Sequence[Sequence[str]], weights: Sequence[float], *, k: float = RRF_K) -> list[str]:
    """Weighted reciprocal-rank fusion; with weights 1 and k=RRF_K it orders like `Retriever.search`."""
    fused: dict[str, float] = {}
    for ranking, w in zip(rankings, weights):
        for rank, pid in enumerate(ranking):
            fused[pid] = fused.get(pid, 0.0) + w / (k + rank + 1)
    first_dense = {pid: i for i, pid in enumerate(rankings[0])}
    return sorted(fused, key=lambda pid: (-fused[pid], first_dense.get(pid, 1e9)))


def paired_bootstrap(a: Sequence[float], b: Sequence[float], groups: Sequence[str], *, rounds: int = 2000,
                     seed: int = 0) -> tuple[float, float, float]:
    """Mean of a - b and its 95% interval, resampling whole dialogues (their turns are not independent)."""
    by_group: dict[str, list[float]] = {}
    for x, y, g in zip(a, b, groups):
        by_group.setdefault(g, []).append(x - y)
    keys, rng, means = list(by_group), random.Random(seed), []
    for _ in range(rounds):
        diffs = [d for g in (rng.choice(keys) for _ in keys) for d in by_group[g]]
        means.append(statistics.fmean(diffs))
    return statistics.fmean(x - y for x, y in zip(a, b)), percentile(means, 2.5), percentile(means, 97.5)


def evaluate_quality(db: Path, embedder: Embedder, recs: list[Recommendation]) -> dict[str, Any]:
    """recall@10 / nDCG@10 per mode and query variant, per category, and over an RRF k x weight grid."""
    base = Retriever.open(db, embedder=embedder)
    retrievers = {m: Retriever(base.store, base.index, embedder, mode=m) for m in MODES}
    title_to_id = {p.title: p.id for p in base.store.iter_products()}
    missing = {n for r in recs for n in r.relevant if n not in title_to_id}
    assert not missing, f"recommended items missing from the catalog: {sorted(missing)[:3]}"
    relevant = [{title_to_id[n] for n in r.relevant} for r in recs]
    out: dict[str, Any] = {"n": len(recs), "dialogues": len({r.dialogue for r in recs}), "modes": {}, "grid": {}}
    for variant in ("all", "last"):
        queries = [r.query_all if variant == "all" else r.query_last for r in recs]
        per_mode: dict[str, list[list[str]]] = {}
        for mode, r in retrievers.items():
            per_mode[mode] = [[h.product.id for h in r.search(q, k=K)] for q in queries]
            out["modes"][(variant, mode)] = {
                "recall": statistics.fmean(recall_at(x, rel) for x, rel in zip(per_mode[mode], relevant)),
                "ndcg": statistics.fmean(ndcg_at(x, rel) for x, rel in zip(per_mode[mode], relevant)),
                "per_query": [ndcg_at(x, rel) for x, rel in zip(per_mode[mode], relevant)],
            }
        baseline = make_baseline(base.index.ids, base.index.vectors, {}, embedder)
        ranked = [baseline.search(embedder.embed_queries([q])[0], k=K) for q in queries]
        out["modes"][(variant, "baseline")] = {
            "recall": statistics.fmean(recall_at(x, rel) for x, rel in zip(ranked, relevant)),
            "ndcg": statistics.fmean(ndcg_at(x, rel) for x, rel in zip(ranked, relevant)),
            "per_query": [ndcg_at(x, rel) for x, rel in zip(ranked, relevant)],
        }
        # The fusion grid re-fuses the two candidate lists the hybrid retriever fuses (100 each).
        dense = [[pid for pid, _ in base.index.search(embedder.embed_queries([q])[0], k=100)] for q in queries]
        lexical = [[pid for pid, _ in base.store.lexical_search(q, limit=100)] for q in queries]
        same = sum(rrf([d, lx], [1, 1])[:K] == h for d, lx, h in zip(dense, lexical, per_mode["hybrid"]))
        out["grid_check"] = f"{same}/{len(queries)}"
        for k in (5, 20, 60, 200):
            for w in (0.25, 0.5, 1.0, 2.0, 4.0):
                fused = [rrf([d, lx], [w, 1.0], k=k) for d, lx in zip(dense, lexical)]
                out["grid"][(variant, k, w)] = (
                    statistics.fmean(ndcg_at(x, rel) for x, rel in zip(fused, relevant)),
                    statistics.fmean(recall_at(x, rel) for x, rel in zip(fused, relevant)))
    out["ci"] = {(variant, other): paired_bootstrap(out["modes"][(variant, "hybrid")]["per_query"],
                                                    out["modes"][(variant, other)]["per_query"], [r.dialogue for r in recs])
                 for variant in ("all", "last") for other in ("dense", "lexical")}
    cats = sorted({r.dialogue.split(":")[0] for r in recs})
    out["by_category"] = {
        c: {m: statistics.fmean(v for r, v in zip(recs, out["modes"][("all", m)]["per_query"]) if r.dialogue.startswith(c))
            for m in MODES} | {"n": sum(r.dialogue.startswith(c) for r in recs)} for c in cats}
    return out


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
    """Build an n-product catalog the way the Retriever would, then time every mode and the baseline."""
    products, vectors = synthetic_catalog(demo, demo_vectors, n)
    db = tmp / f"synthetic-{n}.db"
    store = CatalogStore(db)
    res: dict[str, Any] = {"n": n}
    res["import_s"] = _timed(lambda: store.upsert(products))[0] / 1000
    # Keyed by the text the Retriever will embed, i.e. of the product as read back from the store.
    fake = PrecomputedEmbedder(embedder, {Product.from_row(p.to_row()).embedding_text(): v for p, v in zip(products, vectors)})
    res["index_s"], base = _timed(lambda: Retriever.open(db, embedder=fake))
    res["index_s"] /= 1000
    res["faiss"] = "IndexHNSWFlat" if n >= base.index.hnsw_threshold else "IndexFlatIP"
    answers = {}
    for mode in MODES:
        r = Retriever(base.store, base.index, embedder, mode=mode)
        res[mode], answers[mode] = latency(lambda q, f, r=r: [h.product.id for h in r.search(q, k=K, filters=f)], queries, repeats)
    meta = {p.id: {"price": p.price, "category": p.category} for p in products}
    baseline = make_baseline(base.index.ids, base.index.vectors, meta, embedder)
    res["baseline_name"] = baseline.name
    res["baseline"], answers["baseline"] = latency(
        lambda q, f: baseline.search(embedder.embed_queries([q])[0], k=K, filters=f), queries, repeats)
    # How much do the baseline's filtered answers miss? Compare with the Retriever's filtered dense top 10
    # (exact below EXACT_FILTER_LIMIT matching products).
    filtered = [i for i, (_, f) in enumerate(queries) if not f.is_empty()]
    res["baseline_filtered"] = {
        "queries": len(filtered),
        "short": sum(len(answers["baseline"][i]) < min(K, len(answers["dense"][i])) for i in filtered),
        "overlap": statistics.fmean(len(set(answers["baseline"][i]) & set(answers["dense"][i])) / len(answers["dense"][i])
                                    for i in filtered if answers["dense"][i])}
    # ANN quality of the index the Retriever chose, against exact search, on unfiltered queries.
    row = {pid: i for i, pid in enumerate(base.index.ids)}
    hits = []
    for q, f in queries:
        qv = embedder.embed_queries([q])[0]
        exact = set(np.argpartition(-(base.index.vectors @ qv), K)[:K].tolist())
        hits.append(len(exact & {row[pid] for pid, _ in base.index.search(qv, k=K)}) / K)
    res["ann_recall"] = statistics.fmean(hits)
    res["retriever"], res["products"] = base, products
    return res


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


# -- Report -----------------------------------------------------------------------------------------
def _f(x: float, d: int = 1) -> str:
    return "-" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{d}f}"


def report(quality: dict, speed: list[dict], build: dict, resync: list[dict], embed_ms: dict, elapsed: float,
           quick: bool, load: list[float]) -> str:
    """The RESULTS.md section (also printed): markdown tables."""
    q, weights, ks = quality, (0.25, 0.5, 1.0, 2.0, 4.0), (5, 20, 60, 200)
    lines = [f"Machine: {machine()}. Date: {today()}. `python bench/retrieval.py{' --quick' if quick else ''}` took "
             f"{elapsed / 60:.1f} min; 1-minute load average {load[0]:.1f} at the start, {load[1]:.1f} at the end "
             "(the 2 cores are shared with other work, so absolute times are inflated and noisy; latencies are medians "
             "over repeated passes).", ""]
    lines += [f"### Quality: MG-ShopDial recommendations ({q['n']} in {q['dialogues']} dialogues; catalog 57 MG + 194 DummyJSON)", "",
              "| query | metric | dense | BM25 | hybrid (RRF k=60) | baseline |", "|---|---|---|---|---|---|"]
    for variant, label in (("all", "all client turns"), ("last", "last client turn")):
        for metric in ("recall", "ndcg"):
            cells = [_f(q["modes"][(variant, m)][metric], 3) for m in (*MODES, "baseline")]
            lines.append(f"| {label} | {metric}@10 | " + " | ".join(cells) + " |")
    ci = q["ci"]
    lines += ["", "nDCG@10 differences, mean [95% interval from resampling dialogues]: " + "; ".join(
        f"{label}: hybrid - dense {_f(ci[(v, 'dense')][0], 3)} [{_f(ci[(v, 'dense')][1], 3)}, {_f(ci[(v, 'dense')][2], 3)}], "
        f"hybrid - BM25 {_f(ci[(v, 'lexical')][0], 3)} [{_f(ci[(v, 'lexical')][1], 3)}, {_f(ci[(v, 'lexical')][2], 3)}]"
        for v, label in (("all", "all turns"), ("last", "last turn"))) + ".", "",
              f"Baseline = {speed[0]['baseline_name']}; no filters here, so it ranks exactly like dense. "
              "nDCG@10 by category (all client turns): " + "; ".join(
                  f"{c} (n={v['n']}): dense {_f(v['dense'], 2)}, BM25 {_f(v['lexical'], 2)}, hybrid {_f(v['hybrid'], 2)}"
                  for c, v in q["by_category"].items()) + ".", "",
              f"RRF variants, nDCG@10 / recall@10 (dense weight w, BM25 weight 1; the bench's fusion reproduces the "
              f"shipped hybrid top 10 on {q['grid_check']} queries; shipped = k=60, w=1):", "",
              "| query | RRF k | " + " | ".join(f"w={w:g}" for w in weights) + " |", "|---" * 7 + "|"]
    for variant, label in (("all", "all turns"), ("last", "last turn")):
        for k in ks:
            lines.append(f"| {label} | {k} | " + " | ".join(
                f"{_f(q['grid'][(variant, k, w)][0], 3)} / {_f(q['grid'][(variant, k, w)][1], 2)}" for w in weights) + " |")
    one = f"; with torch limited to 1 thread p50 {_f(embed_ms['p50 1 thread'])} ms, p95 {_f(embed_ms['p95 1 thread'])} ms" \
        if "p50 1 thread" in embed_ms else ""
    lines += ["", "### Speed: query latency (ms) on synthetic catalogs", "",
              f"Query embedding (MiniLM, uncached, one query, torch default {embed_ms.get('threads', '?')} threads): "
              f"p50 {_f(embed_ms['p50'])} ms, p95 {_f(embed_ms['p95'])} ms{one}. It is added to every dense or hybrid query "
              "the embedder's LRU cache has not seen; the search times below exclude it. Document vectors are recombined "
              "real demo embeddings, not model output (see the bench docstring). Filters cycle none / price_max / "
              "category+price_max; k=10.", "",
              "| products | FAISS | dense p50 / p95 | BM25 p50 / p95 | hybrid p50 / p95 | hybrid p50 by filter: none / price / cat+price | baseline p50 / p95 | hybrid / baseline p50 | ANN recall@10 |",
              "|---|---|---|---|---|---|---|---|---|"]
    for s in speed:
        h, b = s["hybrid"], s["baseline"]
        lines.append(f"| {s['n']:,} | {s['faiss']} | {_f(s['dense']['p50'])} / {_f(s['dense']['p95'])} | "
                     f"{_f(s['lexical']['p50'])} / {_f(s['lexical']['p95'])} | {_f(h['p50'])} / {_f(h['p95'])} | "
                     f"{_f(h['p50 none'])} / {_f(h['p50 price'])} / {_f(h['p50 cat+price'])} | {_f(b['p50'])} / {_f(b['p95'])} | "
                     f"{_f(h['p50'] / b['p50'])}x | {_f(s['ann_recall'], 3)} |")
    lines += ["", "Baseline answers to filtered queries against the Retriever's filtered dense top 10: " + "; ".join(
        f"{s['n']:,} products: {s['baseline_filtered']['short']} of {s['baseline_filtered']['queries']} return fewer than 10, "
        f"overlap {_f(100 * s['baseline_filtered']['overlap'], 0)}%" for s in speed) + ".", "",
              "### Build and re-sync", "",
              f"- Demo catalog ({build['products']} products): import {_f(build['import_s'])} s + embed and index "
              f"{_f(build['embed_index_s'])} s (CPU {_f(build['embed_index_cpu_s'])} s) = "
              f"{_f(build['import_s'] + build['embed_index_s'])} s wall (target < 60 s); loading the model takes "
              f"{_f(build['model_s'])} s more, once per process."]
    for s in speed:
        lines.append(f"- {s['n']:,} synthetic products: import {_f(s['import_s'])} s; vector index build without the model "
                     f"({s['faiss']}, incl. reading the products back and saving) {_f(s['index_s'])} s.")
    for r in resync:
        lines.append(f"- Re-sync after 10 changed products in {r['n']:,}: upsert (inserted, updated, unchanged) = "
                     f"{r['upsert']}, re-embedded {r['embedded']}, dropped {r['dropped']}, sync {_f(r['sync_s'], 2)} s.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/retrieval.py", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1k and 10k products, fewer queries and repeats")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    parser.add_argument("--embedder", default="minilm")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    t_start = time.perf_counter()
    data = shared_data_dir()
    scales = (1_000, 10_000) if args.quick else (1_000, 10_000, 100_000)
    n_queries, repeats = (30, 2) if args.quick else (60, 3)
    load = [os.getloadavg()[0]]

    with tempfile.TemporaryDirectory(prefix="aisle-bench-") as tmp_name:
        tmp = Path(tmp_name)
        print("build: demo catalog with the real model ...", flush=True)
        build = bench_build(tmp, args.embedder)
        embedder, demo_retriever = build["embedder"], build["retriever"]

        print("quality: MG-ShopDial ...", flush=True)
        recs = mg_recommendations(data)
        quality = evaluate_quality(build_quality_catalog(tmp, data, embedder), embedder, recs)

        demo = normalise_records(read_records(demo_catalog_path()), mapping={})[0]
        row = {pid: i for i, pid in enumerate(demo_retriever.index.ids)}
        demo_vectors = np.stack([demo_retriever.index.vectors[row[p.id]] for p in demo])
        queries = speed_queries(data, demo, 2 * n_queries)
        queries, spare = queries[:n_queries], queries[n_queries:]
        embed_ms = query_embedding(embedder, [q for q, _ in queries], [q for q, _ in spare])

        speed, resync = [], []
        for n in scales:
            print(f"speed: {n:,} products ...", flush=True)
            s = bench_scale(tmp, n, demo, demo_vectors, embedder, queries, repeats if n < 100_000 else 2)
            if n == 10_000 or n == 100_000:
                resync.append(bench_resync(s.pop("retriever"), s.pop("products"), embedder))
            s.pop("retriever", None), s.pop("products", None)
            speed.append(s)

    load.append(os.getloadavg()[0])
    text = report(quality, speed, build, resync, embed_ms, time.perf_counter() - t_start, args.quick, load)
    print()
    print(text)
    if not args.no_write:
        write_section("Retrieval", text)
        print("\nwrote the Retrieval section of bench/RESULTS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
