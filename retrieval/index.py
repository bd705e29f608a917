"""The vector-index seam and its FAISS implementation, persisted beside the catalog.

Vectors are kept in a plain matrix (`vectors.npy`) with the product id and content hash of each
row (`meta.json`), so a re-import re-embeds only changed products. Small catalogs are searched
exactly (`IndexFlatIP`); from `ann_threshold` products on, an inverted-file index (`IndexIVFFlat`)
searches the `nprobe` nearest of its sqrt(n) cells. IVF was chosen over HNSW because it takes
`add_with_ids` / `remove_ids`: a re-sync of a few changed products edits the index in place instead
of rebuilding it (HNSW: 37 s at 100k products), and it is quicker to build. The FAISS id of a vector
is its row in the matrix, so both stay in step.

Catalogs in two languages: a multilingual model scores a Chinese query against any Chinese title
above every English one (and back), whatever they mean. Each row carries its product's language,
and when there is more than one, a query's cosine to a product is compared with its cosine to the
mean vector of that product's language ("language centering": in the demo catalog, Chinese queries
for English products found 2 of 10 in the top 10 before, 10 of 10 after; same-language ranking is
unchanged, since the shift is the same for every product of one language).
"""
from __future__ import annotations

import json
import logging
import math
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np

from retrieval import journal

if TYPE_CHECKING:
    import faiss

logger = logging.getLogger(__name__)

ANN_THRESHOLD = 20_000  # below this many products exact search takes < 5 ms; above, IVF
NPROBE = 24  # cells searched per query: recall@10 >= 0.95 of exact at 100k-1M (bench/RESULTS.md)
TRAIN_PER_CELL = 64  # k-means sample: 64 vectors per cell is enough for stable centroids
# Small updates of large indexes go to a journal instead of rewriting every file (retrieval/journal.py):
JOURNAL_FROM = 20_000  # products; below, a full save takes well under a second
JOURNAL_SHARE, JOURNAL_MIN_ROWS, JOURNAL_MAX_ENTRIES = 0.02, 500, 64  # then the next update folds it in


@runtime_checkable
class VectorIndex(Protocol):
    """Nearest-neighbour search over unit vectors keyed by product id, kept in step with a catalog."""

    def __len__(self) -> int: ...

    def stale(self, current: dict[str, str]) -> tuple[list[str], list[str]]:
        """(ids to embed, ids to drop) given the catalog's id -> content hash."""
        ...

    def update(self, ids: Sequence[str], hashes: Sequence[str], vectors: np.ndarray, *, drop: Sequence[str] = (),
               languages: Sequence[str] | None = None) -> None:
        """Add or replace the vectors of `ids` (of products in `languages`, if known), remove `drop`, persist."""
        ...

    def search(self, query: np.ndarray, *, k: int = 100) -> list[tuple[str, float]]:
        """[(product id, cosine)] best first."""
        ...

    def score_ids(self, query: np.ndarray, ids: Sequence[str], *, k: int | None = None) -> list[tuple[str, float]]:
        """Exact cosine for the given ids, best first, at most k (used when filters narrowed the candidates)."""
        ...


class FaissIndex:
    """FAISS over a persisted vector matrix; `update` keeps it in step with the catalog."""

    def __init__(self, directory: str | Path, *, dim: int, model: str, ann_threshold: int = ANN_THRESHOLD,
                 nprobe: int = NPROBE, hnsw_threshold: int | None = None, journal_from: int = JOURNAL_FROM) -> None:
        self.directory = Path(directory)
        # `hnsw_threshold` is the old name of `ann_threshold` (the approximate index was HNSW then).
        self.dim, self.model = dim, model
        self.ann_threshold = hnsw_threshold if hnsw_threshold is not None else ann_threshold
        self.nprobe = nprobe
        self.journal_from = journal_from
        self.ids: list[str] = []
        self.hashes: list[str] = []
        self.langs: list[str] = []  # the language of each row's product ("" when unknown)
        self._centroids: dict[str, np.ndarray] | None = None
        self._params: dict[str, tuple] | None = None
        self.vectors = np.zeros((0, dim), np.float32)
        self._row: dict[str, int] = {}
        self._faiss: faiss.Index | None = None
        self._saved = False  # the files on disk are this index's (a journal may extend them)
        self._load()

    @property
    def hnsw_threshold(self) -> int:  # old name, kept for callers of the previous version
        return self.ann_threshold

    @property
    def kind(self) -> str:
        """'IndexFlatIP' (exact) or 'IndexIVFFlat' (approximate), as chosen for the current size."""
        return type(self._index()).__name__ if self.ids else "IndexFlatIP"

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
        self._saved = True
        self.langs = meta.get("langs") or [""] * len(self.ids)
        self._row = {pid: i for i, pid in enumerate(self.ids)}
        index_path = self.directory / "faiss.index"
        if index_path.exists():
            import faiss

            index = faiss.read_index(str(index_path))
            if index.ntotal == len(self.ids) and _wanted_kind(len(self.ids), self.ann_threshold) == type(index).__name__:
                self._faiss = index
                self._set_nprobe()
        for entry in journal.read(self.directory):  # small updates since the last full save
            self._apply(entry.ids, entry.hashes, entry.vectors, entry.drop, entry.langs)

    def _save(self) -> None:
        import faiss

        self.directory.mkdir(parents=True, exist_ok=True)
        # Write to temporary names, then rename: a crash never leaves a half-written index.
        tmp = Path(tempfile.mkdtemp(dir=self.directory))
        np.save(tmp / "vectors.npy", self.vectors)
        (tmp / "meta.json").write_text(json.dumps({"model": self.model, "dim": self.dim, "ids": self.ids, "hashes": self.hashes,
                                                   "langs": self.langs}))
        faiss.write_index(self._index(), str(tmp / "faiss.index"))
        folded = journal.entries(self.directory)
        for name in ("vectors.npy", "faiss.index", "meta.json"):  # meta last: it vouches for the others
            os.replace(tmp / name, self.directory / name)
        tmp.rmdir()
        journal.clear(self.directory, folded)  # now part of the full save
        self._saved = True

    # -- keeping in step -----------------------------------------------------------------------
    def stale(self, current: dict[str, str]) -> tuple[list[str], list[str]]:
        """(ids to embed, ids to drop) given the catalog's id -> content hash."""
        have = dict(zip(self.ids, self.hashes))
        to_embed = [pid for pid, h in current.items() if have.get(pid) != h]
        to_drop = [pid for pid in have if pid not in current]
        return to_embed, to_drop

    def update(self, ids: Sequence[str], hashes: Sequence[str], vectors: np.ndarray, *, drop: Sequence[str] = (),
               languages: Sequence[str] | None = None) -> None:
        """Replace/add rows for `ids`, remove `drop`, edit FAISS in place (or rebuild it when the
        exact/approximate choice flips or the IVF grew past what it was trained for), and persist:
        a small change to a large index goes to the journal, anything else rewrites the files."""
        vectors = np.asarray(vectors, np.float32).reshape(len(ids), -1) if len(ids) else np.zeros((0, self.dim), np.float32)
        assert vectors.shape == (len(ids), self.dim), (vectors.shape, len(ids), self.dim)
        languages = list(languages) if languages is not None else [""] * len(ids)
        self._apply(list(ids), list(hashes), vectors, list(drop), languages)
        change = len(ids) + len(drop)
        if (len(self.ids) >= self.journal_from and self._saved
                and journal.rows(self.directory) + change <= max(JOURNAL_MIN_ROWS, len(self.ids) * JOURNAL_SHARE)
                and len(journal.entries(self.directory)) < JOURNAL_MAX_ENTRIES):
            journal.append(self.directory, journal.Entry(list(ids), list(hashes), languages, vectors, list(drop)))
        else:
            self._save()

    def _apply(self, ids: list[str], hashes: list[str], vectors: np.ndarray, drop: list[str],
               languages: list[str]) -> None:
        """The update in memory: rows replaced, added and dropped, FAISS edited to match."""
        self._centroids = self._params = None
        touched: list[int] = []  # rows whose vector changed (FAISS must forget their old vector)
        moved: list[int] = []  # rows that now hold another product's vector
        mat = self.vectors
        # Drop by moving the last row into the hole: O(dropped), and FAISS ids stay dense.
        for pid in drop:
            row = self._row.pop(pid, None)
            if row is None:
                continue
            last = len(self.ids) - 1
            touched.append(last)
            if row != last:
                self.ids[row], self.hashes[row], self.langs[row] = self.ids[last], self.hashes[last], self.langs[last]
                mat[row] = mat[last]
                self._row[self.ids[row]] = row
                touched.append(row)
                moved.append(row)
            self.ids.pop()
            self.hashes.pop()
            self.langs.pop()
            mat = mat[:last]
        new_ids, new_hashes, new_vecs, new_langs = [], [], [], []
        for pid, h, v, lang in zip(ids, hashes, vectors, languages):
            row = self._row.get(pid)
            if row is None:
                new_ids.append(pid)
                new_hashes.append(h)
                new_vecs.append(v)
                new_langs.append(lang)
            else:
                mat[row], self.hashes[row], self.langs[row] = v, h, lang
                touched.append(row)
                moved.append(row)
        first_new = len(self.ids)
        if new_vecs:
            mat = np.vstack([mat, np.asarray(new_vecs, np.float32)])
            for pid, h, lang in zip(new_ids, new_hashes, new_langs):
                self._row[pid] = len(self.ids)
                self.ids.append(pid)
                self.hashes.append(h)
                self.langs.append(lang)
        self.vectors = np.ascontiguousarray(mat, np.float32)
        self._edit_faiss(sorted(set(touched)), sorted(set(moved)), first_new)

    def label_languages(self, languages: dict[str, str]) -> None:
        """Set the language of rows indexed before languages were recorded (once), and persist."""
        self.langs = [languages.get(pid, lang) for pid, lang in zip(self.ids, self.langs)]
        self._centroids = self._params = None
        self._save()

    def _edit_faiss(self, touched: list[int], moved: list[int], first_new: int) -> None:
        index = self._faiss
        n = len(self.ids)
        if index is None or type(index).__name__ != _wanted_kind(n, self.ann_threshold) or (
                isinstance(index, _ivf_type()) and n > 4 * index.nlist ** 2):
            self._faiss = None  # rebuilt on first use (first build, kind flip, or 4x the products it was trained for)
            return
        import faiss

        if not isinstance(index, faiss.IndexIVFFlat):
            self._faiss = None  # exact search: rebuilding is a copy of the matrix
            return
        if touched:
            index.remove_ids(faiss.IDSelectorBatch(np.asarray(touched, np.int64)))
        rows = [r for r in moved if r < n] + list(range(first_new, n))
        if rows:
            index.add_with_ids(self.vectors[rows], np.asarray(rows, np.int64))
        assert index.ntotal == n, (index.ntotal, n)

    def _index(self) -> "faiss.Index":
        if self._faiss is None:
            import faiss

            n = len(self.ids)
            if _wanted_kind(n, self.ann_threshold) == "IndexIVFFlat":
                nlist = max(16, int(math.sqrt(n)))
                quantizer = faiss.IndexFlatIP(self.dim)
                index = faiss.IndexIVFFlat(quantizer, self.dim, nlist, faiss.METRIC_INNER_PRODUCT)
                sample = self.vectors
                if n > nlist * TRAIN_PER_CELL:
                    rows = np.random.default_rng(0).choice(n, nlist * TRAIN_PER_CELL, replace=False)
                    sample = self.vectors[np.sort(rows)]
                index.train(sample)
                index.add_with_ids(self.vectors, np.arange(n, dtype=np.int64))
                self._faiss = index
                self._set_nprobe()
            else:
                index = faiss.IndexFlatIP(self.dim)
                if n:
                    index.add(self.vectors)
                self._faiss = index
        return self._faiss

    def _set_nprobe(self) -> None:
        if hasattr(self._faiss, "nprobe"):
            self._faiss.nprobe = self.nprobe

    # -- searching -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.ids)

    def search(self, query: np.ndarray, *, k: int = 100) -> list[tuple[str, float]]:
        if not self.ids:
            return []
        q = np.ascontiguousarray(query.reshape(1, -1), np.float32)
        shift = self._language_shift(q[0])
        if not shift:
            scores, rows = self._index().search(q, min(k, len(self.ids)))
            return [(self.ids[r], float(s)) for s, r in zip(scores[0], rows[0]) if r >= 0]
        # The best of each language, searched apart (the other language's best may sit below every
        # product of the query's own language in raw cosine), then merged on the balanced score.
        found = []
        for lang, params in self._language_params().items():
            scores, rows = self._index().search(q, min(k, len(self.ids)), params=params)
            found += [(self.ids[r], float(s) - shift[lang]) for s, r in zip(scores[0], rows[0]) if r >= 0]
        return sorted(found, key=lambda x: -x[1])[:k]

    def _language_params(self) -> dict[str, object]:
        """language -> FAISS search parameters that admit only that language's rows."""
        import faiss

        if self._params is None:
            langs = np.array(self.langs)
            self._params = {}
            for lang in set(self.langs):
                bits = np.packbits(langs == lang, bitorder="little")
                sel = faiss.IDSelectorBitmap(len(langs), faiss.swig_ptr(bits))
                params = faiss.SearchParametersIVF(sel=sel, nprobe=self.nprobe) if hasattr(self._index(), "nprobe") \
                    else faiss.SearchParameters(sel=sel)
                self._params[lang] = (params, sel, bits)  # FAISS keeps pointers: hold the arrays too
        return {lang: v[0] for lang, v in self._params.items()}

    def score_ids(self, query: np.ndarray, ids: Sequence[str], *, k: int | None = None) -> list[tuple[str, float]]:
        rows = [self._row[i] for i in ids if i in self._row]
        if not rows:
            return []
        q = query.reshape(-1).astype(np.float32)
        scores = self.vectors[rows] @ q
        shift = self._language_shift(q)
        if shift:
            scores = scores - np.array([shift[self.langs[r]] for r in rows], np.float32)
        if k is not None and k < len(rows):
            top = np.argpartition(-scores, k - 1)[:k]
            order = top[np.argsort(-scores[top])]
        else:
            order = np.argsort(-scores)
        return [(self.ids[rows[j]], float(scores[j])) for j in order]

    def _language_shift(self, q: np.ndarray) -> dict[str, float]:
        """language -> how much more the query resembles that language's products on average than
        the catalog's as a whole ({} for a catalog in one language: nothing to balance)."""
        if self._centroids is None:
            langs = np.array(self.langs)
            groups = {lang: self.vectors[langs == lang].mean(0) for lang in set(self.langs)} if len(set(self.langs)) > 1 else {}
            if groups:
                groups[None] = self.vectors.mean(0)
            self._centroids = groups
        if not self._centroids:
            return {}
        base = float(self._centroids[None] @ q)
        return {lang: float(c @ q) - base for lang, c in self._centroids.items() if lang is not None}


def _wanted_kind(n: int, threshold: int) -> str:
    return "IndexIVFFlat" if n >= threshold else "IndexFlatIP"


def _ivf_type() -> type:
    import faiss

    return faiss.IndexIVFFlat
