"""What flows out of a turn (Events) and what an act hands to the phrasing stage (Draft)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalog.models import Product


@dataclass
class Event:
    """`products` (cards, before text), `delta` (text), or `reply` (the finished Reply)."""

    kind: str
    value: Any


@dataclass
class Draft:
    """What an act decided before the model speaks: cards, the answer from rows, and a prompt if any.

    `fallback` is complete and correct on its own (computed from rows); the model only adds a
    phrased recommendation when `prompt` is set. `opening` is shown at once, before the model runs,
    so the shopper sees the first words while the model is still reading its prompt.
    """

    act: str
    products: list[Product] = field(default_factory=list)
    fallback: str = ""  # the template answer, used as is when `prompt` is None or the model fails
    prompt: str | None = None  # user prompt for the generator
    prefix: str = ""  # deterministic text shown before the generated part (e.g. a comparison table)
    other_titles: list[str] = field(default_factory=list)
    allowed_amounts: list[float] = field(default_factory=list)
    unmet: bool = False  # the shopper's need was not met this turn
    escalate: str | None = None  # a reason when this act hands the chat to a person
