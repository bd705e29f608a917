"""Shopper-language benchmark: acts and budgets on held-out utterances nobody on the team tuned on.

    python bench/understanding.py              # prints the table and rewrites "## Shopper language" in bench/RESULTS.md
    python bench/understanding.py --no-write   # print only
    python bench/understanding.py --before DIR # also run the `language` package found in DIR (an older copy)

The set (bench/data/language_heldout.json) was labelled by hand and frozen before the rules were
tuned: 100 Bitext customer-service utterances, 100 WebShop instructions and 89 MG-ShopDial client
turns (rows sampled with a fixed seed; the text is read from the public data, never copied), plus
40 English and Chinese messages the team wrote from the phrasing classes of issue 8. The misses of
the "before" run on this set were read while the rules were written (the fixes are for classes of
phrasing, not sentences), so it flatters "after" a little. The last two rows are the honest check:
labels that come with the public data, on 8,464 rows nobody read (every other Bitext row by its
intent, 1,000 other WebShop instructions). Every message is understood mid-conversation, with three
DummyJSON products on screen.

Acts are compared coarsely: shop (search/refine), question (question/compare), cart (cart acts),
greeting, thanks, human, chat (smalltalk/off-topic/unclear); Bitext "service" requests (orders,
accounts, refunds) are right when read as policy/order_problem (or, less usefully, as a question or chat),
never as shopping. A budget is right
when both bounds match (no budget counts as a bound of None).
"""
from __future__ import annotations

import argparse
import csv
import importlib
import json
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/understanding.py` from the repository root
    sys.path.insert(0, str(ROOT))

from bench.common import machine, shared_data_dir, today, write_section  # noqa: E402

HELDOUT = ROOT / "bench" / "data" / "language_heldout.json"
COARSE = {"search": "shop", "refine": "shop", "question": "question", "compare": "question", "cart_add": "cart",
          "cart_remove": "cart", "cart_show": "cart", "greeting": "greeting", "thanks": "thanks", "human": "human",
          "smalltalk": "chat", "off_topic": "chat", "unclear": "chat", "policy": "service",
          "order_problem": "service"}


def load_items() -> list[dict]:
    """The labelled items with their text filled in from the public data sets."""
    data = shared_data_dir()
    with open(data / "bitext_customer_service_training_8k.csv", encoding="utf-8-sig") as f:
        bitext = [row["utterance"] for row in csv.DictReader(f)]
    webshop = json.loads((data / "webshop_goals_500_on.json").read_text(encoding="utf-8"))
    mg = [u["utterance"] for d in json.loads((data / "mgshopdial_dev.json").read_text(encoding="utf-8"))
          for u in d["utterances"] if u["participant"] == "Client"]
    texts = {"bitext": bitext, "webshop": webshop, "mgshopdial": mg}
    items = json.loads(HELDOUT.read_text(encoding="utf-8"))
    for item in items:
        if item["source"] != "written":
            item["text"] = " ".join(texts[item["source"]][item["row"]].split())
    return items


def wide_items(labelled: list[dict]) -> list[dict]:
    """Labels that come with the public data, on rows nobody read while writing the rules: every other
    Bitext row (its intent says service or a person; "place_order" and "review" are left out as
    ambiguous) and 1,000 other WebShop instructions (all searches, none with a price)."""
    data = shared_data_dir()
    seen = {(i["source"], i.get("row")) for i in labelled}
    with open(data / "bitext_customer_service_training_8k.csv", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    items = [{"source": "bitext (all other rows)", "text": r["utterance"],
              "act": "human" if r["intent"] == "contact_human_agent" else "service"}
             for n, r in enumerate(rows) if ("bitext", n) not in seen and r["intent"] not in ("place_order", "review")]
    goals = json.loads((data / "webshop_goals_500_on.json").read_text(encoding="utf-8"))
    other = [n for n in range(len(goals)) if ("webshop", n) not in seen]
    items += [{"source": "webshop (1,000 other)", "text": " ".join(goals[n].split()), "act": "shop", "budget": None}
              for n in random.Random(2024).sample(other, 1000)]
    return items


def context(language) -> dict:
    """A vocabulary from the DummyJSON catalog and three of its products on screen."""
    rows = json.loads((shared_data_dir() / "dummyjson_products.json").read_text(encoding="utf-8"))
    rows = rows["products"] if isinstance(rows, dict) else rows
    products = [SimpleNamespace(brand=r.get("brand") or "", category=r.get("category") or "",
                                attributes={"subcategory": t for t in r.get("tags", [])[:1]}) for r in rows]
    vocab = language.Vocabulary.from_products(products)
    shown = rows[:3]
    return {"vocab": vocab, "shown": [str(r["id"]) for r in shown], "shown_titles": [r["title"] for r in shown],
            "shown_prices": [float(r["price"]) for r in shown]}


def run(language, items: list[dict]) -> dict:
    """Coarse-act and budget accuracy per source, and the time per message."""
    ctx = context(language)
    right: dict[str, Counter] = defaultdict(Counter)
    misses: list[tuple[str, str, str]] = []
    start = time.process_time()
    for item in items:
        u = language.understand(item["text"], **ctx)
        got = COARSE[u.act]
        ok = got == item["act"] or (item["act"] == "service" and got in ("question", "chat"))
        source = item["source"]
        right[source]["n"] += 1
        right[source]["act"] += ok
        right[source]["strict"] += got == item["act"]
        if not ok:
            misses.append((source, item["act"], f"{got}: {item['text'][:70]}"))
        if "budget" in item:
            want = tuple(item["budget"]) if item["budget"] else (None, None)
            have = (u.filters_delta.get("price_min"), u.filters_delta.get("price_max"))
            right[source]["budget_n"] += 1
            right[source]["budget"] += have == want
            if have != want:
                misses.append((source, "budget", f"{have} != {want}: {item['text'][:60]}"))
    per_message = (time.process_time() - start) / len(items)
    return {"right": right, "misses": misses, "us_per_message": per_message * 1e6}


def _load(package_dir: str | None):
    if package_dir is None:
        return importlib.import_module("language")
    # An older copy runs in its own interpreter so the two packages never mix.
    out = subprocess.run([sys.executable, __file__, "--json", "--no-write"], capture_output=True, text=True,
                         env={"PYTHONPATH": f"{package_dir}:{ROOT}", "PATH": "/usr/bin:/bin",
                              "AISLE_SHARED_DATA": str(shared_data_dir())}, check=True)
    return json.loads(out.stdout)


def table(results: dict[str, dict]) -> str:
    """A markdown table: one row per source, one column pair per run."""
    names = list(results)
    head = "| source | n | " + " | ".join(f"act ({n}) | budget ({n})" for n in names) + " |"
    lines = [head, "|" + "---|" * (2 + 2 * len(names))]
    sources = list(next(iter(results.values()))["right"])
    labelled = [s for s in sources if "other" not in s]
    for source in labelled + ["all hand-labelled"] + [s for s in sources if "other" in s]:
        cells = []
        n = 0
        for name in names:
            r = results[name]["right"]
            rows = [r[s] for s in (labelled if source == "all hand-labelled" else [source])]
            n = sum(x["n"] for x in rows)
            act = sum(x["act"] for x in rows)
            bn, b = sum(x["budget_n"] for x in rows), sum(x["budget"] for x in rows)
            cells.append(f"{act / n:.1%} ({act})")
            cells.append(f"{b / bn:.1%} ({b}/{bn})" if bn else "-")
        lines.append(f"| {source} | {n} | " + " | ".join(cells) + " |")
    strict = " · ".join(f"{name}: {results[name]['right']['bitext']['strict']}/{results[name]['right']['bitext']['n']}"
                        for name in names if "bitext" in results[name]["right"])
    speed = " · ".join(f"{name}: {results[name]['us_per_message']:.0f} µs/message" for name in names)
    return ("\n".join(lines) + f"\n\nBitext service requests read as exactly policy/order_problem (or human when"
            f" labelled so): {strict}.\n\nCPU time per `understand()` call, same run: {speed}.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    parser.add_argument("--before", help="a folder holding an older `language` package to compare with")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--misses", action="store_true", help="list every wrong item")
    args = parser.parse_args()
    items = load_items()
    items += wide_items(items)
    if args.json:
        r = run(importlib.import_module("language"), items)
        print(json.dumps({**r, "right": {k: dict(v) for k, v in r["right"].items()}}))
        return
    results = {}
    if args.before:
        before = _load(args.before)
        before["right"] = {k: Counter(v) for k, v in before["right"].items()}
        results["before"] = before
    results["after" if args.before else "now"] = run(importlib.import_module("language"), items)
    text = table(results)
    print(text)
    if args.misses:
        for source, want, what in results["after" if args.before else "now"]["misses"]:
            print(f"  {source:10} want {want:8} got {what}")
    if not args.no_write:
        load = subprocess.run(["cat", "/proc/loadavg"], capture_output=True, text=True).stdout.split()[:3]
        write_section("Shopper language", f"{today()} · {machine()} · load average {' '.join(load)}\n\n"
                      + __doc__.split("\n\n", 2)[2].strip() + "\n\n" + text)


if __name__ == "__main__":
    main()
