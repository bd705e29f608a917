"""Customer service: shop policy questions answered from the shop's own policy text, quoted; what the
text does not cover, and problems with an order already placed, go to a person."""
from __future__ import annotations

import re

from assistant import answers
from assistant.turn.acts import ActContext, search
from assistant.turn.events import Draft
from language.service import destination
from prompts import phrase

# A shopping request that mentions service words ("a headset for our support team") is a search.
_SHOPPING = re.compile(r"\b(?:looking\s+for|shopping\s+for|need\s+(?:a|an|some)|want\s+(?:a|an|to\s+buy)|buy|"
                       r"recommend|suggest)\b|买(?!了)|推荐|找一", re.IGNORECASE)
# Policy topics a product row can answer for itself (DummyJSON rows carry their own return policy).
_ROW_TOPIC = {"returns": "returns", "refund": "returns", "return": "returns", "delivery": "shipping",
              "shipping": "shipping", "warranty": "warranty"}


def policy(ctx: ActContext) -> Draft:
    """Quote the row's own policy, else the shop's policy sentences; hand over what neither covers."""
    lang = ctx.state.lang
    product = (ctx.referenced or ctx.focus() or [None])[0]
    row_topic = _ROW_TOPIC.get(getattr(ctx.u, "question_topic", None) or "")
    place = destination(ctx.text)
    if product is not None and row_topic and answers.fact(product, row_topic) is not None:
        found = str(answers.fact(product, row_topic)[1]).lower()
        if not (place and row_topic == "shipping" and place.lower() not in found):
            return Draft("policy", products=[product], fallback=answers.fact_answer(product, row_topic, lang=lang))
    quoted = shop_policy(ctx, product)
    if quoted is not None:
        return quoted
    if _SHOPPING.search(ctx.text):
        return search.handle(ctx)
    # The shop's text does not say: a person answers rather than the bot stretching a rule.
    return Draft("policy", escalate="policy_not_covered")


def shop_policy(ctx: ActContext, product) -> Draft | None:
    """The shop's policy sentences that answer the message, quoted; None when its text does not say."""
    lang = ctx.state.lang
    desk = ctx.deps.policies
    answer = desk.answer(ctx.text, product=product, lang=lang) if desk is not None else None
    if answer is None or not answer.covered or not answer.text:
        return None
    title = (answer.section_title or "").strip() or phrase("our_policies", lang)
    return Draft("policy", products=[product] if answer.product_id and product is not None else [],
                 fallback=phrase("policy_says", lang, title=title, text=answer.text))


def order_problem(ctx: ActContext) -> Draft:
    """The assistant cannot see orders: staff can."""
    return Draft("order_problem", escalate="order_problem")
