"""The vector-index seam and its FAISS implementation, persisted beside the catalog.

Vectors are kept in a plain matrix (`vectors.npy`) with the product id and content hash of each
row (`meta.json`), so a re-import re-embeds only changed products. The FAISS index is rebuilt from
that matrix: exact `IndexFlatIP` for small catalogs, HNSW above `hnsw_threshold` products.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    import faiss

logger = logging.getLogger(__name__)


class VectorIndex(Protocol):
    """Nearest-neighbour search over unit vectors keyed by product id."""

    def search(self, query: np.ndarray, *, k: int = 100) -> list[tuple[str, float]]:
        """[(product id, cosine)] best first."""
        ...

    def score_ids(self, query: np.ndarray, ids: Sequence[str], *, k: int | None = None) -> list[tuple[str, float]]:
        """Exact cosine for the given ids, best first, at most k (used when filters narrowed the candidates)."""
        ...


class FaissIndex:
    """FAISS over a persisted vector matrix; `sync` keeps it in step with the catalog."""

    def __init__(self, directory: str | Path, *, dim: int, model: str, hnsw_threshold: int = 20_000) -> None:
        self.directory = Path(directory)
        self.dim, self.model, self.hnsw_threshold = dim, model, hnsw_threshold
        self.ids: list[str] = []
        self.hashes: list[str] = []
        self.vectors = np.zeros((0, dim), np.float32)
        self._row: dict[str, int] = {}
        self._faiss: faiss.Index | None = None
        self._load()

    # -- persistence ---------------------------------------------------------------------------
    def _load(self) -> None:
        meta_path = self.directory / "meta.json"
        if not meta_path.exists():
            return
        meta = json.loads(meta_path.read_text())
        if meta.get("model") != self.model or meta.get("dim") != self.dim:
            logger.info("vector index was built with %s; rebuilding for %s", meta.get("model"), self.model)
            return
        vectors = np.load(self.directory / "vectors.npy")
        if len(vectors) != len(meta["ids"]):
            logger.warning("vector index files disagree (%d vectors, %d ids); rebuilding", len(vectors), len(meta["ids"]))
            return
        self.ids, self.hashes, self.vectors = meta["ids"], meta["hashes"], vectors
        self._row = {pid: i for i, pid in enumerate(self.ids)}
        index_path = self.directory / "faiss.index"
        if index_path.exists():
            import faiss

            self._faiss = faiss.read_index(str(index_path))
            if self._faiss.ntotal != len(self.ids):
                self._faiss = None

    def _save(self) -> None:
        import faiss

        self.directory.mkdir(parents=True, exist_ok=True)
        # Write to temporary names, then rename: a crash never leaves a half-written index.
        tmp = Path(tempfile.mkdtemp(dir=self.directory))
        np.save(tmp / "vectors.npy", self.vectors)
        (tmp / "meta.json").write_text(json.dumps({"model": self.model, "dim": self.dim, "ids": self.ids, "hashes": self.hashes}))
        faiss.write_index(self._index(), str(tmp / "faiss.index"))
        for name in ("vectors.npy", "faiss.index", "meta.json"):  # meta last: it vouches for the others
            os.replace(tmp / name, self.directory / name)
        tmp.rmdir()

    # -- keeping in step -----------------------------------------------------------------------
    def stale(self, current: dict[str, str]) -> tuple[list[str], list[str]]:
        """(ids to embed, ids to drop) given the catalog's id -> content hash."""
        have = dict(zip(self.ids, self.hashes))
        to_embed = [pid for pid, h in current.items() if have.get(pid) != h]
        to_drop = [pid for pid in have if pid not in current]
        return to_embed, to_drop

    def update(self, ids: Sequence[str], hashes: Sequence[str], vectors: np.ndarray, *, drop: Sequence[str] = ()) -> None:
        """Replace/add rows for `ids`, remove `drop`, rebuild FAISS and persist."""
        assert vectors.shape == (len(ids), self.dim), (vectors.shape, len(ids), self.dim)
        drop_set = set(drop)
        keep = [i for i, pid in enumerate(self.ids) if pid not in drop_set] if drop else list(range(len(self.ids)))
        ids_l = [self.ids[i] for i in keep]
        hashes_l = [self.hashes[i] for i in keep]
        mat = self.vectors[keep] if drop else self.vectors
        row = {pid: i for i, pid in enumerate(ids_l)}
        new_rows = []
        mat = mat.copy() if len(ids) else mat
        for pid, h, v in zip(ids, hashes, vectors):
            if pid in row:
                mat[row[pid]] = v
                hashes_l[row[pid]] = h
            else:
                new_rows.append(v)
                row[pid] = len(ids_l)
                ids_l.append(pid)
                hashes_l.append(h)
        if new_rows:
            mat = np.vstack([mat, np.asarray(new_rows, np.float32)])
        self.ids, self.hashes, self.vectors, self._row = ids_l, hashes_l, np.ascontiguousarray(mat, np.float32), row
        self._faiss = None
        self._save()

    def _index(self) -> "faiss.Index":
        if self._faiss is None:
            import faiss

            n = len(self.ids)
            if n >= self.hnsw_threshold:
                index = faiss.IndexHNSWFlat(self.dim, 32, faiss.METRIC_INNER_PRODUCT)
                index.hnsw.efConstruction = 80
                index.hnsw.efSearch = 128
            else:
                index = faiss.IndexFlatIP(self.dim)
            if n:
                index.add(self.vectors)
            self._faiss = index
        return self._faiss

    # -- searching -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.ids)

    def search(self, query: np.ndarray, *, k: int = 100) -> list[tuple[str, float]]:
        if not self.ids:
            return []
        q = np.ascontiguousarray(query.reshape(1, -1), np.float32)
        scores, rows = self._index().search(q, min(k, len(self.ids)))
        return [(self.ids[r], float(s)) for s, r in zip(scores[0], rows[0]) if r >= 0]

    def score_ids(self, query: np.ndarray, ids: Sequence[str], *, k: int | None = None) -> list[tuple[str, float]]:
        rows = [self._row[i] for i in ids if i in self._row]
        if not rows:
            return []
        scores = self.vectors[rows] @ query.reshape(-1).astype(np.float32)
        if k is not None and k < len(rows):
            top = np.argpartition(-scores, k - 1)[:k]
            order = top[np.argsort(-scores[top])]
        else:
            order = np.argsort(-scores)
        return [(self.ids[rows[j]], float(scores[j])) for j in order]
