"""Retrieval benchmark: quality on public queries split into tune and held-out parts, Chinese and
cross-language search, latency at 1k/10k/100k (optionally 1M) products against the exact index and
the plain LangChain FAISS baseline, build, re-sync and memory, in one run.

    python bench/retrieval.py             # everything; updates the Retrieval section of bench/RESULTS.md
    python bench/retrieval.py --quick     # 1k and 10k products only, fewer queries and repeats
    python bench/retrieval.py --million   # also 1M products (needs ~12 GB of memory and ~30 min)
    python bench/retrieval.py --no-write  # print only

1. Quality (`bench/retrieval_quality.py`, `bench/mgshopdial.py`). Tasks: MG-ShopDial
   recommendations (human dialogues; the query is every Client utterance so far, or only the last),
   WebShop's typed searches against the instructions they were typed for, and the project's own
   Chinese / cross-language queries for the demo catalog (also as a four-title product-select task).
   Every query belongs to a tune or a held-out part, fixed by a hash of its dialogue / instruction /
   product. Fusion settings were chosen on the tune part only; the held-out part is the verdict.
   Both packaged embedders (MiniLM, multilingual E5) are measured; intervals are 95% bootstrap
   intervals resampling whole dialogues / instructions / products.
   MG-ShopDial rules: a *recommendation* is a run of consecutive Wizard utterances that names at
   least one catalog item not named before; its answer set is those items (named by image id, a
   rare key of the name, the brand with a matching price, or the price with a rare head word;
   checked by hand, no false match). 50 recommendations (66 items) in 27 of the 32 dialogues.
2. Speed (`bench/retrieval_scale.py`). Catalogs of synthetic products recombined from the demo
   catalog; their vectors are 0.8 x the base product's real vector + 0.2 x a donor's + noise (the
   model would take hours on 2 cores). Queries are real typed WebShop searches, with filters
   cycling none / price_max / category + price_max. In the same run: the shipped index (exact below
   20k products, IVF above), the exact index, the lexical search with every word (as before the
   common-word cap), and the baseline: `langchain_community.vectorstores.FAISS` over the same
   vectors (its default post-filter over fetch_k=20) when installed, else plain faiss with a
   full-scan filter. Query embedding (uncached) is timed apart; search times exclude it.
3. Build: import + embed + index of the demo catalog with each real model; re-sync after 10
   changed products at 10k and 100k with the real model (must re-embed exactly 10).
"""
from __future__ import annotations

import argparse
import logging
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

if __package__ in (None, ""):  # `python bench/retrieval.py`: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from bench import retrieval_quality as rq  # noqa: E402
from bench.common import machine, percentile, shared_data_dir, today, write_section  # noqa: E402
from bench.retrieval_scale import bench_build, bench_resync, bench_scale, speed_queries  # noqa: E402
from catalog import demo_catalog_path  # noqa: E402
from catalog.importer import normalise_records, read_records  # noqa: E402
from retrieval.embedder import DEFAULT_EMBEDDER, Embedder, load_embedder  # noqa: E402
from retrieval.retriever import DEFAULT_FUSION, Fusion, Retriever  # noqa: E402

EMBEDDERS = ("minilm", "e5")
BEFORE = Fusion()  # what shipped before the held-out evaluation: RRF, k=60, equal weights
VARIANTS = {"RRF k=60 (before)": BEFORE, "RRF k=60, dense x2": Fusion(dense_weight=2.0),
            "dense first, eps 0.05": Fusion(kind="dense_first", eps=0.05)}


def quality(tmp: Path, data: Path, embedders: dict[str, Embedder]) -> dict[str, Any]:
    """Every task x embedder x ranking, scored on both parts (see `bench/retrieval_quality.py`)."""
    tasks = [rq.mg_task(tmp, data), rq.mg_task(tmp, data, variant="last"), rq.webshop_task(tmp, data), rq.zh_task(tmp)]
    fusions = {**VARIANTS, "shipped": DEFAULT_FUSION}
    out: dict[str, Any] = {"tasks": {t.name: t for t in tasks}, "results": {}, "checks": {}}
    for name, embedder in embedders.items():
        for task in tasks:
            print(f"quality: {task.name} with {name} ...", flush=True)
            retriever = Retriever.open(task.db, embedder=embedder)
            out["results"][(name, task.name)] = rq.evaluate_task(task, retriever, fusions)
            # The bench fuses candidate lists itself; check it orders like the shipped Retriever.
            sample = task.queries[:: max(1, len(task.queries) // 40)]
            dense, lexical = rq.candidate_lists(retriever, sample)
            mine = rq.rankings(dense, lexical, {"shipped": DEFAULT_FUSION})["shipped"]
            same = sum(m[:rq.K] == [h.product.id for h in retriever.search(q.text, k=rq.K)] for m, q in zip(mine, sample))
            out["checks"][(name, task.name)] = f"{same}/{len(sample)}"
    return out


def _ci(x: tuple[float, float, float]) -> str:
    return f"{x[0]:.3f} [{x[1]:.2f}, {x[2]:.2f}]"


def report(q: dict, build: dict, speed: list[dict], resync: list[dict], embed_ms: dict, elapsed: float,
           args: argparse.Namespace, load: list[float]) -> str:
    """The RESULTS.md section (also printed): markdown tables."""
    default = DEFAULT_EMBEDDER
    lines = [f"Machine: {machine()}. Date: {today()}. `python bench/retrieval.py{' --quick' if args.quick else ''}"
             f"{' --million' if args.million else ''}` took {elapsed / 60:.1f} min; 1-minute load average "
             f"{load[0]:.1f} at the start, {load[1]:.1f} at the end (2 cores shared with other work: absolute times are "
             "inflated and noisy; compare the ratios measured in the same run).", "",
             f"Shipped: embedder `{default}`, fusion {DEFAULT_FUSION}.", "",
             "### Quality: recall@10 [95% interval] / nDCG@10, tune and held-out parts", "",
             "| task | part (queries) | embedder | dense | BM25 | " + " | ".join(VARIANTS) + " | shipped |",
             "|---|---|---|---|---|" + "---|" * len(VARIANTS) + "---|"]
    for (emb, task), res in q["results"].items():
        for p in rq.PARTS:
            cells = []
            for name in ("dense", "BM25", *VARIANTS, "shipped"):
                s = res["scores"][(name, p)]
                cells.append(f"{_ci(s['recall'])} / {s['ndcg'][0]:.3f}")
            n = res["scores"][("dense", p)]["n"]
            lines.append(f"| {task} | {p} ({n}) | {emb} | " + " | ".join(cells) + " |")
    lines += ["", "Held-out nDCG@10 difference, shipped minus other, mean [95% interval]: " + "; ".join(
        f"{task} {emb}: - dense {_ci(_diff(q, emb, task, 'dense'))}, - before {_ci(_diff(q, emb, task, 'RRF k=60 (before)'))}"
        for (emb, task) in q["results"] if task.startswith("mg")) + ".",
              f"The bench's own fusion matches the shipped `Retriever.search` top 10 on: "
              + ", ".join(f"{e}/{t} {c}" for (e, t), c in q["checks"].items()) + ".", "",
              "### Chinese and cross-language (the project's 59 queries for the demo catalog)", "",
              "Product-select: the query and four candidate titles (the answer and three of its category); the "
              "retriever's order picks one. recall@10 over the whole catalog by query kind.", "",
              "| embedder | ranking | select: tune | select: held-out | select zh-zh / en-zh / zh-en | recall@10 zh-zh / en-zh / zh-en |",
              "|---|---|---|---|---|---|"]
    for emb in EMBEDDERS:
        res = q["results"].get((emb, "zh"))
        if not res:
            continue
        for name in ("dense", "BM25", "RRF k=60 (before)", "shipped"):
            sel, kinds = res["select"], res["select"][(name, "kinds")]
            rec = res["scores"][(name, "kinds")]
            lines.append(f"| {emb} | {name} | " + " | ".join(f"{sel[(name, p)][0] / sel[(name, p)][1]:.2f} ({sel[(name, p)][0]}/{sel[(name, p)][1]})" for p in rq.PARTS)
                         + " | " + " / ".join(f"{kinds[k][0]}/{kinds[k][1]}" for k in ("zh-zh", "en-zh", "zh-en"))
                         + " | " + " / ".join(f"{rec[k]:.2f}" for k in ("zh-zh", "en-zh", "zh-en")) + " |")
    lines += ["", "### Build: the demo catalog, each embedder", ""]
    for emb, b in build.items():
        lines.append(f"- {emb} ({b['embedder']}): {b['products']} products, import {b['import_s']:.1f} s + embed and index "
                     f"{b['embed_index_s']:.1f} s (CPU {b['embed_index_cpu_s']:.1f} s); model load {b['model_s']:.1f} s; "
                     f"query embedding uncached p50 {embed_ms[emb]['p50']:.1f} ms, p95 {embed_ms[emb]['p95']:.1f} ms.")
    lines += ["", f"### Speed: search latency (ms, p50 / p95, query embedding excluded), `{default}` vectors", "",
              "| products | index | dense | BM25 | hybrid (shipped) | hybrid, exact index | BM25, every word | hybrid, exact + every word | baseline | shipped / exact+every word | top-10 agreement |",
              "|---|---|---|---|---|---|---|---|---|---|---|"]
    for s in speed:
        pp = lambda k: f"{s[k]['p50']:.1f} / {s[k]['p95']:.1f}"  # noqa: E731
        lines.append(f"| {s['n']:,} | {s['faiss']} | {pp('dense')} | {pp('lexical')} | {pp('hybrid')} | {pp('hybrid, exact index')} | "
                     f"{pp('lexical, every word')} | {pp('hybrid, exact index, every word')} | {pp('baseline')} | "
                     f"{s['hybrid']['p50'] / s['hybrid, exact index, every word']['p50']:.2f}x | {100 * s['agreement']:.0f}% |")
    lines += ["", "Hybrid p50 by filter (none / price / category+price): " + "; ".join(
        f"{s['n']:,}: {s['hybrid']['p50 none']:.1f} / {s['hybrid']['p50 price']:.1f} / {s['hybrid']['p50 cat+price']:.1f}" for s in speed) + ".", "",
              "Approximate dense recall@10 against the exact index, and dense search p50 ms, by nprobe (unfiltered queries): " + "; ".join(
        f"{s['n']:,}: " + ", ".join(f"{k}: {r:.3f} ({ms:.2f} ms)" for k, (r, ms) in s["ann"].items()) for s in speed) + ".", "",
              "On disk (MB, per 100k products): " + "; ".join(
        f"{s['n']:,}: vectors+index {s['memory']['vectors']:.0f} ({s['memory']['vectors'] * 1e5 / s['n']:.0f}), catalog SQLite "
        f"{s['memory']['catalog']:.0f} ({s['memory']['catalog'] * 1e5 / s['n']:.0f})" for s in speed) + ".", "",
              "Baseline answers to filtered queries against the Retriever's filtered dense top 10: " + "; ".join(
        f"{s['n']:,}: {s['baseline_filtered']['short']} of {s['baseline_filtered']['queries']} return fewer than 10, "
        f"overlap {100 * s['baseline_filtered']['overlap']:.0f}%" for s in speed) + f" (baseline = {speed[0]['baseline_name']}).", ""]
    for s in speed:
        lines.append(f"- {s['n']:,} synthetic products: import {s['import_s']:.1f} s; vector index build without the model "
                     f"({s['faiss']}, incl. reading the products back and saving) {s['index_s']:.1f} s.")
    for r in resync:
        lines.append(f"- Re-sync after 10 changed products in {r['n']:,}: upsert (inserted, updated, unchanged) = "
                     f"{r['upsert']}, re-embedded {r['embedded']}, dropped {r['dropped']}, sync {r['sync_s']:.2f} s.")
    return "\n".join(lines)


def _diff(q: dict, emb: str, task: str, other: str) -> tuple[float, float, float]:
    res, queries = q["results"][(emb, task)], q["tasks"][task].part("heldout")
    return rq.paired_difference(res["scores"][("shipped", "heldout")]["per_query"], res["scores"][(other, "heldout")]["per_query"], queries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/retrieval.py", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1k and 10k products, fewer queries and repeats")
    parser.add_argument("--million", action="store_true", help="also 1M products")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    parser.add_argument("--skip-quality", action="store_true", help="speed only")
    parser.add_argument("--quality-only", action="store_true", help="measure quality again; keep the build and "
                        "speed figures of the last run in --workdir")
    parser.add_argument("--report-only", action="store_true", help="re-render the report of the last run in --workdir")
    parser.add_argument("--workdir", type=Path, help="keep the quality catalogs and their vectors here between runs "
                        "(only changed products are embedded again); build and speed always start from scratch")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    t_start = time.perf_counter()
    data = shared_data_dir()
    scales = (1_000, 10_000) if args.quick else (1_000, 10_000, 100_000) + ((1_000_000,) if args.million else ())
    n_queries, repeats = (30, 2) if args.quick else (60, 3)
    load = [os.getloadavg()[0]]
    saved = args.workdir / "results.pickle" if args.workdir else None
    if args.report_only or args.quality_only:
        with open(saved, "rb") as f:
            results = list(pickle.load(f))
        if args.quality_only:
            embedders = {name: load_embedder(name) for name in EMBEDDERS}
            results[0] = quality(args.workdir, data, embedders)
            demo = normalise_records(read_records(demo_catalog_path()), mapping={})[0]
            results[4] = query_embedding(embedders, [t for t, _ in speed_queries(data, demo, 2 * n_queries)[n_queries:]])
            results[-2] += time.perf_counter() - t_start
            with open(saved, "wb") as f:
                pickle.dump(tuple(results), f)
        return _write(args, *results)

    with tempfile.TemporaryDirectory(prefix="aisle-bench-") as tmp_name:
        tmp = Path(tmp_name)
        build = {}
        for name in EMBEDDERS:
            print(f"build: demo catalog with {name} ...", flush=True)
            (tmp / name).mkdir()
            build[name] = bench_build(tmp / name, name)
        embedders = {name: b["embedder"] for name, b in build.items()}
        if args.workdir:
            args.workdir.mkdir(parents=True, exist_ok=True)
        q = {"results": {}, "checks": {}, "tasks": {}} if args.skip_quality else quality(args.workdir or tmp, data, embedders)

        demo = normalise_records(read_records(demo_catalog_path()), mapping={})[0]
        embedder, demo_retriever = embedders[DEFAULT_EMBEDDER], build[DEFAULT_EMBEDDER]["retriever"]
        row = {pid: i for i, pid in enumerate(demo_retriever.index.ids)}
        demo_vectors = np.stack([demo_retriever.index.vectors[row[p.id]] for p in demo])
        queries = speed_queries(data, demo, 2 * n_queries)
        queries, spare = queries[:n_queries], queries[n_queries:]
        embed_ms = query_embedding(embedders, [t for t, _ in spare])
        embedder.embed_queries([t for t, _ in queries])  # cached: search times exclude the model

        speed, resync = [], []
        for n in scales:
            print(f"speed: {n:,} products ...", flush=True)
            s = bench_scale(tmp, n, demo, demo_vectors, embedder, queries, repeats if n < 100_000 else 2)
            if n in (10_000, 100_000):
                resync.append(bench_resync(s["retriever"], s["products"], embedder))
            s.pop("retriever"), s.pop("products")
            speed.append(s)

    load.append(os.getloadavg()[0])
    for b in build.values():
        b["embedder"], b["retriever"] = b["embedder"].name, None
    results = (q, build, speed, resync, embed_ms, time.perf_counter() - t_start, load)
    if saved:
        with open(saved, "wb") as f:
            pickle.dump(results, f)
    return _write(args, *results)


def _write(args, q, build, speed, resync, embed_ms, elapsed, load) -> int:
    text = report(q, build, speed, resync, embed_ms, elapsed, args, load)
    print()
    print(text)
    if not args.no_write:
        write_section("Retrieval", text)
        print("\nwrote the Retrieval section of bench/RESULTS.md")
    return 0


def query_embedding(embedders: dict[str, Embedder], texts: list[str]) -> dict[str, dict[str, float]]:
    """Uncached query embedding, ms per query (the quality tasks may have cached these texts)."""
    out = {}
    for name, e in embedders.items():
        getattr(e, "_cache", {}).clear()
        times = [_ms(lambda t=t: e.embed_queries([t])) for t in texts]
        out[name] = {"p50": percentile(times, 50), "p95": percentile(times, 95)}
    return out


def _ms(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


if __name__ == "__main__":
    sys.exit(main())
