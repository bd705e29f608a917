"""The trained text head and the artifact file it ships in (JSON: coefficients, never a pickle).

One file holds everything the scorer needs besides the embedding model: the logistic head over
MiniLM embeddings, its Platt calibration, the session combiner and the training record (data
counts, held-out metrics, the fast-mode fingerprint the tests compare against).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .combine import SessionCombiner

FORMAT = "aisle-intent-head/1"
DEFAULT_PATH = Path(__file__).with_name("head.json")
DECIMALS = 6  # rounding makes the file byte-stable across reruns despite float noise in the encoder


@dataclass(frozen=True)
class TextHead:
    """Logistic regression over unit-length sentence embeddings, then Platt scaling."""

    coef: np.ndarray  # (dim,)
    intercept: float
    platt_a: float = 1.0
    platt_b: float = 0.0

    def raw_logits(self, embeddings: np.ndarray) -> np.ndarray:
        """Uncalibrated decision values, (n,) for (n, dim) embeddings."""
        return embeddings.astype(np.float64) @ self.coef + self.intercept

    def logits(self, embeddings: np.ndarray) -> np.ndarray:
        """Calibrated log-odds that each utterance comes from a buying session."""
        return self.platt_a * self.raw_logits(embeddings) + self.platt_b


@dataclass(frozen=True)
class IntentArtifact:
    """Everything `python -m assistant.intent train` writes."""

    embedder: str
    head: TextHead
    combiner: SessionCombiner
    training: dict = field(default_factory=dict)

    def to_json(self) -> str:
        """Deterministic text: fixed key order and rounding, so reruns give the same bytes."""
        doc = {
            "format": FORMAT,
            "note": "Trained by `python -m assistant.intent train`; see assistant/intent/train.py.",
            "embedder": self.embedder,
            "text_head": {
                "coef": [round(float(v), DECIMALS) for v in self.head.coef],
                "intercept": round(float(self.head.intercept), DECIMALS),
            },
            "calibration": {"method": "platt", "a": round(self.head.platt_a, DECIMALS), "b": round(self.head.platt_b, DECIMALS)},
            "session": _rounded(self.combiner.to_dict()),
            "training": _rounded(self.training),
        }
        return json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=False) + "\n"

    def save(self, path: Path) -> None:
        """Write the artifact to `path`."""
        path.write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> "IntentArtifact":
        """Read an artifact; a missing or foreign file gets an error that says how to make one."""
        if not path.exists():
            raise FileNotFoundError(f"No intent head at {path}: run `python -m assistant.intent train`")
        return cls.load_text(path.read_text(encoding="utf-8"), origin=str(path))

    @classmethod
    def load_text(cls, text: str, *, origin: str = "the artifact") -> "IntentArtifact":
        """Parse what `to_json` wrote."""
        doc = json.loads(text)
        if doc.get("format") != FORMAT:
            raise ValueError(
                f"{origin} is {doc.get('format')!r}, expected {FORMAT!r}: retrain with `python -m assistant.intent train`"
            )
        head = TextHead(
            coef=np.asarray(doc["text_head"]["coef"], dtype=np.float64),
            intercept=float(doc["text_head"]["intercept"]),
            platt_a=float(doc["calibration"]["a"]),
            platt_b=float(doc["calibration"]["b"]),
        )
        return cls(doc["embedder"], head, SessionCombiner.from_dict(doc["session"]), doc.get("training", {}))


def _rounded(obj):
    if isinstance(obj, float):
        return round(obj, DECIMALS)
    if isinstance(obj, dict):
        return {k: _rounded(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_rounded(v) for v in obj]
    return obj
