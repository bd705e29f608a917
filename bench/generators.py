"""Generator benchmark: plain transformers `generate` (baseline) against Aisle's engines, in one run.

    python bench/generators.py             # Qwen: baseline, transformers-int8, ct2-int8 (~10 min on 2 cores)
    python bench/generators.py --no-write  # print only; leave bench/RESULTS.md alone
    python bench/generators.py --configs baseline ct2-int8 --reps 3

Every configuration runs in its own process, so load time is a cold load (weights already
converted in the model cache) and peak RSS is that configuration's alone.

Configurations (Qwen2.5-Coder-0.5B-Instruct, greedy):
- baseline: `AutoModelForCausalLM.from_pretrained` fp32, `model.generate` with a streamer that
  timestamps tokens; every call prefills the whole prompt; one call at a time.
- transformers-int8: TransformersGenerator (AISLE_GENERATOR=transformers, the default until
  CTranslate2): a greedy loop with prefix KV slots, int8 Linear weights, 1 torch thread.
- ct2-int8: CTranslate2Generator (AISLE_GENERATOR=local, the default): CTranslate2 int8,
  intra_threads = cores, concurrent streams batched, the system prompt a cached static prompt.
- loop-fp32, baseline-1t, llamacpp: older variants, only when asked for with --configs.

Prompts are the dialogue's shape: the store rules as the system message, product rows and the
question as the user message. "TTFT A" (~380 tokens, five rows and a long question) and "TTFT B"
(~140 tokens, three short rows) are cold: nothing cached. "TTFT warm" is a price question after
`warm_up(system)`, which the assistant does at start-up (the baseline has no cache: it prefills
all). Decode tokens/s over a 64-token answer to A. Prices: the four warm questions must quote the
listed price. Concurrency: n shoppers ask n different questions at once (32 tokens each), against
the same n questions answered one after another; per-stream TTFT counts from the moment all n
arrived (so serial TTFT includes waiting for the shoppers before). Timings are the best of --reps.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import machine, today, write_section  # noqa: E402

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

RULES = """You are Aisle, the shopping assistant of an online store. Answer the shopper's question using only the products listed in their message. Quote prices exactly as listed, in US dollars. If no listed product fits, say so plainly and suggest asking a staff member. Never invent products, prices, discounts, warranties or stock levels. Keep answers short: two or three sentences.
Store policies: free shipping on orders over $50; returns accepted within 30 days in original packaging; staff can be reached by asking for a human."""
ROWS = """| id | name | brand | category | price | rating | stock |
|---|---|---|---|---|---|---|
| 101 | Nike Air Zoom Pegasus 40 | Nike | running shoes | $129.99 | 4.6 | 23 |
| 102 | Adidas Ultraboost Light | Adidas | running shoes | $179.99 | 4.7 | 8 |
| 103 | Brooks Ghost 15 | Brooks | running shoes | $139.95 | 4.5 | 0 |
| 104 | ASICS Gel-Nimbus 25 | ASICS | running shoes | $159.00 | 4.4 | 12 |
| 105 | New Balance Fresh Foam 880v13 | New Balance | running shoes | $94.50 | 4.3 | 31 |"""
SHORT_RULES = "You are Aisle, the shopping assistant of an online store. Answer using only the listed products; quote prices exactly."
FEW_ROWS = """| name | price | stock |
|---|---|---|
| ASICS Gel-Nimbus 25 | $159.00 | 12 |
| Brooks Ghost 15 | $139.95 | 0 |
| Nike Air Zoom Pegasus 40 | $129.99 | 23 |"""
LONG_QUESTION = (
    "Hi! I'm training for my first half marathon. Can you compare all five running shoes for me, "
    "with the price, rating and stock of each one? Which one would you pick for long runs?"
)
PRICE_QUESTIONS = [  # (question, the price the answer must quote); also the warm turns timed
    ("How much does the ASICS Gel-Nimbus 25 cost?", "$159.00"),
    ("What does the Adidas Ultraboost Light cost?", "$179.99"),
    ("What is the price of the Nike Air Zoom Pegasus 40?", "$129.99"),
    ("How much is the New Balance Fresh Foam 880v13?", "$94.50"),
]
CROWD = [q for q, _ in PRICE_QUESTIONS] + [  # what n concurrent shoppers ask (n <= 8)
    "Is the Brooks Ghost 15 in stock?", "Which shoe has the best rating?",
    "What is the cheapest running shoe you have?", "Do you ship for free?",
]
DECODE_TOKENS, PRICE_TOKENS, CROWD_TOKENS = 64, 32, 32
CONFIGS = ("baseline", "transformers-int8", "ct2-int8", "loop-fp32", "baseline-1t", "llamacpp")
DEFAULT_CONFIGS = ("baseline", "transformers-int8", "ct2-int8")


def turn(question: str, *, rows: str = ROWS, rules: str = RULES) -> list:
    from assistant.messages import ChatMessage

    return [ChatMessage.system(rules), ChatMessage.user(f"Products:\n{rows}\n\nQuestion: {question}")]


PROMPT_A = turn(LONG_QUESTION)
PROMPT_B = turn("How much does the ASICS Gel-Nimbus 25 cost, and is it in stock? I need it by next week.",
                rows=FEW_ROWS, rules=SHORT_RULES)


def _rss() -> dict[str, float]:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"peak_rss_mb": peak_mb}


def _qwen_dir() -> Path:
    from assistant.generation import model_files
    from assistant.settings import Settings

    return model_files.ensure_converted(Settings.from_env().model_cache_dir, model_files.QWEN_CODER_05B)


class Baseline:
    """Plain transformers, as a developer writes it first: `generate` greedy, one call at a time."""

    name = "baseline"

    def __init__(self) -> None:
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(_qwen_dir())
        self.model = AutoModelForCausalLM.from_pretrained(_qwen_dir(), dtype=torch.float32)
        self._lock = threading.Lock()

    def stream(self, messages, *, max_new_tokens: int = 160, stop=()):
        """Yield each token's text as `generate` (in a helper thread) produces it; one call at a time."""
        import queue

        import torch
        from transformers.generation.streamers import BaseStreamer

        from assistant.generation.base import to_chat_dicts
        from assistant.generation.streaming import detokenize

        tokens: queue.SimpleQueue = queue.SimpleQueue()

        class Tokens(BaseStreamer):
            def __init__(self) -> None:
                self.prompt_seen = False

            def put(self, value) -> None:  # the first call carries the prompt, then one per new token
                if self.prompt_seen:
                    for token in value.reshape(-1).tolist():
                        tokens.put(token)
                self.prompt_seen = True

            def end(self) -> None:
                tokens.put(None)

        text = self.tokenizer.apply_chat_template(to_chat_dicts(messages), add_generation_prompt=True, tokenize=False)
        ids = self.tokenizer(text, return_tensors="pt", add_special_tokens=False).input_ids
        eos = {self.tokenizer.eos_token_id, self.model.generation_config.eos_token_id}
        with self._lock:
            def work() -> None:
                with torch.inference_mode():
                    self.model.generate(ids, max_new_tokens=max_new_tokens, do_sample=False, streamer=Tokens())

            thread = threading.Thread(target=work)
            thread.start()
            yield from detokenize(self.tokenizer, (t for t in iter(tokens.get, None) if t not in eos))
            thread.join()

    def warm_up(self, messages) -> None:
        pass  # nothing to cache: every call prefills its whole prompt


def load(config: str):
    """The generator a configuration names, and its load time in seconds."""
    started = time.perf_counter()
    if config in ("baseline", "baseline-1t"):
        if config == "baseline-1t":
            import torch

            torch.set_num_threads(1)
        gen = Baseline()
    elif config in ("transformers-int8", "loop-fp32"):
        from assistant.generation.transformers_generator import TransformersGenerator

        gen = TransformersGenerator(_qwen_dir(), name=config, quantize="int8" if config == "transformers-int8" else None)
    elif config == "ct2-int8":
        from assistant.generation import model_files
        from assistant.generation.ctranslate2_generator import CTranslate2Generator, ensure_ct2_model
        from assistant.settings import Settings

        gen = CTranslate2Generator(ensure_ct2_model(Settings.from_env().model_cache_dir, model_files.QWEN_CODER_05B))
    else:
        from assistant.generation import model_files
        from assistant.generation.llamacpp import LlamaCppGenerator
        from assistant.settings import Settings

        gguf = model_files.ensure_gguf(Settings.from_env().model_cache_dir, model_files.QWEN_CODER_05B)
        gen = LlamaCppGenerator(gguf, name=config, n_threads=1)
    return gen, time.perf_counter() - started


def timed(gen, messages, max_new_tokens: int, t0: float | None = None) -> dict:
    """One streamed reply: seconds to first delta (from t0, default now), decode rate, text, tokens."""
    t0 = time.perf_counter() if t0 is None else t0
    first, parts = None, []
    for delta in gen.stream(messages, max_new_tokens=max_new_tokens):
        first = first or time.perf_counter()
        parts.append(delta)
    end = time.perf_counter()
    text = "".join(parts)
    tokenizer = getattr(gen, "tokenizer", None)  # llama.cpp: one delta per token
    tokens = len(tokenizer(text, add_special_tokens=False)["input_ids"]) if tokenizer else len(parts)
    decode = (tokens - 1) / (end - first) if first and tokens > 1 and end > first else 0.0
    return {"ttft": (first or end) - t0, "tps": decode, "text": text, "tokens": tokens, "end": end}


def forget(gen) -> None:
    """Drop whatever the generator cached, so the next call is cold."""
    if hasattr(gen, "reset_cache"):
        gen.reset_cache()
    elif hasattr(gen, "_llm"):
        gen._llm.reset()


def crowd(gen, n: int, *, together: bool) -> dict:
    """n shoppers arrive at once: served concurrently (threads) or one after another."""
    questions = [turn(CROWD[i % len(CROWD)]) for i in range(n)]
    results: list[dict] = [{}] * n
    t0 = time.perf_counter()
    if together:
        threads = [threading.Thread(target=lambda i=i: results.__setitem__(i, timed(gen, questions[i], CROWD_TOKENS, t0)))
                   for i in range(n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    else:
        results = [timed(gen, q, CROWD_TOKENS, t0) for q in questions]
    wall = max(r["end"] for r in results) - t0
    ttfts = sorted(r["ttft"] for r in results)
    return {"wall_s": wall, "tok_s": sum(r["tokens"] for r in results) / wall,
            "ttft_mean": sum(ttfts) / n, "ttft_max": ttfts[-1]}


def worker(config: str, reps: int, crowd_sizes: list[int]) -> dict:
    """Run one configuration in this process and return its figures."""
    from assistant.generation.streaming import chat_prompt_ids

    gen, load_s = load(config)
    timed(gen, PROMPT_B, 2)  # first call pays for lazy imports: not counted
    a, b, tps = [], [], []
    for _ in range(reps):
        forget(gen)
        r = timed(gen, PROMPT_A, DECODE_TOKENS)
        a.append(r["ttft"])
        tps.append(r["tps"])
        answer = r["text"]
        forget(gen)
        b.append(timed(gen, PROMPT_B, 8)["ttft"])
    if hasattr(gen, "warm_up"):
        gen.warm_up(PROMPT_A[:1])
    warm, prices = [], []
    for question, price in PRICE_QUESTIONS:
        r = timed(gen, turn(question), PRICE_TOKENS)
        warm.append(r["ttft"])
        prices.append(price in r["text"])
    tokenizer = getattr(gen, "tokenizer", None)
    sizes = {}
    for n in crowd_sizes:
        if config.startswith("baseline") and n > 1:
            continue  # one call at a time: its serial rate does not depend on n (the n=1 row)
        modes = ("together", "serial") if n > 1 else ("serial",)
        sizes[n] = {mode: crowd(gen, n, together=mode == "together") for mode in modes}
    count_a, count_b = (len(chat_prompt_ids(tokenizer, p)) if tokenizer else 0 for p in (PROMPT_A, PROMPT_B))
    return {"config": config, "load_s": load_s, "ttft_a": min(a), "ttft_b": min(b), "ttft_warm": min(warm),
            "tokens_per_s": max(tps), "prices_ok": prices, "answer": answer, "crowd": sizes,
            "prompt_a": count_a, "prompt_b": count_b, **_rss()}


def run_all(configs: list[str], reps: int, crowd_sizes: list[int]) -> list[dict]:
    results = []
    for config in configs:
        cmd = [sys.executable, __file__, "--worker", config, "--reps", str(reps),
               "--crowd", *map(str, crowd_sizes)]
        print(f"... {config}", file=sys.stderr, flush=True)
        load_before = os.getloadavg()[0]
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        line = next((l for l in out.stdout.splitlines() if l.startswith("RESULT ")), None)
        if line is None:
            raise SystemExit(f"{config} failed:\n{out.stderr[-3000:]}")
        result = json.loads(line[len("RESULT "):])
        result["loadavg"] = max(load_before, os.getloadavg()[0])
        results.append(result)
    return results


NOTES = """\
How to read it. The machine is shared with other jobs: read the ratios to the baseline of the same
run, not absolute seconds. Under heavy load the baseline (2 torch threads) stalls, and CTranslate2
with 2 threads loses more decode speed than the transformers loop with 1 thread; on a quiet
machine CTranslate2 decoded 17.7-21.9 tokens/s and the transformers int8 loop 7.5-10.

Prompts are the dialogue's shape (rules as the system message, rows + question as the user
message). TTFT warm is a price question after `warm_up(rules)`: the rows and the question (~230
tokens) are still prefilled.

Concurrency: the baseline serves one shopper at a time, so only its n=1 row is timed. CTranslate2
runs the waiting shoppers' questions as one batch: decoding a token for n sequences reads the
weights once, so aggregate tokens/s rises with n. The price: a batch prefills all its prompts
before any stream's first token, so a small batch can raise the mean TTFT while the worst case
falls. A shopper who arrives while a batch runs waits for it to end (CTranslate2 cannot add a
sequence to a running batch); `CTranslate2Generator.pending()` / `busy()` give the queue depth so
the dialogue can answer from catalog rows when it is deep. The transformers engine serves
concurrent streams in threads (1 torch thread each).

Conversion: the CTranslate2 int8 folder (633 MB) is built once from the safetensors copy in the
model cache: 40 s at load average 7, 70 s at 16. A cold start on an empty model cache (assemble
and verify the GGUF, dequantise to safetensors, then CTranslate2) took 207 s at load average
13-26: 163 s for the safetensors step, 44 s for CTranslate2, peak RSS 5.5 GB."""


def report(results: list[dict], reps: int) -> str:
    """The RESULTS.md section (also printed)."""
    loads = [r["loadavg"] for r in results]
    base = next(r for r in results if r["config"] == "baseline")
    lines = [
        f"Measured {today()} on a {machine()}, Qwen2.5-Coder-0.5B-Instruct, greedy. Best of {reps} runs; the "
        f"machine was shared with other jobs (1-min load average during the runs: {min(loads):.1f}-{max(loads):.1f}), "
        "so absolute figures are pessimistic: compare rows of this run. Produced by `python bench/generators.py`.",
        "",
        f"| config | load s | TTFT A ({base['prompt_a']} tok) s | TTFT B ({base['prompt_b']} tok) s | TTFT warm s "
        "| decode tok/s | peak RSS MB | prices right |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['config']} | {r['load_s']:.1f} | {r['ttft_a']:.2f} | {r['ttft_b']:.2f} | {r['ttft_warm']:.2f} | "
            f"{r['tokens_per_s']:.1f} | {r['peak_rss_mb']:.0f} | {sum(r['prices_ok'])}/{len(r['prices_ok'])} |"
        )
    lines += ["", "Ratios against the baseline (load, TTFT: lower is better; tok/s: higher):", "",
              "| config | load | TTFT A | TTFT B | TTFT warm | decode tok/s | peak RSS |", "|---|---|---|---|---|---|---|"]
    for r in results:
        if r is not base:
            lines.append(
                f"| {r['config']} | {r['load_s'] / base['load_s']:.2f}x | {r['ttft_a'] / base['ttft_a']:.2f}x | "
                f"{r['ttft_b'] / base['ttft_b']:.2f}x | {r['ttft_warm'] / base['ttft_warm']:.2f}x | "
                f"{r['tokens_per_s'] / base['tokens_per_s']:.2f}x | {r['peak_rss_mb'] / base['peak_rss_mb']:.2f}x |"
            )
    lines += ["", f"Concurrent shoppers ({CROWD_TOKENS}-token answers, warm system prompt): aggregate tokens/s, "
              "per-stream TTFT mean / max from arrival; \"vs serial\" is the same engine answering the same "
              "questions one after another in the same run; \"vs baseline\" divides by the baseline's one-at-a-time "
              "rate (n=1).", "",
              "| config | shoppers | mode | wall s | tok/s | TTFT mean s | TTFT max s | tok/s vs serial | vs baseline serial |",
              "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        for n, modes in r["crowd"].items():
            for mode, c in modes.items():
                serial = modes.get("serial", c)
                ref = base["crowd"].get("1", {}).get("serial")
                vs_base = f"{c['tok_s'] / ref['tok_s']:.2f}x" if ref else "-"
                lines.append(f"| {r['config']} | {n} | {mode} | {c['wall_s']:.1f} | {c['tok_s']:.1f} | "
                             f"{c['ttft_mean']:.2f} | {c['ttft_max']:.2f} | {c['tok_s'] / serial['tok_s']:.2f}x | {vs_base} |")
    lines += ["", NOTES]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--configs", nargs="+", choices=CONFIGS, default=list(DEFAULT_CONFIGS))
    parser.add_argument("--reps", type=int, default=2, help="runs per timing; the best is kept")
    parser.add_argument("--crowd", nargs="+", type=int, default=[1, 4, 8], help="concurrent shoppers to time")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print("RESULT " + json.dumps(worker(args.worker, args.reps, args.crowd)))
        return
    configs = ["baseline"] + [c for c in args.configs if c != "baseline"]
    results = run_all(configs, args.reps, args.crowd)
    text = report(results, args.reps)
    print(text)
    for r in results:
        print(f"\n{r['config']} answer to A: {r['answer'][:300]!r}")
    if not args.no_write:
        write_section("Generators", text)
        print("\nwrote the Generators section of bench/RESULTS.md")


if __name__ == "__main__":
    main()
