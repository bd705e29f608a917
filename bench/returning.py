"""Do a returning shopper's earlier visits make recommendations better? With history vs without, same run.

Data: MG-ShopDial dev dialogues (human shopper/assistant chats over a small item catalog), whose
recommendations `bench/mgshopdial.py` recovers; the catalog is the 57 MG items plus the 194
DummyJSON products as distractors (as in `bench/retrieval_quality.py`). A dialogue with two or more
recommendations becomes one returning shopper:

- earlier visit = the first half of its recommendations: the Client's words before each one are
  stored as a search message, the recommended items as viewed (MG-ShopDial records no carts, so
  nothing is carted), in a real SQLite session store linked to the shopper id;
- return visit = the second half: the query is what the Client said since the earlier visit
  ended, the target is the items the Wizard then newly recommended (never items already seen).

Per return query: plain retrieval (`Retriever.search`, top 10) vs the same hits reordered by
`personalise(hits, ShopperProfile.build(store.shopper_history(id), catalog))`. Per shopper, the
"picked for you" list a returning shopper gets on opening a chat (`recommend(..., k=4)`) vs what an
anonymous shopper can be shown (the catalog's best-rated four). Intervals: paired bootstrap over
shoppers. Then the "delete my data" check: after `forget_shopper`, history is empty and results equal
the anonymous ones.

    PYTHONPATH=. python bench/returning.py
"""
from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# `python bench/returning.py` puts bench/ first on the path, where bench/retrieval.py would hide the package.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() not in (ROOT, ROOT / "bench")]

from assistant.sessions.sqlite import SQLiteSessionStore  # noqa: E402
from assistant.shoppers import ShopperProfile, personalise, recommend  # noqa: E402
from bench.common import machine, shared_data_dir, today, write_section  # noqa: E402
from bench.mgshopdial import load_mg_items, mg_recommendations  # noqa: E402
from bench.retrieval_quality import mg_task  # noqa: E402
from retrieval.embedder import load_embedder  # noqa: E402
from retrieval.retriever import Retriever  # noqa: E402

K = 4  # what the widget shows
DEPTH = 10  # hits a search fetches, the list personalise reorders
RESAMPLES = 2000


def metrics(ranked: list[str], target: set[str]) -> dict[str, float]:
    top = ranked[:K]
    first = next((i for i, pid in enumerate(ranked[:DEPTH]) if pid in target), None)
    return {"hit": float(bool(set(top) & target)), "recall": len(set(top) & target) / len(target),
            "mrr": 0.0 if first is None else 1.0 / (first + 1)}


def shoppers(data: Path, title_to_id: dict[str, str]) -> list[tuple[str, list, list]]:
    """(dialogue, earlier-visit recommendations, return-visit recommendations) per dialogue with >= 2."""
    by_dialogue = defaultdict(list)
    for r in mg_recommendations(data):
        by_dialogue[r.dialogue].append(r)
    out = []
    for dialogue, recs in sorted(by_dialogue.items()):
        recs.sort(key=lambda r: r.turn)
        if len(recs) >= 2 and all(n in title_to_id for r in recs for n in r.relevant):
            half = len(recs) // 2
            out.append((dialogue, recs[:half], recs[half:]))
    return out


def bootstrap(pairs: list[tuple[float, float]], seed: int = 0) -> tuple[float, float]:
    """95% interval of mean(with) - mean(without), resampling shoppers."""
    rng, diffs = random.Random(seed), []
    for _ in range(RESAMPLES):
        sample = [pairs[rng.randrange(len(pairs))] for _ in pairs]
        diffs.append(sum(w - b for b, w in sample) / len(sample))
    diffs.sort()
    return diffs[int(0.025 * RESAMPLES)], diffs[int(0.975 * RESAMPLES) - 1]


def label_departments(retriever: Retriever, data: Path) -> int:
    """Give each MG item its MG-ShopDial department as category (the item files carry none), as a shop's feed would."""
    department = {it["name"].strip(): cat for cat, items in load_mg_items(data).items() for it in items}
    products = [replace(p, category=department[p.title.strip()]) for p in retriever.store.iter_products()
                if p.title.strip() in department]
    retriever.store.upsert(products)
    retriever.sync()
    return len(products)


def evaluate(retriever: Retriever, store: SQLiteSessionStore, data: Path, tag: str) -> dict:
    """Scores of every returning shopper with and without history, then forget each one."""
    catalog = retriever.store
    title_to_id = {p.title.strip(): p.id for p in catalog.iter_products()}
    anonymous_top = [h.product.id for h in retriever.search("", k=K)]
    per_shopper: dict[str, dict[str, tuple[float, float]]] = {}
    picks: dict[str, tuple[dict, dict]] = {}
    queries = reordered = forget_ok = 0
    for dialogue, earlier, later in shoppers(data, title_to_id):
        shopper = f"mg-{tag}-{dialogue.replace(':', '-')}"
        sid = store.create_session()
        said = ""
        for r in earlier:  # what the Client said before each recommendation, as one search message
            words = r.query_all[len(said):].strip() if r.query_all.startswith(said) else r.query_last
            store.append_turn(sid, "user", words or r.query_last, meta={"act": "search"})
            said = r.query_all
        store.save_state(sid, {"viewed": [title_to_id[n.strip()] for r in earlier for n in r.relevant], "cart": []})
        store.link_shopper(sid, shopper)
        profile = ShopperProfile.build(store.shopper_history(shopper), catalog)

        said_before = earlier[-1].query_all
        scores: dict[str, list[tuple[float, float]]] = defaultdict(list)
        last_hits = []
        for r in later:
            query = r.query_all[len(said_before):].strip() if r.query_all.startswith(said_before) else r.query_last
            target = {title_to_id[n.strip()] for n in r.relevant}
            hits = [h.product for h in retriever.search(query or r.query_last, k=DEPTH)]
            mine_ids = [p.id for p in personalise(hits, profile)]
            reordered += mine_ids != [p.id for p in hits]
            last_hits = hits
            base, mine = metrics([p.id for p in hits], target), metrics(mine_ids, target)
            for m in base:
                scores[m].append((base[m], mine[m]))
            queries += 1
        per_shopper[shopper] = {m: (sum(b for b, _ in v) / len(v), sum(w for _, w in v) / len(v))
                                for m, v in scores.items()}
        target_all = {title_to_id[n.strip()] for r in later for n in r.relevant}
        picks[shopper] = (metrics(anonymous_top, target_all),
                          metrics([p.id for p in recommend(retriever, profile, k=K)], target_all))

        # Delete my data: nothing left, and what they are shown equals what an anonymous shopper sees.
        store.forget_shopper(shopper)
        after = ShopperProfile.build(store.shopper_history(shopper), catalog)
        same = [p.id for p in personalise(last_hits, after)] == [p.id for p in last_hits]
        forget_ok += int(after.empty and not store.session_exists(sid) and same and recommend(retriever, after) == [])
    return {"per_shopper": per_shopper, "picks": picks, "queries": queries, "reordered": reordered,
            "forget_ok": forget_ok}


def table(tag: str, res: dict) -> list[str]:
    rows, n = [], len(res["per_shopper"])
    for m, label in (("hit", f"hit@{K}"), ("recall", f"recall@{K}"), ("mrr", f"MRR@{DEPTH}")):
        pairs = [res["per_shopper"][s][m] for s in res["per_shopper"]]
        b, w = sum(p[0] for p in pairs) / n, sum(p[1] for p in pairs) / n
        lo, hi = bootstrap(pairs)
        rows.append(f"| {tag} | search results, {label} | {b:.3f} | {w:.3f} | {w - b:+.3f} [{lo:+.3f}, {hi:+.3f}] |")
    for m, label in (("hit", f"hit@{K}"), ("recall", f"recall@{K}")):
        pairs = [(res["picks"][s][0][m], res["picks"][s][1][m]) for s in res["picks"]]
        b, w = sum(p[0] for p in pairs) / n, sum(p[1] for p in pairs) / n
        lo, hi = bootstrap(pairs)
        rows.append(f"| {tag} | picked for you on return, {label} | {b:.3f} | {w:.3f} | "
                    f"{w - b:+.3f} [{lo:+.3f}, {hi:+.3f}] |")
    return rows


def verdict(plain: dict, labelled: dict) -> str:
    """One sentence on whether history changed search results, computed from the figures."""
    moved = []
    for tag, res in (("as imported", plain), ("with departments", labelled)):
        for m in ("hit", "recall", "mrr"):
            pairs = [res["per_shopper"][s][m] for s in res["per_shopper"]]
            lo, hi = bootstrap(pairs)
            if lo > 0 or hi < 0:
                moved.append(f"{m} {tag} ({'better' if lo > 0 else 'worse'})")
    if moved:
        return "history changed search quality beyond chance: " + ", ".join(moved) + "."
    return ("history does not measurably help search results: the reordering (at most 2 places) leaves hit@4, "
            "recall@4 and MRR unchanged or within noise of plain retrieval; as imported it cannot reorder at all, since a "
            "profile with only a typical price moves a product less than one place.")


def picks_interval(res: dict) -> str:
    """Whether the picked-for-you hit@4 gain (as imported) clears zero, in words."""
    lo, hi = bootstrap([(res["picks"][s][0]["hit"], res["picks"][s][1]["hit"]) for s in res["picks"]])
    return f"its hit@{K} interval [{lo:+.3f}, {hi:+.3f}] " + ("clears zero" if lo > 0 else "touches zero")


def main() -> int:
    t0 = time.perf_counter()
    data = shared_data_dir()
    tmp = Path(tempfile.mkdtemp(prefix="aisle-returning-"))
    retriever = Retriever.open(mg_task(tmp, data).db, embedder=load_embedder("minilm"))
    store = SQLiteSessionStore(tmp / "sessions.db")
    plain = evaluate(retriever, store, data, "plain")
    labelled_n = label_departments(retriever, data)
    labelled = evaluate(retriever, store, data, "dept")
    wall = time.perf_counter() - t0
    one, five, _ = os.getloadavg()
    n = len(plain["per_shopper"])
    body = "\n".join([
        f"Machine: {machine()}; load average {one:.1f} / {five:.1f} (1 / 5 min); {today()}; wall {wall:.0f} s.",
        "Command: `PYTHONPATH=. python bench/returning.py` (MiniLM hybrid retriever; MG-ShopDial dev "
        "dialogues against the 57 MG items + 194 DummyJSON products).",
        "",
        f"{n} returning shoppers (MG-ShopDial dialogues with two or more recommendations), {plain['queries']} "
        "return-visit queries. Earlier visit = first half of a dialogue's recommendations (the Client's words before each "
        "recommendation as a search message, the recommended items as viewed, nothing carted: the data has no carts); return visit = the "
        "second half, target = the items the Wizard then newly recommended. Scores are averaged per shopper, then "
        f"over shoppers; interval: 95% paired bootstrap over shoppers ({RESAMPLES} resamples). \"picked for "
        "you\": `recommend(k=4)` on opening the return chat vs the catalog's best-rated four (all an anonymous "
        "shopper can be shown); its target is every item recommended in the return visit.",
        "",
        "Catalogs: *as imported* = the MG item files as they are (no category, no brand); *with departments* = "
        f"the same {labelled_n} MG items given their MG-ShopDial department (Books, Cellphones&Accessories, ...) "
        "as category, as a shop's own feed would carry.",
        "",
        "| catalog | what | without history | with history | difference [95% CI] |",
        "|---|---|---|---|---|",
        *table("as imported", plain),
        *table("with departments", labelled),
        "",
        f"`personalise` changed the order of {plain['reordered']} / {plain['queries']} return searches as imported, "
        f"{labelled['reordered']} / {labelled['queries']} with departments.",
        "",
        f"Delete my data: after `forget_shopper`, {plain['forget_ok'] + labelled['forget_ok']} / {2 * n} shoppers "
        "had no history left, their session gone, search results in the anonymous order and no \"picked for "
        "you\" list.",
        "",
        f"What it means: {verdict(plain, labelled)} The picked-for-you gain is over showing a returning shopper "
        "nothing personal; it comes from `recommend` searching their earlier words again, so it mostly measures "
        "that the return visit continues the earlier one (both halves are one dialogue), not taste learned over "
        f"weeks; {picks_interval(plain)}.",
        "",
        f"Limits: {n} shoppers and {plain['queries']} queries, so intervals are wide and a small effect would not "
        "show; the returning shopper is simulated by cutting one dialogue in two (minutes apart, same need); "
        "the data has no carts, so the cart weight and carted-price signal are untested; the profile uses "
        "category, brand and price only, and MG items have no brand; UCI Online Shoppers sessions were not used "
        "because they name no products (page counts only), so they give no target item.",
    ])
    print(body)
    write_section("Returning shoppers", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
