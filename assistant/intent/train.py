"""Train the intent head reproducibly: `python -m assistant.intent train`.

Steps (no random generator anywhere: splits come from hashes, folds from GroupKFold's fixed order,
and the solvers are deterministic, so a rerun on the same machine writes the same bytes):
1. embed the training turns with MiniLM;
2. pick the logistic head's C by 5-fold cross-validation grouped by session (weighted log loss);
3. fit Platt scaling on the out-of-fold decision values, and the final head on all training turns;
4. fit the session combiner (current turn, mean of earlier turns) on the out-of-fold probabilities;
5. take the products-viewed slope from UCI, keep the other behaviour weights as hand-set;
6. evaluate on the held-out sets and store the figures in the artifact.
Weights: buying and non-buying turns carry equal total weight; within buying turns, WebShop,
MG-ShopDial and project-written sessions carry a third each, so no one source's style dominates.
"""
from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

from .combine import BehaviourWeights, SessionCombiner
from .data import Turn, all_turns, shared_data_dir
from .head import IntentArtifact, TextHead

logger = logging.getLogger(__name__)

C_GRID = (1.0, 4.0, 16.0)
FOLDS = 5
FAST_WEBSHOP = 200  # fast mode keeps this many WebShop rows (and a quarter as many queries)


def sample_weights(turns: list[Turn]) -> np.ndarray:
    """Class-balanced weights; buying turns split equally between their three sources."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(turns):
        src = "neg" if t.label == 0 else ("webshop" if t.source.startswith("webshop") else t.source)
        groups[src].append(i)
    pos_sources = [g for g in groups if g != "neg"]
    w = np.zeros(len(turns))
    for g, idx in groups.items():
        mass = 0.5 if g == "neg" else 0.5 / len(pos_sources)
        w[idx] = mass / len(idx)
    return w * len(turns)


def _weighted_log_loss(y: np.ndarray, z: np.ndarray, w: np.ndarray) -> float:
    # log(1 + e^{-z}) for y=1 and log(1 + e^{z}) for y=0, computed stably
    s = np.where(y == 1, -z, z)
    return float(np.average(np.logaddexp(0.0, s), weights=w))


def fit_text_head(X: np.ndarray, y: np.ndarray, w: np.ndarray, groups: list[str]) -> tuple[TextHead, np.ndarray, dict]:
    """Choose C by grouped CV, fit Platt on out-of-fold values, fit the final head on everything."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    folds = list(GroupKFold(n_splits=FOLDS).split(X, y, groups))
    oof_by_c = {}
    for C in C_GRID:
        oof = np.zeros(len(y))
        for tr, te in folds:
            m = LogisticRegression(C=C, max_iter=5000, tol=1e-8).fit(X[tr], y[tr], sample_weight=w[tr])
            oof[te] = m.decision_function(X[te])
        oof_by_c[C] = oof
    losses = {C: _weighted_log_loss(y, o, w) for C, o in oof_by_c.items()}
    best_c = min(C_GRID, key=lambda C: (losses[C], C))
    oof = oof_by_c[best_c]
    platt = LogisticRegression(C=1e6, max_iter=1000, tol=1e-10).fit(oof[:, None], y, sample_weight=w)
    final = LogisticRegression(C=best_c, max_iter=5000, tol=1e-8).fit(X, y, sample_weight=w)
    head = TextHead(final.coef_[0].astype(np.float64), float(final.intercept_[0]), float(platt.coef_[0, 0]), float(platt.intercept_[0]))
    cal_oof = head.platt_a * oof + head.platt_b
    info = {"C": best_c, "cv_log_loss": {str(C): losses[C] for C in C_GRID}}
    return head, cal_oof, info


def fit_combiner(turns: list[Turn], cal_oof: np.ndarray, w: np.ndarray, *, window: int) -> dict:
    """Learn intercept, w_now, w_hist from out-of-fold text log-odds of whole sessions.

    No "has history" term: in the training data buying sessions are longer than non-buying ones
    (MG-ShopDial dialogues run ~17 turns), so such a term would learn session length, not intent.
    """
    from sklearn.linear_model import LogisticRegression

    by_session: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, t in enumerate(turns):
        by_session[t.session].append((t.index, float(cal_oof[i])))
    feats = np.zeros((len(turns), 2))
    for i, t in enumerate(turns):
        earlier = sorted(z for z in by_session[t.session] if z[0] < t.index)[-window:]
        feats[i, 0] = cal_oof[i]
        if earlier:
            feats[i, 1] = sum(z for _, z in earlier) / len(earlier)
    y = np.array([t.label for t in turns])
    m = LogisticRegression(C=10.0, max_iter=2000, tol=1e-10).fit(feats, y, sample_weight=w)
    return {"intercept": float(m.intercept_[0]), "w_now": float(m.coef_[0, 0]), "w_hist": float(m.coef_[0, 1])}


def train(*, fast: bool = False, data_dir: Path | None = None, embedder=None, evaluate_sets: bool = True) -> IntentArtifact:
    """Train on the public sets plus the project-written sessions; returns the artifact (not saved)."""
    from .behaviour import products_viewed_slope

    t0 = time.perf_counter()
    data_dir = data_dir or shared_data_dir()
    turns = all_turns("train", data_dir=data_dir)
    if fast:
        ws = [t for t in turns if t.source == "webshop"][:FAST_WEBSHOP]
        wq = [t for t in turns if t.source == "webshop_query"][: FAST_WEBSHOP // 4]
        turns = ws + wq + [t for t in turns if not t.source.startswith("webshop")]
    if embedder is None:
        from retrieval.embedder import load_embedder

        embedder = load_embedder("minilm")
    logger.info("embedding %d training turns", len(turns))
    X = embedder.embed_documents([t.text for t in turns]).astype(np.float64)
    y = np.array([t.label for t in turns])
    w = sample_weights(turns)
    head, cal_oof, info = fit_text_head(X, y, w, [t.session for t in turns])
    base = SessionCombiner()
    learned = fit_combiner(turns, cal_oof, w, window=base.history_window)
    slope = products_viewed_slope(data_dir=data_dir)
    combiner = replace(base, **learned, behaviour=BehaviourWeights(products_viewed_log1p=slope))
    counts: dict[str, int] = defaultdict(int)
    for t in turns:
        counts[f"{t.source}:{t.label}"] += 1
    training = {
        "mode": "fast" if fast else "full",
        "label": "1 = turn comes from a buying session (see assistant/intent/data.py)",
        "train_turns": dict(sorted(counts.items())),
        "text_head": info,
        "learned": ["text_head", "calibration", "session.intercept", "session.w_now", "session.w_hist",
                    "session.behaviour.products_viewed_log1p (UCI)"],
        "hand_set": ["session.w_has_hist = 0", "session.behaviour (all other weights)", "session.history_window",
                     "Chinese keyword rules"],
    }
    artifact = IntentArtifact(getattr(embedder, "name", "all-MiniLM-L6-v2"), head, combiner, training)
    if evaluate_sets:
        from .evaluate import evaluate
        from .scorer import IntentScorer

        metrics = evaluate(IntentScorer(artifact, embedder=embedder), data_dir=data_dir, sets=("webshop", "mgshopdial", "all"))
        training["held_out"] = {s: {m: {k: v for k, v in r.items() if k in ("auc", "f1", "ece")} for m, r in d.items()} for s, d in metrics.items()}
    # Timing goes to the log, not the artifact, so reruns write identical bytes.
    logger.info("trained intent head (%s mode) in %.1f s", training["mode"], time.perf_counter() - t0)
    return artifact


def fingerprint(artifact: IntentArtifact) -> dict:
    """A short summary of a trained artifact that reruns must reproduce (used for fast mode)."""
    h = artifact.head
    return {
        "coef_first8": [round(float(v), 4) for v in h.coef[:8]],
        "coef_norm": round(float(np.linalg.norm(h.coef)), 4),
        "intercept": round(h.intercept, 4),
        "platt": [round(h.platt_a, 4), round(h.platt_b, 4)],
        "session": [round(artifact.combiner.intercept, 4), round(artifact.combiner.w_now, 4),
                    round(artifact.combiner.w_hist, 4)],
    }
