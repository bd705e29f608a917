"""Keep the evaluation's figures in `bench/eval/results.json` and render them into bench/RESULTS.md."""
from __future__ import annotations

import json
from pathlib import Path

from bench.common import write_section

HERE = Path(__file__).resolve().parent
STORE = HERE / "results.json"
HEADING = "Conversation evaluation"
INTRO = """Multi-turn shopper conversations (`bench/eval/`, 2-6 shopper turns, public phrasing from
MG-ShopDial, WebShop and Bitext, Chinese turns translated) on the demo catalog, DummyJSON, tau-bench
and the MG-ShopDial items. Each turn's expectations are computed from the catalog rows at run time
(budget, kind kept, brand, variant, references, spec / policy values or "the catalog does not say",
comparisons, cart and totals, escalation and no false escalation, small talk, reply language,
currency symbol, amounts grounded in rows). The `heldout` part is frozen (sha256 in
`bench/eval/README.md`). Targets: >= 95% of expectations and >= 90% of conversations fully right on
`heldout`, English and Chinese separately. Reproduce with `python bench/eval/run.py --generator none
--split all --results` (template answers) or `--generator local` (the default model)."""


def record(label: str, summary: dict, machine: str, conversations: int) -> None:
    """Store one run's tables under `label` and rewrite the RESULTS.md section from every stored run."""
    runs = _load()
    runs[label] = {"machine": machine, "conversations": conversations, "summary": summary}
    _save(runs)


def record_note(label: str, markdown: str) -> None:
    """Store a block of text (e.g. the fact check's figures) shown after the tables."""
    runs = _load()
    runs[label] = {"note": markdown}
    _save(runs)


def _load() -> dict:
    return json.loads(STORE.read_text(encoding="utf-8")) if STORE.exists() else {}


def _save(runs: dict) -> None:
    from bench.eval.run import render

    STORE.write_text(json.dumps(runs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    body = [INTRO, ""]
    for name, run in runs.items():
        if "note" in run:
            body += [f"### {name}", "", run["note"].strip(), ""]
        else:
            body += [f"{run['conversations']} conversations; {run['machine']}", "", render(run["summary"], label=name)]
    write_section(HEADING, "\n".join(body))
