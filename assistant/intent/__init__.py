"""Purchase intent: `IntentScorer.from_defaults().score(text, history, signals)` -> 0..1.

Names are imported lazily so `import assistant.intent` stays cheap (no numpy, no model).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["IntentScorer", "IntentBreakdown", "SessionSignals"]

if TYPE_CHECKING:
    from .scorer import IntentBreakdown, IntentScorer
    from .signals import SessionSignals


def __getattr__(name: str):
    if name in ("IntentScorer", "IntentBreakdown"):
        from . import scorer

        return getattr(scorer, name)
    if name == "SessionSignals":
        from .signals import SessionSignals

        return SessionSignals
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
