"""Turn a per-utterance text probability, the session's history and its behaviour into one score.

    z = intercept + w_now * logit(p_now) + w_hist * mean(logit(p_earlier)) + sum_k w_k * phi_k(signals)
    score = sigmoid(z)

The first three weights are learned (logistic regression on held-out text probabilities of buying
and non-buying chat sessions, see train.py). The behaviour weights cannot be learned: no public chat
data records carts or product views. `products_viewed` reuses the slope of a one-feature model on
UCI product-page views (behaviour.py); the rest are hand-set, chosen so that a cart item is strong
evidence and a question about price, delivery, stock or size is mild evidence (the text has
usually said the same thing already, so these are kept small to avoid counting it twice). Every
behaviour term is >= 0: signals only ever raise the score, and an empty `SessionSignals` changes nothing.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from .signals import SessionSignals

_EPS = 1e-4
HISTORY_WINDOW = 6  # earlier shopper turns that count; older ones say less about the shopper now


def logit(p: float) -> float:
    """Log-odds, clipped so a 0 or 1 never becomes infinite."""
    p = min(max(p, _EPS), 1 - _EPS)
    return math.log(p / (1 - p))


def sigmoid(z: float) -> float:
    """Inverse of `logit`, safe for large |z|."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True)
class BehaviourWeights:
    """Log-odds added per behaviour signal; see the module docstring for where each comes from."""

    products_viewed_log1p: float = 0.5  # replaced by the UCI-fitted slope at training time
    products_viewed_cap: int = 20  # past this, more views are browsing, not extra intent
    compared: float = 0.3  # hand-set: compared at least two products
    asked_price: float = 0.25  # hand-set
    asked_delivery: float = 0.35  # hand-set: delivery questions come late in a purchase
    asked_stock: float = 0.25  # hand-set
    asked_size: float = 0.3  # hand-set
    cart_any: float = 1.5  # hand-set: something in the cart
    cart_extra_log1p: float = 0.3  # hand-set: per log1p(extra items beyond the first)

    def logit(self, s: SessionSignals | None) -> float:
        """Total log-odds the signals add (0 for None or an empty record)."""
        if s is None:
            return 0.0
        z = self.products_viewed_log1p * math.log1p(min(s.products_viewed, self.products_viewed_cap))
        z += self.compared * (s.products_compared >= 2)
        z += self.asked_price * s.asked_price + self.asked_delivery * s.asked_delivery
        z += self.asked_stock * s.asked_stock + self.asked_size * s.asked_size
        if s.cart_items > 0:
            z += self.cart_any + self.cart_extra_log1p * math.log1p(s.cart_items - 1)
        return z

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SessionCombiner:
    """The logistic combination above; the learned part's defaults are replaced by training."""

    intercept: float = 0.0
    w_now: float = 1.0
    w_hist: float = 0.0
    w_has_hist: float = 0.0  # hand-set to 0: learned, it would only measure session length (train.py)
    history_window: int = HISTORY_WINDOW
    behaviour: BehaviourWeights = BehaviourWeights()

    def text_logit(self, now_logit: float, history_logits: Sequence[float]) -> float:
        """The learned part: current turn and the mean of the last `history_window` earlier turns."""
        recent = list(history_logits)[-self.history_window :]
        z = self.intercept + self.w_now * now_logit
        if recent:
            z += self.w_hist * (sum(recent) / len(recent)) + self.w_has_hist
        return z

    def score(self, now_logit: float, history_logits: Sequence[float], signals: SessionSignals | None) -> float:
        """Probability that the session is a buying one, in [0, 1]."""
        return sigmoid(self.text_logit(now_logit, history_logits) + self.behaviour.logit(signals))

    def to_dict(self) -> dict:
        d = asdict(self)
        d["behaviour"] = self.behaviour.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "SessionCombiner":
        d = dict(d)
        d["behaviour"] = BehaviourWeights(**d.get("behaviour", {}))
        return cls(**d)
