"""Customer service: shop policy questions answered from the shop's own policy text, quoted; what the
text does not cover, and problems with an order already placed, go to a person."""
from __future__ import annotations

from assistant.turn.acts import ActContext
from assistant.turn.events import Draft
from prompts import phrase


def policy(ctx: ActContext) -> Draft:
    """Quote the policy sentences that answer the question (for the product talked about, if any)."""
    desk = ctx.deps.policies
    lang = ctx.state.lang
    product = (ctx.referenced or ctx.focus() or [None])[0]
    answer = desk.answer(ctx.text, product=product, lang=lang) if desk is not None else None
    if answer is None or not answer.covered or not answer.text:
        # The shop's text does not say: a person answers rather than the bot stretching a rule.
        return Draft("policy", escalate="policy_not_covered")
    title = (answer.section_title or "").strip() or phrase("our_policies", lang)
    return Draft("policy", products=[product] if answer.product_id and product is not None else [],
                 fallback=phrase("policy_says", lang, title=title, text=answer.text))


def order_problem(ctx: ActContext) -> Draft:
    """The assistant cannot see orders: staff can."""
    return Draft("order_problem", escalate="order_problem")
