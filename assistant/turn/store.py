"""Stage 5, store: append the answer to the transcript and save the typed state, then build the Reply."""
from __future__ import annotations

from assistant.reply import Reply
from assistant.turn.decide import cart_view
from assistant.turn.deps import TurnDeps
from assistant.turn.events import Draft
from assistant.turn.state import SessionState


def save_answer(deps: TurnDeps, session_id: str, state: SessionState, *, text: str, act: str,
                meta: dict | None = None, product_ids: list[str] | None = None) -> tuple[int, dict]:
    """Store the assistant's turn and the state together; returns the turn id (for feedback) and the
    cart as stored (catalog prices), so the caller need not price it again."""
    view = cart_view(deps, state)
    state.cart_value = view["total"]
    turn = deps.sessions.append_turn(session_id, "assistant", text, product_ids=product_ids or [],
                                     meta={"act": act, "language": state.lang, **(meta or {})})
    deps.sessions.save_state(session_id, state.to_dict())
    return turn.id, view


def finish(deps: TurnDeps, session_id: str, state: SessionState, draft: Draft, *, text: str, intent: float,
           meta: dict, nudge: str | None, timings: dict[str, float], generator_error: str | None) -> Reply:
    """Fold the act's outcome into the state, store the turn, and describe it to the caller."""
    if draft.products:
        state.remember_shown([p.id for p in draft.products])
    state.unmet = state.unmet + 1 if draft.unmet else 0
    turn_id, view = save_answer(deps, session_id, state, text=text, act=draft.act, meta=meta,
                                product_ids=[p.id for p in draft.products])
    status = deps.sessions.status(session_id)
    return Reply(session_id, text, products=draft.products, intent=intent,
                 escalated=status.mode in ("waiting", "staff"), escalation_reason=status.escalation_reason,
                 act=draft.act, cart=view, nudge=nudge, grounding=meta.get("grounding", "template"),
                 turn_id=turn_id, timings=timings, language=state.lang, generator_error=generator_error)
