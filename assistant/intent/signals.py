"""What the shopper has done so far in a session, filled by the dialogue manager.

Kept as plain data (no methods that need a model) so the session store can serialise it and the
intent scorer, the escalation rules and the nudge policy can all read the same record.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields


@dataclass(frozen=True)
class SessionSignals:
    """Behaviour so far in one chat session; every field defaults to "nothing happened yet"."""

    turns: int = 0  # shopper turns so far, this one included
    products_viewed: int = 0  # distinct products shown in detail (card opened, link followed)
    products_compared: int = 0  # distinct products put side by side at the shopper's request
    asked_price: bool = False
    asked_delivery: bool = False  # shipping time, cost or destination
    asked_stock: bool = False
    asked_size: bool = False  # size, fit or variant availability
    cart_items: int = 0
    cart_value: float = 0.0  # in the shop's currency; only compared with configured thresholds
    seconds_since_start: float = 0.0

    def __post_init__(self) -> None:
        for f in ("turns", "products_viewed", "products_compared", "cart_items"):
            if getattr(self, f) < 0:
                raise ValueError(f"SessionSignals.{f} must be >= 0, got {getattr(self, f)!r}")
        if self.cart_value < 0 or self.seconds_since_start < 0:
            raise ValueError(
                "SessionSignals.cart_value and seconds_since_start must be >= 0, "
                f"got {self.cart_value!r} and {self.seconds_since_start!r}"
            )

    def to_dict(self) -> dict:
        """Plain JSON-able dict, for the session store."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "SessionSignals":
        """Inverse of `to_dict`; unknown keys are ignored so older stored records still load."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})
