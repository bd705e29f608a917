"""Optional in-process llama.cpp backend: the packaged Qwen GGUF run by llama-cpp-python.

Faster than transformers on CPU (it runs the 4-bit weights directly), but llama-cpp-python has no
wheel and must be compiled (about 4 minutes). The default build enables CPU instructions found
at build time on the build machine (AMX, AVX-512) and crashes elsewhere; a portable AVX2 build:

    CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \\
      -DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF" \\
      pip install llama-cpp-python==0.3.36

llama-cpp-python keeps the previous prompt's KV cache and reuses its longest common prefix,
which gives the same saving on a repeated system prompt as TransformersGenerator's slots.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from assistant.generation.base import BaseGenerator, GeneratorError, to_chat_dicts
from assistant.generation.stops import apply_stops
from assistant.messages import ChatMessage

logger = logging.getLogger(__name__)

_INSTALL_HINT = (
    "install llama-cpp-python==0.3.36 (built from source with the CMAKE_ARGS in "
    "assistant/generation/llamacpp.py) or set AISLE_GENERATOR=local"
)
_MODELS: dict[str, Any] = {}
_MODELS_LOCK = threading.Lock()


def import_llama() -> Any:
    """The `llama_cpp.Llama` class, or a GeneratorError saying how to install it."""
    try:
        from llama_cpp import Llama
    except ImportError as exc:
        raise GeneratorError(f"The llama.cpp backend needs llama-cpp-python: {_INSTALL_HINT}") from exc
    return Llama


def _load(gguf: Path, *, n_ctx: int, n_threads: int | None) -> Any:
    """One `Llama` per GGUF file per process."""
    Llama = import_llama()
    key = str(Path(gguf).resolve())
    with _MODELS_LOCK:
        if key not in _MODELS:
            started = time.perf_counter()
            _MODELS[key] = Llama(model_path=key, n_ctx=n_ctx, n_threads=n_threads, verbose=False)
            logger.info("Loaded %s with llama.cpp in %.1f s", Path(key).name, time.perf_counter() - started)
        return _MODELS[key]


class LlamaCppGenerator(BaseGenerator):
    """Greedy streaming chat with llama.cpp; one call at a time per model (llama.cpp is not re-entrant)."""

    def __init__(self, gguf: Path, *, name: str = "llamacpp", n_ctx: int = 4096, n_threads: int | None = None) -> None:
        self.name = name
        self._llm = _load(gguf, n_ctx=n_ctx, n_threads=n_threads)
        self._lock = threading.Lock()

    def stream(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_new_tokens: int = 160,
        stop: Sequence[str] = (),
    ) -> Iterator[str]:
        """Yield the reply's text deltas as llama.cpp produces them."""
        return apply_stops(self._deltas(messages, max_new_tokens, stop), stop)

    def _deltas(self, messages: Sequence[ChatMessage], max_new_tokens: int, stop: Sequence[str]) -> Iterator[str]:
        with self._lock:
            chunks = self._llm.create_chat_completion(
                messages=to_chat_dicts(messages),
                max_tokens=max_new_tokens,
                temperature=0.0,
                top_k=1,
                stop=list(stop) or None,
                stream=True,
            )
            try:
                for chunk in chunks:
                    delta = chunk["choices"][0].get("delta", {}).get("content")
                    if delta:
                        yield delta
            finally:
                chunks.close()
