"""The default local backend: a small chat model run in-process with transformers on CPU.

Why a hand-written greedy loop instead of `model.generate` + `TextIteratorStreamer`: the loop
yields each token as it is computed (no helper thread, no queue), and it owns the KV cache, so
the cache of one call can be reused by the next. The dialogue manager sends the same system
prompt (and the same earlier turns) every turn; reusing the cached keys/values of that shared
token prefix means only the new user message is prefilled, which is what makes the time to
first token small on a 2-core CPU. Decoding is memory-bound, so most Linear weights are stored as
int8 (see int8.py) to read far fewer bytes per token. bench/generators.py has the figures.
"""
from __future__ import annotations

import inspect
import logging
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.generation.base import BaseGenerator, GeneratorError
from assistant.generation.stops import apply_stops
from assistant.generation.streaming import StreamStats, chat_prompt_ids, check_context, detokenize, end_token_ids
from assistant.messages import ChatMessage

if TYPE_CHECKING:
    import torch

logger = logging.getLogger(__name__)

QUANTIZE_MODES = (None, "int8")


@dataclass
class LoadedModel:
    """A model and tokenizer loaded once per process and shared by every generator that uses them."""

    model: Any
    tokenizer: Any
    eos_ids: frozenset[int]
    max_positions: int
    cache_kwarg: str  # "cache" in transformers 5.x, "past_key_values" before
    quantize: str | None
    load_seconds: float


_LOADED: dict[tuple[str, str | None], LoadedModel] = {}
_LOAD_LOCK = threading.Lock()


def load_model(model_dir: Path, *, quantize: str | None = "int8") -> LoadedModel:
    """Load a saved causal LM + tokenizer once per process (a second call returns the same objects)."""
    if quantize not in QUANTIZE_MODES:
        raise GeneratorError(f"Unknown quantize={quantize!r}: use one of {QUANTIZE_MODES}")
    key = (str(Path(model_dir).resolve()), quantize)
    with _LOAD_LOCK:
        if key not in _LOADED:
            _LOADED[key] = _load(Path(model_dir), quantize=quantize)
        return _LOADED[key]


def _load(model_dir: Path, *, quantize: str | None) -> LoadedModel:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    started = time.perf_counter()
    try:
        tokenizer = AutoTokenizer.from_pretrained(model_dir)
        model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32)
    except Exception as exc:  # OSError, safetensors' SafetensorError, ValueError: all a damaged folder
        raise GeneratorError(
            f"Cannot load the model in {model_dir} ({exc}): delete that folder to have it converted again"
        ) from exc
    model.eval()
    model.requires_grad_(False)
    if quantize == "int8":
        model = _quantize_int8(model)
    eos = end_token_ids(tokenizer, getattr(model.generation_config, "eos_token_id", None))
    params = inspect.signature(model.forward).parameters
    loaded = LoadedModel(
        model=model,
        tokenizer=tokenizer,
        eos_ids=eos,
        max_positions=int(getattr(model.config, "max_position_embeddings", 4096)),
        cache_kwarg="cache" if "cache" in params else "past_key_values",
        quantize=quantize,
        load_seconds=time.perf_counter() - started,
    )
    logger.info("Loaded %s (%s) in %.1f s", model_dir.name, quantize or "fp32", loaded.load_seconds)
    return loaded


# Linear layers kept in fp32. The MLP down projection reads the SiLU-gated intermediate, whose
# outlier channels do not survive dynamic int8 activation quantisation: quantising it alone moved
# the next-token distribution by KL 0.25 nats on shopping prompts, every other Linear by <= 0.008.
FP32_LINEARS = ("down_proj",)


def _quantize_int8(model: Any) -> Any:
    """Store most Linear weights as int8 (per output channel); activations are quantised on the fly.

    Decoding on CPU is bound by memory bandwidth, so reading int8 instead of fp32 weights per token
    is what buys the speed; `FP32_LINEARS` says which layers are too sensitive to take part.
    """
    from assistant.generation import int8

    if not int8.int8_kernels_available():  # a torch build without fbgemm: slower, still correct
        logger.warning("This torch build has no int8 CPU kernels: running the model in fp32 (slower)")
        return model
    started = time.perf_counter()
    count = int8.quantize_linears(model, skip=FP32_LINEARS)
    logger.debug("Quantised %d Linear layers to int8 in %.1f s", count, time.perf_counter() - started)
    return model


class TransformersGenerator(BaseGenerator):
    """Greedy, streaming chat generation with a transformers causal LM on CPU.

    `num_threads` is torch's intra-op thread count while this generator computes (None: leave
    torch's setting). It defaults to 1: decoding one token is memory-bound and does not get faster
    with a second thread, and as soon as anything else wants a core (the web server, the
    embedder, another worker) a second thread stalls at every barrier: on the 2-core machine of
    bench/generators.py, decode fell from ~9 to ~2.5 tokens/s with 2 threads under such load.

    `cache_slots` is how many conversations' keys/values are kept for reuse (0: none). Several
    shoppers talking at once each find their own prefix; ~12 MB per 500-token slot for Qwen.
    """

    def __init__(
        self,
        model_dir: Path,
        *,
        name: str = "transformers",
        quantize: str | None = "int8",
        cache_slots: int = 4,
        num_threads: int | None = 1,
    ) -> None:
        self.name = name
        self.cache_slots = cache_slots
        self.num_threads = num_threads
        self._loaded = load_model(model_dir, quantize=quantize)
        self._lock = threading.Lock()
        self._slots: list[tuple[list[int], Any]] = []  # (token ids in the cache, cache), oldest first
        self.last_stats = StreamStats()

    @property
    def tokenizer(self) -> Any:
        """The model's tokenizer (shared with other generators of the same model)."""
        return self._loaded.tokenizer

    @property
    def model(self) -> Any:
        """The loaded causal LM, for evaluation code that needs raw logits."""
        return self._loaded.model

    def encode(self, messages: Sequence[ChatMessage], *, add_generation_prompt: bool = True) -> list[int]:
        """Token ids of the chat prompt, ending where the assistant's reply begins."""
        return chat_prompt_ids(self._loaded.tokenizer, messages, add_generation_prompt=add_generation_prompt)

    def warm_up(self, messages: Sequence[ChatMessage]) -> None:
        """Compute and keep the keys/values of `messages` (say, the fixed system prompt) ahead of time,
        so that even the first shopper turn only prefills what follows them."""
        import torch

        ids = self.encode(messages, add_generation_prompt=False)
        cache, reused = self._take_cache(ids)
        self._forward(torch.tensor([ids[reused:]]), cache)
        self._put_cache(ids, cache)

    def stream(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_new_tokens: int = 160,
        stop: Sequence[str] = (),
    ) -> Iterator[str]:
        """Yield the greedy reply as text deltas; stops at end of turn, a stop string or the token limit."""
        prompt = self.encode(messages)
        check_context(len(prompt), max_new_tokens, self._loaded.max_positions)
        return apply_stops(detokenize(self._loaded.tokenizer, self._token_ids(prompt, max_new_tokens)), stop)

    def _token_ids(self, prompt: list[int], max_new_tokens: int) -> Iterator[int]:
        """The greedy decode loop; the KV cache goes back to the prefix cache however the stream ends."""
        import torch

        loaded = self._loaded
        stats = self.last_stats = StreamStats(prompt_tokens=len(prompt))
        started = time.perf_counter()
        cache, reused = self._take_cache(prompt)
        stats.reused_tokens = reused
        in_cache = list(prompt[:reused])
        try:
            logits = self._forward(torch.tensor([prompt[reused:]]), cache)
            in_cache = list(prompt)
            for step in range(max_new_tokens):
                token = int(logits[0, -1].argmax())
                if token in loaded.eos_ids:
                    break
                stats.new_tokens += 1
                if step == 0:
                    stats.first_token_s = time.perf_counter() - started
                yield token
                if step + 1 == max_new_tokens:
                    break
                logits = self._forward(torch.tensor([[token]]), cache)
                in_cache.append(token)
        finally:
            stats.decode_s = time.perf_counter() - started - stats.first_token_s
            self._put_cache(in_cache, cache)
            logger.debug(
                "%s: prompt %d tokens (%d reused), %d new, first token %.2f s, %.1f tok/s",
                self.name, stats.prompt_tokens, stats.reused_tokens, stats.new_tokens,
                stats.first_token_s, stats.tokens_per_s,
            )

    def _forward(self, input_ids: "torch.Tensor", cache: Any) -> "torch.Tensor":
        import torch

        # inference_mode and the thread count per step, not around the loop: a generator suspended
        # inside them would leak both into the caller's code between tokens.
        previous = torch.get_num_threads()
        if self.num_threads:
            torch.set_num_threads(self.num_threads)
        try:
            with torch.inference_mode():
                out = self._loaded.model(
                    input_ids=input_ids, use_cache=True, logits_to_keep=1, **{self._loaded.cache_kwarg: cache}
                )
        finally:
            if self.num_threads:
                torch.set_num_threads(previous)
        return out.logits

    def _take_cache(self, prompt: list[int]) -> tuple[Any, int]:
        """A cache holding the longest prefix of `prompt` any slot has, and that prefix's length.

        A slot that is wholly a prefix of the prompt is taken out (the conversation continues);
        one that only shares a beginning (the same system prompt, another question) is copied up
        to the shared length, so it stays intact for the conversation it belongs to. Slots in the
        pool are never modified, so concurrent calls never share a cache.
        """
        # The last prompt token must always run through the model to give the first logits.
        best, shared = None, 0
        with self._lock:
            for i, (ids, _) in enumerate(self._slots):
                n = min(_common_prefix_len(ids, prompt), len(prompt) - 1)
                if n > shared:
                    best, shared = i, n
            if best is None:
                return self._new_cache(), 0
            ids, cache = self._slots[best]
            if shared == len(ids):
                del self._slots[best]
                return cache, shared
            return self._copy_prefix(cache, shared), shared

    def _copy_prefix(self, cache: Any, length: int) -> Any:
        copy = self._new_cache()
        for layer_idx, layer in enumerate(cache.layers):
            copy.update(layer.keys[..., :length, :].clone(), layer.values[..., :length, :].clone(), layer_idx)
        return copy

    def _put_cache(self, ids: list[int], cache: Any) -> None:
        if self.cache_slots <= 0 or cache.get_seq_length() != len(ids):
            return  # interrupted inside a forward pass: the cache is not trustworthy
        with self._lock:
            # A slot whose tokens all begin the new one is superseded by it.
            self._slots = [s for s in self._slots if _common_prefix_len(s[0], ids) < len(s[0])]
            self._slots.append((ids, cache))
            del self._slots[: -self.cache_slots]

    def _new_cache(self) -> Any:
        from transformers import DynamicCache

        try:
            return DynamicCache(config=self._loaded.model.config)
        except TypeError:  # transformers < 4.56 takes no config
            return DynamicCache()

    def reset_cache(self) -> None:
        """Forget every cached prefix (the benchmark uses this to time cold prompts)."""
        with self._lock:
            self._slots.clear()


def _common_prefix_len(a: Sequence[int], b: Sequence[int]) -> int:
    n = min(len(a), len(b))
    for i in range(n):
        if a[i] != b[i]:
            return i
    return n
