"""Shop features, measured: policy answers (EN/ZH, held-out questions, escalations) and feed imports.

    python bench/shop.py     # prints the figures and rewrites the "## Shop features" section of bench/RESULTS.md

Baseline for policy answers, measured in the same run: the best-overlapping section by plain word
overlap, quoted whole, never escalating (what a keyword FAQ lookup does).
"""
from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import machine, shared_data_dir, today, write_section  # noqa: E402

DATA = ROOT / "tests" / "data"


def _cases(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _baseline(sections, question: str):
    words = set(re.findall(r"\w+", question.lower()))
    best = max(sections, key=lambda s: len(words & set(re.findall(r"\w+", (s.title + " " + s.text).lower()))))
    return best.id, best.text


def policy_figures(desk, sections) -> list[str]:
    rows = ["| question set | n | Aisle PolicyDesk | baseline (keyword section lookup) |", "|---|---|---|---|"]
    for name, label in (("policy_questions.jsonl", "tuning set"), ("policy_questions_heldout.jsonl", "held-out")):
        cases = _cases(name)
        for lang in ("en", "zh"):
            subset = [c for c in cases if c.get("lang", "en") == lang]
            ours = base = 0
            for c in subset:
                a = desk.answer(c["q"], lang=lang)
                covered = c.get("covered", True)
                if covered:
                    ours += bool(a and a.covered and a.section_id == c["section"]
                                 and c["expect"].lower() in a.text.lower())
                    sid, text = _baseline(sections, c["q"])
                    base += sid == c["section"] and c["expect"].lower() in text.lower()
                else:
                    ours += bool(a and not a.covered)  # the baseline never escalates
            rows.append(f"| {label}, {lang.upper()} | {len(subset)} | {ours}/{len(subset)} ({ours / len(subset):.0%})"
                        f" | {base}/{len(subset)} ({base / len(subset):.0%}) |")
    return rows


def product_policy_figures(shared: Path) -> str:
    from assistant.policies import PolicyDesk
    from catalog import CatalogStore, import_file
    from catalog.policies import ensure_demo_policies

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "c.db"
        store = CatalogStore(db)
        import_file(store, shared / "dummyjson_products.json")
        ensure_demo_policies(db)
        desk = PolicyDesk.from_store(store)
        products = list(store.iter_products())
        checks = [("What's the warranty on this?", "warranty"), ("Can I return this?", "return_policy"),
                  ("How fast does it ship?", "shipping")]
        lines = []
        for question, key in checks:
            has = [p for p in products if p.attributes.get(key)]
            right = sum(bool((a := desk.answer(question, product=p)) and a.product_fact == (key, str(p.attributes[key])))
                        for p in has)
            lines.append(f"\"{question}\" {right}/{len(has)}")
    return (f"Per-product policy (DummyJSON, {len(products)} products; rows that carry their own field answer with "
            f"that field verbatim): " + ", ".join(lines) + ".")


def feed_figures() -> list[str]:
    from catalog import CatalogStore, import_file

    rows = ["| feed file | format | rows | imported products | variant groups | refused rows (field) |",
            "|---|---|---|---|---|---|"]
    for name in ("shopify_products.csv", "merchant_feed.xml", "merchant_feed.tsv"):
        path = DATA / "feeds" / name
        with tempfile.TemporaryDirectory() as tmp:
            store = CatalogStore(Path(tmp) / "c.db")
            report = import_file(store, path)
            groups = {p.group_id for p in store.iter_products() if p.group_id}
        n = (path.read_text(encoding="utf-8").count("<item>") if name.endswith(".xml")
             else len(path.read_text(encoding="utf-8").strip().splitlines()) - 1)
        refused = ", ".join(f"{e.row} ({e.field})" for e in report.rejected)
        rows.append(f"| {name} | {report.format} | {n} | {report.imported} | {len(groups)} | {refused} |")
    return rows


def main() -> int:
    from assistant.policies import PolicyDesk
    from catalog import CatalogStore, ensure_demo_catalog
    from catalog.policies import ensure_demo_policies, load_sections

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        db = ensure_demo_catalog(Path(tmp) / "catalog.db")
        ensure_demo_policies(db)
        store = CatalogStore(db)
        desk, sections = PolicyDesk.from_store(store), load_sections(store)
        policy = policy_figures(desk, sections)
    try:
        per_product = product_policy_figures(shared_data_dir())
    except FileNotFoundError as exc:
        per_product = f"Per-product policy: skipped ({exc})."
    feeds = feed_figures()
    body = "\n".join([
        f"Machine: {machine()}. Date: {today()}. `python bench/shop.py` took {time.perf_counter() - started:.0f} s.",
        "",
        "### Policy answers from the demo shop's policies (`catalog/demo/policies.md`)",
        "",
        "Correct = the right section, covered, and the quoted sentences contain the expected fact; for questions the",
        "policies do not cover (Japan, Klarna, Alipay, gift wrapping, ...) correct = `covered=False` (escalate).",
        "The tuning set was used while writing the lexicon. The held-out set was written before its first run,",
        "which scored 18/28; its misses then led to generic fixes (stop words such as 'until' and 'fit', 'send it",
        "back' as a returns phrase, 'address' no longer meaning the showroom, 'order' no longer a stop word), so",
        "it is only partly held out now. Before this work every one of these questions became a product search.",
        "",
        *policy,
        "",
        per_product,
        "",
        "### Feed imports (`tests/data/feeds/`, written for Aisle in the exporters' real formats)",
        "",
        *feeds,
    ])
    print(body)
    write_section("Shop features", body + _written_elsewhere("Shop features", ("Incentives",)))
    return 0


def _written_elsewhere(section: str, headings: tuple[str, ...]) -> str:
    """Subsections of `## section` that another bench writes (bench/incentives.py), kept as they are."""
    import re

    from bench.common import RESULTS

    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    found = re.search(rf"^## {re.escape(section)}[ \t]*\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    kept = []
    for heading in headings:
        sub = re.search(rf"^### {re.escape(heading)}.*?(?=^###? |\Z)", found.group(1) if found else "", re.S | re.M)
        if sub:
            kept.append(sub.group(0).strip())
    return "".join("\n\n" + k for k in kept)


if __name__ == "__main__":
    raise SystemExit(main())
