"""Intent and escalation benchmark, in one run (about 3-6 minutes on 2 shared CPU cores):

    python bench/intent.py             # prints the tables and rewrites the "## Intent" section of bench/RESULTS.md
    python bench/intent.py --no-write  # print only

1. Purchase intent on held-out splits: ROC AUC, F1 (at 0.5) and expected calibration error of
   (a) the hand-set keyword baseline, (b) the text-only model (MiniLM + trained head, calibrated),
   (c) the full model (text + earlier turns + behaviour flags a dialogue manager would fill from
   the words). The splits are fixed in assistant/intent/data.py; every set is class-balanced by
   weighting (the 50/50 prior the scores are calibrated to).
2. UCI Online Shoppers sessions: behaviour models on the paper's 17 features, next to the figures
   Sakar et al. (2019) report.
3. Escalation: precision and recall per reason on tests/data/escalation_utterances.jsonl, per split
   and language, rules only and rules + learned English head.
4. Latency of one `score()` call and of `detect_escalation()` on this machine.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/intent.py` from the repository root
    sys.path.insert(0, str(ROOT))

from bench.common import machine, percentile, shared_data_dir, today, write_section  # noqa: E402

ESCALATION_SET = ROOT / "tests" / "data" / "escalation_utterances.jsonl"
SETS = {
    "webshop": "WebShop held-out instructions + queries (750) vs project-written non-buying turns",
    "mgshopdial": "MG-ShopDial held-out dialogues (10) vs project-written non-buying turns",
    "written": "project-written held-out sessions only (buying and non-buying)",
    "all": "all held-out turns together",
    "mg_goal": "MG-ShopDial held-out turns, public labels: task goal (search/recommendation/qa) vs `meta`",
}
# Sakar, Polat, Katircioglu & Kastro (2019), "Real-time prediction of online shoppers' purchasing
# intention using multilayer perceptron and LSTM recurrent neural networks", Neural Computing and
# Applications 31:6893-6908. Best configuration: MLP with oversampling and feature selection.
SAKAR = {"model": "MLP, oversampling + feature selection", "accuracy": 0.8794, "f1": 0.86}
# First-look figures of each escalation version on a set written after it (never re-measurable:
# every set was used to improve the rules after it was measured). (precision, recall) per reason.
ESCALATION_HISTORY = [
    ("rules v1", "dev2 (83)", {"human_request": (0.93, 0.62), "frustration": (0.50, 0.07), "order_problem": (0.60, 0.19)}),
    ("rules v2", "blind (66)", {"human_request": (1.00, 0.36), "frustration": (0.50, 0.08), "order_problem": (0.67, 0.14)}),
    ("rules v2 + learned head", "blind2 (68)", {"human_request": (1.00, 0.86), "frustration": (1.00, 0.50), "order_problem": (0.91, 0.71)}),
]
REASONS = ("human_request", "frustration", "order_problem", "repeated_failure", "high_value_cart")


def f(x: float, nd: int = 3) -> str:
    return "n/a" if x != x else f"{x:.{nd}f}"


def intent_section(scorer) -> tuple[str, dict]:
    from assistant.intent.evaluate import evaluate

    res = evaluate(scorer, data_dir=shared_data_dir())
    lines = ["| held-out set | n (buying) | keyword AUC / F1 / ECE | text-only AUC / F1 / ECE | full AUC / F1 / ECE |",
             "|---|---|---|---|---|"]
    for name, desc in SETS.items():
        r = res[name]
        cells = [" / ".join(f(r[m][k]) for k in ("auc", "f1", "ece")) for m in ("keyword", "text", "full")]
        lines.append(f"| {name}: {desc} | {r['text']['n']} ({r['text']['positives']}) | " + " | ".join(cells) + " |")
    return "\n".join(lines), res


def uci_section() -> tuple[str, dict]:
    from assistant.intent.behaviour import uci_benchmark

    res = uci_benchmark(data_dir=shared_data_dir())
    lines = ["| model (stratified 70/30 split, seed 0; 3,699 test sessions) | ROC AUC | F1 | F1 (classes weighted equally) | accuracy | ECE |",
             "|---|---|---|---|---|---|"]
    for name, r in res.items():
        lines.append(f"| {name} | {f(r['auc'])} | {f(r['f1'])} | {f(r['f1_balanced'])} | {f(r['accuracy'])} | {f(r['ece'])} |")
    lines.append(f"| Sakar et al. 2019, {SAKAR['model']} (as reported, see note) | not reported | {SAKAR['f1']:.2f} | | "
                 f"{SAKAR['accuracy']:.4f} | |")
    return "\n".join(lines), res


def escalation_rows() -> list[dict]:
    rows = [json.loads(line) for line in ESCALATION_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if "text" in r]


def escalation_section() -> tuple[str, dict]:
    from assistant.escalation import EscalationConfig, detect_escalation
    from assistant.intent.signals import SessionSignals

    from retrieval.embedder import load_embedder

    rows = escalation_rows()
    load_embedder("minilm").embed_queries([r["text"] for r in rows])  # one batch fills the shared cache
    got = {}
    for mode, cfg in (("rules", EscalationConfig(use_model=False)), ("rules+head", EscalationConfig())):
        out = []
        for r in rows:
            sig = SessionSignals(**r["signals"]) if r.get("signals") else None
            e = detect_escalation(r["text"], history=r.get("history", ()), signals=sig, unmet_turns=r.get("unmet_turns", 0),
                                  intent=r.get("intent"), config=cfg)
            out.append(e.reason if e else None)
        got[mode] = out

    def pr(mode, keep, reason):
        c = Counter((r["reason"] == reason, g == reason) for r, g in zip(rows, got[mode]) if keep(r))
        tp, fp, fn = c[(True, True)], c[(False, True)], c[(True, False)]
        return (tp / (tp + fp) if tp + fp else float("nan"), tp / (tp + fn) if tp + fn else float("nan"), tp + fn)

    subsets = [("all", lambda r: True), ("English", lambda r: r["lang"] == "en"), ("Chinese", lambda r: r["lang"] == "zh"),
               ("blind2 only", lambda r: r["split"] == "blind2")]
    lines = ["| reason | subset | n | rules only P / R | rules + learned head P / R |", "|---|---|---|---|---|"]
    figures: dict = {}
    for reason in REASONS:
        for label, keep in subsets:
            a, b = pr("rules", keep, reason), pr("rules+head", keep, reason)
            if b[2] == 0:
                continue
            figures[f"{reason}/{label}"] = {"rules": a[:2], "rules+head": b[:2], "n": b[2]}
            lines.append(f"| {reason} | {label} | {b[2]} | {f(a[0], 2)} / {f(a[1], 2)} | {f(b[0], 2)} / {f(b[1], 2)} |")
    none_rows = [(r, g) for r, g in zip(rows, got["rules+head"]) if r["reason"] is None]
    false_alarms = sum(g is not None for _, g in none_rows)
    lines.append(f"\nFalse alarms on the {len(none_rows)} utterances labelled *none*: {false_alarms} "
                 f"({false_alarms / len(none_rows):.1%}). Set: {len(rows)} utterances, "
                 f"{sum(r['lang'] == 'zh' for r in rows)} Chinese; splits {dict(Counter(r['split'] for r in rows))}.")
    hist = ["| version | first measured on | human_request P / R | frustration P / R | order_problem P / R |", "|---|---|---|---|---|"]
    for version, on, d in ESCALATION_HISTORY:
        hist.append(f"| {version} | {on} | " + " | ".join(f"{d[k][0]:.2f} / {d[k][1]:.2f}" for k in ("human_request", "frustration", "order_problem")) + " |")
    return "\n".join(lines) + "\n\nFirst-look figures, each on a set written after that version was frozen:\n\n" + "\n".join(hist), figures


def latency_section(scorer) -> tuple[str, dict]:
    from assistant.escalation import detect_escalation
    from assistant.intent import SessionSignals

    history = ["hi", "I'm looking for trail running shoes", "something waterproof"]
    scorer.score("warm up", history)
    detect_escalation("warm up")
    cold, cached, esc, encoder = [], [], [], []
    sig = SessionSignals(turns=4, products_viewed=3, asked_price=True)
    embedder = scorer._get_embedder()
    for i in range(40):
        text = f"do you have the model {i} trail shoe in size {i % 7 + 6} and how soon could it ship?"
        t0 = time.perf_counter()
        embedder.embed_documents([text + " (encoder only)"])  # same length, bypasses every cache
        encoder.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        scorer.score(text, history, sig)
        cold.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        scorer.score(text, history, sig)
        cached.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        detect_escalation(text, history=history, signals=sig)
        esc.append(time.perf_counter() - t0)
    ms = lambda xs, q: 1000 * percentile(xs, q)  # noqa: E731
    overhead = [c - e for c, e in zip(cold, encoder)]
    fig = {"score_new_text_ms": (ms(cold, 50), ms(cold, 90)), "score_cached_ms": (ms(cached, 50), ms(cached, 90)),
           "encoder_only_ms": (ms(encoder, 50), ms(encoder, 90)), "overhead_ms": (ms(overhead, 50), ms(overhead, 90)),
           "escalation_after_score_ms": (ms(esc, 50), ms(esc, 90))}
    text = (f"- `score()` on a new utterance (3 history turns already cached): median {fig['score_new_text_ms'][0]:.1f} ms, "
            f"p90 {fig['score_new_text_ms'][1]:.1f} ms. The MiniLM encoder alone on the same utterances: median "
            f"{fig['encoder_only_ms'][0]:.1f} ms, p90 {fig['encoder_only_ms'][1]:.1f} ms; the difference (our head, "
            f"cache, combination; noisy under load) has median {fig['overhead_ms'][0]:.1f} ms.\n"
            f"- `score()` again on the same utterance (cache hit): median {fig['score_cached_ms'][0]:.2f} ms.\n"
            f"- `detect_escalation()` after `score()` on the same text (embedding cached by the shared embedder): "
            f"median {fig['escalation_after_score_ms'][0]:.2f} ms, p90 {fig['escalation_after_score_ms'][1]:.2f} ms.")
    return text, fig


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant.intent import IntentScorer

    load_avg = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    t0 = time.perf_counter()
    scorer = IntentScorer.from_defaults()
    scorer.score("load the model")
    load_s = time.perf_counter() - t0
    intent_table, intent_res = intent_section(scorer)
    latency_text, latency = latency_section(scorer)
    uci_table, uci = uci_section()
    esc_table, esc = escalation_section()
    tr = scorer.artifact.training
    comb = scorer.artifact.combiner
    body = f"""
Written by `python bench/intent.py` on {today()}: {machine()} (the cores were shared with other jobs;
load average {load_avg:.1f} at the start). Model load (MiniLM + head) {load_s:.1f} s.

### Purchase intent (held-out splits)

The score is P(this turn comes from a *buying session*). Public sets hold buying sessions only
(WebShop instructions, MG-ShopDial shopping tasks), so their non-buying side is the held-out part
of the project-written sessions (`assistant/intent/written_sessions.json`: browsing, small talk,
order status, returns, account help, store info, off-topic). AUC on `webshop` and `mgshopdial`
therefore measures separation from *our* negatives; `mg_goal` is the one check on labels we did not
write. Sets are weighted so both classes count equally; F1 at 0.5; ECE over 10 equal-width bins.

{intent_table}

- (a) keyword: hand-set English + Chinese cue words (`assistant/intent/keywords.py`), not calibrated.
- (b) text-only: MiniLM embedding -> logistic regression (C={tr['text_head']['C']} chosen by 5-fold
  grouped CV) -> Platt scaling fitted on out-of-fold values. Learned.
- (c) full: logit = {comb.intercept:.3f} + {comb.w_now:.3f} x logit(text now) + {comb.w_hist:.3f} x mean
  logit(last {comb.history_window} shopper turns) [learned on out-of-fold probabilities of training sessions]
  + behaviour terms. In this bench the behaviour terms get only the asked-price/delivery/stock/size
  flags a dialogue manager could set from the words; the public sets record no carts or views.
- `mg_goal` shows the trade: the full model scores *sessions*, so an "ok, thanks" inside a buying
  dialogue rightly stays high there, which counts against it on a turn-level label.

Learned vs hand-set:
- Learned: the text head and its calibration; the session combination (intercept, current-turn and
  history weights); the products-viewed slope ({comb.behaviour.products_viewed_log1p:.3f} log-odds per log1p(views)),
  from a one-feature logistic fit of UCI `ProductRelated` -> `Revenue` (assumes a product page view on
  the web is like a product shown in chat).
- Hand-set: every other behaviour weight (cart item +{comb.behaviour.cart_any}, then +{comb.behaviour.cart_extra_log1p} x log1p(extra items);
  asked price/delivery/stock/size +{comb.behaviour.asked_price}/{comb.behaviour.asked_delivery}/{comb.behaviour.asked_stock}/{comb.behaviour.asked_size};
  compared >= 2 products +{comb.behaviour.compared}); no "has history" term (learned, it measured session length:
  MG-ShopDial dialogues are longer than our non-buying ones); the Chinese path (keyword rules x
  0.8, because MiniLM is English-only); the 50/50 prior. Behaviour terms are never negative, so
  calibration holds for `signals=None` and signals only move the score up.
- Training: `python -m assistant.intent train` (~1-4 min here), deterministic (hash splits, fixed
  folds, deterministic solvers); a rerun writes the same `head.json` bytes on this machine, and
  the tests retrain a fast variant and compare with the fingerprint stored in the file.

### Behaviour on UCI Online Shoppers (Sakar et al. 2019)

{uci_table}

Note on the reference row: accuracy 87.94% and F1 0.86 for the MLP are the figures the paper is
usually quoted with; they could not be re-checked against the paper's tables offline. The paper
oversampled the buying class, so its F1 may not be at the natural 15.5% buying rate; the "classes
weighted equally" column is the closer comparison. Accuracy here uses the
F1-maximising threshold, not 0.5. "LR, products viewed only" is the one UCI feature with a
chat counterpart; its slope is what the chat combiner borrows, and its AUC shows how little of the
web signal survives that mapping.

### Escalation (tests/data/escalation_utterances.jsonl, project-written)

{esc_table}

Only the figures on a set written after the version was frozen are estimates of what new
phrasings get; everything else is optimistic, because the rules and the learned head's guards
were improved after seeing the earlier sets. The learned head (`assistant/intent/escalation_head.json`)
is trained on separate examples (`escalation_examples.json` plus public shopping turns as "none"),
never on this set. Chinese goes through rules only.

### Latency ({os.cpu_count()}-core CPU, shared)

{latency_text}
- Target was under 10 ms per turn. Whether it is met depends on the encoder, which dominates and
  slows several-fold when other jobs share the 2 cores (compare the load average above); our own
  work per turn is a 384-d dot product, a cache lookup and a few multiplications, and history turns
  cost nothing once scored. Rerun on an idle machine before quoting a latency.
"""
    print(body)
    if not args.no_write:
        write_section("Intent", body)
        print("updated bench/RESULTS.md (## Intent)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
