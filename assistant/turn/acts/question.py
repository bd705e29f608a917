"""Questions about a shown or named product, answered from its catalog row (never by the model).

A yes/no question about a property the row does not mention gets "the catalog doesn't say"; a
row that negates it ("not fully waterproof") gets "no" with the row's own words.
"""
from __future__ import annotations

import re

from assistant import answers
from assistant.turn.acts import ActContext, options, search
from assistant.turn.events import Draft
from language.service import destination

# Words of a question that never name the property asked about.
_QUESTION_WORDS = set("""
a an the it its it's this that these those them they one ones is are was were be been do does did
can could will would should has have had of for to in on with and or about any anything there here
how what which who whom whose when where why whether if please tell me know you your i my we our
much many very really also still just get got come comes come go goes made make item product
thing stuff good ok okay first second third fourth fifth last latter former cheapest priciest
more tell show details detail info information describe description about pls please thanks
""".split())
# Chinese words that point at a shown product or ask for details, not at a property.
_ZH_POINTERS = re.compile(r"第[一二三四五六七八九十\d]+(?:个|款|件|双|台|本|只|条)?|最便宜的?|最贵的?|这个|那个|这款|那款|它|"
                          r"详细|介绍|一下|说说|看看|怎么样|如何|多少|请问|吗|呢|么|嘛|吧|的")


def handle(ctx: ActContext) -> Draft:
    """Answer a question about one product (or the first three referenced) from the rows."""
    referenced = ctx.referenced
    option = options.asked(ctx)
    if len(referenced) > 1 and ctx.u.filters_delta and option is None:
        return search.as_refinement(ctx)
    # With several products on screen and no pointer, "it" most likely means the top one;
    # the answer names the product, so the shopper sees which one was meant.
    targets = referenced or ctx.focus() or list(ctx.shown[:1])
    if not targets:
        return search.handle(ctx)
    ctx.state.focus = targets[0].id
    lang = ctx.state.lang
    topic = getattr(ctx.u, "question_topic", None) or "other"
    if option is not None:  # "does it come in red?", "do they come in size 12?"
        return options.answer(ctx, targets, *option)
    if topic in options.OPTION_KEYS and options.RANGE.search(ctx.text):  # every variant's, not one row's
        return options.answer(ctx, targets[:3], topic, None)
    if topic in answers.TOPIC_KEYS or topic in ("price", "stock", "reviews"):
        place = destination(ctx.text) if topic == "shipping" else None
        lines = [answers.fact_answer(p, topic, lang=lang, place=place) for p in targets[:3]]
        found = [answers.fact(p, topic) for p in targets[:3]]
        unmet = all(f is None or (place and place.lower() not in str(f[1]).lower()) for f in found)
        unmet = unmet and topic != "waterproof"
        if unmet and topic in ("returns", "shipping", "warranty"):  # "can I return it?": the shop's own policy
            from assistant.turn.acts.service import shop_policy

            quoted = shop_policy(ctx, targets[0])
            if quoted is not None:
                return quoted
        return Draft("question", products=list(targets[:3]), fallback="\n".join(lines), unmet=unmet)
    product = targets[0]
    words = property_words(ctx.text, product.title)
    if not words:  # "the second one", "tell me more about it": what its row says
        return Draft("question", products=[product], fallback=answers.product_summary(product, lang=lang))
    quoted = answers.property_answer(product, words, lang=lang)
    if quoted is None:
        return Draft("question", products=[product], fallback=answers.fact_answer(product, "other", lang=lang))
    return Draft("question", products=[product], fallback=quoted)


def property_words(question: str, title: str) -> list[str]:
    """The words (or a Chinese phrase) that name what is asked: "dishwasher safe" in "is it dishwasher safe?"."""
    title_words = set(re.findall(r"\w+", title.lower()))
    cjk = re.findall(r"[\u4e00-\u9fff]{2,}", _ZH_POINTERS.sub(" ", question))
    if re.search(r"[\u4e00-\u9fff]", question):
        stripped = [re.sub(r"^(?:这个|那个|它|这款|请问)|(?:吗|呢|么|嘛|吧)$", "", c) for c in cjk]
        return [w for w in stripped if len(w) >= 2 and w not in title]
    words = [w for w in re.findall(r"[a-z][a-z-]+", question.lower())
             if w not in _QUESTION_WORDS and w not in title_words and len(w) > 2]
    return [" ".join(words)] if words else []
