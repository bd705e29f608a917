"""Purchase-intent score per shopper turn: text (MiniLM + trained head) combined with the session."""
from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .combine import sigmoid
from .head import DEFAULT_PATH, IntentArtifact
from .keywords import is_mostly_chinese, keyword_logit
from .signals import SessionSignals

if TYPE_CHECKING:
    from retrieval.embedder import Embedder

logger = logging.getLogger(__name__)

ZH_SHRINK = 0.8  # hand-set: keyword log-odds count for less than the trained head's


@dataclass(frozen=True)
class IntentBreakdown:
    """The parts of one score, for debugging and the bench (never logged with the text)."""

    text: float  # calibrated P(buying session | this utterance alone)
    history: float | None  # mean of the earlier turns' text probabilities, None without history
    behaviour_logit: float  # log-odds the signals added
    score: float  # the final score


class IntentScorer:
    """Scores how likely the shopper is to buy in this session, in [0, 1], after each turn.

    Text goes through the packaged MiniLM encoder and a trained logistic head; text that is mostly
    Chinese (MiniLM is English-only) goes through hand-set keyword rules instead. Per-utterance
    text log-odds are cached, so history turns scored earlier in the session cost nothing.
    """

    def __init__(self, artifact: IntentArtifact, *, embedder: "Embedder | None" = None, cache_size: int = 4096) -> None:
        self._artifact = artifact
        if embedder is not None and getattr(embedder, "name", artifact.embedder) != artifact.embedder:
            # The head only means something over the embedding it was trained on (e.g. the
            # retriever may run multilingual-e5); load the right one instead of scoring garbage.
            logger.info("intent head needs %s, not %s: loading it separately", artifact.embedder, embedder.name)
            embedder = None
        self._embedder = embedder
        self._cache: OrderedDict[str, float] = OrderedDict()
        self._cache_size = cache_size

    @classmethod
    def from_defaults(cls, *, head_path: Path = DEFAULT_PATH, embedder: "Embedder | None" = None) -> "IntentScorer":
        """The shipped head with the packaged MiniLM model (loaded on first use, shared per process)."""
        return cls(IntentArtifact.load(head_path), embedder=embedder)

    @property
    def artifact(self) -> IntentArtifact:
        return self._artifact

    def score(self, text: str, history: Sequence[str] = (), signals: SessionSignals | None = None) -> float:
        """P(this is a buying session) given this turn, the shopper's earlier turns and behaviour so far."""
        return self.breakdown(text, history, signals).score

    def text_probability(self, text: str) -> float:
        """Calibrated probability from this utterance alone (the "text-only" model of the bench)."""
        return sigmoid(self._text_logits([text])[0])

    def warm(self, texts: Sequence[str]) -> None:
        """Encode many utterances in one batch ahead of scoring (bench, or a session restored from the store)."""
        todo = [t for t in dict.fromkeys(texts) if t not in self._cache and t.strip() and not is_mostly_chinese(t)]
        for i in range(0, len(todo), 256):
            chunk = todo[i : i + 256]
            emb = self._get_embedder().embed_documents(chunk)
            for t, z in zip(chunk, self._artifact.head.logits(emb)):
                self._remember(t, float(z))

    def breakdown(self, text: str, history: Sequence[str] = (), signals: SessionSignals | None = None) -> IntentBreakdown:
        """`score` with its parts."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        hist = [h for h in history if isinstance(h, str) and h.strip()][-self._artifact.combiner.history_window :]
        logits = self._text_logits(hist + [text])
        now, earlier = logits[-1], logits[:-1]
        comb = self._artifact.combiner
        behaviour = comb.behaviour.logit(signals)
        score = sigmoid(comb.text_logit(now, earlier) + behaviour)
        hist_p = sum(sigmoid(z) for z in earlier) / len(earlier) if earlier else None
        logger.debug("intent score=%.3f text=%.3f behaviour=%+.2f history_turns=%d", score, sigmoid(now), behaviour, len(earlier))
        return IntentBreakdown(sigmoid(now), hist_p, behaviour, score)

    def _text_logits(self, texts: list[str]) -> list[float]:
        """Calibrated log-odds per utterance; one encoder call for all the uncached English ones."""
        found = {t: self._cache[t] for t in dict.fromkeys(texts) if t in self._cache}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        english = [t for t in missing if t.strip() and not is_mostly_chinese(t)]
        if english:
            emb = self._get_embedder().embed_queries(english)
            found.update(zip(english, (float(z) for z in self._artifact.head.logits(emb))))
        for t in missing:
            if t not in found:
                # Chinese (or empty) text: the hand-set keyword rules, shrunk towards 0 log-odds
                # because they are coarser than the trained head.
                found[t] = ZH_SHRINK * max(-8.0, min(8.0, keyword_logit(t)))
        for t in missing:
            self._remember(t, found[t])
        return [found[t] for t in texts]

    def _remember(self, text: str, z: float) -> None:
        self._cache[text] = z
        self._cache.move_to_end(text)
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _get_embedder(self) -> "Embedder":
        if self._embedder is None:
            from retrieval.embedder import load_embedder

            self._embedder = load_embedder("minilm")
        return self._embedder
