"""The default local backend: the chat model run by CTranslate2 (int8) on CPU, with batching.

Why CTranslate2: on the 2-core machines of bench/generators.py it prefills ~3x and decodes ~2x
faster than the transformers int8 loop, loads in about 2 s, holds half the memory, and never
stalled under load. It ships as a prebuilt wheel. The model is converted once from the safetensors
copy in the model cache (`ensure_ct2_model`, about 40 s) into a folder of its own.

Concurrent `stream()` calls are served together by one scheduler thread (see batching.py). The
fixed system prompt is a CTranslate2 "static prompt" once `warm_up` has seen it: its keys/values
are computed once and reused by every later call that starts with it.
"""
from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from assistant.generation import model_files
from assistant.generation.base import BaseGenerator, GeneratorError
from assistant.generation.batching import BatchRequest, BatchScheduler
from assistant.generation.stops import apply_stops
from assistant.generation.streaming import StreamStats, chat_prompt_ids, check_context, detokenize, end_token_ids
from assistant.messages import ChatMessage

logger = logging.getLogger(__name__)

INSTALL_HINT = "pip install ctranslate2==4.8.5 (a prebuilt wheel), or set AISLE_GENERATOR=transformers"
# Bump when the converted layout changes, so old folders are rebuilt rather than misread.
_LAYOUT_VERSION = 1
_TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "chat_template.jinja", "generation_config.json",
                    "special_tokens_map.json", "vocab.json", "merges.txt")
_MAX_STATIC_PROMPTS = 4  # CTranslate2 keeps each static prompt's state for the process's life


def import_ctranslate2() -> Any:
    """The ctranslate2 module, or a GeneratorError naming the fix."""
    try:
        import ctranslate2
    except ImportError as exc:
        raise GeneratorError(f"The local generator needs CTranslate2: {INSTALL_HINT}") from exc
    return ctranslate2


def ct2_dir(cache_dir: Path, model: model_files.PackagedModel, quantization: str = "int8") -> Path:
    """Where the CTranslate2 conversion of `model` lives in the model cache."""
    return Path(cache_dir) / f"{model.key}-ct2-{quantization}"


def ensure_ct2_model(cache_dir: Path, model: model_files.PackagedModel, *, quantization: str = "int8") -> Path:
    """The CTranslate2 folder for `model`, converted from its safetensors copy the first time.

    Built in a temporary folder and renamed into place under a file lock (model_files.build_once);
    its marker records the source sha256 and the CTranslate2 major version that wrote it.
    """
    ctranslate2 = import_ctranslate2()
    meta = {
        "sha256": model.sha256,
        "quantization": quantization,
        "ctranslate2_major": ctranslate2.__version__.split(".")[0],
        "layout": _LAYOUT_VERSION,
    }
    target = ct2_dir(cache_dir, model, quantization)
    if model_files.is_built(target, meta):
        return target
    source = model_files.ensure_converted(cache_dir, model)

    def convert(out: Path) -> dict:
        started = time.perf_counter()
        logger.info("Converting %s for CTranslate2 (%s, one time, about 40 s)", model.key, quantization)
        _convert(source, out, quantization)
        config = json.loads((source / "config.json").read_text())
        return {"ctranslate2": ctranslate2.__version__, "source": model.key,
                "max_positions": int(config.get("max_position_embeddings", 4096)),
                "convert_s": round(time.perf_counter() - started, 1)}

    return model_files.build_once(target, meta, convert)


def _convert(source: Path, out: Path, quantization: str) -> None:
    from ctranslate2.converters import TransformersConverter

    copy = [name for name in _TOKENIZER_FILES if (source / name).is_file()]
    try:
        TransformersConverter(str(source), low_cpu_mem_usage=True, copy_files=copy).convert(
            str(out), quantization=quantization, force=True
        )
    except (ValueError, NotImplementedError, OSError) as exc:
        raise GeneratorError(
            f"CTranslate2 cannot convert {source.name} ({exc}): delete {source} to rebuild it, "
            "or set AISLE_GENERATOR=transformers"
        ) from exc


def default_threads() -> int:
    """The cores this process may run on (CTranslate2's own default ignores CPU affinity)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class CTranslate2Generator(BaseGenerator):
    """Greedy streaming chat generation with a CTranslate2 model; concurrent calls are batched.

    `intra_threads`: compute threads for the model (default: the cores available). `max_batch`:
    streams per model call. `compute_type`: as converted (int8) unless told otherwise.
    """

    def __init__(self, model_dir: Path, *, name: str = "ctranslate2", intra_threads: int | None = None,
                 compute_type: str = "int8", max_batch: int = 8, max_spread: int = 64) -> None:
        ctranslate2 = import_ctranslate2()
        from transformers import AutoTokenizer

        self.name = name
        self.model_dir = Path(model_dir)
        self.intra_threads = intra_threads or default_threads()
        started = time.perf_counter()
        try:
            self._ct2 = ctranslate2.Generator(str(self.model_dir), device="cpu", compute_type=compute_type,
                                              intra_threads=self.intra_threads)
            self.tokenizer = AutoTokenizer.from_pretrained(self.model_dir)
        except (RuntimeError, ValueError, OSError) as exc:
            raise GeneratorError(
                f"Cannot load the CTranslate2 model in {self.model_dir} ({exc}): delete that folder to "
                "have it converted again"
            ) from exc
        self.load_seconds = time.perf_counter() - started
        meta = model_files.read_marker(self.model_dir)
        self.max_positions = int(meta.get("max_positions", 4096))
        self.eos_ids = self._end_ids()
        self._static: list[list[int]] = []  # token ids of prompts registered by warm_up, longest first
        self._scheduler = BatchScheduler(self._run_batch, max_batch=max_batch, max_spread=max_spread, name=name)
        self.last_stats = StreamStats()
        logger.info("Loaded %s with CTranslate2 (%s, %d threads) in %.1f s",
                    self.model_dir.name, compute_type, self.intra_threads, self.load_seconds)

    def _end_ids(self) -> frozenset[int]:
        gen_config = self.model_dir / "generation_config.json"
        eos = json.loads(gen_config.read_text()).get("eos_token_id") if gen_config.is_file() else None
        return end_token_ids(self.tokenizer, eos)

    def encode(self, messages: Sequence[ChatMessage], *, add_generation_prompt: bool = True) -> list[int]:
        """Token ids of the chat prompt, ending where the assistant's reply begins."""
        return chat_prompt_ids(self.tokenizer, messages, add_generation_prompt=add_generation_prompt)

    def warm_up(self, messages: Sequence[ChatMessage]) -> None:
        """Make `messages` (the fixed system prompt) a static prompt: computed now, reused by every
        later call whose prompt starts with it."""
        ids = self.encode(messages, add_generation_prompt=False)
        if not ids or ids in self._static:
            return
        self._static = sorted([ids, *self._static], key=len, reverse=True)[:_MAX_STATIC_PROMPTS]
        self._ct2.generate_batch([self._pieces(self.encode([ChatMessage.user("Hi")])[-1:])], max_length=1,
                                 static_prompt=self._pieces(ids), include_prompt_in_result=False)

    def reset_cache(self) -> None:
        """Forget the static prompts (later calls prefill their whole prompt; the benchmark's cold turns)."""
        self._static = []

    def pending(self) -> int:
        """Streams waiting for the model (the running batch not counted): a deep queue means slow answers."""
        return self._scheduler.pending()

    def busy(self) -> int:
        """Streams being generated right now."""
        return self._scheduler.busy()

    def close(self) -> None:
        """Stop the scheduler thread (waiting streams fail with GeneratorError)."""
        self._scheduler.close()

    def stream(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_new_tokens: int = 160,
        stop: Sequence[str] = (),
    ) -> Iterator[str]:
        """Yield the greedy reply as text deltas; stops at end of turn, a stop string or the token limit."""
        prompt = self.encode(messages)
        check_context(len(prompt), max_new_tokens, self.max_positions)
        if max_new_tokens < 1:
            return iter(())
        return apply_stops(detokenize(self.tokenizer, self._token_ids(prompt, max_new_tokens)), stop)

    def _token_ids(self, prompt: list[int], max_new_tokens: int) -> Iterator[int]:
        """Queue the prompt (split after its static prefix, if any) and yield its tokens as they come."""
        static = next((s for s in self._static if len(s) < len(prompt) and prompt[: len(s)] == s), [])
        stats = StreamStats(prompt_tokens=len(prompt), reused_tokens=len(static))
        request = BatchRequest(group=tuple(static), prompt=self._pieces(prompt[len(static):]),
                               max_new_tokens=max_new_tokens)
        started = time.perf_counter()
        self._scheduler.submit(request)
        try:
            for token in request.tokens():
                if token in self.eos_ids:
                    return
                stats.new_tokens += 1
                if stats.new_tokens == 1:
                    stats.first_token_s = time.perf_counter() - started
                yield token
        finally:
            request.cancelled = True  # ended early (stop string, closed stream): the model stops this one
            stats.batch_size = request.batch_size
            stats.decode_s = time.perf_counter() - started - stats.first_token_s
            self.last_stats = stats
            logger.debug("%s: prompt %d tokens (%d static), %d new, batch of %d, first token %.2f s, %.1f tok/s",
                         self.name, stats.prompt_tokens, stats.reused_tokens, stats.new_tokens,
                         stats.batch_size, stats.first_token_s, stats.tokens_per_s)

    def _run_batch(self, batch: Sequence[BatchRequest]) -> None:
        """One CTranslate2 call for requests that share a static prompt (the scheduler's thread)."""
        static = list(batch[0].group)

        def route(step: Any) -> bool:
            return batch[step.batch_id].deliver(step.token_id)

        self._ct2.generate_batch(
            [list(r.prompt) for r in batch],
            max_length=max(r.max_new_tokens for r in batch),
            static_prompt=self._pieces(static) if static else None,
            include_prompt_in_result=False,
            end_token=sorted(self.eos_ids),
            beam_size=1,
            callback=route,
        )

    def _pieces(self, ids: Sequence[int]) -> list[str]:
        """CTranslate2 takes token strings (its vocabulary), not ids."""
        return self.tokenizer.convert_ids_to_tokens(list(ids))
