"""Behaviour models on the UCI Online Shoppers Purchasing Intention sessions (Sakar et al. 2019).

UCI sessions are web page-view aggregates (page counts, durations, bounce/exit rates, PageValues);
a chat session has none of these, so a UCI model cannot score chat sessions directly. This module
(1) fits full-feature models for the bench, to compare with the paper, and (2) fits a one-feature
model on the only count with a clear chat analogue (product pages viewed -> products viewed), whose
slope the session combiner reuses. Everything else about chat behaviour is hand-set (combine.py).
"""
from __future__ import annotations

import logging
import math
from pathlib import Path

import numpy as np

from .data import uci_rows

logger = logging.getLogger(__name__)

_COUNTS = ("Administrative", "Informational", "ProductRelated")
_DURATIONS = ("Administrative_Duration", "Informational_Duration", "ProductRelated_Duration")
_RATES = ("BounceRates", "ExitRates", "PageValues", "SpecialDay")
_CATEGORIES = ("Month", "OperatingSystems", "Browser", "Region", "TrafficType", "VisitorType")


def _truthy(v: str) -> int:
    return int(str(v).strip().upper() == "TRUE")


def uci_features(rows: list[dict]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """All 17 UCI features (counts/durations log1p, categoricals one-hot) and the Revenue label."""
    cats = {c: sorted({r[c] for r in rows}) for c in _CATEGORIES}
    names = [f"log1p_{c}" for c in _COUNTS + _DURATIONS] + ["BounceRates", "ExitRates", "log1p_PageValues", "SpecialDay", "Weekend"]
    names += [f"{c}={v}" for c in _CATEGORIES for v in cats[c]]
    X = np.zeros((len(rows), len(names)), dtype=np.float64)
    for i, r in enumerate(rows):
        vals = [math.log1p(float(r[c])) for c in _COUNTS + _DURATIONS]
        vals += [float(r["BounceRates"]), float(r["ExitRates"]), math.log1p(float(r["PageValues"])), float(r["SpecialDay"]), _truthy(r["Weekend"])]
        vals += [float(r[c] == v) for c in _CATEGORIES for v in cats[c]]
        X[i] = vals
    y = np.array([_truthy(r["Revenue"]) for r in rows], dtype=int)
    return X, y, names


def products_viewed_slope(*, data_dir: Path | None = None) -> float:
    """Log-odds per unit of log1p(product pages viewed), from a one-feature logistic fit on UCI."""
    from sklearn.linear_model import LogisticRegression

    rows = uci_rows(data_dir)
    x = np.array([[math.log1p(float(r["ProductRelated"]))] for r in rows])
    y = np.array([_truthy(r["Revenue"]) for r in rows])
    model = LogisticRegression(C=1.0, max_iter=1000).fit(x, y)
    return float(model.coef_[0, 0])


def uci_benchmark(*, data_dir: Path | None = None, seed: int = 0) -> dict[str, dict]:
    """Fit LR, RF, MLP and gradient boosting on a stratified 70/30 split; AUC, F1, accuracy, ECE on the 30%.

    F1 uses the threshold that maximises F1 on a validation quarter of the training part, because
    at the natural 15.5% purchase rate a 0.5 threshold says little; `f1_balanced` is the same
    predictions with both classes weighted equally (closer to a test on oversampled, balanced data);
    ECE uses the raw probabilities.
    """
    from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_curve, roc_auc_score
    from sklearn.model_selection import train_test_split
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from .metrics import ece

    X, y, names = uci_features(uci_rows(data_dir))
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, stratify=y, random_state=seed)
    Xfit, Xval, yfit, yval = train_test_split(Xtr, ytr, test_size=0.25, stratify=ytr, random_state=seed)
    pv = names.index("log1p_ProductRelated")
    models = {
        "logistic regression": lambda: make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000)),
        "random forest": lambda: RandomForestClassifier(n_estimators=300, min_samples_leaf=2, random_state=seed, n_jobs=1),
        "MLP (1x32)": lambda: make_pipeline(StandardScaler(), MLPClassifier((32,), alpha=1e-3, max_iter=800, random_state=seed)),
        "gradient boosting": lambda: HistGradientBoostingClassifier(random_state=seed),
        "LR, products viewed only": None,  # the feature the chat combiner borrows
    }
    out = {}
    for name, make in models.items():
        cols = [pv] if make is None else slice(None)
        factory = make or (lambda: LogisticRegression(C=1.0, max_iter=1000))
        val_model = factory().fit(Xfit[:, cols], yfit)
        prec, rec, thr = precision_recall_curve(yval, val_model.predict_proba(Xval[:, cols])[:, 1])
        f1s = 2 * prec[:-1] * rec[:-1] / np.maximum(prec[:-1] + rec[:-1], 1e-12)
        threshold = float(thr[int(np.argmax(f1s))])
        model = factory().fit(Xtr[:, cols], ytr)
        p = model.predict_proba(Xte[:, cols])[:, 1]
        pred = (p >= threshold).astype(int)
        balanced = np.where(yte == 1, 0.5 / yte.sum(), 0.5 / (len(yte) - yte.sum()))
        out[name] = {
            "auc": float(roc_auc_score(yte, p)),
            "f1": float(f1_score(yte, pred)),
            "f1_balanced": float(f1_score(yte, pred, sample_weight=balanced)),
            "accuracy": float(accuracy_score(yte, pred)),
            "ece": ece(yte, p),
            "threshold": threshold,
            "n_test": int(len(yte)),
        }
        logger.debug("UCI %s: %s", name, out[name])
    return out
