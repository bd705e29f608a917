"""Act handlers: one file per thing the assistant can do with an understood message.

Each handler takes the `ActContext` and returns a `Draft` (cards + the answer computed from rows +
an optional prompt for the model to phrase a recommendation). Handlers read and update the typed
session state and preferences on the context; nothing else in the turn decides facts.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant.turn.deps import TurnDeps
from assistant.turn.events import Draft
from assistant.turn.state import SessionState
from catalog.models import Product


@dataclass
class ActContext:
    """One understood message and what the handler may read or change."""

    deps: TurnDeps
    u: Any  # language Understanding
    text: str  # the shopper's message (cleaned, instruction-like text removed)
    prefs: Any  # language Preferences carried over turns
    state: SessionState
    shown: list[Product] = field(default_factory=list)  # the cards of the last answer, in order
    session_id: str = ""  # for acts that read the chat's status (a person already asked for)

    @property
    def referenced(self) -> list[Product]:
        """Shown products the message points at ("the second one"), in the shopper's order."""
        return [self.shown[i] for i in self.u.references if 0 <= i < len(self.shown)]

    @property
    def zh(self) -> bool:
        return self.state.lang == "zh"

    def focus(self) -> list[Product]:
        """The product a bare "it" refers to: the last one talked about, else the only one shown."""
        p = self.deps.row(self.state.focus)
        if p is not None and (not self.shown or p.id in {s.id for s in self.shown}):
            return [p]
        return list(self.shown[:1]) if len(self.shown) == 1 else []


Handler = Callable[[ActContext], Draft]


def handler_for(act: str) -> Handler:
    """The handler of an act name (unknown acts get the 'unclear' answer)."""
    from assistant.turn.acts import cart, chitchat, compare, question, search, service

    table: dict[str, Handler] = {
        "search": search.handle, "refine": search.handle, "question": question.handle,
        "compare": compare.handle, "cart_add": cart.add, "cart_remove": cart.remove,
        "cart_show": cart.show, "greeting": chitchat.greeting, "thanks": chitchat.thanks,
        "smalltalk": chitchat.off_topic, "off_topic": chitchat.off_topic,
        "policy": service.policy, "order_problem": service.order_problem, "human": chitchat.human,
    }
    return table.get(act, chitchat.unclear)
