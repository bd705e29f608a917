"""Compare products side by side: a table and a summary, both computed from the rows."""
from __future__ import annotations

from assistant import answers
from assistant.turn.acts import ActContext
from assistant.turn.events import Draft
from prompts import phrase


def handle(ctx: ActContext) -> Draft:
    """"compare the first two" compares those; one card named is set against the product in focus; a
    bare "compare them" compares what is on screen (up to 3)."""
    referenced = ctx.referenced
    items = referenced if len(referenced) >= 2 else ctx.shown[:3]
    focus = ctx.focus()
    if len(referenced) == 1 and focus and focus[0].id != referenced[0].id:
        items = [focus[0], referenced[0]]  # "跟第二个比一下", "how does it compare to the second one?"
    if len(items) < 2 and len(ctx.state.last_list) >= 2:
        # One card on screen now, but the list before it is what "the first two" means.
        items = _from_last_list(ctx)
    lang = ctx.state.lang
    if len(items) < 2:
        return Draft("compare", fallback=phrase("compare_first", lang), unmet=True)
    ctx.state.compared = sorted(set(ctx.state.compared) | {p.id for p in items})
    table = answers.compare_table(items, lang=lang)
    summary = answers.compare_summary(items, lang=lang)
    lead = phrase("compare_lead", lang)
    return Draft("compare", products=list(items), fallback="\n\n".join(x for x in (lead, table, summary) if x))


def _from_last_list(ctx: ActContext):
    """Resolve the shopper's references against the last answer that showed several products."""
    from language import understand

    rows = ctx.deps.rows(ctx.state.last_list)
    u = understand(ctx.text, vocab=ctx.deps.vocab, shown=[p.id for p in rows], shown_titles=[p.title for p in rows],
                   shown_prices=[p.price for p in rows])
    picked = [rows[i] for i in u.references if 0 <= i < len(rows)]
    return picked if len(picked) >= 2 else rows[:3]
