"""Write the conversation specs (`conversations/tune.jsonl`, `conversations/heldout.jsonl`).

Shopper turns are public phrasing (MG-ShopDial client turns, WebShop instructions, Bitext utterances,
typos kept) with only the product noun / amount swapped for one this catalog sells; `src` names the
record each turn comes from (`mgs:<dialogue id>#<utterance id>` in mgshopdial_dev.json,
`webshop:<index>` in webshop_goals_500_on.json, `bitext:<row>` in the Bitext CSV, `issue8` for a
phrase quoted in a tester report). Chinese turns are our translations of those turns, typed the
way Chinese shoppers type. Expectations are symbolic (see bench/eval/checks.py): the runner computes
them from the catalog rows it shows. Each slot below was checked against its catalog when written
(`--check` re-checks: the kind exists, the budget splits it, the brand / variant is sold).

The held-out file was split off by a hash of the conversation id, stratified by (catalog, language),
and is frozen (its sha256 is in bench/eval/README.md): rerunning this script must not change it, and
conversations added since go to the tune part.

    python bench/eval/build_specs.py            # write both files (refuses to change a frozen held-out)
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.eval.scenarios import NEEDS, SCENARIOS, SLOTS  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE / "conversations"
FROZEN_SHA256 = "see README"  # recorded in bench/eval/README.md when the held-out part was frozen


def fill(obj, slot: dict):
    """Replace {placeholders} in strings (and whole-value "$key" references) with the slot's values."""
    if isinstance(obj, str):
        if obj.startswith("$") and obj[1:] in slot:
            return slot[obj[1:]]
        return obj.format(**slot)
    if isinstance(obj, list):
        return [fill(x, slot) for x in obj]
    if isinstance(obj, dict):
        return {k: fill(v, slot) for k, v in obj.items()}
    return obj


def build() -> list[dict]:
    convs = []
    for scen in SCENARIOS:
        table = NEEDS if scen.get("slots") == "needs" else SLOTS
        for catalog, lang, slot_name in scen["runs"]:
            slot = slot_values(table[catalog][slot_name], catalog, lang)
            turns = []
            for turn in scen["turns"]:
                step = {k: v for k, v in turn.items() if k not in ("en", "zh")}
                if "en" in turn:
                    step["say"] = fill(turn[lang], slot)
                if "expect" in turn:
                    step["expect"] = {k: v for k, v in fill(turn["expect"], slot).items() if v is not None}
                turns.append(step)
            cid = f"{catalog}-{lang}-{scen['name']}-{slot_name}".replace(" ", "_")
            convs.append({"id": cid, "catalog": catalog, "lang": lang, "scenario": scen["name"], "turns": turns})
    ids = [c["id"] for c in convs]
    assert len(ids) == len(set(ids)), "duplicate conversation ids"
    return convs


def slot_values(slot: dict, catalog: str, lang: str) -> dict:
    """The slot's values for one language: `noun` and `typo` in it, and `noun2` / `kind2` from the
    slot named by `other` (the product a shopper switches to)."""
    out = dict(slot)
    zh = lang == "zh"
    out["noun"] = slot["zh"] if zh else slot["en"]
    if "typo" in slot:
        out["typo"] = slot["typo_zh"] if zh else slot["typo"]
    if "other" in slot:
        other = SLOTS[catalog][slot["other"]]
        out["noun2"], out["kind2"] = (other["zh"] if zh else other["en"]), other["kind"]
    return out


def frozen_ids() -> set[str]:
    """The conversation ids of the frozen held-out file (empty before it is written)."""
    path = OUT / "heldout.jsonl"
    if not path.exists():
        return set()
    return {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def split(convs: list[dict], *, refreeze: bool = False) -> dict[str, list[dict]]:
    """Once the held-out file is frozen, its conversations stay held out and every other one (every
    conversation added since) goes to the tune part. Before that (or with `refreeze`): about half
    each, stratified by (catalog, language), each stratum ordered by a hash of the id."""
    frozen = set() if refreeze else frozen_ids()
    if frozen:
        return {"tune": [c for c in convs if c["id"] not in frozen], "heldout": [c for c in convs if c["id"] in frozen]}
    out = {"tune": [], "heldout": []}
    strata: dict[tuple, list[dict]] = {}
    for c in convs:
        strata.setdefault((c["catalog"], c["lang"]), []).append(c)
    for key in sorted(strata):
        ordered = sorted(strata[key], key=lambda c: hashlib.sha256(c["id"].encode()).hexdigest())
        for i, c in enumerate(ordered):
            out["heldout" if i % 2 == 0 else "tune"].append(c)
    return out


def dumps(convs: list[dict]) -> str:
    return "".join(json.dumps(c, ensure_ascii=False, sort_keys=True) + "\n" for c in sorted(convs, key=lambda c: c["id"]))


def check_slots() -> list[str]:
    """Problems with the slots against the catalogs (kind sold, budget splits it, brand and variant sold)."""
    from bench.eval.catalogs import available, prepare
    from bench.eval.checks import _has_variant, is_brand

    problems = []
    for catalog, slots in SLOTS.items():
        if not available(catalog):
            problems.append(f"{catalog}: public data missing, not checked")
            continue
        cat = prepare(catalog)
        for name, slot in slots.items():
            rows = [p for k in slot["kind"] for p in cat.of_kind(k)]
            where = f"{catalog}/{name}"
            if not rows:
                problems.append(f"{where}: no rows of kind {slot['kind']}")
                continue
            under = [p for p in rows if p.price <= slot["budget"]]
            if not under or len(under) == len(rows):
                problems.append(f"{where}: budget {slot['budget']} does not split {sorted(p.price for p in rows)}")
            for key in ("brand_out", "brand_in"):
                if key in slot and not any(is_brand(p, slot[key]) for p in rows):
                    problems.append(f"{where}: {key} {slot[key]!r} not sold in the kind")
            if catalog in ("demo", "tau") and not any(_has_variant(p, slot["vattr"], slot["vval"]) for p in rows):
                problems.append(f"{where}: no {slot['vattr']}={slot['vval']} variant")
            problems += [f"{where}: {p}" for p in _more_problems(cat, slot, rows)]
        for name, need in NEEDS.get(catalog, {}).items():
            missing = [k for k in need["kind"] if not cat.of_kind(k)]
            if missing:
                problems.append(f"{catalog}/need {name}: kinds not sold {missing}")
    return problems


def _more_problems(cat, slot: dict, rows: list) -> list[str]:
    """The later scenarios' slot values against the rows: a range with rows in and out of it, rows
    near `around`, rows between `budget` and `raise_to`, the size sold, the partner slot's kind sold."""
    from bench.eval.checks import _has_variant
    from bench.eval.checks_extra import AROUND_HIGH, AROUND_LOW

    prices = sorted(p.price for p in rows)
    out = []
    if "lo" in slot:
        inside = [x for x in prices if slot["lo"] <= x <= slot["hi"]]
        if not inside or len(inside) == len(prices):
            out.append(f"range {slot['lo']}-{slot['hi']} does not split {prices}")
    if "around" in slot and not any(slot["around"] * AROUND_LOW <= x <= slot["around"] * AROUND_HIGH for x in prices):
        out.append(f"nothing around {slot['around']} in {prices}")
    if "raise_to" in slot and not any(slot["budget"] < x <= slot["raise_to"] for x in prices):
        out.append(f"nothing between {slot['budget']} and {slot['raise_to']} in {prices}")
    if "size" in slot and not any(_has_variant(p, "size", slot["size"].lower()) for p in rows):
        out.append(f"size {slot['size']} not sold")
    if "other" in slot and not [p for k in SLOTS[cat.name][slot["other"]]["kind"] for p in cat.of_kind(k)]:
        out.append(f"other slot {slot['other']} sells nothing")
    return out


def check_sources(convs: list[dict]) -> list[str]:
    """Every `src` names a record that exists in the public files."""
    import csv

    from bench.common import shared_data_dir

    data = shared_data_dir()
    dialogues = {d["id"]: {u["utterance_id"]: u for u in d["utterances"]}
                 for d in json.loads((data / "mgshopdial_dev.json").read_text(encoding="utf-8"))}
    goals = json.loads((data / "webshop_goals_500_on.json").read_text(encoding="utf-8"))
    with open(data / "bitext_customer_service_training_8k.csv", encoding="utf-8-sig") as f:
        bitext = list(csv.DictReader(f))
    problems = []
    for src in sorted({t.get("src", "") for c in convs for t in c["turns"] if t.get("src")}):
        for part in src.split("+"):
            kind, _, key = part.partition(":")
            if kind == "mgs":
                did, _, uid = key.rpartition("#")
                utt = dialogues.get(did, {}).get(int(uid))
                ok = utt is not None and utt["participant"] == "Client"
            elif kind == "webshop":
                ok = int(key) < len(goals)
            elif kind == "bitext":
                ok = int(key) < len(bitext)
            else:
                ok = kind == "issue8"
            if not ok:
                problems.append(f"source {part} not found")
    return problems


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--force-heldout", action="store_true", help="rewrite the held-out file (only before freezing)")
    ap.add_argument("--check", action="store_true", help="check slots and sources against the public data")
    args = ap.parse_args()
    if args.check:
        problems = check_slots() + check_sources(build())
        print("\n".join(problems) or "slots and sources check out")
        return
    parts = split(build(), refreeze=args.force_heldout)
    OUT.mkdir(exist_ok=True)
    for name, convs in parts.items():
        path = OUT / f"{name}.jsonl"
        text = dumps(convs)
        if name == "heldout" and path.exists() and path.read_text(encoding="utf-8") != text and not args.force_heldout:
            print(f"{path.name} is frozen and would change: keep new conversations in the tune part", file=sys.stderr)
            continue
        path.write_text(text, encoding="utf-8")
        print(f"{path.name}: {len(convs)} conversations, sha256 {hashlib.sha256(text.encode()).hexdigest()}")


if __name__ == "__main__":
    main()
