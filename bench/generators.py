"""Generator benchmark: the plain transformers baseline against Aisle's TransformersGenerator, in one run.

    python bench/generators.py             # Qwen and SmolLM2, about 6 minutes on 2 CPU cores; updates bench/RESULTS.md
    python bench/generators.py --no-write  # print only
    python bench/generators.py --models qwen --reps 3

Every configuration runs in its own process, so load time is a cold load (weights already
converted to safetensors in the model cache) and peak RSS is that configuration's alone.

Configurations, per model:
- baseline: `AutoModelForCausalLM.from_pretrained` on the GGUF-converted fp32 model, then
  `model.generate` greedy with a streamer that timestamps tokens. Every turn prefills the whole
  prompt.
- baseline-1t: the same with torch limited to 1 intra-op thread, to separate the effect of the
  thread count (the generator's default is 1; see TransformersGenerator) from the rest.
- loop-fp32: TransformersGenerator with quantize=None: the hand-written greedy loop with its
  prefix KV cache, weights still fp32.
- aisle-int8: TransformersGenerator as shipped for Qwen: the same loop, Linear weights int8
  except the MLP down projections (for SmolLM2 the shipped setting is loop-fp32).
- llamacpp: the optional LlamaCppGenerator on the GGUF itself, 1 thread (only when
  llama-cpp-python is installed).

The prompt is a realistic shopping turn: a system prompt with store rules and 5 product rows, and
a question (about 490 tokens with Qwen's tokenizer). "TTFT cold" prefills all of it; "TTFT warm"
is a later turn that keeps the system prompt and asks something else, which is what the
dialogue manager sends every turn (best of 4 such turns). Decode tokens/s is measured over a
64-token answer. Quality: the four price questions must quote the listed price, and "agree" is teacher-forced top-1
agreement with the baseline's greedy answer (1.0 = the same next token at every position).
Timings are the best of --reps runs, since the machine may be shared.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import machine, today, write_section  # noqa: E402

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

SYSTEM = """You are Aisle, the shopping assistant of an online store. Answer the shopper's question using only the products listed below. Quote prices exactly as listed, in US dollars. If no listed product fits, say so plainly and suggest asking a staff member. Never invent products, prices, discounts, warranties or stock levels. Keep answers short: two or three sentences.

Products:
| id | name | brand | category | price | rating | stock | description |
|---|---|---|---|---|---|---|---|
| 101 | Nike Air Zoom Pegasus 40 | Nike | running shoes | $129.99 | 4.6 | 23 | Responsive cushioning for daily training runs, breathable mesh upper, available in sizes 6 to 13. |
| 102 | Adidas Ultraboost Light | Adidas | running shoes | $179.99 | 4.7 | 8 | Lightweight Boost midsole with energy return, Primeknit upper, Continental rubber outsole for grip. |
| 103 | Brooks Ghost 15 | Brooks | running shoes | $139.95 | 4.5 | 0 | Smooth transitions with DNA Loft cushioning, a neutral shoe for road running; currently out of stock. |
| 104 | ASICS Gel-Nimbus 25 | ASICS | running shoes | $159.00 | 4.4 | 12 | Plush PureGEL cushioning for long distances, engineered knit upper, reflective details for evening runs. |
| 105 | New Balance Fresh Foam 880v13 | New Balance | running shoes | $94.50 | 4.3 | 31 | Versatile daily trainer with Fresh Foam X midsole, a durable rubber outsole and a roomy toe box. |

Store policies: free shipping on orders over $50; returns accepted within 30 days in original packaging; staff can be reached by asking for a human."""
LONG_QUESTION = (
    "Hi! I'm training for my first half marathon. Can you compare all five running shoes for me, "
    "with the price, rating and stock of each one?"
)
PRICE_QUESTIONS = [  # (question, the price the answer must quote); also the warm turns timed
    ("How much does the ASICS Gel-Nimbus 25 cost?", "$159.00"),
    ("What does the Adidas Ultraboost Light cost?", "$179.99"),
    ("What is the price of the Nike Air Zoom Pegasus 40?", "$129.99"),
    ("How much is the New Balance Fresh Foam 880v13?", "$94.50"),
]
DECODE_TOKENS = 64
PRICE_TOKENS = 32
MODELS = {"qwen": "QWEN_CODER_05B", "smollm2": "SMOLLM2_135M"}
CONFIGS = ("baseline", "baseline-1t", "loop-fp32", "aisle-int8", "llamacpp")


def _chat(question: str) -> list[dict[str, str]]:
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}]


def _rss() -> dict[str, float]:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    anon_mb = float("nan")
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("RssAnon:"):
                anon_mb = int(line.split()[1]) / 1024
    except OSError:
        pass
    return {"peak_rss_mb": peak_mb, "anon_rss_mb": anon_mb}


def _model_dir(model: str) -> Path:
    from assistant.generation import model_files
    from assistant.settings import Settings

    return model_files.ensure_converted(Settings.from_env().model_cache_dir, getattr(model_files, MODELS[model]))


def run_baseline(model: str, reps: int, _reference: list[int] | None) -> dict:
    """Plain transformers: from_pretrained fp32, `generate` greedy, a streamer for the timestamps."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.generation.streamers import BaseStreamer

    class Clock(BaseStreamer):
        def __init__(self) -> None:
            self.times: list[float] = []

        def put(self, value) -> None:
            self.times.append(time.perf_counter())  # first put is the prompt, then one per token

        def end(self) -> None:
            pass

    directory = _model_dir(model)
    started = time.perf_counter()
    tok = AutoTokenizer.from_pretrained(directory)
    lm = AutoModelForCausalLM.from_pretrained(directory, dtype=torch.float32)
    load_s = time.perf_counter() - started

    def generate(question: str, max_new_tokens: int) -> tuple[float, float, list[int]]:
        text = tok.apply_chat_template(_chat(question), add_generation_prompt=True, tokenize=False)
        ids = tok(text, return_tensors="pt", add_special_tokens=False).input_ids
        clock = Clock()
        t0 = time.perf_counter()
        with torch.inference_mode():
            out = lm.generate(ids, max_new_tokens=max_new_tokens, do_sample=False, streamer=clock)
        new = out[0, ids.shape[1]:].tolist()
        token_times = clock.times[1:]
        ttft = token_times[0] - t0
        tps = (len(token_times) - 1) / (token_times[-1] - token_times[0]) if len(token_times) > 1 else 0.0
        return ttft, tps, [t for t in new if t not in (tok.eos_token_id, lm.generation_config.eos_token_id)]

    cold, tps, answer = [], [], []
    for _ in range(reps):
        t, r, answer = generate(LONG_QUESTION, DECODE_TOKENS)
        cold.append(t)
        tps.append(r)
    warm, prices = [], []
    for question, price in PRICE_QUESTIONS:
        t, _, ids = generate(question, PRICE_TOKENS)
        warm.append(t)
        prices.append(_price_check(tok.decode(ids, skip_special_tokens=True), price))
    prompt = tok.apply_chat_template(_chat(LONG_QUESTION), add_generation_prompt=True, tokenize=False)
    prompt_tokens = len(tok(prompt, add_special_tokens=False).input_ids)
    return {
        "load_s": load_s, "ttft_cold_s": min(cold), "ttft_warm_s": min(warm), "tokens_per_s": max(tps),
        "prices_ok": prices, "answer_ids": answer, "agree": None if _reference else 1.0,
        "answer": tok.decode(answer, skip_special_tokens=True), "prompt_tokens": prompt_tokens, **_rss(),
    }


def run_generator(model: str, reps: int, reference: list[int] | None, *, quantize: str | None) -> dict:
    """Aisle's TransformersGenerator: cold turns with the prefix cache emptied, warm turns after."""
    from assistant.generation.transformers_generator import TransformersGenerator
    from assistant.messages import ChatMessage

    directory = _model_dir(model)
    started = time.perf_counter()
    gen = TransformersGenerator(directory, name=model, quantize=quantize)
    load_s = time.perf_counter() - started

    def ask(question: str, max_new_tokens: int) -> str:
        return gen.complete([ChatMessage.system(SYSTEM), ChatMessage.user(question)], max_new_tokens=max_new_tokens)

    cold, tps = [], []
    for _ in range(reps):
        gen.reset_cache()
        answer = ask(LONG_QUESTION, DECODE_TOKENS)
        cold.append(gen.last_stats.first_token_s)
        tps.append(gen.last_stats.tokens_per_s)
    prompt_tokens = gen.last_stats.prompt_tokens
    warm, prices, reused = [], [], []
    for question, price in PRICE_QUESTIONS:
        reply = ask(question, PRICE_TOKENS)
        warm.append(gen.last_stats.first_token_s)
        reused.append(gen.last_stats.reused_tokens)
        prices.append(_price_check(reply, price))
    return {
        "load_s": load_s, "ttft_cold_s": min(cold), "ttft_warm_s": min(warm), "tokens_per_s": max(tps),
        "prices_ok": prices, "agree": _agreement(gen, reference) if reference else None,
        "answer": answer, "prompt_tokens": prompt_tokens, "reused_tokens": min(reused), **_rss(),
        "generator": gen,
    }


def run_llamacpp(model: str, reps: int, _reference: list[int] | None) -> dict:
    """The optional llama.cpp backend on the packaged GGUF (4-bit weights used as they are)."""
    from assistant.generation import model_files
    from assistant.generation.llamacpp import LlamaCppGenerator
    from assistant.messages import ChatMessage
    from assistant.settings import Settings

    gguf = model_files.ensure_gguf(Settings.from_env().model_cache_dir, getattr(model_files, MODELS[model]))
    started = time.perf_counter()
    gen = LlamaCppGenerator(gguf, name=model, n_threads=1)
    load_s = time.perf_counter() - started

    def ask(question: str, max_new_tokens: int) -> tuple[float, float, str]:
        t0 = time.perf_counter()
        times, parts = [], []
        for delta in gen.stream([ChatMessage.system(SYSTEM), ChatMessage.user(question)], max_new_tokens=max_new_tokens):
            times.append(time.perf_counter())
            parts.append(delta)
        tps = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0  # one delta per token
        return times[0] - t0, tps, "".join(parts)

    cold, tps = [], []
    for _ in range(reps):
        gen._llm.reset()  # forget the cached prompt: a cold turn
        t, r, answer = ask(LONG_QUESTION, DECODE_TOKENS)
        cold.append(t)
        tps.append(r)
    warm, prices = [], []
    for question, price in PRICE_QUESTIONS:
        t, _, reply = ask(question, PRICE_TOKENS)
        warm.append(t)
        prices.append(_price_check(reply, price))
    return {
        "load_s": load_s, "ttft_cold_s": min(cold), "ttft_warm_s": min(warm), "tokens_per_s": max(tps),
        "prices_ok": prices, "agree": None, "answer": answer, **_rss(), "threads": 1,
    }


def _agreement(gen, reference: list[int]) -> float:
    """Share of positions of the baseline's greedy answer where this model's top-1 token is the same."""
    import torch

    from assistant.messages import ChatMessage

    prompt = gen.encode([ChatMessage.system(SYSTEM), ChatMessage.user(LONG_QUESTION)])
    ids = torch.tensor([prompt + reference])
    with torch.inference_mode():
        logits = gen.model(input_ids=ids, use_cache=False).logits[0]
    predicted = logits[len(prompt) - 1 : -1].argmax(-1)
    return float((predicted == torch.tensor(reference)).float().mean())


def _price_check(reply: str, price: str) -> bool:
    return price in reply


def worker(spec: str, reps: int, reference_file: str | None) -> None:
    """Run one configuration and print its figures as one JSON line (called in a subprocess)."""
    import torch

    model, config = spec.split(":")
    reference = json.loads(Path(reference_file).read_text()) if reference_file else None
    runner = {
        "baseline": run_baseline,
        "baseline-1t": lambda m, r, ref: (torch.set_num_threads(1), run_baseline(m, r, ref))[1],
        "loop-fp32": lambda m, r, ref: run_generator(m, r, ref, quantize=None),
        "aisle-int8": lambda m, r, ref: run_generator(m, r, ref, quantize="int8"),
        "llamacpp": run_llamacpp,
    }[config]
    result = runner(model, reps, reference)
    generator, threads = result.pop("generator", None), result.pop("threads", None)
    threads = threads or getattr(generator, "num_threads", None) or torch.get_num_threads()
    result.update(model=model, config=config, threads=threads)
    print("RESULT " + json.dumps(result))


def run_all(models: list[str], configs: list[str], reps: int) -> list[dict]:
    results = []
    for model in models:
        reference_file = None
        for config in configs:
            cmd = [sys.executable, __file__, "--worker", f"{model}:{config}", "--reps", str(reps)]
            if reference_file:
                cmd += ["--reference", reference_file]
            print(f"... {model} {config}", file=sys.stderr, flush=True)
            load_before = os.getloadavg()[0]
            out = subprocess.run(cmd, capture_output=True, text=True, check=False)
            line = next((l for l in out.stdout.splitlines() if l.startswith("RESULT ")), None)
            if line is None:
                raise SystemExit(f"{model} {config} failed:\n{out.stderr[-3000:]}")
            result = json.loads(line[len("RESULT "):])
            result["loadavg"] = max(load_before, os.getloadavg()[0])
            results.append(result)
            if config == "baseline":
                reference_file = str(Path(tempfile.gettempdir()) / f"aisle-bench-{model}-reference.json")
                Path(reference_file).write_text(json.dumps(result["answer_ids"]))
    return results


NOTES = """\
How to read it. "TTFT warm" is the case the dialogue manager creates: the same system prompt every
turn, so the generator's cache slots already hold its keys/values and only the new question is
prefilled. A cold ~480-token prefill is compute-bound (~0.35 TFLOP for Qwen) and cannot reach 1 s
on this CPU; `TransformersGenerator.warm_up(messages)` computes a fixed system prompt ahead of the
first turn. RSS: transformers keeps the fp32 safetensors file mapped after loading, so its pages
(clean page cache, shared between processes, reclaimable) count in RSS whatever is quantised;
"anon RSS" is the process's private memory, where int8 adds the packed weights.

Kept, from one-off experiments on the same machine (teacher-forced KL against fp32 on 4 shopping
prompts; decode and TTFT best of 3, interleaved):
- int8 weights per output channel for q/k/v/o, gate/up and the output layer (each alone: KL
  <= 0.008 nats); the MLP down projection stays fp32: quantised alone it gave KL 0.25 nats and
  0.89 top-1 agreement (its input has outlier channels that dynamic per-tensor activation
  quantisation flattens). SmoothQuant-style smoothing of that input did not rescue it (alpha 0.5:
  KL 0.15; 0.85: 0.22).
- 1 intra-op thread. With 2, decode swung between 0.6 and 11.7 tokens/s and cold TTFT between 2.1
  and 7.9 s whenever another process wanted a core; with 1: 10-12 tokens/s, 3.5-3.9 s, steadily.
- Own Int8Linear instead of torch.ao `quantize_dynamic`: the same numerics, but packs each weight
  once instead of twice (packing dominates the load time) and avoids a deprecated API.

Tried, not kept: a static KV cache (no torch.compile): prefill 4.75 vs 4.79 s, decode 5.4 vs 5.4
tokens/s, no gain; bf16 weights (slower, 9.5 vs 11.3 tokens/s, see MODELS.md); weight-only int8
(`_weight_int8pack_mm`): 13x slower than fp32 per matmul on this AVX2-only CPU.
SmolLM2 ships in fp32 (loop-fp32 row): int8 changed its greedy token at 22% of positions."""


def report(results: list[dict], reps: int) -> str:
    """The RESULTS.md section (also printed): one table, then the optimised/baseline ratios."""
    lines = [
        f"Measured {today()} on a {machine()}. "
        f"Best of {reps} runs; the machine was shared with other jobs (1-min load average during the "
        f"runs: {min(r['loadavg'] for r in results):.1f}-{max(r['loadavg'] for r in results):.1f}), so absolute "
        "figures are pessimistic; compare rows. Produced by `python bench/generators.py`.",
        "",
        "| model | config | threads | load s | TTFT cold s | TTFT warm s | decode tok/s | peak RSS MB | anon RSS MB | prices right | agree |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        agree = "-" if r["agree"] is None else f"{r['agree']:.2f}"
        lines.append(
            f"| {r['model']} | {r['config']} | {r['threads']} | {r['load_s']:.1f} | {r['ttft_cold_s']:.2f} | {r['ttft_warm_s']:.2f} | "
            f"{r['tokens_per_s']:.1f} | {r['peak_rss_mb']:.0f} | {r['anon_rss_mb']:.0f} | "
            f"{sum(r['prices_ok'])}/{len(r['prices_ok'])} | {agree} |"
        )
    lines += ["", "Ratios against the baseline of the same model (TTFT and load: lower is better; tok/s: higher):", ""]
    lines += ["| model | config | load | TTFT cold | TTFT warm | decode tok/s | peak RSS |", "|---|---|---|---|---|---|---|"]
    for r in results:
        base = next(b for b in results if b["model"] == r["model"] and b["config"] == "baseline")
        if r is base:
            continue
        lines.append(
            f"| {r['model']} | {r['config']} | {r['load_s'] / base['load_s']:.2f}x | {r['ttft_cold_s'] / base['ttft_cold_s']:.2f}x | "
            f"{r['ttft_warm_s'] / base['ttft_warm_s']:.2f}x | {r['tokens_per_s'] / base['tokens_per_s']:.2f}x | "
            f"{r['peak_rss_mb'] / base['peak_rss_mb']:.2f}x |"
        )
    warm = [r for r in results if "reused_tokens" in r]
    if warm:
        r = warm[0]
        lines += ["", f"Warm turns reuse the cached keys/values of {r['reused_tokens']} of ~{r['prompt_tokens']} prompt tokens."]
    lines += ["", NOTES]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", nargs="+", choices=list(MODELS), default=list(MODELS))
    parser.add_argument("--configs", nargs="+", choices=CONFIGS, default=None,
                        help="default: all; llamacpp only when llama-cpp-python is installed")
    parser.add_argument("--reps", type=int, default=2, help="runs per timing; the best is kept")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--reference", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.reps, args.reference)
        return
    if args.configs is None:
        import importlib.util

        has_llama = importlib.util.find_spec("llama_cpp") is not None
        args.configs = [c for c in CONFIGS if c != "llamacpp" or has_llama]
    configs = ["baseline"] + [c for c in args.configs if c != "baseline"]
    results = run_all(args.models, configs, args.reps)
    text = report(results, args.reps)
    print(text)
    for r in results:
        print(f"\n{r['model']} {r['config']} answer: {r['answer'][:300]!r}")
    if not args.no_write:
        write_section("Generators", text)
        print("\nwrote the Generators section of bench/RESULTS.md")


if __name__ == "__main__":
    main()
