"""Metrics shared by training, tests and the bench (weighted, so evaluation mixes are explicit)."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def balanced_weights(labels: Sequence[int]) -> np.ndarray:
    """Weights that give both classes the same total mass (the 50/50 prior the head is calibrated to)."""
    y = np.asarray(labels)
    w = np.zeros(len(y), dtype=np.float64)
    for c in (0, 1):
        n = int((y == c).sum())
        if n:
            w[y == c] = 0.5 / n
    return w * len(y)


def ece(labels: Sequence[int], probs: Sequence[float], *, weights=None, bins: int = 10) -> float:
    """Expected calibration error over equal-width bins: sum of |mean p - observed rate| weighted by bin mass."""
    y = np.asarray(labels, dtype=np.float64)
    p = np.clip(np.asarray(probs, dtype=np.float64), 0.0, 1.0)
    w = np.ones_like(y) if weights is None else np.asarray(weights, dtype=np.float64)
    idx = np.minimum((p * bins).astype(int), bins - 1)
    total, err = w.sum(), 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            wb = w[m].sum()
            err += wb / total * abs(np.average(p[m], weights=w[m]) - np.average(y[m], weights=w[m]))
    return float(err)


def summary(labels, probs, *, weights=None, threshold: float = 0.5) -> dict:
    """ROC AUC, F1 at `threshold` and ECE, all with the same weights."""
    from sklearn.metrics import f1_score, roc_auc_score

    y = np.asarray(labels)
    p = np.asarray(probs, dtype=np.float64)
    out = {"n": int(len(y)), "positives": int(y.sum())}
    out["auc"] = float(roc_auc_score(y, p, sample_weight=weights)) if 0 < y.sum() < len(y) else float("nan")
    out["f1"] = float(f1_score(y, (p >= threshold).astype(int), sample_weight=weights, zero_division=0))
    out["ece"] = ece(y, p, weights=weights)
    return out
