"""Generators: chat messages in, a stream of text deltas out. `load_generator` picks one by settings.

Importing this package is cheap: torch, transformers and httpx are imported only when a backend
loads or answers.
"""
from __future__ import annotations

import logging
import threading

from assistant.generation.base import BaseGenerator, Generator, GeneratorError, GeneratorSlow
from assistant.generation.openai_compat import OpenAICompatGenerator
from assistant.generation.scripted import ScriptedGenerator
from assistant.settings import Settings

__all__ = [
    "BaseGenerator",
    "Generator",
    "GeneratorError",
    "GeneratorSlow",
    "OpenAICompatGenerator",
    "ScriptedGenerator",
    "load_generator",
    "GENERATOR_KINDS",
]

logger = logging.getLogger(__name__)

# local: Qwen2.5-0.5B with CTranslate2 (int8, batched); transformers: the same model with the
# transformers int8 loop (no extra package); smollm2: a small fallback model (transformers).
GENERATOR_KINDS = ("local", "transformers", "smollm2", "openai", "scripted", "llamacpp")

# Local generators hold a model (hundreds of MB) and a prefix KV cache: one per process and kind.
_LOCAL: dict[tuple[str, str], Generator] = {}
_LOCAL_LOCK = threading.Lock()


def load_generator(settings: Settings) -> Generator:
    """The generator `settings.generator` names, loading (and converting, the first time) its model.

    Local models are loaded once per process; calling this again returns the same generator.
    """
    kind = settings.generator
    if kind == "scripted":
        return ScriptedGenerator()
    if kind == "openai":
        return OpenAICompatGenerator(
            base_url=settings.generator_base_url or "",
            model=settings.generator_model,
            api_key_env=settings.generator_api_key_env,
            timeout_s=settings.generator_timeout_s,
            first_token_timeout_s=settings.generator_first_token_s,
            slots=settings.generator_slots,
        )
    if kind not in GENERATOR_KINDS:
        raise GeneratorError(f"Unknown generator {kind!r} in AISLE_GENERATOR: use one of {', '.join(GENERATOR_KINDS)}")
    key = (kind, str(settings.model_cache_dir))
    with _LOCAL_LOCK:
        if key not in _LOCAL:
            _LOCAL[key] = _load_local(kind, settings)
        return _LOCAL[key]


def _load_local(kind: str, settings: Settings) -> Generator:
    from assistant.generation import model_files

    if kind == "llamacpp":
        from assistant.generation.llamacpp import LlamaCppGenerator, import_llama

        import_llama()  # fail before assembling a 490 MB file for a backend that cannot run
        gguf = model_files.ensure_gguf(settings.model_cache_dir, model_files.QWEN_CODER_05B)
        return LlamaCppGenerator(gguf, name="qwen2.5-coder-0.5b-llamacpp")

    if kind == "local":
        from assistant.generation.ctranslate2_generator import CTranslate2Generator, ensure_ct2_model

        model_dir = ensure_ct2_model(settings.model_cache_dir, model_files.QWEN_CODER_05B)
        return CTranslate2Generator(model_dir, name=f"{model_files.QWEN_CODER_05B.key}-ct2")

    from assistant.generation.transformers_generator import TransformersGenerator

    # Qwen runs int8 (2-3x faster decode, same answers on the price checks); SmolLM2 stays fp32:
    # it is fast already, and int8 changed its greedy token at 22% of positions (Qwen: 5%).
    packaged, quantize = {
        "transformers": (model_files.QWEN_CODER_05B, "int8"),
        "smollm2": (model_files.SMOLLM2_135M, None),
    }[kind]
    model_dir = model_files.ensure_converted(settings.model_cache_dir, packaged)
    return TransformersGenerator(model_dir, name=packaged.key, quantize=quantize)
