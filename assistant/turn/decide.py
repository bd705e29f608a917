"""Stage 2, decide: score purchase intent and decide whether a person should take this chat."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from assistant import cart
from assistant.turn.deps import TurnDeps
from assistant.turn.state import SessionState


@dataclass
class Decision:
    intent: float
    escalation_reason: str | None  # set when this message hands the chat to a person
    again: str | None = None  # a person is already on the way and this message asks (or fumes) again


def decide(deps: TurnDeps, heard_text: str, u: Any, state: SessionState, history: list[str],
           mode: str) -> Decision:
    """Intent from the message, recent history and behaviour; escalation from the same evidence."""
    signals = session_signals(state)
    intent = deps.intent_scorer.score(heard_text, history=history, signals=signals) if deps.intent_scorer else 0.0
    reason = None
    if deps.escalation_enabled and mode in ("bot", "waiting"):
        from assistant.escalation import detect_escalation

        found = detect_escalation(heard_text, history=history, signals=signals, intent=intent,
                                  unmet_turns=state.unmet)
        reason = found.reason if found is not None else None
        if reason == "order_problem" and u is not None and (
                u.act == "policy" or (u.act == "question" and getattr(u, "question_topic", None)
                                      in ("returns", "shipping", "warranty", "stock", "price"))):
            reason = None  # "can I return this?", 这个能退货吗: answered from the row or the policy text
        if reason == "high_value_cart" and u is not None and u.act in ("cart_remove", "cart_show"):
            reason = None  # emptying or reading the cart is not a sale to help close
        if reason is None and u is not None and u.act == "human":
            reason = "human_request"
        if mode == "waiting":  # already handed over: say a person is coming, rather than search "太笨"
            again = reason if reason in ("human_request", "frustration") else None
            return Decision(intent=intent, escalation_reason=None, again=again)
    return Decision(intent=intent, escalation_reason=reason)


def session_signals(state: SessionState):
    """The behaviour signals the intent scorer and the escalation rules read."""
    from assistant.intent.signals import SessionSignals

    started = state.started_at or time.time()
    return SessionSignals(
        turns=state.turns, products_viewed=len(state.viewed), products_compared=len(state.compared),
        asked_price="price" in state.asked, asked_delivery="delivery" in state.asked,
        asked_stock="stock" in state.asked, asked_size="size" in state.asked,
        cart_items=sum(line["quantity"] for line in state.cart), cart_value=float(state.cart_value),
        seconds_since_start=max(0.0, time.time() - started),
    )


def cart_view(deps: TurnDeps, state: SessionState) -> dict:
    return cart.summary(state.cart, deps.rows)
