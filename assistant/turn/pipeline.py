"""One shopper turn as stages: understand -> decide -> act -> phrase (guarded) -> store.

Data flows one way. The turn is a generator of Events so the web UI shows cards before the text
streams in, and a takeover by staff interrupts it.
"""
from __future__ import annotations

import time
from collections.abc import Iterator

from assistant.reply import Reply
from assistant.turn.acts import ActContext, handler_for
from assistant.turn.decide import cart_view, decide
from assistant.turn.deps import TurnDeps
from assistant.turn.events import Draft, Event
from assistant.turn.phrase import phrase_draft
from assistant.turn.state import SessionState
from assistant.turn.store import finish, save_answer
from assistant.turn.understand import Heard, hear
from prompts import phrase, render

HISTORY_TURNS = 6  # shopper messages the intent scorer and escalation rules read


def run_turn(deps: TurnDeps, message: object, session_id: str, *, already_stored: bool = False) -> Iterator[Event]:
    """Handle one shopper message; yields Events, the last one carrying the Reply.

    `already_stored`: the shopper's message is in the transcript already (sent while staff held the
    chat, answered after the hand-back), so it is answered without being stored twice.
    """
    t_start = time.perf_counter()
    timings: dict[str, float] = {}
    store = deps.sessions
    status = store.status(session_id)
    state = SessionState.from_dict(store.load_state(session_id))
    if status.mode == "closed":
        yield Event("reply", Reply(session_id, render("closed", lang=state.lang), act="closed", language=state.lang))
        return
    shown = deps.rows(state.shown)
    t = time.perf_counter()
    heard = hear(deps, message, session_id, state, shown)
    if heard.u is not None and _means_the_list(heard.u, state, shown):
        # "the second one" after a one-card answer means the list before it (still on screen above);
        # the card just shown stays in reach at the end ("the cheapest" of all that is on screen).
        shown = deps.rows(state.last_list) + [p for p in shown if p.id not in set(state.last_list)]
        heard = hear(deps, message, session_id, state, shown)
    if (heard.u is not None and heard.u.points_beyond and not heard.u.references
            and len(state.older_list) > len(shown)):
        # "Is the third one in stock?" when the newest list has two: the longer list above it.
        older = deps.rows(state.older_list)
        again = hear(deps, message, session_id, state, older)
        if again.u is not None and again.u.references:
            shown, heard = older, again
    timings["understand"] = time.perf_counter() - t
    state.lang = heard.lang
    if heard.problem or not heard.text:
        yield from _refuse(deps, session_id, state, heard, already_stored)
        return

    state.count_turn(getattr(heard.u, "question_topic", None))
    history = [turn.text for turn in store.turns(session_id) if turn.role == "user"][-HISTORY_TURNS:]
    t = time.perf_counter()
    decision = decide(deps, heard.text, heard.u, state, history, status.mode)
    timings["intent"] = time.perf_counter() - t
    if not already_stored:
        store.append_turn(session_id, "user", heard.original, intent=decision.intent,
                          meta={"act": heard.u.act, "injection": heard.injected, "language": heard.lang})

    if status.mode == "staff":  # a person holds the chat: the bot stays silent
        store.save_state(session_id, state.to_dict())
        yield Event("reply", Reply(session_id, "", intent=decision.intent, escalated=True, answered_by="staff",
                                   escalation_reason=status.escalation_reason, act=heard.u.act,
                                   cart=cart_view(deps, state), timings=timings, language=state.lang))
        return
    handoff_note = None
    if decision.escalation_reason == "high_value_cart" and heard.u.act in _ANSWER_FIRST:
        # A big cart is an offer of help, not a reason to leave "add one more" unanswered: the act is
        # answered and the note that a colleague will join follows it.
        deps.sessions.escalate(session_id, decision.escalation_reason)
        handoff_note = render(_HANDOFF_TEMPLATES["high_value_cart"], lang=state.lang)
    elif decision.escalation_reason is not None:
        yield from _escalate(deps, session_id, state, decision.escalation_reason, decision.intent, timings)
        return

    t = time.perf_counter()
    from language import Preferences

    ctx = ActContext(deps=deps, u=heard.u, text=heard.text, state=state, shown=shown,
                     prefs=Preferences.from_dict(state.preferences), session_id=session_id)
    from assistant.turn.acts.search import history_picks

    from assistant.turn.acts import most, similar, superlative

    draft = (_still_waiting(ctx, decision.again) or _no_such_position(ctx) or superlative.answer(ctx) or most.answer(ctx) or similar.answer(ctx)
             or history_picks(ctx)
             or handler_for(heard.u.act)(ctx))
    if heard.then is not None and not (draft.escalate or draft.unmet):
        draft = _and_then(ctx, draft, heard)
    timings["act"] = time.perf_counter() - t
    if draft.escalate:
        yield from _escalate(deps, session_id, state, draft.escalate, decision.intent, timings)
        return
    if draft.products:
        yield Event("products", draft.products)
    phrased = yield from phrase_draft(deps, session_id, draft, shopper_text=heard.text, lang=state.lang,
                                      timings=timings)
    text = phrased.text
    if handoff_note and not phrased.interrupted:
        text += "\n\n" + handoff_note
        yield Event("delta", "\n\n" + handoff_note)
    nudge = None
    if (deps.nudge_policy is not None and not phrased.interrupted and not draft.unmet and handoff_note is None
            and draft.act in _NUDGE_ACTS):  # an offer follows an answer, never a "don't know" or a hand-off
        nudge = _nudge(deps, session_id, decision.intent, state)
        if nudge:
            text += "\n\n" + nudge
            yield Event("delta", "\n\n" + nudge)
    state.preferences = ctx.prefs.to_dict()
    # "Show me more" adds cards to the list above; a new search or a narrowed one replaces it.
    state.answer_act = "more" if getattr(heard.u, "more", False) else draft.act
    meta = {"grounding": phrased.grounding, "interrupted": phrased.interrupted, "nudge": nudge,
            "dropped": phrased.dropped, "language": state.lang, "unmet": draft.unmet,
            "no_exact_match": draft.act in ("search", "refine") and draft.unmet}
    if phrased.generator_error:
        meta["generator_error"] = phrased.generator_error
    timings["total"] = time.perf_counter() - t_start
    yield Event("reply", finish(deps, session_id, state, draft, text=text.strip(), intent=decision.intent,
                                meta=meta, nudge=nudge, timings=timings, generator_error=phrased.generator_error))


def _and_then(ctx: ActContext, first: Draft, heard: Heard) -> Draft:
    """The second request of "add the second one and show me some socks": its answer, after the
    first one's (which is computed from rows and shown as it is)."""
    from dataclasses import replace

    then = replace(ctx, u=heard.then, text=heard.then_text)
    second = handler_for(heard.then.act)(then)
    ctx.prefs = then.prefs
    if second.escalate:
        return first
    return replace(second, prefix="\n\n".join(t for t in (first.fallback, second.prefix) if t))


def _means_the_list(u, state: SessionState, shown: list) -> bool:
    """Positions in this message count in the list before the last answer: they point past a
    one-card answer ("the third one"), or that one card is itself a card of the list, shown because
    the shopper asked about it ("is the first one waterproof?" after "how much is the second?")."""
    if len(state.last_list) <= len(shown):
        return False
    one_of_the_list = len(shown) == 1 and shown[0].id in state.last_list and u.pointed
    return u.points_beyond or one_of_the_list


def _still_waiting(ctx: ActContext, again: str | None) -> Draft | None:
    """A person was asked for and this message asks again, or fumes ("这个机器人太笨了"): it is logged
    on the hand-off for staff, and the shopper is told one is on the way, instead of a search for "robot"."""
    if again is None:
        return None
    ctx.deps.sessions.escalate(ctx.session_id, again)
    return Draft("human", fallback=phrase("human_pending", ctx.state.lang))


def _no_such_position(ctx: ActContext) -> Draft | None:
    """ "The fifth one" of four cards: say how many there are instead of answering about another card."""
    u = ctx.u
    if not (u.points_beyond and not u.references and u.act in ("question", "compare", "cart_add")):
        return None
    n = len(ctx.shown)
    return Draft(u.act, products=list(ctx.shown), unmet=True,
                 fallback=phrase("no_such_position", ctx.state.lang, n=n, s="" if n == 1 else "s"))


_NUDGE_ACTS = ("search", "refine", "question", "compare", "cart_add", "cart_show")
_ANSWER_FIRST = ("search", "refine", "question", "compare", "cart_add")
_HANDOFF_TEMPLATES = {"high_value_cart": "handoff_cart", "policy_not_covered": "handoff_policy",
                      "order_problem": "handoff_order"}


def _escalate(deps: TurnDeps, session_id: str, state: SessionState, reason: str, intent: float,
              timings: dict[str, float]) -> Iterator[Event]:
    status = deps.sessions.escalate(session_id, reason)
    answer = render(_HANDOFF_TEMPLATES.get(reason, "handoff"), lang=state.lang)
    state.unmet = 0
    turn_id, view = save_answer(deps, session_id, state, text=answer, act="escalate", meta={"reason": reason})
    yield Event("delta", answer)
    yield Event("reply", Reply(session_id, answer, intent=intent, escalated=True, escalation_reason=status.escalation_reason
                               or reason, act="escalate", cart=view, turn_id=turn_id,
                               timings=timings, language=state.lang))


_BAD_INPUT = {
    "en": {"empty": "Please type a message — for example \"running shoes under $100\".",
           "too_long": "That message is too long for me ({n:,} characters). Please keep it under {limit:,} "
                       "characters and tell me what you're looking for.",
           "unreadable": "Sorry, I couldn't read that message. Could you type what you're looking for?"},
    "zh": {"empty": "请输入您的问题，比如“300元以内的跑鞋”。",
           "too_long": "这条消息太长了（{n:,} 个字符）。请控制在 {limit:,} 个字符以内，并告诉我您想找什么。",
           "unreadable": "抱歉，我没能读懂这条消息。可以再说一下您想找什么吗？"},
}


def _refuse(deps: TurnDeps, session_id: str, state: SessionState, heard: Heard, already_stored: bool) -> Iterator[Event]:
    """Bad input or a message that was only instructions: a clear answer, and the message is kept."""
    if heard.problem:
        act = "bad_input"
        answer = _BAD_INPUT["zh" if state.lang == "zh" else "en"][heard.problem].format(
            n=len(heard.original), limit=deps.max_message_chars)
        meta = {"rejected": heard.problem}
    else:
        act, answer, meta = "injection", render("injection", lang=state.lang), {"injection": True}
    turn_id, view = None, None
    if heard.problem != "empty":  # nothing is lost: the shopper's message is kept in the transcript
        if not already_stored:
            deps.sessions.append_turn(session_id, "user", heard.original, meta=meta)
        turn_id, view = save_answer(deps, session_id, state, text=answer, act=act)
    yield Event("delta", answer)
    yield Event("reply", Reply(session_id, answer, act=act, turn_id=turn_id, cart=view or cart_view(deps, state),
                               language=state.lang))


def _nudge(deps: TurnDeps, session_id: str, intent: float, state: SessionState) -> str | None:
    """The offer for this turn, if any; every decision is recorded so the shop can see what it did."""
    view = {"nudges": state.nudges, "turns": state.turns, "nudge_logged": state.extra.get("nudge_logged", False)}
    record = getattr(deps.nudge_policy, "decide_and_record", None)
    if record is not None and hasattr(deps.sessions, "record_nudge_decision"):
        nudge = record(deps.sessions, session_id, intent, state=view, cart_value=float(state.cart_value))
    else:
        nudge = deps.nudge_policy.decide(session_id=session_id, score=intent, state=view)
    state.nudges = view.get("nudges", state.nudges)
    if view.get("nudge_logged"):
        state.extra["nudge_logged"] = True
    if nudge is None:
        return None
    try:  # the shop's offer in the shopper's language when the phrasebook has it
        return phrase(f"nudge:{nudge.text}", state.lang)
    except KeyError:
        return nudge.text
