"""What one assistant turn returns to its caller: text, product cards (catalog rows), intent, handoff."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalog.models import Product


@dataclass
class Reply:
    """One answer. `products` are catalog rows, never parsed from generated text."""

    session_id: str
    text: str
    products: list[Product] = field(default_factory=list)
    intent: float = 0.0  # purchase intent of the shopper's message, 0..1
    escalated: bool = False  # the chat waits for, or is held by, a person
    escalation_reason: str | None = None
    answered_by: str = "assistant"  # "assistant", or "staff" while a person holds the chat
    act: str = ""  # what the assistant understood the message as (search, question, cart_add, ...)
    cart: dict[str, Any] = field(default_factory=dict)  # {"items": [...], "total": float, "currency": str}
    nudge: str | None = None  # an incentive offered this turn, if the nudge policy chose one
    grounding: str = "ok"  # ok | repaired | replaced | template | model_busy | model_slow | model_failed: what became of the model's text
    turn_id: int | None = None  # id of the stored assistant turn (for feedback)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    language: str = "en"  # the language the answer is in (the shopper's)
    generator_error: str | None = None  # set when the model failed and the answer came from rows

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data (products as dicts)."""
        return {
            "session_id": self.session_id, "text": self.text,
            "products": [p.to_dict() for p in self.products], "intent": self.intent,
            "escalated": self.escalated, "escalation_reason": self.escalation_reason,
            "answered_by": self.answered_by, "act": self.act, "cart": self.cart, "nudge": self.nudge,
            "grounding": self.grounding, "turn_id": self.turn_id, "timings": self.timings,
            "language": self.language, "generator_error": self.generator_error,
        }
