"""Greetings, thanks, off-topic and unclear messages: fixed answers, never product cards."""
from __future__ import annotations

from assistant.turn.acts import ActContext
from assistant.turn.events import Draft
from prompts import phrase, render


def greeting(ctx: ActContext) -> Draft:
    return Draft("greeting", fallback=render("greeting", lang=ctx.state.lang))


def thanks(ctx: ActContext) -> Draft:
    return Draft("thanks", fallback=render("thanks", lang=ctx.state.lang))


def off_topic(ctx: ActContext) -> Draft:
    return Draft(ctx.u.act, fallback=render("off_topic", lang=ctx.state.lang))


def unclear(ctx: ActContext) -> Draft:
    return Draft("unclear", fallback=render("unclear", lang=ctx.state.lang), unmet=True)


def human(ctx: ActContext) -> Draft:
    """A person asked for again while one is on the way (or where this shop has no staff chat): say so,
    instead of not understanding a plain request."""
    mode = ctx.deps.sessions.status(ctx.session_id).mode if ctx.session_id else "bot"
    key = "human_pending" if mode in ("waiting", "staff") else "human_unavailable"
    return Draft("human", fallback=phrase(key, ctx.state.lang))
