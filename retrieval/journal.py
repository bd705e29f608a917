"""A change journal beside a vector index: small re-syncs append here instead of rewriting it all.

Rewriting a 100k-product index (150 MB of vectors plus the FAISS file) for ten changed products
took most of a 10 s re-sync. Instead each small update is one file `journal-NNNNNN.npz` (the
changed rows and the dropped ids), written to a temporary name and renamed, so a crash leaves
either the whole entry or none. Loading replays the entries over the last full save, in order;
the next full save folds them in and removes them. Replaying an entry twice is harmless (an
upsert of the same vector, a drop of a missing id), so a crash between the full save and the
clean-up loses nothing.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PREFIX = "journal-"


@dataclass
class Entry:
    """One update: rows to add or replace, and ids to drop."""

    ids: list[str]
    hashes: list[str]
    langs: list[str]
    vectors: np.ndarray
    drop: list[str]


def entries(directory: Path) -> list[Path]:
    return sorted(directory.glob(f"{PREFIX}*.npz"))


def append(directory: Path, entry: Entry) -> Path:
    """Write one entry after the existing ones, atomically."""
    existing = entries(directory)
    number = int(existing[-1].stem[len(PREFIX):]) + 1 if existing else 1
    path = directory / f"{PREFIX}{number:06d}.npz"
    fd, tmp = tempfile.mkstemp(dir=directory, suffix=".npz.tmp")
    os.close(fd)
    with open(tmp, "wb") as fh:
        np.savez(fh, ids=np.asarray(entry.ids, dtype=str), hashes=np.asarray(entry.hashes, dtype=str),
                 langs=np.asarray(entry.langs, dtype=str), vectors=np.asarray(entry.vectors, np.float32),
                 drop=np.asarray(entry.drop, dtype=str))
    os.replace(tmp, path)
    return path


def read(directory: Path) -> Iterator[Entry]:
    """The entries in the order they were written."""
    for path in entries(directory):
        with np.load(path) as data:
            yield Entry(ids=[str(x) for x in data["ids"]], hashes=[str(x) for x in data["hashes"]],
                        langs=[str(x) for x in data["langs"]], vectors=np.asarray(data["vectors"], np.float32),
                        drop=[str(x) for x in data["drop"]])


def rows(directory: Path) -> int:
    """How many rows the journal holds (added, replaced or dropped)."""
    total = 0
    for path in entries(directory):
        with np.load(path) as data:
            total += len(data["ids"]) + len(data["drop"])
    return total


def clear(directory: Path, paths: Sequence[Path] | None = None) -> None:
    """Remove entries already folded into a full save."""
    for path in entries(directory) if paths is None else paths:
        path.unlink(missing_ok=True)
