"""Compare products side by side: a table and a summary, both computed from the rows."""
from __future__ import annotations

from assistant import answers
from assistant.turn.acts import ActContext
from assistant.turn.events import Draft
from prompts import phrase


def handle(ctx: ActContext) -> Draft:
    """"compare the first two" compares those; a bare "compare them" compares what is on screen (up to 3)."""
    referenced = ctx.referenced
    items = referenced if len(referenced) >= 2 else ctx.shown[:3]
    lang = ctx.state.lang
    if len(items) < 2:
        return Draft("compare", fallback=phrase("compare_first", lang), unmet=True)
    ctx.state.compared = sorted(set(ctx.state.compared) | {p.id for p in items})
    table = answers.compare_table(items, lang=lang)
    summary = answers.compare_summary(items, lang=lang)
    return Draft("compare", products=list(items), fallback="\n\n".join(x for x in (table, summary) if x))
