"""Retrieval quality on public queries, split once into a tune part and a held-out part.

Ranking choices (fusion constants, query rewriting, which embedder) are tuned on the tune part only;
the held-out part decides what ships. The split is frozen: a query's part is fixed by a hash of the
unit it belongs to (its MG-ShopDial dialogue, its WebShop instruction, its target product), so
queries of one dialogue never straddle the parts and adding tasks never moves old queries.

Tasks:
- `mg`: MG-ShopDial recommendations (see `bench/mgshopdial.py`) against the 57 MG items plus the
  194 DummyJSON products; the query is every Client utterance before the Wizard's recommendation.
- `webshop`: WebShop's goal-query map: the 1,026 human-written shopping instructions are the
  catalog (each one a product description) with 2,000 other instructions of the same set as
  distractors; the queries are the searches people typed for them.
- `zh`: the project's own queries for the demo catalog (`bench/data/retrieval_zh.json`): Chinese
  queries for its Chinese products, and English <-> Chinese across languages; also scored as a
  product-select task (the query and four candidate titles; the retriever's order picks one).
"""
from __future__ import annotations

import hashlib
import json
import math
import random
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.common import percentile
from bench.mgshopdial import MG_FILES, mg_recommendations
from catalog import CatalogStore, demo_catalog_path, import_file
from catalog.models import Product

K = 10
SPLIT_SALT = "aisle-retrieval-split-v1"  # never change: it defines which queries are held out
PARTS = ("tune", "heldout")
WEBSHOP_DISTRACTORS = 2_000
ZH_QUERIES = Path(__file__).resolve().parent / "data" / "retrieval_zh.json"


def part(unit: str) -> str:
    """'tune' or 'heldout' for a dialogue id / instruction / product id; half each, fixed forever."""
    return "heldout" if hashlib.sha256(f"{SPLIT_SALT}:{unit}".encode()).digest()[0] % 2 else "tune"


@dataclass(frozen=True)
class Query:
    text: str
    relevant: frozenset[str]  # product ids that answer it
    unit: str  # what the split and the bootstrap resample: a dialogue, an instruction, a product
    kind: str = ""

    @property
    def part(self) -> str:
        return part(self.unit)


@dataclass
class Task:
    name: str
    db: Path
    queries: list[Query]

    def part(self, name: str) -> list[Query]:
        return [q for q in self.queries if q.part == name]


# -- tasks ---------------------------------------------------------------------------------------
def mg_task(tmp: Path, data: Path, *, variant: str = "all") -> Task:
    """MG-ShopDial recommendations; `variant` 'all' (every Client turn so far) or 'last'."""
    db = tmp / "mg.db"
    if not db.exists():
        store = CatalogStore(db)
        for f in MG_FILES.values():
            import_file(store, data / f"mgshopdial_items_{f}.json")
        import_file(store, data / "dummyjson_products.json")
    title_to_id = {p.title: p.id for p in CatalogStore(db).iter_products()}
    queries = []
    for r in mg_recommendations(data):
        missing = [n for n in r.relevant if n not in title_to_id]
        assert not missing, f"recommended items missing from the catalog: {missing[:3]}"
        text = r.query_all if variant == "all" else r.query_last
        queries.append(Query(text, frozenset(title_to_id[n] for n in r.relevant), r.dialogue, r.dialogue.split(":")[0]))
    return Task(f"mg-{variant}", db, queries)


def webshop_task(tmp: Path, data: Path) -> Task:
    """Typed WebShop searches against the instructions they were typed for (one product each)."""
    raw: dict[str, list[str]] = json.loads((data / "webshop_goal_query_map_500_on.json").read_text())
    db = tmp / "webshop.db"
    ids = {goal: f"ws-{i:04d}" for i, goal in enumerate(raw)}
    # Other instructions of the same set, with no typed query, make the catalog harder to search.
    others = [g for g in json.loads((data / "webshop_goals_500_on.json").read_text()) if g not in ids]
    others = random.Random(0).sample(sorted(set(others)), WEBSHOP_DISTRACTORS)
    CatalogStore(db).upsert([Product(id=pid, title=goal.strip(), price=1.0, category="webshop") for goal, pid in ids.items()]
                            + [Product(id=f"ws-x{i:04d}", title=g.strip(), price=1.0, category="webshop")
                               for i, g in enumerate(others)])
    queries, seen = [], set()
    for goal, typed in raw.items():
        for q in dict.fromkeys(t.strip() for t in typed if t.strip()):
            if (q, goal) not in seen:
                seen.add((q, goal))
                queries.append(Query(q, frozenset([ids[goal]]), goal))
    return Task("webshop", db, queries)


def zh_task(tmp: Path) -> Task:
    """The project's Chinese and cross-language queries against the demo catalog."""
    db = tmp / "demo.db"
    if not db.exists():
        import_file(CatalogStore(db), demo_catalog_path())
    rows = json.loads(ZH_QUERIES.read_text())["queries"]
    return Task("zh", db, [Query(r["query"], frozenset(r["relevant"]), r["relevant"][0], r["kind"]) for r in rows])


def product_select(task: Task, *, seed: int = 0) -> list[tuple[Query, list[str]]]:
    """Each query of `task` with four candidate ids: its answer and three others of the same
    category where there are (the hardest distractors this catalog has), shuffled."""
    products = list(CatalogStore(task.db).iter_products())
    by_cat: dict[str, list[str]] = {}
    for p in products:
        by_cat.setdefault(p.category, []).append(p.id)
    cat = {p.id: p.category for p in products}
    rng, out = random.Random(seed), []
    for q in task.queries:
        answer = sorted(q.relevant)[0]
        pool = [i for i in by_cat[cat[answer]] if i not in q.relevant]
        if len(pool) < 3:
            pool += [p.id for p in products if p.id not in q.relevant and p.id not in pool]
        candidates = [answer, *rng.sample(pool, 3)]
        rng.shuffle(candidates)
        out.append((q, candidates))
    return out


# -- metrics -------------------------------------------------------------------------------------
def recall_at(ranked: Sequence[str], relevant: set[str] | frozenset[str], k: int = K) -> float:
    return len(set(ranked[:k]) & relevant) / len(relevant)


def ndcg_at(ranked: Sequence[str], relevant: set[str] | frozenset[str], k: int = K) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, pid in enumerate(ranked[:k]) if pid in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal


def bootstrap(values: Sequence[float], units: Sequence[str], *, rounds: int = 2000, seed: int = 0) -> tuple[float, float, float]:
    """Mean and its 95% interval, resampling whole units (turns of one dialogue are not independent)."""
    by_unit: dict[str, list[float]] = {}
    for v, u in zip(values, units):
        by_unit.setdefault(u, []).append(v)
    keys, rng, means = list(by_unit), random.Random(seed), []
    for _ in range(rounds):
        sample = [v for u in (rng.choice(keys) for _ in keys) for v in by_unit[u]]
        means.append(statistics.fmean(sample))
    return statistics.fmean(values), percentile(means, 2.5), percentile(means, 97.5)


def score(rankings: Sequence[Sequence[str]], queries: Sequence[Query]) -> dict[str, object]:
    """recall@10 and nDCG@10 with 95% intervals; `per_query` keeps nDCG for paired comparisons."""
    units = [q.unit for q in queries]
    rec = [recall_at(r, q.relevant) for r, q in zip(rankings, queries)]
    nd = [ndcg_at(r, q.relevant) for r, q in zip(rankings, queries)]
    return {"n": len(queries), "units": len(set(units)), "recall": bootstrap(rec, units), "ndcg": bootstrap(nd, units),
            "per_query": nd, "per_query_recall": rec}


def paired_difference(a: Sequence[float], b: Sequence[float], queries: Sequence[Query]) -> tuple[float, float, float]:
    """Mean of a - b and its 95% interval, resampling units."""
    return bootstrap([x - y for x, y in zip(a, b)], [q.unit for q in queries])


def picked(ranked: Sequence[str], candidates: Sequence[str]) -> str | None:
    """The candidate the retriever ranks first (None when it ranks none of them)."""
    for pid in ranked:
        if pid in candidates:
            return pid
    return None


def run(search: Callable[[str], list[str]], queries: Sequence[Query]) -> list[list[str]]:
    return [search(q.text) for q in queries]


# -- evaluation ------------------------------------------------------------------------------------
def candidate_lists(retriever, queries: Sequence[Query], *, n: int = 100) -> tuple[list, list]:
    """The dense and the lexical top-n of every query, as the Retriever fuses them (no filters)."""
    vectors = retriever.embedder.embed_queries([q.text for q in queries])
    dense = [retriever.index.search(v, k=n) for v in vectors]
    lexical = [retriever.store.lexical_search(q.text, limit=n) for q in queries]
    return dense, lexical


def rankings(dense: list, lexical: list, fusions: dict[str, object]) -> dict[str, list[list[str]]]:
    """'dense', 'BM25' and one ranking per named `Fusion`, for every query, best first."""
    out = {"dense": [[p for p, _ in d] for d in dense], "BM25": [[p for p, _ in lx] for lx in lexical]}
    for name, fusion in fusions.items():
        ranked = []
        for d, lx in zip(dense, lexical):
            fused, first = fusion.fuse(d, lx), {p: i for i, (p, _) in enumerate(d)}
            ranked.append(sorted(fused, key=lambda p: (-fused[p], first.get(p, 1e9))))
        out[name] = ranked
    return out


def evaluate_task(task: Task, retriever, fusions: dict[str, object]) -> dict[str, object]:
    """Every ranking of `fusions` (plus dense, BM25) scored on both parts; the zh task also as product-select."""
    dense, lexical = candidate_lists(retriever, task.queries)
    ranked = rankings(dense, lexical, fusions)
    out: dict[str, object] = {"n": len(task.queries), "scores": {}, "select": {}}
    for name, lists in ranked.items():
        for p in PARTS:
            idx = [i for i, q in enumerate(task.queries) if q.part == p]
            out["scores"][(name, p)] = score([lists[i] for i in idx], [task.queries[i] for i in idx])
    if task.name == "zh":
        pos = {q: i for i, q in enumerate(task.queries)}
        items = product_select(task)
        for name, lists in ranked.items():
            for p in PARTS:
                hits = [picked(lists[pos[q]], c) in q.relevant for q, c in items if q.part == p]
                out["select"][(name, p)] = (sum(hits), len(hits))
            kinds = {}
            for q, c in items:
                kinds.setdefault(q.kind, []).append(picked(lists[pos[q]], c) in q.relevant)
            out["select"][(name, "kinds")] = {k: (sum(v), len(v)) for k, v in kinds.items()}
            out["scores"][(name, "kinds")] = {
                k: statistics.fmean(recall_at(lists[i], q.relevant) for i, q in enumerate(task.queries) if q.kind == k)
                for k in kinds}
    return out
