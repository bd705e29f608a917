""""Which one is the lightest / best rated / cheapest?" about the cards on screen, answered from the rows.

The winner is computed (weight in grams, rating, price); cards whose row does not give the field are
left out and said to be, and when none gives it the answer is that the catalog does not say.
"""
from __future__ import annotations

import re

from assistant.answers import money
from assistant.turn.acts import ActContext
from assistant.turn.events import Draft
from prompts import phrase

_WHAT = {("weight", "min"): ("lightest", "最轻"), ("weight", "max"): ("heaviest", "最重"),
         ("rating", "max"): ("best rated", "评分最高"), ("price", "min"): ("cheapest", "最便宜"),
         ("price", "max"): ("most expensive", "最贵")}
_FIELD = {"weight": ("weight", "重量"), "rating": ("rating", "评分"), "price": ("price", "价格")}
_QUESTION_WORDS = re.compile(r"\b(?:which|what|one|ones|is|the|of|them|these|those|has|have|your|option|options"
                             r"|choice|pick|lightest|heaviest|best|highest|top|rated|rating|cheapest|least|expensive"
                             r"|most|priciest|affordable|lowest|priced?|so|and|budget|a|bit|limited|weighs?|costs?|price|reviews?|reviewed"
                             r"|stars|score|ratings)\b"
                             r"|哪个|哪款|哪一款|哪一个|最轻|最重|评分最高|评价最高|分数最高|星级最高|最便宜|最贵|的|是|呢|吗|[?？,.!！，。']",
                             re.IGNORECASE)


def answer(ctx: ActContext) -> Draft | None:
    """The computed answer, or None when the message is not such a question about two or more cards."""
    from language.superlative import asks_superlative

    asked = asks_superlative(ctx.text)
    if asked is None or _QUESTION_WORDS.sub(" ", getattr(ctx.u, "query_text", "") or "").strip():
        return None
    # The list on screen: the last answer's cards, or the list above a one-card answer about one of
    # them; a search that found one card (within a new budget) is itself the list.
    one_found = len(ctx.shown) == 1 and [p.id for p in ctx.shown] == ctx.state.last_list
    cards = list(ctx.shown) if len(ctx.shown) >= 2 or one_found else ctx.deps.rows(ctx.state.last_list)
    if not cards or (len(cards) < 2 and not one_found):
        return None
    field, end = asked
    lang = ctx.state.lang
    zh = lang == "zh"
    values = {p.id: v for p in cards if (v := _value(p, field)) is not None}
    what, label = _WHAT[asked][zh], _FIELD[field][zh]
    if not values:
        return Draft("question", products=cards, unmet=True,
                     fallback=phrase("superlative_unknown", lang, field=label, what=what))
    pick = (min if end == "min" else max)(values.values())
    winner = next(p for p in cards if p.id in values and values[p.id] == pick)
    lines = [phrase("superlative_is", lang, title=winner.title, what=what, value=_shown_value(winner, field))]
    missing = len(cards) - len(values)
    if missing:
        lines.append(phrase("superlative_some_missing", lang, field=label, n=missing))
    ctx.state.focus = winner.id
    return Draft("question", products=[winner], fallback=" ".join(lines))


def _value(p, field: str) -> float | None:
    from language.superlative import grams

    if field == "price":
        return p.price
    if field == "rating":
        return p.rating
    weight = p.facts().get("weight")
    if isinstance(weight, (int, float)) and not isinstance(weight, bool):
        return float(weight)  # a feed's unitless weights compare as they are
    return grams(weight)


def _shown_value(p, field: str) -> str:
    if field == "price":
        return money(p.price, p.currency)
    if field == "rating":
        return f"{p.rating:.1f}"
    return str(p.facts().get("weight"))
